package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"slices"
)

// Handler is a view: Django's view function, returning a response or an
// error. The adapter (see Server and Handle) turns errors into responses.
type Handler func(r *Request) (Response, error)

// Middleware wraps a Handler: Django's middleware. It sees the Response
// before it is written, so it can change headers, cookies, or (for
// rest.Response) the unrendered data.
//
// Under a Server every middleware receives a Response from next, never an
// error: the Server converts the errors and panics of each layer into
// responses at that layer's boundary, as Django's convert_exception_to_response
// does, so the middleware outside still see (and may decorate) the 404 or 500
// it became.
type Middleware func(next Handler) Handler

// Chain composes middleware into one: Chain(a, b, c)(h) is a(b(c(h))), so
// the first listed is the outermost, as in Django's MIDDLEWARE setting. The
// slice is copied. Inside a Chain the members are not separated by the
// Server's error conversion: an error returned by c reaches b as an error.
func Chain(mw ...Middleware) Middleware {
	mw = slices.Clone(mw)
	return func(next Handler) Handler {
		for i := len(mw) - 1; i >= 0; i-- {
			next = mw[i](next)
		}
		return next
	}
}

// FromHTTP adapts a standard net/http middleware (CORS, request IDs,
// compression, rate limiting ...) to a Middleware, so that it can sit
// anywhere in a Server's chain.
//
// The middleware runs with a ResponseWriter that records into memory. When
// it calls the next http.Handler, the request it passes (with its context
// and headers) becomes the Request's HTTP request for the inner layers, and
// the Response of next is sent into the writer it passes, so headers it set
// before, and wrappers it installed (a compressor), apply as usual. Whatever
// was written, by the Response or by the middleware itself (a 429, a CORS
// preflight answer), is returned outward as a buffered Response: status,
// headers (cookies included, as Set-Cookie lines) and body.
//
// The price is buffering: the inner Response is rendered at this point (a
// rest.Response's data can no longer be changed by outer middleware), and
// streaming or file responses are held in memory. For such cases wrap the
// http.Handler that Server.Handle returns instead: mw(srv.Handle(h)).
//
// An error from next is returned as is, so it still maps to its status; an
// error from sending its Response becomes a 500 (an HTTPError wrapping it).
// The middleware's own writes are then dropped.
func FromHTTP(mw func(http.Handler) http.Handler) Middleware {
	return func(next Handler) Handler {
		return func(r *Request) (Response, error) {
			var innerErr error
			outer := r.req
			inner := http.HandlerFunc(func(w http.ResponseWriter, hr *http.Request) {
				r.req = hr
				defer func() { r.req = outer }()
				resp, err := next(r)
				if err == nil && resp == nil {
					err = ErrNilResponse
				}
				if err == nil {
					if err = resp.Send(w, hr); err != nil && !errors.Is(err, context.Canceled) {
						// A failure to send is the server's, as in the adapter.
						err = &HTTPError{Status: http.StatusInternalServerError, Err: err}
					}
				}
				if err != nil && innerErr == nil {
					innerErr = err
				}
			})
			rec := &recorder{header: make(http.Header)}
			mw(inner).ServeHTTP(rec, outer)
			if innerErr != nil {
				return nil, innerErr
			}
			return rec.response(), nil
		}
	}
}

// recorder is the in-memory ResponseWriter of FromHTTP.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *recorder) Header() http.Header { return w.header }

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 && (code < 100 || code > 199) {
		w.status = code
	}
}

func (w *recorder) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.body.Write(p)
}

// FlushError accepts flushes: everything is buffered anyway.
func (w *recorder) FlushError() error {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return nil
}

// response turns the recording into a Response.
func (w *recorder) response() *bufferedResponse {
	b := &bufferedResponse{body: w.body.Bytes()}
	b.StatusCode = w.status
	if b.StatusCode == 0 {
		b.StatusCode = http.StatusOK
	}
	if len(w.header) > 0 {
		h := b.Header()
		for k, v := range w.header {
			h[k] = v
		}
	}
	return b
}

// bufferedResponse is a Response recorded by FromHTTP.
type bufferedResponse struct {
	BaseResponse
	body []byte
}

// Send writes the recorded status, headers and body.
func (b *bufferedResponse) Send(w http.ResponseWriter, r *http.Request) error {
	if err := b.WriteHeader(w); err != nil {
		return err
	}
	if len(b.body) == 0 || (r != nil && r.Method == http.MethodHead) {
		return nil
	}
	_, err := w.Write(b.body)
	return err
}

var _ Response = (*bufferedResponse)(nil)
