package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// DefaultMaxRedirectLength is the longest Location a redirect accepts by
// default, in characters: Django's MAX_URL_REDIRECT_LENGTH (5.2.9+, 6.x).
const DefaultMaxRedirectLength = 16384

// Redirect is Django's HttpResponseRedirect and HttpResponsePermanentRedirect:
// an HTTPResponse with a Location header and an empty HTML body.
type Redirect struct {
	HTTPResponse
}

var _ Response = (*Redirect)(nil)

// RedirectOptions choose the kind of redirect. The zero value is Django's
// HttpResponseRedirect: 302 Found.
type RedirectOptions struct {
	// Permanent is HttpResponsePermanentRedirect: 301 Moved Permanently
	// (308 with PreserveRequest).
	Permanent bool
	// PreserveRequest is Django's preserve_request=True: 307 Temporary
	// Redirect or 308 Permanent Redirect, which tell the client to repeat
	// the request with the same method and body (RFC 9110 §15.4.8, §15.4.9).
	PreserveRequest bool
	// MaxLength is the longest accepted Location, in characters, measured
	// after IRI-to-URI encoding (Django 6.1's max_length). 0 means
	// DefaultMaxRedirectLength; a negative value means no limit.
	MaxLength int
}

// NewRedirect returns a 302 redirect to the given URL: Django's
// HttpResponseRedirect(to). See NewRedirectWith for the checks.
func NewRedirect(to string) (*Redirect, error) {
	return NewRedirectWith(to, RedirectOptions{})
}

// NewPermanentRedirect returns a 301 redirect to the given URL: Django's
// HttpResponsePermanentRedirect(to).
func NewPermanentRedirect(to string) (*Redirect, error) {
	return NewRedirectWith(to, RedirectOptions{Permanent: true})
}

// NewRedirectWith returns a redirect to the given URL (absolute, absolute
// path, relative or scheme-relative): Django's HttpResponseRedirectBase.
// Location is IRIToURI(to): non-ASCII characters, spaces and controls are
// percent-encoded and existing escapes kept.
//
// Security: only the schemes http, https and ftp (in any case) are
// accepted, besides URLs without a scheme. The scheme is found as Python's
// urlsplit finds it, after removing leading spaces and C0 controls and
// every tab, CR and LF, as browsers do; so " javascript:x" and
// "java\tscript:x" are refused too. A refused URL is an error wrapping
// ErrDisallowedRedirect (a 400 through StatusOf) whose text ends with
// Django's message: "Unsafe redirect to URL with protocol 'javascript'" or
// "Unsafe redirect exceeding 16384 characters".
func NewRedirectWith(to string, o RedirectOptions) (*Redirect, error) {
	loc := IRIToURI(to)
	limit := o.MaxLength
	if limit == 0 {
		limit = DefaultMaxRedirectLength
	}
	if limit > 0 && len(loc) > limit {
		return nil, fmt.Errorf("%w: Unsafe redirect exceeding %d characters", ErrDisallowedRedirect, limit)
	}
	if s := urlsplitScheme(to); s != "" && s != "http" && s != "https" && s != "ftp" {
		return nil, fmt.Errorf("%w: Unsafe redirect to URL with protocol '%s'", ErrDisallowedRedirect, s)
	}
	status, class := http.StatusFound, "HttpResponseRedirect"
	switch {
	case o.Permanent && o.PreserveRequest:
		status, class = http.StatusPermanentRedirect, "HttpResponsePermanentRedirect"
	case o.Permanent:
		status, class = http.StatusMovedPermanently, "HttpResponsePermanentRedirect"
	case o.PreserveRequest:
		status = http.StatusTemporaryRedirect
	}
	r := &Redirect{HTTPResponse: *newHTTPResponse(class, status, nil)}
	r.setHeader("Location", loc)
	return r, nil
}

// URL returns the Location header: Django's url property.
func (r *Redirect) URL() string { return r.first("Location") }

// String returns Django's repr, such as `<HttpResponseRedirect
// status_code=302, "text/html; charset=utf-8", url="/foo/">`.
func (r *Redirect) String() string {
	return "<" + r.class + " status_code=" + strconv.Itoa(r.Status()) + contentTypeRepr(&r.BaseResponse) +
		`, url="` + r.URL() + `">`
}

// urlsplitScheme returns the lower-cased scheme Python's urlsplit finds in
// u: leading C0 controls and spaces are stripped and tabs, CRs and LFs
// removed (WHATWG URL parsing, Python ≥3.11.4), then the text before the
// first ":" is the scheme when it starts with an ASCII letter and holds
// only letters, digits, "+", "-" and "." (RFC 3986 §3.1). It returns ""
// when there is no scheme.
func urlsplitScheme(u string) string {
	i := 0
	for i < len(u) && u[i] <= ' ' {
		i++
	}
	var buf [32]byte
	scheme := buf[:0]
	for ; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '\t' || c == '\r' || c == '\n':
			continue
		case c == ':':
			if len(scheme) == 0 {
				return ""
			}
			return string(scheme)
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
		case len(scheme) > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return ""
		}
		scheme = append(scheme, c)
	}
	return ""
}
