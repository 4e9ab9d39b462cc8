package parse

import (
	"errors"
	"net/http"

	"github.com/restframe/restframe/web"
)

// The kinds of Error. Compare with errors.Is; both describe bad client
// input (a 4xx), never a server fault.
var (
	// ErrParse is DRF's ParseError (400 Bad Request, code "parse_error"):
	// the body does not parse in its declared media type.
	ErrParse = errors.New("parse: malformed request")
	// ErrUnsupportedMediaType is DRF's UnsupportedMediaType (415
	// Unsupported Media Type, code "unsupported_media_type"): no parser
	// handles the request's Content-Type.
	ErrUnsupportedMediaType = errors.New("parse: unsupported media type")
)

// Error is a request body the client got wrong: DRF's ParseError or
// UnsupportedMediaType. Kind says which (errors.Is matches it), Detail is
// DRF's detail string, safe to show to the client, and Err is the cause,
// for the logs only (it may be nil).
//
// An *Error also converts to a *web.HTTPError with errors.As, carrying
// Status and Detail as the message, so that web.StatusOf and the web
// adapter answer 400 or 415 with the detail even without the rest layer.
// Errors of the web layer's limits (web.ErrRequestDataTooBig for 413,
// web.ErrTooManyFields and web.ErrTooManyFiles for 400) are never turned
// into an *Error: parsers return them unchanged.
type Error struct {
	// Kind is ErrParse or ErrUnsupportedMediaType.
	Kind error
	// Detail is DRF's detail: "JSON parse error - Expecting value: line 1
	// column 1 (char 0)", `Unsupported media type "text/plain" in
	// request.`, ...
	Detail string
	// MediaType is the request's Content-Type as sent, for
	// ErrUnsupportedMediaType ("" when there was none).
	MediaType string
	// Err is the underlying cause, if any.
	Err error
}

// Error returns the detail with the package prefix.
func (e *Error) Error() string { return "parse: " + e.Detail }

// Is reports whether target is e's Kind.
func (e *Error) Is(target error) bool { return target != nil && target == e.Kind }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Status is the HTTP status of the error: 415 for ErrUnsupportedMediaType,
// else 400.
func (e *Error) Status() int {
	if e.Kind == ErrUnsupportedMediaType {
		return http.StatusUnsupportedMediaType
	}
	return http.StatusBadRequest
}

// As lets errors.As find a *web.HTTPError in an *Error: one with Status,
// Detail as the message and the cause.
func (e *Error) As(target any) bool {
	he, ok := target.(**web.HTTPError)
	if !ok {
		return false
	}
	*he = &web.HTTPError{Status: e.Status(), Message: e.Detail, Err: e.Err}
	return true
}

// errParse is DRF's ParseError(detail) caused by err.
func errParse(detail string, err error) *Error {
	return &Error{Kind: ErrParse, Detail: detail, Err: err}
}

// errUnsupported is DRF's UnsupportedMediaType(mediaType).
func errUnsupported(mediaType string) *Error {
	return &Error{
		Kind:      ErrUnsupportedMediaType,
		Detail:    `Unsupported media type "` + mediaType + `" in request.`,
		MediaType: mediaType,
	}
}
