package rest

import (
	"math"
	"net/http"
	"strconv"

	"github.com/restframe/restframe/web"
)

// Default details and codes of DRF's exception classes (rest_framework/
// exceptions.py, spec §5.4), in DRF's exact wording.
const (
	// DetailServerError and CodeError are APIException's defaults.
	DetailServerError = "A server error occurred."
	CodeError         = "error"
	// DetailInvalid and CodeInvalid are ValidationError's defaults.
	DetailInvalid = "Invalid input."
	CodeInvalid   = "invalid"
	// DetailParseError and CodeParseError are ParseError's defaults.
	DetailParseError = "Malformed request."
	CodeParseError   = "parse_error"
	// DetailAuthenticationFailed and CodeAuthenticationFailed are
	// AuthenticationFailed's defaults.
	DetailAuthenticationFailed = "Incorrect authentication credentials."
	CodeAuthenticationFailed   = "authentication_failed"
	// DetailNotAuthenticated and CodeNotAuthenticated are
	// NotAuthenticated's defaults.
	DetailNotAuthenticated = "Authentication credentials were not provided."
	CodeNotAuthenticated   = "not_authenticated"
	// DetailPermissionDenied and CodePermissionDenied are
	// PermissionDenied's defaults.
	DetailPermissionDenied = "You do not have permission to perform this action."
	CodePermissionDenied   = "permission_denied"
	// DetailNotFound and CodeNotFound are NotFound's defaults.
	DetailNotFound = "Not found."
	CodeNotFound   = "not_found"
	// CodeMethodNotAllowed is MethodNotAllowed's code; its detail is
	// `Method "<METHOD>" not allowed.`.
	CodeMethodNotAllowed = "method_not_allowed"
	// DetailNotAcceptable and CodeNotAcceptable are NotAcceptable's
	// defaults.
	DetailNotAcceptable = "Could not satisfy the request Accept header."
	CodeNotAcceptable   = "not_acceptable"
	// CodeUnsupportedMediaType is UnsupportedMediaType's code; its detail
	// is `Unsupported media type "<media type>" in request.`.
	CodeUnsupportedMediaType = "unsupported_media_type"
	// DetailThrottled and CodeThrottled are Throttled's defaults.
	DetailThrottled = "Request was throttled."
	CodeThrottled   = "throttled"
)

// Error is DRF's APIException: an error with a status, a detail that is
// safe to show to the client, a code, and response headers. Handlers return
// it (or wrap it); the exception handler turns it into a Response whose
// body is {"detail": ...}, or the list or object of a ValidationError.
//
// Detail is normalised by the constructors (see NewError): every leaf is an
// ErrorDetail carrying its code, lists are []any, and objects are
// map[string]any or, to keep the order of the members, web.JSONObject.
// Err is the server-side cause; it is logged and never shown to the client.
type Error struct {
	// Status is the HTTP status (DRF's status_code).
	Status int
	// Detail is the normalised detail: ErrorDetail, []any,
	// map[string]any or web.JSONObject.
	Detail any
	// Code is the default code of the leaves (DRF's default_code, or the
	// code given to the constructor).
	Code string
	// Header holds headers for the response: Retry-After for Throttled,
	// WWW-Authenticate for 401s (DRF's auth_header). It may be nil.
	Header http.Header
	// Wait is Throttled's wait in whole seconds (rounded up), nil when
	// unknown.
	Wait *float64
	// Err is the cause, for the logs only.
	Err error
}

// Error returns DRF's str(exc) (see String), followed by the cause when
// there is one.
func (e *Error) Error() string {
	s := e.String()
	if e.Err != nil {
		return s + ": " + e.Err.Error()
	}
	return s
}

