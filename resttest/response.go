package resttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/restframe/restframe/internal/hdr"
)

// Response is the response of a test request: DRF's test-client response,
// recorded in process by an httptest.ResponseRecorder.
//
// DRF's response.data, the unrendered data of a rest.Response, does not
// cross an http.Handler: Data decodes the JSON body instead, and JSON
// decodes it into a value of your choice. As Django's test client does,
// the body of a response to HEAD, and of 1xx, 204 and 304 responses, is
// removed (conditional_content_removal), as an HTTP server would send it.
type Response struct {
	// StatusCode is the status (Django's response.status_code).
	StatusCode int
	// Header holds the response headers, as written by the handler.
	Header http.Header
	// Body is the response body (Django's response.content).
	Body []byte
	// Request is the request that produced the response, after the
	// client added its credentials and cookies (Django's
	// response.wsgi_request).
	Request *http.Request
	// RedirectChain lists the redirects followed to reach this response,
	// in order (Django's response.redirect_chain); nil when none was.
	RedirectChain []Redirect

	result *http.Response
}

// Redirect is one redirect followed by a Client: Django's redirect_chain
// entry (url, status_code).
type Redirect struct {
	// URL is the Location the response redirected to, as sent.
	URL string
	// StatusCode is the redirect's status: 301, 302, 303, 307 or 308.
	StatusCode int
}

// Record serves r with h in process and returns the response: the way to
// call a view with a request from a RequestFactory. Panics in h are not
// recovered (web.Server and rest.View recover their own). The headers are
// those a client of net/http's server receives, which adds the
// Content-Length of a small body the handler wrote whole (see
// rest.Response): Record adds it too, where a bare
// httptest.ResponseRecorder does not.
func Record(h http.Handler, r *http.Request) *Response {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	res := rec.Result()
	hdr.AddServerLength(res.Header, res.StatusCode, rec.Body.Len(), r.Method == http.MethodHead, rec.Flushed)
	if res.ContentLength < 0 {
		if n, err := strconv.ParseInt(res.Header.Get("Content-Length"), 10, 64); err == nil {
			res.ContentLength = n
		}
	}
	body := rec.Body.Bytes()
	if r.Method == http.MethodHead || bodyless(res.StatusCode) {
		body = nil
	}
	return &Response{
		StatusCode: res.StatusCode,
		Header:     res.Header,
		Body:       body,
		Request:    r,
		result:     res,
	}
}

// bodyless reports whether a status has no content (RFC 9110 §6.4.1):
// 1xx, 204 No Content and 304 Not Modified.
func bodyless(status int) bool {
	return status < 200 || status == http.StatusNoContent || status == http.StatusNotModified
}

// Result returns the response as an *http.Response
// (httptest.ResponseRecorder.Result), with a fresh reader over Body.
func (r *Response) Result() *http.Response {
	res := new(http.Response)
	if r.result != nil {
		*res = *r.result
	}
	res.StatusCode = r.StatusCode
	res.Status = fmt.Sprintf("%03d %s", r.StatusCode, http.StatusText(r.StatusCode))
	res.Header = r.Header
	res.Body = io.NopCloser(bytes.NewReader(r.Body))
	res.ContentLength = int64(len(r.Body))
	res.Request = r.Request
	return res
}

// Text returns the body as a string.
func (r *Response) Text() string { return string(r.Body) }

// Cookies parses the Set-Cookie headers of the response (Django's
// response.cookies).
func (r *Response) Cookies() []*http.Cookie {
	return (&http.Response{Header: r.Header}).Cookies()
}

// Location returns the Location header: Django's response.url for a
// redirect.
func (r *Response) Location() string { return r.Header.Get("Location") }

// JSON decodes the JSON body into v, as encoding/json.Unmarshal does,
// whatever the Content-Type. It returns ErrEmptyBody when there is no body.
func (r *Response) JSON(v any) error {
	if len(r.Body) == 0 {
		return ErrEmptyBody
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("resttest: decoding the JSON response: %w", err)
	}
	return nil
}

// Data is the nearest thing to DRF's response.data: the JSON body decoded
// into an any (map[string]any, []any, string, float64, bool or nil, as
// encoding/json decodes), or nil for a response without a body. A response
// whose Content-Type is not JSON (application/json or a "+json" type such
// as application/problem+json) is ErrNotJSON.
func (r *Response) Data() (any, error) {
	if len(r.Body) == 0 {
		return nil, nil
	}
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return nil, fmt.Errorf("%w: Content-Type %q", ErrNotJSON, ct)
	}
	var v any
	if err := r.JSON(&v); err != nil {
		return nil, err
	}
	return v, nil
}
