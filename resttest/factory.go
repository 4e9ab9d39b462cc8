package resttest

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/restframe/restframe/render"
)

// DefaultHost is the Host of test requests that do not name one: Django's
// test client SERVER_NAME "testserver". Add it to web.Settings.AllowedHosts
// (Django's test runner does so) when the views validate the host.
const DefaultHost = "testserver"

// RemoteAddr is the client address of test requests
// (http.Request.RemoteAddr): Django's test client REMOTE_ADDR 127.0.0.1.
const RemoteAddr = "127.0.0.1:1234"

// Request describes one test request: the arguments of DRF's
// APIRequestFactory.generic and of its get, post, ... methods (path, data,
// format, content_type, follow, secure and the extra headers). The method
// helpers of Client and RequestFactory fill in Method, Path and Data; fill
// it yourself for the other options and pass it to Client.Do or
// RequestFactory.New.
type Request struct {
	// Method is the request method; "" means GET. It is upper-cased.
	Method string
	// Path is the path to request, with an optional query string
	// ("/users/?page=2"), or an absolute URL whose scheme and host then
	// replace the Host and Secure settings ("https://api.example.com/users/").
	Path string
	// Data is the request data. For GET and HEAD it is the query string
	// (DRF's urlencode(data, doseq=True)), replacing the query of Path
	// unless it encodes to nothing: a string (sent as it is), web.QueryDict,
	// *web.MutableQueryDict, []web.Param and web.JSONObject (in order),
	// url.Values, map[string][]string, map[string]string or map[string]any
	// (in key order); slice values give one pair per element.
	//
	// For other methods it is the body: with ContentType set, raw bytes
	// ([]byte, string or io.Reader, read at once); otherwise data rendered
	// by the renderer of Format (see Client.Renderers), such as a
	// map[string]any or a struct for "json" and form fields and files for
	// "multipart" (see render.MultiPart). Nil data sends no body.
	Data any
	// Format names the renderer that encodes Data (DRF's format argument):
	// "json" or "multipart" by default. "" means the factory's Format.
	// Setting both Format and ContentType (with non-nil Data) is
	// ErrFormatAndContentType.
	Format string
	// ContentType is sent as the Content-Type (DRF's content_type argument),
	// with Data as the raw body. It is sent even without data.
	ContentType string
	// Header holds extra headers of this request (DRF's **extra, such as
	// HTTP_ACCEPT): they replace the factory's default headers of the same
	// name, and are replaced by a Client's credentials. A Host header sets
	// http.Request.Host (Django's HTTP_HOST) unless Path is an absolute
	// URL.
	Header http.Header
	// Secure makes the request HTTPS (Django's secure=True): the URL scheme
	// is https and http.Request.TLS is set, so that the request is secure.
	Secure bool
	// Follow makes a Client follow the redirects of this request, as
	// Client.Follow does for every request (Django's follow=True).
	Follow bool
	// Context is the request's context; nil means context.Background().
	Context context.Context
}

// RequestFactory is DRF's APIRequestFactory: it builds *http.Request values,
// as an HTTP server hands them to handlers, to call a view's handler
// directly (ServeHTTP with an httptest.ResponseRecorder, or Record).
// Request data is encoded like a Client's. Pair it with ForceAuthenticate to
// authenticate one request without credentials.
//
// The zero value is valid: multipart request data, host "testserver", plain
// HTTP.
type RequestFactory struct {
	// Format is DRF's TEST_REQUEST_DEFAULT_FORMAT: the format that encodes
	// request data when the request names none. If empty, defaults to
	// DefaultFormat ("multipart"); set "json" for JSON bodies.
	Format string
	// Renderers is DRF's TEST_REQUEST_RENDERER_CLASSES: the renderers that
	// encode request data, found by their format (render.Info.Format).
	// If nil, defaults to render.MultiPart{} ("multipart", with DRF's
	// boundary BoUnDaRyStRiNg) and render.JSON{} ("json").
	Renderers []render.Renderer
	// Host is the Host of requests with a relative path. If empty,
	// defaults to DefaultHost ("testserver").
	Host string
	// Secure makes every request HTTPS (see Request.Secure).
	Secure bool
	// Header holds headers sent with every request: Django's
	// RequestFactory(**defaults).
	Header http.Header
}

// Get is DRF's APIRequestFactory.get(path, data): a GET request with the
// query data (see Request.Data).
func (f RequestFactory) Get(path string, query any) (*http.Request, error) {
	return f.New(Request{Method: http.MethodGet, Path: path, Data: query})
}

// Head is Django's RequestFactory.head(path, data): a HEAD request with the
// query data.
func (f RequestFactory) Head(path string, query any) (*http.Request, error) {
	return f.New(Request{Method: http.MethodHead, Path: path, Data: query})
}

