package web

import (
	"net/http"
	"strings"

	"github.com/restframe/restframe/internal/pyrepr"
)

// Request is Django's HttpRequest over a *http.Request. It is lazy: nothing
// is parsed until asked for, and what is computed once (the validated host,
// the paths, META, cookies, the parsed Accept header) is cached. A Request
// is used by one goroutine at a time. Make one with NewRequest. The Request
// a Server gives to a handler is valid until the response has been sent;
// the Server reuses it afterwards (see Server, "Request lifetime").
type Request struct {
	req      *http.Request
	settings *Settings

	info infoState // host, scheme, paths, headers, cookies: request_info.go
	data dataState // query, body, form and files: request_data.go

	session *Session
	user    User

	// spare is the slot of Spare, kept when a Server reuses the Request's
	// memory; reusable marks a Request made by a Server.
	spare    any
	reusable bool
}

// NewRequest wraps r: Django's WSGIRequest built from the server's
// environ. s may be nil, meaning the zero Settings; it must not change while
// the request is served. Nothing is read from r until asked for.
func NewRequest(r *http.Request, s *Settings) *Request {
	if s == nil {
		s = &Settings{}
	}
	return &Request{req: r, settings: s}
}

// Spare returns a slot kept with the Request's memory when a Server reuses
// it for a later request (see Server, "Request lifetime"), or nil for a
// Request made with NewRequest. A layer built on web keeps there
// per-request memory of its own (the rest package keeps its Request there)
// instead of pooling it apart. What it finds may have been stored by an
// earlier request served with the same memory, by another layer, or still
// be in use by an outer call of the same layer: the layer must tell. The
// Server never reads the slot. Django has no equivalent.
func (r *Request) Spare() *any {
	if !r.reusable {
		return nil
	}
	return &r.spare
}

// HTTP returns the underlying *http.Request.
func (r *Request) HTTP() *http.Request { return r.req }

// Settings returns the settings the request was made with.
func (r *Request) Settings() *Settings { return r.settings }

// Method is Django's HttpRequest.method: the request method in upper case
// ("GET" when the *http.Request leaves it empty, as net/http clients may).
func (r *Request) Method() string {
	if r.req.Method == "" {
		return http.MethodGet
	}
	return strings.ToUpper(r.req.Method)
}

// Pattern is the http.ServeMux pattern that matched the request
// (http.Request.Pattern, e.g. "GET /users/{id}"), "" when the request was
// not routed by a ServeMux: the closest thing to Django's
// resolver_match.route.
func (r *Request) Pattern() string { return r.req.Pattern }

// PathValue returns the value of the named wildcard of the matched
// http.ServeMux pattern (http.Request.PathValue): Django's
// resolver_match.kwargs[name]. It is "" when there is no such wildcard.
func (r *Request) PathValue(name string) string { return r.req.PathValue(name) }

// Session is Django's request.session: the session that session middleware
// attached with SetSession, or nil when none did.
func (r *Request) Session() *Session { return r.session }

// SetSession attaches the request's session; session middleware calls it
// (Django's SessionMiddleware setting request.session).
func (r *Request) SetSession(s *Session) { r.session = s }

// User is Django's request.user: the user that authentication middleware
// attached with SetUser, or nil when none did (Django would give an
// AnonymousUser; the auth middleware sets one).
func (r *Request) User() User { return r.user }

// SetUser attaches the request's user; authentication middleware calls it
// (Django's AuthenticationMiddleware setting request.user).
func (r *Request) SetUser(u User) { r.user = u }

// String is Django's HttpRequest.__repr__: "<Request: GET '/x/?a=1'>" with
// the method and the Python repr of FullPath, or "<Request>" for a Request
// that wraps no *http.Request.
func (r *Request) String() string {
	if r == nil || r.req == nil {
		return "<Request>"
	}
	return "<Request: " + r.Method() + " " + pyrepr.Str(r.FullPath(false)) + ">"
}
