package resttest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"sync"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// DefaultMaxRedirects is the number of redirects a Client follows before
// giving up with "Too many redirects.", as Django's test client does.
const DefaultMaxRedirects = 20

// Client is DRF's APIClient: a test client that sends requests in process
// to an http.Handler (a rest.View, a router, a whole web.Server stack) and
// records the responses. It encodes request data in a format (multipart by
// default, as DRF; "json" through Format or per request), sends credentials
// with every request (Credentials), can authenticate without credentials
// (ForceAuthenticate), and keeps the cookies that responses set for later
// requests, honouring their path, expiry and deletion (RFC 6265, through
// net/http/cookiejar), as a browser and Django's test client do. Redirects
// are returned, not followed, unless Follow is set.
//
// The zero value needs only a Handler:
//
//	c := &resttest.Client{Handler: view, Format: "json"}
//	resp, err := c.Post("/snippets", map[string]any{"code": "print(1)"})
//
// Requests go to host "testserver" over plain HTTP unless Host or Secure
// say otherwise. A Client is safe for concurrent use; its fields must not
// change while requests are sent.
//
// # Limits
//
// The handler runs in the calling goroutine with an
// httptest.ResponseRecorder: the whole body is kept in memory, streaming
// responses are read to their end, and a handler that hijacks the
// connection or waits for the client to read cannot be tested this way (use
// httptest.NewServer). Panics in the handler are not recovered. Cookies
// marked Secure are only sent over HTTPS (Secure, or an https:// path),
// where Django's test client sends them always. Cookies set for another
// host are kept for that host; set Host to the host the handler expects.
type Client struct {
	// Handler serves the requests. Required: a Client without one returns
	// ErrNoHandler.
	Handler http.Handler
	// Format is DRF's TEST_REQUEST_DEFAULT_FORMAT (see RequestFactory.Format):
	// "" means "multipart", as in DRF; set "json" for JSON bodies.
	Format string
	// Renderers is DRF's TEST_REQUEST_RENDERER_CLASSES (see
	// RequestFactory.Renderers). If nil, defaults to render.MultiPart{}
	// and render.JSON{}.
	Renderers []render.Renderer
	// Host is the Host of requests with a relative path. If empty,
	// defaults to DefaultHost ("testserver").
	Host string
	// Secure makes every request HTTPS (Django's secure=True).
	Secure bool
	// Header holds headers sent with every request: Django's
	// Client(**defaults). A request's own headers replace them, and
	// credentials replace both.
	Header http.Header
	// Follow makes the client follow redirects (301, 302, 303, 307, 308),
	// as Django's follow=True does: 307 and 308 repeat the method and the
	// body, the others become a GET without a body (a HEAD stays a HEAD);
	// the final response lists the redirects in RedirectChain. Redirects
	// to other hosts are served by the same Handler with that Host. A loop
	// or more than MaxRedirects redirects is a *RedirectError. Default
	// false: a redirect is returned as the response, as in DRF.
	Follow bool
	// MaxRedirects is the most redirects followed. If zero, defaults to
	// DefaultMaxRedirects (20).
	MaxRedirects int

	mu          sync.Mutex
	jar         *cookiejar.Jar
	credentials http.Header
	forced      *forced
}

// Get is DRF's APIClient.get(path, data): a GET request with the query
// data (see Request.Data).
func (c *Client) Get(path string, query any) (*Response, error) {
	return c.Do(Request{Method: http.MethodGet, Path: path, Data: query})
}

// Head is Django's Client.head(path, data): a HEAD request with the query
// data. The response has the headers of a GET and no body.
func (c *Client) Head(path string, query any) (*Response, error) {
	return c.Do(Request{Method: http.MethodHead, Path: path, Data: query})
}

// Post is DRF's APIClient.post(path, data): data encoded in the client's
// Format.
func (c *Client) Post(path string, data any) (*Response, error) {
	return c.Do(Request{Method: http.MethodPost, Path: path, Data: data})
}

// Put is DRF's APIClient.put(path, data).
func (c *Client) Put(path string, data any) (*Response, error) {
	return c.Do(Request{Method: http.MethodPut, Path: path, Data: data})
}

// Patch is DRF's APIClient.patch(path, data).
func (c *Client) Patch(path string, data any) (*Response, error) {
	return c.Do(Request{Method: http.MethodPatch, Path: path, Data: data})
}

// Delete is DRF's APIClient.delete(path, data); data is usually nil.
func (c *Client) Delete(path string, data any) (*Response, error) {
	return c.Do(Request{Method: http.MethodDelete, Path: path, Data: data})
}

// Options is DRF's APIClient.options(path, data); data is usually nil.
func (c *Client) Options(path string, data any) (*Response, error) {
	return c.Do(Request{Method: http.MethodOptions, Path: path, Data: data})
}

// Do sends r, DRF's APIClient.generic/request: any method, format, content
// type and extra headers (see Request). The client adds its credentials,
// its cookies and any forced authentication, serves the request with
// Handler, stores the cookies the response sets, and follows redirects when
// Follow or r.Follow is set.
//
// The errors are those of RequestFactory.New, ErrNoHandler, and a
// *RedirectError (ErrRedirectCycle) when following redirects loops.
func (c *Client) Do(r Request) (*Response, error) {
	if c.Handler == nil {
		return nil, ErrNoHandler
	}
	resp, err := c.send(r)
	if err != nil || !(c.Follow || r.Follow) {
		return resp, err
	}
	return c.follow(r, resp)
}

// factory returns the RequestFactory of the client's settings.
func (c *Client) factory() RequestFactory {
	return RequestFactory{Format: c.Format, Renderers: c.Renderers, Host: c.Host, Secure: c.Secure, Header: c.Header}
}

