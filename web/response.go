package web

import (
	"net/http"
	"strconv"
	"strings"
)

// Response is what a Handler returns: Django's HttpResponseBase. Every
// response value (HTTPResponse, JSONResponse, the redirects and status
// family, StreamingResponse, FileResponse, and rest.Response) implements it.
// Middleware reaches the status, headers and cookies through Base.
type Response interface {
	// Base returns the status, headers and cookies the response carries.
	Base() *BaseResponse
	// Send writes the whole response (status line, headers, Set-Cookie
	// lines, body) to w. r is the request being answered; responses that
	// honour Range or conditional headers read it. A response is sent once.
	Send(w http.ResponseWriter, r *http.Request) error
}

// BaseResponse holds what every response has: Django's HttpResponseBase
// status_code, reason_phrase, charset, headers and cookies. Response types
// embed it. The zero value is a 200 response with no headers.
type BaseResponse struct {
	// StatusCode is the HTTP status; 0 means 200.
	StatusCode int
	// Reason overrides the reason phrase (Django's reason argument). HTTP/1.1
	// servers in Go always write the standard phrase on the wire, so the
	// reason is informational (ReasonPhrase, logs, repr).
	Reason string
	// CharsetOverride is Django's charset argument: when set it wins over
	// the charset parameter of the Content-Type header (see Charset).
	CharsetOverride string

	header  http.Header
	cookies []*Cookie
}

// Base returns b itself, so that every type embedding BaseResponse satisfies
// the first half of Response.
func (b *BaseResponse) Base() *BaseResponse { return b }

// Status returns the status code, 200 when unset.
func (b *BaseResponse) Status() int {
	if b.StatusCode == 0 {
		return http.StatusOK
	}
	return b.StatusCode
}

// Header returns the header map, allocating it on first use. Prefer
// SetHeader, which refuses CR and LF; values set directly in the map are
// checked again when the response is sent.
func (b *BaseResponse) Header() http.Header {
	if b.header == nil {
		b.header = make(http.Header)
	}
	return b.header
}

// SetHeader sets a header (Django's response[name] = value), replacing any
// earlier value. A name that is not an HTTP token, or a name or value
// containing CR or LF, is refused with ErrBadHeader.
func (b *BaseResponse) SetHeader(name, value string) error {
	if err := checkHeader(name, value); err != nil {
		return err
	}
	b.Header().Set(name, value)
	return nil
}

// HasHeader reports whether the header is set (case-insensitively):
// Django's has_header.
func (b *BaseResponse) HasHeader(name string) bool {
	_, ok := b.header[http.CanonicalHeaderKey(name)]
	return ok
}

// ReasonPhrase returns Reason when set, else the standard phrase for the
// status, else "Unknown Status Code" (Django's reason_phrase).
func (b *BaseResponse) ReasonPhrase() string {
	if b.Reason != "" {
		return b.Reason
	}
	if t := http.StatusText(b.Status()); t != "" {
		return t
	}
	return "Unknown Status Code"
}

// Charset returns Django's response charset: CharsetOverride if set, else
// the charset parameter of the Content-Type header, else "utf-8".
func (b *BaseResponse) Charset() string {
	if b.CharsetOverride != "" {
		return b.CharsetOverride
	}
	ct := b.header.Get("Content-Type")
	if i := strings.Index(strings.ToLower(ct), "charset="); i >= 0 {
		v := ct[i+len("charset="):]
		if j := strings.IndexAny(v, " \t;"); j >= 0 {
			v = v[:j]
		}
		v = strings.Trim(v, `"`)
		if v != "" {
			return v
		}
	}
	return DefaultCharset
}

// Cookies returns the cookies the response sets, in the order their names
// were first set.
func (b *BaseResponse) Cookies() []*Cookie { return b.cookies }

// WriteHeader checks the headers and cookies, copies them to w and writes
// the status line. Response types call it from Send once the body is ready;
// it writes nothing and returns ErrBadHeader when a header is invalid, so
// the adapter can still answer 500.
func (b *BaseResponse) WriteHeader(w http.ResponseWriter) error {
	for name, values := range b.header {
		for _, v := range values {
			if err := checkHeader(name, v); err != nil {
				return err
			}
		}
	}
	dst := w.Header()
	for name, values := range b.header {
		dst[name] = values
	}
	for _, c := range b.cookies {
		dst.Add("Set-Cookie", c.String())
	}
	w.WriteHeader(b.Status())
	return nil
}

// checkHeader refuses names that are not tokens and CR/LF anywhere.
func checkHeader(name, value string) error {
	if name == "" {
		return ErrBadHeader
	}
	for i := 0; i < len(name); i++ {
		if !isTokenChar(name[i]) {
			return ErrBadHeader
		}
	}
	if strings.ContainsAny(value, "\r\n") {
		return ErrBadHeader
	}
	return nil
}

// isTokenChar reports whether c is a tchar (RFC 9110 §5.6.2).
func isTokenChar(c byte) bool {
	return c < 0x80 && tokenTable[c]
}

var tokenTable = func() (t [128]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()

// contentLength formats n for a Content-Length header.
func contentLength(n int) string { return strconv.Itoa(n) }