// Post is DRF's APIRequestFactory.post(path, data): a POST request with data
// encoded in the factory's Format.
func (f RequestFactory) Post(path string, data any) (*http.Request, error) {
	return f.New(Request{Method: http.MethodPost, Path: path, Data: data})
}

// Put is DRF's APIRequestFactory.put(path, data).
func (f RequestFactory) Put(path string, data any) (*http.Request, error) {
	return f.New(Request{Method: http.MethodPut, Path: path, Data: data})
}

// Patch is DRF's APIRequestFactory.patch(path, data).
func (f RequestFactory) Patch(path string, data any) (*http.Request, error) {
	return f.New(Request{Method: http.MethodPatch, Path: path, Data: data})
}

// Delete is DRF's APIRequestFactory.delete(path, data); data is usually nil.
func (f RequestFactory) Delete(path string, data any) (*http.Request, error) {
	return f.New(Request{Method: http.MethodDelete, Path: path, Data: data})
}

// Options is DRF's APIRequestFactory.options(path, data); data is usually
// nil.
func (f RequestFactory) Options(path string, data any) (*http.Request, error) {
	return f.New(Request{Method: http.MethodOptions, Path: path, Data: data})
}

// New is DRF's APIRequestFactory.generic: the *http.Request described by r,
// in the form an HTTP/1.1 server gives handlers: URL holding the path and
// query only, RequestURI, Host, RemoteAddr (RemoteAddr), Content-Type and
// Content-Length of the body, TLS set for HTTPS. The body can be read
// again through GetBody.
//
// Errors: ErrBadPath, ErrQueryData, ErrFormatAndContentType, ErrRawBody,
// ErrUnknownFormat, and the renderer's error for data it cannot encode
// (render.ErrMultipartNested for a nested map in multipart data, as DRF).
func (f RequestFactory) New(r Request) (*http.Request, error) {
	req, _, err := f.build(r)
	return req, err
}

// build makes the request of r and also returns its absolute URL (for the
// cookie jar and redirects).
func (f RequestFactory) build(r Request) (*http.Request, *url.URL, error) {
	method := strings.ToUpper(r.Method)
	if method == "" {
		method = http.MethodGet
	}
	u, err := url.Parse(r.Path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrBadPath, err)
	}
	secure := f.Secure || r.Secure
	host := f.Host
	if host == "" {
		host = DefaultHost
	}
	if u.Scheme != "" {
		secure = strings.EqualFold(u.Scheme, "https")
		if u.Host != "" {
			host = u.Host
		}
	}
	target := &url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery}
	if target.Path == "" {
		target.Path = "/" // RFC 3986 §6.2.3: an empty path is "/".
	}
	var body []byte
	contentType := r.ContentType
	if method == http.MethodGet || method == http.MethodHead {
		q, err := query(r.Data)
		if err != nil {
			return nil, nil, err
		}
		if q != "" {
			target.RawQuery = q
		}
	} else {
		enc := encoder{format: f.Format, renderers: f.Renderers}
		if body, contentType, err = enc.body(r.Data, r.Format, r.ContentType); err != nil {
			return nil, nil, err
		}
	}

	header := make(http.Header, len(f.Header)+len(r.Header)+2)
	for k, vs := range f.Header {
		header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	for k, vs := range r.Header {
		header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	if h := header.Get("Host"); h != "" && u.Host == "" {
		// Django's HTTP_HOST extra; a server moves Host out of the header
		// map (RFC 9112 §3.2).
		host = h
	}
	header.Del("Host")

	req := &http.Request{
		Method:     method,
		URL:        target,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     header,
		Body:       http.NoBody,
		Host:       host,
		RemoteAddr: RemoteAddr,
		RequestURI: target.RequestURI(),
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if len(body) > 0 {
		req.ContentLength = int64(len(body))
		req.Header.Set("Content-Length", strconv.Itoa(len(body)))
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.GetBody = func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(body)), nil
		}
	} else {
		req.GetBody = func() (io.ReadCloser, error) { return http.NoBody, nil }
	}
	scheme := "http"
	if secure {
		scheme = "https"
		name := host
		if h, _, err := net.SplitHostPort(host); err == nil {
			name = h
		}
		req.TLS = &tls.ConnectionState{Version: tls.VersionTLS13, HandshakeComplete: true, ServerName: name}
	}
	ctx := r.Context
	if ctx == nil {
		ctx = context.Background()
	}
	req = req.WithContext(ctx)
	abs := &url.URL{Scheme: scheme, Host: host, Path: target.Path, RawPath: target.RawPath, RawQuery: target.RawQuery}
	return req, abs, nil
}
