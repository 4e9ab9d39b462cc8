package rest

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// ExceptionHandler is DRF's EXCEPTION_HANDLER: it turns an error from
// negotiation, parsing, authentication, permissions or a handler into the
// error Response. A nil result means the error is not handled: the view
// answers a 500 that shows no internals. Settings.ExceptionHandler chooses
// it; DefaultExceptionHandler and ProblemDetailsHandler are provided.
type ExceptionHandler func(err error, ctx *ExceptionContext) *Response

// ExceptionContext is DRF's exception handler context: the request and the
// view that raised. Either may be nil outside a view.
type ExceptionContext struct {
	Request *Request
	View    *View
}

// DefaultExceptionHandler is DRF's exception_handler (spec §6.11): an error
// that AsError maps to an *Error becomes a Response with its status, its
// headers (WWW-Authenticate, Retry-After) and the body {"detail": detail},
// or the detail itself when it is a list or an object (a ValidationError);
// any other error gives nil (unhandled, a clean 500). The Response is marked
// Exception, so HTML renderers use their error templates. For RFC 9457
// bodies, set Settings.ExceptionHandler to ProblemDetailsHandler.
func DefaultExceptionHandler(err error, ctx *ExceptionContext) *Response {
	e := AsError(err)
	if e == nil {
		return nil
	}
	return ErrorResponse(e)
}

// ErrorResponse is the Response DefaultExceptionHandler makes for e: the
// detail as data ({"detail": ...} unless it is a list or an object), e's
// status, e's headers plus Retry-After from Wait when positive, and
// Exception set.
func ErrorResponse(e *Error) *Response {
	var data any
	switch e.Detail.(type) {
	case []any, map[string]any, web.JSONObject:
		data = e.Detail
	default:
		data = map[string]any{"detail": e.Detail}
	}
	r := NewResponse(data, e.Status)
	copyErrorHeader(r, e)
	r.Exception = true
	return r
}

// copyErrorHeader sets e's headers on r, and Retry-After from e.Wait as
// DRF does ('%d' % wait, only for a wait above zero).
func copyErrorHeader(r *Response, e *Error) {
	h := r.Header()
	for k, v := range e.Header {
		h[http.CanonicalHeaderKey(k)] = append([]string(nil), v...)
	}
	if e.Wait != nil && *e.Wait >= 1 && h.Get("Retry-After") == "" {
		h.Set("Retry-After", strconv.FormatInt(int64(*e.Wait), 10))
	}
}

// AsError maps an error to DRF's exception for it, the table of the
// default exception handler:
//
//   - an *Error in the chain: itself;
//   - a *parse.Error: ParseError (400) or UnsupportedMediaType (415) with
//     its detail;
//   - web.ErrNotAuthenticated (from web.RequireAuthenticated):
//     NotAuthenticated with that middleware's status and headers;
//   - web.ErrNotFound: NotFound, and web.ErrPermissionDenied:
//     PermissionDenied (Django's Http404 and PermissionDenied; the
//     message of a *web.HTTPError carrying them replaces the default
//     detail, as in DRF 3.15+);
//   - any other client error of the web layer (web.StatusOf gives a 4xx:
//     web.ErrRequestDataTooBig is 413, web.ErrTooManyFields,
//     web.ErrTooManyFiles and the other suspicious operations are 400, a
//     *web.HTTPError its own status): that status, with the HTTPError's
//     message or the status text as the detail ("Request Entity Too
//     Large") and code "error";
//   - anything else, including client disconnections (499) and server
//     errors: nil.
//
// The returned *Error keeps err as its cause.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var pe *parse.Error
	if errors.As(err, &pe) {
		if errors.Is(pe, parse.ErrUnsupportedMediaType) {
			e = UnsupportedMediaType(pe.MediaType, pe.Detail)
		} else {
			e = ParseError(pe.Detail)
		}
		e.Err = err
		return e
	}
	var he *web.HTTPError
	hasHTTP := errors.As(err, &he)
	msg := ""
	if hasHTTP {
		msg = he.Message
	}
	switch {
	case errors.Is(err, web.ErrNotAuthenticated):
		e = NotAuthenticated(msg)
		if hasHTTP && he.Status != 0 {
			e.Status = he.Status
		}
	case errors.Is(err, web.ErrNotFound):
		e = NotFound(msg)
	case errors.Is(err, web.ErrPermissionDenied):
		e = PermissionDenied(msg)
	default:
		status := web.StatusOf(err)
		if status < 400 || status > 499 || status == web.StatusClientClosedRequest {
			return nil
		}
		if msg == "" {
			msg = http.StatusText(status)
		}
		e = NewError(status, msg, CodeError)
	}
	if hasHTTP && len(he.Header) > 0 {
		e.Header = he.Header.Clone()
	}
	e.Err = err
	return e
}

// WithAuthenticateHeader is the first step of DRF's handle_exception (spec
// §6.10): for NotAuthenticated and AuthenticationFailed (any *Error with
// status 401), it asks the first authenticator for its challenge; with one,
// the returned copy carries it as WWW-Authenticate (RFC 9110 §11.6.1) and
// stays a 401; without one (no authenticators, or SessionAuthentication
// first) it becomes a 403 with the same detail. Other errors, and 401s that
// already carry WWW-Authenticate, are returned unchanged. The view calls it before the exception handler.
func WithAuthenticateHeader(err error, r *Request, authenticators []Authenticator) error {
	var e *Error
	if !errors.As(err, &e) || e.Status != http.StatusUnauthorized || e.Header.Get("Www-Authenticate") != "" {
		return err
	}
	c := *e
	c.Header = e.Header.Clone()
	challenge := ""
	if len(authenticators) > 0 && authenticators[0] != nil {
		challenge = authenticators[0].Header(r)
	}
	if challenge == "" {
		c.Status = http.StatusForbidden
		if c.Header != nil {
			c.Header.Del("Www-Authenticate")
		}
		return &c
	}
	if c.Header == nil {
		c.Header = make(http.Header, 1)
	}
	c.Header.Set("Www-Authenticate", challenge)
	return &c
}
