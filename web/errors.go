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