// cookieJar returns the jar, made on first use. c.mu must be held.
func (c *Client) cookieJar() *cookiejar.Jar {
	if c.jar == nil {
		c.jar, _ = cookiejar.New(nil) // never fails without options
	}
	return c.jar
}

// send sends one request.
func (c *Client) send(r Request) (*Response, error) {
	req, abs, err := c.factory().build(r)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	creds, fu, jar := c.credentials, c.forced, c.cookieJar()
	c.mu.Unlock()
	for k, vs := range creds {
		req.Header[k] = slices.Clone(vs)
	}
	for _, ck := range jar.Cookies(abs) {
		req.AddCookie(ck)
	}
	if fu != nil {
		req = ForceAuthenticate(req, fu.user, fu.token)
	}
	resp := Record(c.Handler, req)
	if cookies := resp.Cookies(); len(cookies) > 0 {
		jar.SetCookies(abs, cookies)
	}
	return resp, nil
}

// isRedirect reports whether Django's test client follows a status.
func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// follow is Django's Client._handle_redirects.
func (c *Client) follow(orig Request, resp *Response) (*Response, error) {
	limit := c.MaxRedirects
	if limit <= 0 {
		limit = DefaultMaxRedirects
	}
	var chain []Redirect
	for isRedirect(resp.StatusCode) {
		loc := resp.Location()
		chain = append(chain, Redirect{URL: loc, StatusCode: resp.StatusCode})
		prev := resp.Request
		scheme := "http"
		if prev.TLS != nil {
			scheme = "https"
		}
		base := &url.URL{Scheme: scheme, Host: prev.Host, Path: prev.URL.Path, RawPath: prev.URL.RawPath, RawQuery: prev.URL.RawQuery}
		target, err := base.Parse(loc) // RFC 3986 §5.2: relative references resolve against the request.
		if err != nil {
			return resp, fmt.Errorf("%w: redirect Location %q: %w", ErrBadPath, loc, err)
		}
		next := Request{Method: http.MethodGet, Path: target.String(), Header: orig.Header, Context: orig.Context}
		switch {
		case prev.Method == http.MethodHead:
			next.Method = http.MethodHead
		case (resp.StatusCode == http.StatusTemporaryRedirect || resp.StatusCode == http.StatusPermanentRedirect) &&
			prev.Method != http.MethodGet:
			// RFC 9110 §15.4.8, §15.4.9: 307 and 308 keep the method and
			// the content.
			next.Method = prev.Method
			next.ContentType = prev.Header.Get("Content-Type")
			if b := requestBody(prev); len(b) > 0 {
				next.Data = b
				if next.ContentType == "" {
					next.ContentType = "application/octet-stream"
				}
			}
		}
		if resp, err = c.send(next); err != nil {
			return nil, err
		}
		resp.RedirectChain = chain
		last := chain[len(chain)-1]
		if slices.Contains(chain[:len(chain)-1], last) {
			return resp, &RedirectError{Message: "Redirect loop detected.", Response: resp}
		}
		if len(chain) > limit {
			return resp, &RedirectError{Message: "Too many redirects.", Response: resp}
		}
	}
	return resp, nil
}

// requestBody returns the body of a request built by RequestFactory.
func requestBody(r *http.Request) []byte {
	if r.GetBody == nil {
		return nil
	}
	rc, err := r.GetBody()
	if err != nil {
		return nil
	}
	b, _ := io.ReadAll(rc) // a bytes.Reader never fails
	return b
}

// Credentials is DRF's APIClient.credentials(**kwargs): h is sent with every
// later request, replacing the request's own headers of the same names, for
// example http.Header{"Authorization": {"Token abc"}}. Each call replaces
// the previous credentials; nil removes them.
func (c *Client) Credentials(h http.Header) {
	creds := make(http.Header, len(h))
	for k, vs := range h {
		creds[http.CanonicalHeaderKey(k)] = slices.Clone(vs)
	}
	c.mu.Lock()
	c.credentials = creds
	c.mu.Unlock()
}

// ForceAuthenticate is DRF's APIClient.force_authenticate(user, token):
// every later request carries user and token (see ForceAuthenticate, the
// function), so that every view sees that user without credentials. Both nil undo it and log out (Logout), as in DRF.
func (c *Client) ForceAuthenticate(user web.User, token any) {
	if user == nil && token == nil {
		c.Logout()
		return
	}
	c.mu.Lock()
	c.forced = &forced{user: user, token: token}
	c.mu.Unlock()
}

// Logout is DRF's APIClient.logout(): the credentials, the forced
// authentication and every cookie (the session's included) are dropped.
func (c *Client) Logout() {
	c.mu.Lock()
	c.credentials, c.forced, c.jar = nil, nil, nil
	c.mu.Unlock()
}

// ClearCookies drops every cookie the client holds, as a new browser
// session would.
func (c *Client) ClearCookies() {
	c.mu.Lock()
	c.jar = nil
	c.mu.Unlock()
}

// Cookies returns the cookies the client would send with a request to path
// (on Host, or the host of an absolute URL), name and value only
// (cookiejar.Jar.Cookies): Django's client.cookies. A path that does not
// parse gives none.
func (c *Client) Cookies(path string) []*http.Cookie {
	_, abs, err := c.factory().build(Request{Path: path})
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cookieJar().Cookies(abs)
}

// SetCookie stores a cookie as if a response to a request for "/" on Host
// had set it (Django's client.cookies[name] = value); its Path, Domain,
// expiry and Secure attributes are honoured, and an expired cookie deletes
// the stored one.
func (c *Client) SetCookie(cookie *http.Cookie) {
	_, abs, err := c.factory().build(Request{Path: "/"})
	if err != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cookieJar().SetCookies(abs, []*http.Cookie{cookie})
}
