package web

import (
	"context"
	"errors"
	"net/http"
)

// Sentinel errors of the web layer. Handlers return them (possibly wrapped)
// and the adapter maps them to statuses with StatusOf; errors.Is matches
// them through any wrapping.
var (
	// ErrNotFound is Django's Http404: the adapter answers 404.
	ErrNotFound = errors.New("web: not found")
	// ErrPermissionDenied is Django's PermissionDenied: 403.
	ErrPermissionDenied = errors.New("web: permission denied")
	// ErrBadRequest is Django's BadRequest: 400.
	ErrBadRequest = errors.New("web: bad request")
	// ErrSuspiciousOperation is Django's SuspiciousOperation: 400. The more
	// specific errors below wrap it.
	ErrSuspiciousOperation = errors.New("web: suspicious operation")
	// ErrDisallowedHost is Django's DisallowedHost: the Host header is not in
	// Settings.AllowedHosts (400).
	ErrDisallowedHost = &kindError{msg: "web: disallowed host", kind: ErrSuspiciousOperation}
	// ErrDisallowedRedirect is Django's DisallowedRedirect: a redirect to an
	// unsafe scheme or an over-long URL.
	ErrDisallowedRedirect = &kindError{msg: "web: disallowed redirect", kind: ErrSuspiciousOperation}
	// ErrRequestDataTooBig is Django's RequestDataTooBig: the body exceeds
	// Settings.MaxMemorySize (413 Request Entity Too Large).
	ErrRequestDataTooBig = &kindError{msg: "web: request body exceeded the maximum memory size", kind: ErrSuspiciousOperation}
	// ErrTooManyFields is Django's TooManyFieldsSent: more fields than
	// Settings.MaxNumberFields (400).
	ErrTooManyFields = &kindError{msg: "web: the number of GET/POST parameters exceeded the maximum number of fields", kind: ErrSuspiciousOperation}
	// ErrTooManyFiles is Django's TooManyFilesSent: more files than
	// Settings.MaxNumberFiles (400).
	ErrTooManyFiles = &kindError{msg: "web: the number of files exceeded the maximum number of files", kind: ErrSuspiciousOperation}
	// ErrRawPostData is Django's RawPostDataException: the body was read as a
	// stream (Request.Read) and can no longer be had as bytes.
	ErrRawPostData = errors.New("web: you cannot access body after reading from request's data stream")
	// ErrBadHeader is Django's BadHeaderError: a header name or value with a
	// CR or LF, or a name that is not a valid token.
	ErrBadHeader = errors.New("web: header values can't contain newlines")
	// ErrImmutable is returned when a QueryDict that came from a request is
	// changed; take a Copy first (Django's "This QueryDict instance is immutable").
	ErrImmutable = errors.New("web: this QueryDict instance is immutable")
)

// kindError is a sentinel that is also one of a broader kind, so that
// errors.Is(ErrTooManyFields, ErrSuspiciousOperation) holds.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string { return e.msg }

func (e *kindError) Is(target error) bool { return target == e.kind }

// HTTPError is an error with a status for the client, kept apart from the
// server-side cause. Message is what the client sees (empty: the status's
// reason phrase); Err is logged, never shown unless Settings.Debug is on.
type HTTPError struct {
	Status  int
	Message string
	Header  http.Header
	Err     error
}

