package web

import "net/http"

// Request is Django's HttpRequest over a *http.Request. It is lazy: nothing
// is parsed until asked for. A Request is used by one goroutine at a time.
type Request struct {
	req      *http.Request
	settings *Settings

	info infoState // host, scheme, paths, headers, cookies: request_info.go
	data dataState // query, body, form and files: request_data.go

	session *Session
	user    User
}

// NewRequest wraps r. s may be nil, meaning the zero Settings; it must not
// change while the request is served.
func NewRequest(r *http.Request, s *Settings) *Request {
	if s == nil {
		s = &Settings{}
	}
	return &Request{req: r, settings: s}
}

// HTTP returns the underlying *http.Request.
func (r *Request) HTTP() *http.Request { return r.req }

// Settings returns the settings the request was made with.
func (r *Request) Settings() *Settings { return r.settings }