// String returns DRF's str(exc), which is str(exc.detail): the message of a
// single ErrorDetail, or Python's repr of a list or dict of them
// ("[ErrorDetail(string='bad', code='invalid')]"). Go maps are shown with
// their keys sorted.
func (e *Error) String() string { return detailString(e.Detail) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// As lets errors.As find a *web.HTTPError in an *Error, so that the plain
// web adapter (web.StatusOf) answers with its status, its headers and, for
// a single detail, its message.
func (e *Error) As(target any) bool {
	he, ok := target.(**web.HTTPError)
	if !ok {
		return false
	}
	msg := ""
	if d, ok := e.Detail.(ErrorDetail); ok {
		msg = d.Message
	}
	*he = &web.HTTPError{Status: e.Status, Message: msg, Header: e.Header, Err: e.Err}
	return true
}

// Codes is DRF's get_codes(): the detail's structure with each leaf
// replaced by its code (a string, []any, map[string]any or
// web.JSONObject).
func (e *Error) Codes() any { return detailCodes(e.Detail) }

// FullDetails is DRF's get_full_details(): the detail's structure with each
// leaf replaced by the object {"message": ..., "code": ...} (a
// web.JSONObject, so that the members keep DRF's order).
func (e *Error) FullDetails() any { return detailFull(e.Detail) }

// NewError is DRF's APIException subclassing in one call: an error with the
// given status whose detail is normalised with code as the default code of
// its leaves. A nil detail is replaced by the default for the status
// (DetailServerError for 500, else the status text); an empty code by
// CodeError. detail may be a string, an ErrorDetail (which keeps its own
// code), an error (its message), a list ([]any, []string, []ErrorDetail)
// or an object (map[string]any, map[string]string, map[string][]string,
// web.JSONObject), nested at will.
func NewError(status int, detail any, code string) *Error {
	if code == "" {
		code = CodeError
	}
	if detail == nil {
		if status == http.StatusInternalServerError || http.StatusText(status) == "" {
			detail = DetailServerError
		} else {
			detail = http.StatusText(status)
		}
	}
	return &Error{Status: status, Detail: normalizeDetail(detail, code), Code: code}
}

// newDefault builds one of DRF's classes: detail[0] when given (and not
// empty), else def.
func newDefault(status int, def, code string, detail []string) *Error {
	msg := def
	if len(detail) > 0 && detail[0] != "" {
		msg = detail[0]
	}
	return &Error{Status: status, Detail: ErrorDetail{Message: msg, Code: code}, Code: code}
}

// APIException is DRF's APIException(detail, code): a 500 whose detail
// defaults to "A server error occurred." and code to "error".
func APIException(detail any, code string) *Error {
	if detail == nil {
		detail = DetailServerError
	}
	return NewError(http.StatusInternalServerError, detail, code)
}

// ValidationError is DRF's ValidationError (400, code "invalid"). A detail
// that is not a list or an object is wrapped in a one-element list (spec
// §5.5), so the response body is always a JSON array or object:
// ValidationError("bad") renders as ["bad"], ValidationError(nil) as
// ["Invalid input."]. Pass an ErrorDetail to choose the code.
func ValidationError(detail any) *Error {
	if detail == nil {
		detail = DetailInvalid
	}
	d := normalizeDetail(detail, CodeInvalid)
	switch d.(type) {
	case []any, map[string]any, web.JSONObject:
	default:
		d = []any{d}
	}
	return &Error{Status: http.StatusBadRequest, Detail: d, Code: CodeInvalid}
}

// ParseError is DRF's ParseError: 400, "Malformed request.", code
// "parse_error". An optional detail replaces the default message.
func ParseError(detail ...string) *Error {
	return newDefault(http.StatusBadRequest, DetailParseError, CodeParseError, detail)
}

// AuthenticationFailed is DRF's AuthenticationFailed: 401, "Incorrect
// authentication credentials.", code "authentication_failed". The view
// adds WWW-Authenticate, or turns it into a 403 when its first
// authenticator has no challenge (see WithAuthenticateHeader).
func AuthenticationFailed(detail ...string) *Error {
	return newDefault(http.StatusUnauthorized, DetailAuthenticationFailed, CodeAuthenticationFailed, detail)
}

// NotAuthenticated is DRF's NotAuthenticated: 401, "Authentication
// credentials were not provided.", code "not_authenticated"; like
// AuthenticationFailed it becomes a 403 without a challenge.
func NotAuthenticated(detail ...string) *Error {
	return newDefault(http.StatusUnauthorized, DetailNotAuthenticated, CodeNotAuthenticated, detail)
}

// PermissionDenied is DRF's PermissionDenied: 403, "You do not have
// permission to perform this action.", code "permission_denied".
func PermissionDenied(detail ...string) *Error {
	return newDefault(http.StatusForbidden, DetailPermissionDenied, CodePermissionDenied, detail)
}

// NotFound is DRF's NotFound: 404, "Not found.", code "not_found".
func NotFound(detail ...string) *Error {
	return newDefault(http.StatusNotFound, DetailNotFound, CodeNotFound, detail)
}

// MethodNotAllowed is DRF's MethodNotAllowed(method): 405 with the detail
// `Method "<method>" not allowed.` (the method as sent) and code
// "method_not_allowed".
func MethodNotAllowed(method string, detail ...string) *Error {
	return newDefault(http.StatusMethodNotAllowed, `Method "`+method+`" not allowed.`, CodeMethodNotAllowed, detail)
}

// NotAcceptable is DRF's NotAcceptable: 406, "Could not satisfy the request
// Accept header.", code "not_acceptable".
func NotAcceptable(detail ...string) *Error {
	return newDefault(http.StatusNotAcceptable, DetailNotAcceptable, CodeNotAcceptable, detail)
}

// UnsupportedMediaType is DRF's UnsupportedMediaType(media_type): 415 with
// the detail `Unsupported media type "<mediaType>" in request.` and code
// "unsupported_media_type".
func UnsupportedMediaType(mediaType string, detail ...string) *Error {
	return newDefault(http.StatusUnsupportedMediaType, `Unsupported media type "`+mediaType+`" in request.`, CodeUnsupportedMediaType, detail)
}

// Throttled is DRF's Throttled(wait): 429, "Request was throttled.", code
// "throttled". wait is rounded up to whole seconds (spec §5.6) and the
// detail gains " Expected available in 1 second." (n == 1) or " Expected
// available in n seconds." (otherwise, also 0); a wait above zero also sets
// the Retry-After header (RFC 9110 §10.2.3) to the rounded seconds. A
// negative or NaN wait means unknown (DRF's wait=None): no extra text, no
// header. An optional detail replaces "Request was throttled.".
func Throttled(wait float64, detail ...string) *Error {
	e := newDefault(http.StatusTooManyRequests, DetailThrottled, CodeThrottled, detail)
	if wait < 0 || math.IsNaN(wait) {
		return e
	}
	w := math.Ceil(wait)
	if math.IsInf(w, 1) || w > math.MaxInt64/2 {
		w = math.MaxInt64 / 2
	}
	n := strconv.FormatInt(int64(w), 10)
	d := e.Detail.(ErrorDetail)
	if n == "1" {
		d.Message += " Expected available in 1 second."
	} else {
		d.Message += " Expected available in " + n + " seconds."
	}
	e.Detail = d
	e.Wait = &w
	if w > 0 {
		e.Header = http.Header{"Retry-After": {n}}
	}
	return e
}
