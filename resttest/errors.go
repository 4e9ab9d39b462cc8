package resttest

import "errors"

var (
	// ErrNoHandler is returned by a Client without a Handler.
	ErrNoHandler = errors.New("resttest: client has no handler")
	// ErrUnknownFormat is DRF's assertion "Invalid format ...": the request
	// names a format that none of the renderers has (see Client.Renderers).
	ErrUnknownFormat = errors.New("resttest: invalid format")
	// ErrFormatAndContentType is DRF's assertion "You may not set both
	// `format` and `content_type`.": a Request sets both Format and
	// ContentType.
	ErrFormatAndContentType = errors.New("resttest: you may not set both format and content type")
	// ErrRawBody is returned when a Request with an explicit ContentType
	// carries Data that is not raw bytes ([]byte, string or io.Reader).
	ErrRawBody = errors.New("resttest: data with an explicit content type must be []byte, string or io.Reader")
	// ErrQueryData is returned when the query data of a GET or HEAD request
	// is of a type that cannot be URL-encoded (see Request.Data).
	ErrQueryData = errors.New("resttest: unsupported query data")
	// ErrBadPath is returned for a request path that does not parse as a
	// URL.
	ErrBadPath = errors.New("resttest: bad request path")
	// ErrRedirectCycle is Django's RedirectCycleError: following redirects
	// went in a loop ("Redirect loop detected.") or past
	// Client.MaxRedirects ("Too many redirects."). The error is a
	// *RedirectError carrying the last response.
	ErrRedirectCycle = errors.New("resttest: redirect cycle")
	// ErrNotJSON is returned by Response.Data when the response is not
	// JSON (its Content-Type is neither application/json nor a +json
	// type).
	ErrNotJSON = errors.New("resttest: response is not JSON")
	// ErrEmptyBody is returned by Response.JSON for a response without a
	// body.
	ErrEmptyBody = errors.New("resttest: response has no body")
)

// RedirectError is Django's RedirectCycleError: following redirects
// stopped because of a loop or too many redirects. It wraps
// ErrRedirectCycle and carries the last response (Django's last_response),
// whose RedirectChain lists the redirects followed.
type RedirectError struct {
	// Message is Django's message: "Redirect loop detected." or "Too many
	// redirects.".
	Message string
	// Response is the last response received.
	Response *Response
}

// Error returns "resttest: " and the message.
func (e *RedirectError) Error() string { return "resttest: " + e.Message }

// Unwrap returns ErrRedirectCycle.
func (e *RedirectError) Unwrap() error { return ErrRedirectCycle }