// Error returns the message and the cause.
func (e *HTTPError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.Status)
	}
	if e.Err != nil {
		return msg + ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the cause.
func (e *HTTPError) Unwrap() error { return e.Err }

// StatusOf returns the HTTP status an error maps to: the status of an
// HTTPError in its chain, 404 for ErrNotFound, 403 for ErrPermissionDenied,
// 413 for ErrRequestDataTooBig, 400 for ErrBadRequest and every
// ErrSuspiciousOperation, 499 when the client went away (context.Canceled),
// and 500 for anything else. A nil error is 200.
func StatusOf(err error) int {
	if err == nil {
		return http.StatusOK
	}
	var he *HTTPError
	if errors.As(err, &he) && he.Status != 0 {
		return he.Status
	}
	for _, m := range statusTable {
		if errors.Is(err, m.err) {
			return m.status
		}
	}
	return http.StatusInternalServerError
}

// statusTable is the one table mapping error kinds to statuses; the first
// match wins, so specific kinds come before broad ones.
var statusTable = [...]struct {
	err    error
	status int
}{
	{ErrNotFound, http.StatusNotFound},
	{ErrPermissionDenied, http.StatusForbidden},
	{ErrRequestDataTooBig, http.StatusRequestEntityTooLarge},
	{ErrBadRequest, http.StatusBadRequest},
	{ErrSuspiciousOperation, http.StatusBadRequest},
	{ErrBadHeader, http.StatusBadRequest},
	{ErrRawPostData, http.StatusInternalServerError},
	{context.Canceled, StatusClientClosedRequest},
}

// StatusClientClosedRequest (499, nginx's convention) is recorded when the
// client cancelled the request before the response was written.
const StatusClientClosedRequest = 499

// Errors of the handler adapter.
var (
	// ErrNilResponse is logged when a handler or middleware returns a nil
	// Response together with a nil error; the client gets a 500.
	ErrNilResponse = errors.New("web: handler returned a nil Response and a nil error")
)

// Errors of the authentication middleware.
var (
	// ErrNotAuthenticated is returned (inside an HTTPError) by
	// RequireAuthenticated when the request's user is not authenticated: DRF's
	// NotAuthenticated. It is an ErrPermissionDenied.
	ErrNotAuthenticated = &kindError{msg: "web: authentication credentials were not provided", kind: ErrPermissionDenied}
)

// Errors of character set handling.
var (
	// ErrUnknownEncoding is returned when a QueryDict or a Request is given an
	// encoding restframe cannot decode: Python's LookupError "unknown encoding".
	// restframe knows UTF-8, ASCII, ISO-8859-1 (latin-1), ISO-8859-15 and
	// windows-1252, under Python's names and aliases ("utf8", "latin1",
	// "iso-8859-1", "cp1252", ...).
	ErrUnknownEncoding = errors.New("web: unknown encoding")
)

// Errors of SetCookie, SetSignedCookie and DeleteCookie, always wrapped in a
// *CookieError that names the cookie. They are programming errors: StatusOf
// maps them to 500.
var (
	// ErrCookieName is Python's CookieError "Illegal key": a cookie name must
	// be non-empty and made of letters, digits and "!#$%&'*+-.^_`|~:"
	// (RFC 6265 §4.1.1 token characters, plus ":" as Python allows).
	ErrCookieName = errors.New("web: illegal cookie name")
	// ErrCookieNameReserved is Python's CookieError "Attempt to set a
	// reserved key": the name is, case-insensitively, an attribute name
	// (expires, path, comment, domain, max-age, secure, httponly, version,
	// samesite).
	ErrCookieNameReserved = errors.New("web: reserved cookie name")
	// ErrSameSite is Django's ValueError for a SameSite value other than
	// "lax", "none" or "strict" (any case).
	ErrSameSite = errors.New(`web: samesite must be "lax", "none", or "strict"`)
	// ErrCookieExpires is Django's ValueError "'expires' and 'max_age' can't
	// be used together" (CookieOptions.Expires with MaxAge), also returned
	// when both Expires and ExpiresText are set.
	ErrCookieExpires = errors.New("web: cookie 'expires' and 'max_age' can't be used together")
	// ErrCookieAttribute is returned when Path, Domain or ExpiresText
	// contains a control character or ";", which would corrupt the
	// Set-Cookie line or inject attributes. Django does not check this.
	ErrCookieAttribute = errors.New("web: cookie attribute contains a control character or ';'")
)

// Errors of ParseCookie. Both are bad requests: StatusOf maps them to 400.
var (
	// ErrCookieHeaderTooLarge is returned when the Cookie header is longer
	// than MaxCookieHeaderBytes.
	ErrCookieHeaderTooLarge = &kindError{msg: "web: cookie header too large", kind: ErrBadRequest}
	// ErrTooManyCookies is returned when the Cookie header holds more than
	// MaxCookies cookies.
	ErrTooManyCookies = &kindError{msg: "web: too many cookies", kind: ErrBadRequest}
)

// Errors of the cross-origin protection.
var (
	// ErrCrossOrigin is returned by CrossOriginProtection.Check for an
	// unsafe cross-origin browser request; it is an ErrPermissionDenied
	// (403). Django's equivalent is a CSRF failure.
	ErrCrossOrigin = &kindError{msg: "web: cross-origin request detected", kind: ErrPermissionDenied}
	// ErrTrustedOrigin is returned by NewCrossOriginProtection for a
	// trusted origin that is not of the form "scheme://host[:port]".
	ErrTrustedOrigin = errors.New("web: invalid trusted origin")
	// ErrBypassPattern is returned by NewCrossOriginProtection for a bypass
	// pattern that http.ServeMux refuses (invalid or conflicting).
	ErrBypassPattern = errors.New("web: invalid bypass pattern")
)

// Errors of DumpJSON and JSONResponse.
var (
	// ErrJSONUnsupported is Python's TypeError "Object of type X is not JSON
	// serializable": a channel, function, complex number or map key that
	// JSON cannot hold.
	ErrJSONUnsupported = errors.New("web: value is not JSON serializable")
	// ErrJSONValue is Python's ValueError from json.dumps: a NaN or infinity
	// with DisallowNaN ("Out of range float values are not JSON compliant"),
	// nesting deeper than MaxJSONDepth (a circular reference), a date outside
	// years 1–9999, an invalid json.Number, or invalid output from a
	// json.Marshaler.
	ErrJSONValue = errors.New("web: value cannot be encoded as JSON")
	// ErrNonObjectJSON is Django's TypeError "In order to allow non-dict
	// objects to be serialized set the safe parameter to False.": a
	// JSONResponse whose data does not encode to a JSON object, without
	// JSONOptions.AllowNonObject.
	ErrNonObjectJSON = errors.New("web: in order to allow non-dict objects to be serialized set the safe parameter to False (JSONOptions.AllowNonObject)")
)

// Errors of ETag parsing.
var (
	// ErrETagListTooLarge is returned by ParseETags when the header exceeds
	// MaxETagHeaderBytes or lists more than MaxETags tags. StatusOf maps it to
	// 400.
	ErrETagListTooLarge = &kindError{msg: "web: entity-tag list too large", kind: ErrBadRequest}
)

// Errors of HTTP date parsing.
var (
	// ErrHTTPDate is matched (errors.Is) by every error of ParseHTTPDate. A bad
	// date in a request header is a client error: StatusOf maps it to 400.
	ErrHTTPDate = errors.New("web: invalid HTTP date")
)

// Errors of reading request cookies.
var (
	// ErrCookieNotFound is Django's KeyError from get_signed_cookie: the request
	// has no cookie of that name. SignedCookie wraps it in a *SignedCookieError.
	ErrCookieNotFound = errors.New("web: cookie not found")
)

// Errors of the response types. They are programming errors (a 500 through
// StatusOf), except the redirect errors, which wrap ErrDisallowedRedirect.
var (
	// ErrInvalidStatus is Django's "HTTP status code must be an integer from
	// 100 to 599.": a status outside 100–599 given to a response.
	ErrInvalidStatus = errors.New("web: HTTP status code must be an integer from 100 to 599")
	// ErrContentTypeConflict is Django's "'headers' must not contain
	// 'Content-Type' when the 'content_type' parameter is provided.": both
	// ResponseOptions.ContentType and a Content-Type in ResponseOptions.Header.
	ErrContentTypeConflict = errors.New("web: 'headers' must not contain 'Content-Type' when the 'content_type' parameter is provided")
	// ErrNotModifiedContent is Django's "You cannot set content to a 304 (Not
	// Modified) response".
	ErrNotModifiedContent = errors.New("web: you cannot set content to a 304 (Not Modified) response")
	// ErrUnicode is Python's UnicodeError: text that the response charset
	// cannot encode, or content that it cannot decode (see HTTPResponse.Text).
	// An unknown charset is ErrUnknownEncoding.
	ErrUnicode = errors.New("web: content cannot be encoded or decoded with the response charset")
	// ErrResponseSent is returned by Send when a response that can be sent
	// only once (a file or a stream) is sent again.
	ErrResponseSent = errors.New("web: response already sent")
)

// Errors of sessions.
var (
	// ErrSessionTooLarge is returned when a session cookie is longer than
	// SessionOptions.MaxCookieSize: a request's cookie is then ignored (the
	// session starts empty), and saving one fails (a 500), because browsers
	// silently drop cookies that large.
	ErrSessionTooLarge = errors.New("web: session cookie too large")
)

// Errors of server-sent events.
var (
	// ErrBadEvent is returned for a server-sent event whose ID or Event field
	// contains CR or LF (or, for the ID, NUL), which would break the event
	// stream's framing.
	ErrBadEvent = errors.New("web: server-sent event id and event fields can't contain newlines")
)

// Errors of URL encoding.
var (
	// ErrNoneValue is returned by URLEncode for a nil value: Django's TypeError
	// "Cannot encode None for key ... in a query string". The error's text ends
	// with Django's message.
	ErrNoneValue = errors.New("web: cannot encode nil in a query string")
)
