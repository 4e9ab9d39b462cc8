package resttest_test

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/resttest"
	"github.com/restframe/restframe/web"
)

// clientMethodTests send every method in every format through a Client.
var clientMethodTests = []struct {
	name   string
	format string
	call   func(c *resttest.Client) (*resttest.Response, error)
	// want
	method, uri, contentType, body string
}{
	{"get", "", func(c *resttest.Client) (*resttest.Response, error) { return c.Get("/g", map[string]string{"a": "1"}) },
		"GET", "/g?a=1", "", ""},
	{"head", "", func(c *resttest.Client) (*resttest.Response, error) { return c.Head("/h", map[string]string{"a": "1"}) },
		"HEAD", "/h?a=1", "", ""},
	{"post multipart", "", func(c *resttest.Client) (*resttest.Response, error) { return c.Post("/p", map[string]any{"a": 1}) },
		"POST", "/p", multipartType, "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--BoUnDaRyStRiNg--\r\n"},
	{"post json", "json", func(c *resttest.Client) (*resttest.Response, error) { return c.Post("/p", map[string]any{"a": 1}) },
		"POST", "/p", "application/json", `{"a":1}`},
	{"put multipart", "multipart", func(c *resttest.Client) (*resttest.Response, error) { return c.Put("/p", map[string]any{"a": "x"}) },
		"PUT", "/p", multipartType, "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--BoUnDaRyStRiNg--\r\n"},
	{"put json", "json", func(c *resttest.Client) (*resttest.Response, error) { return c.Put("/p", map[string]any{"a": "x"}) },
		"PUT", "/p", "application/json", `{"a":"x"}`},
	{"patch multipart", "", func(c *resttest.Client) (*resttest.Response, error) { return c.Patch("/p", map[string]any{"b": false}) },
		"PATCH", "/p", multipartType, "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nFalse\r\n--BoUnDaRyStRiNg--\r\n"},
	{"patch json", "json", func(c *resttest.Client) (*resttest.Response, error) { return c.Patch("/p", map[string]any{"b": false}) },
		"PATCH", "/p", "application/json", `{"b":false}`},
	{"delete", "json", func(c *resttest.Client) (*resttest.Response, error) { return c.Delete("/p/1", nil) },
		"DELETE", "/p/1", "", ""},
	{"delete with data", "json", func(c *resttest.Client) (*resttest.Response, error) { return c.Delete("/p/1", []int{1}) },
		"DELETE", "/p/1", "application/json", `[1]`},
	{"options", "", func(c *resttest.Client) (*resttest.Response, error) { return c.Options("/p", nil) },
		"OPTIONS", "/p", "", ""},
	{"options json", "json", func(c *resttest.Client) (*resttest.Response, error) { return c.Options("/p", map[string]any{}) },
		"OPTIONS", "/p", "application/json", `{}`},
	{"do raw", "json", func(c *resttest.Client) (*resttest.Response, error) {
		return c.Do(resttest.Request{Method: "TRACE", Path: "/t?x=1", Data: []byte("raw"), ContentType: "message/http"})
	}, "TRACE", "/t?x=1", "message/http", "raw"},
	{"do format override", "json", func(c *resttest.Client) (*resttest.Response, error) {
		return c.Do(resttest.Request{Method: "POST", Path: "/p", Data: map[string]any{"a": 1}, Format: "multipart"})
	}, "POST", "/p", multipartType, "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--BoUnDaRyStRiNg--\r\n"},
}

func TestClientMethods(t *testing.T) {
	for _, tt := range clientMethodTests {
		t.Run(tt.name, func(t *testing.T) {
			c := &resttest.Client{Handler: echo, Format: tt.format}
			resp, err := tt.call(c)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d; want 200", tt.name, resp.StatusCode)
			}
			if tt.method == http.MethodHead {
				if len(resp.Body) != 0 {
					t.Errorf("HEAD body = %q; want none", resp.Body)
				}
				if resp.Request.Method != "HEAD" || resp.Request.RequestURI != tt.uri {
					t.Errorf("HEAD request = %s %s; want HEAD %s", resp.Request.Method, resp.Request.RequestURI, tt.uri)
				}
				return
			}
			e := mustEcho(t, resp.Body)
			if e.Method != tt.method || e.URI != tt.uri || e.ContentType != tt.contentType || e.Body != tt.body {
				t.Errorf("%s sent %s %s %q %q; want %s %s %q %q", tt.name, e.Method, e.URI, e.ContentType, e.Body,
					tt.method, tt.uri, tt.contentType, tt.body)
			}
			if e.ContentLength != int64(len(tt.body)) || e.Host != resttest.DefaultHost {
				t.Errorf("%s: ContentLength, Host = %d, %q; want %d, testserver", tt.name, e.ContentLength, e.Host, len(tt.body))
			}
		})
	}
}

func TestClientErrors(t *testing.T) {
	var c resttest.Client
	if _, err := c.Get("/", nil); !errors.Is(err, resttest.ErrNoHandler) {
		t.Errorf("zero Client Get = %v; want ErrNoHandler", err)
	}
	c.Handler = echo
	if _, err := c.Post("/", map[string]any{"a": map[string]any{}}); err == nil {
		t.Errorf("Post(nested multipart) = nil error; want one")
	}
	if _, err := c.Get("%zz", nil); !errors.Is(err, resttest.ErrBadPath) {
		t.Errorf("Get(%%zz) = %v; want ErrBadPath", err)
	}
}

func TestClientHeaders(t *testing.T) {
	c := &resttest.Client{Handler: echo, Header: http.Header{"X-A": {"default"}, "X-B": {"default"}, "X-C": {"default"}}}
	c.Credentials(http.Header{"x-c": {"credential"}, "Authorization": {"Token t"}})
	resp, err := c.Do(resttest.Request{Path: "/", Header: http.Header{"X-B": {"request"}, "X-C": {"request"}}})
	if err != nil {
		t.Fatal(err)
	}
	e := mustEcho(t, resp.Body)
	want := map[string]string{"X-A": "default", "X-B": "request", "X-C": "credential", "Authorization": "Token t"}
	for k, v := range want {
		if e.Headers[k] != v {
			t.Errorf("header %s = %q; want %q", k, e.Headers[k], v)
		}
	}

	c.Credentials(http.Header{"X-D": {"d"}}) // replaces
	resp, _ = c.Get("/", nil)
	e = mustEcho(t, resp.Body)
	if e.Headers["Authorization"] != "" || e.Headers["X-D"] != "d" || e.Headers["X-C"] != "default" {
		t.Errorf("after Credentials(X-D) headers = %v; want X-D only", e.Headers)
	}

	c.Credentials(nil)
	resp, _ = c.Get("/", nil)
	if e = mustEcho(t, resp.Body); e.Headers["X-D"] != "" {
		t.Errorf("after Credentials(nil) X-D = %q; want none", e.Headers["X-D"])
	}
}

// cookieHandler sets the cookies described by its query
// (?name=&value=&path=&max_age=&expires=past&secure=1&domain=) and echoes
// the Cookie header.
var cookieHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if name := q.Get("name"); name != "" {
		ck := &http.Cookie{Name: name, Value: q.Get("value"), Path: q.Get("path"), Domain: q.Get("domain"), Secure: q.Get("secure") == "1"}
		if ma := q.Get("max_age"); ma != "" {
			ck.MaxAge, _ = strconv.Atoi(ma)
		}
		if q.Get("expires") == "past" {
			ck.Expires = time.Unix(0, 0)
		}
		http.SetCookie(w, ck)
	}
	fmt.Fprint(w, r.Header.Get("Cookie"))
})

// cookieTests run requests in order; each step gives the Cookie header the
// handler saw.
var cookieTests = []struct {
	name  string
	steps []cookieStep
}{
	{"carried", []cookieStep{
		{path: "/?name=a&value=1", want: ""},
		{path: "/x", want: "a=1"},
		{path: "/?name=b&value=2", want: "a=1"},
		{path: "/", want: "a=1; b=2"},
	}},
	{"replaced", []cookieStep{
		{path: "/?name=a&value=1"},
		{path: "/?name=a&value=2", want: "a=1"},
		{path: "/", want: "a=2"},
	}},
	{"path", []cookieStep{
		{path: "/sub/?name=a&value=1&path=/sub"},
		{path: "/other", want: ""},
		{path: "/sub/page", want: "a=1"},
	}},
	{"deleted by max-age", []cookieStep{
		{path: "/?name=a&value=1"},
		{path: "/?name=a&value=&max_age=-1", want: "a=1"},
		{path: "/", want: ""},
	}},
	{"deleted by expires", []cookieStep{
		{path: "/?name=a&value=1"},
		{path: "/?name=a&value=x&expires=past", want: "a=1"},
		{path: "/", want: ""},
	}},
	{"secure only over https", []cookieStep{
		{path: "/?name=s&value=1&secure=1", secure: true},
		{path: "/", want: ""},
		{path: "/", secure: true, want: "s=1"},
	}},
	{"other host", []cookieStep{
		{path: "http://other.test/?name=o&value=1"},
		{path: "/", want: ""},
		{path: "http://other.test/", want: "o=1"},
	}},
	{"request cookie header kept", []cookieStep{
		{path: "/?name=a&value=1"},
		{path: "/", header: http.Header{"Cookie": {"mine=2"}}, want: "mine=2; a=1"},
	}},
	{"logout", []cookieStep{
		{path: "/?name=a&value=1"},
		{action: (*resttest.Client).Logout},
		{path: "/", want: ""},
	}},
	{"clear cookies", []cookieStep{
		{path: "/?name=a&value=1"},
		{action: (*resttest.Client).ClearCookies},
		{path: "/", want: ""},
	}},
	{"set cookie", []cookieStep{
		{action: func(c *resttest.Client) { c.SetCookie(&http.Cookie{Name: "seed", Value: "v"}) }},
		{path: "/x/y", want: "seed=v"},
		{action: func(c *resttest.Client) { c.SetCookie(&http.Cookie{Name: "seed", MaxAge: -1}) }},
		{path: "/x/y", want: ""},
	}},
}

type cookieStep struct {
	path   string
	secure bool
	header http.Header
	action func(*resttest.Client)
	want   string
}

func TestClientCookies(t *testing.T) {
	for _, tt := range cookieTests {
		t.Run(tt.name, func(t *testing.T) {
			c := &resttest.Client{Handler: cookieHandler}
			for i, s := range tt.steps {
				if s.action != nil {
					s.action(c)
					continue
				}
				resp, err := c.Do(resttest.Request{Path: s.path, Secure: s.secure, Header: s.header})
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if got := resp.Text(); got != s.want {
					t.Errorf("step %d: GET %s sent Cookie %q; want %q", i, s.path, got, s.want)
				}
			}
		})
	}
}

func TestClientCookiesList(t *testing.T) {
	c := &resttest.Client{Handler: cookieHandler}
	if _, err := c.Get("/?name=a&value=1&path=/a", nil); err != nil {
		t.Fatal(err)
	}
	if got := c.Cookies("/a/b"); len(got) != 1 || got[0].Name != "a" || got[0].Value != "1" {
		t.Errorf("Cookies(/a/b) = %v; want a=1", got)
	}
	if got := c.Cookies("/"); len(got) != 0 {
		t.Errorf("Cookies(/) = %v; want none", got)
	}
	if got := c.Cookies("%zz"); got != nil {
		t.Errorf("Cookies(%%zz) = %v; want nil", got)
	}
}

// redirector answers /r/<status>/<n> with a redirect of that status to
// /r/<status>/<n-1> until n is 0, /loop with a redirect to itself, /abs
// with a redirect to another host, /rel with a relative redirect, and
// anything else with the echo.
var redirector = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case len(parts) == 3 && parts[0] == "r":
		status, _ := strconv.Atoi(parts[1])
		n, _ := strconv.Atoi(parts[2])
		if n > 0 {
			w.Header().Set("Location", fmt.Sprintf("/r/%d/%d?q=%d", status, n-1, n))
			w.WriteHeader(status)
			return
		}
	case r.URL.Path == "/loop":
		w.Header().Set("Location", "/loop")
		w.WriteHeader(http.StatusFound)
		return
	case r.URL.Path == "/abs":
		w.Header().Set("Location", "https://other.test:8443/landed")
		w.WriteHeader(http.StatusFound)
		return
	case r.URL.Path == "/badloc":
		w.Header().Set("Location", "%zz")
		w.WriteHeader(http.StatusFound)
		return
	case r.URL.Path == "/dir/rel":
		w.Header().Set("Location", "../landed?x=1")
		w.WriteHeader(http.StatusSeeOther)
		return
	}
	echo.ServeHTTP(w, r)
})

var followTests = []struct {
	name    string
	follow  bool // on the client; else on the request
	max     int
	req     resttest.Request
	status  int
	method  string
	uri     string
	host    string
	tls     bool
	body    string
	chain   []resttest.Redirect
	wantErr string
}{
	{name: "not followed", req: resttest.Request{Method: "POST", Path: "/r/302/1"}, status: 302},
	{name: "302 post becomes get", follow: true, req: resttest.Request{Method: "POST", Path: "/r/302/1", Data: map[string]any{"a": 1}},
		status: 200, method: "GET", uri: "/r/302/0?q=1", chain: []resttest.Redirect{{URL: "/r/302/0?q=1", StatusCode: 302}}},
	{name: "301 put becomes get", req: resttest.Request{Method: "PUT", Path: "/r/301/1", Follow: true},
		status: 200, method: "GET", uri: "/r/301/0?q=1", chain: []resttest.Redirect{{URL: "/r/301/0?q=1", StatusCode: 301}}},
	{name: "303 delete becomes get", follow: true, req: resttest.Request{Method: "DELETE", Path: "/r/303/2"},
		status: 200, method: "GET", uri: "/r/303/0?q=1",
		chain: []resttest.Redirect{{URL: "/r/303/1?q=2", StatusCode: 303}, {URL: "/r/303/0?q=1", StatusCode: 303}}},
	{name: "307 keeps method and body", follow: true, req: resttest.Request{Method: "POST", Path: "/r/307/1", Data: map[string]any{"a": 1}, Format: "json"},
		status: 200, method: "POST", uri: "/r/307/0?q=1", body: `{"a":1}`, chain: []resttest.Redirect{{URL: "/r/307/0?q=1", StatusCode: 307}}},
	{name: "308 keeps raw body", follow: true, req: resttest.Request{Method: "PATCH", Path: "/r/308/1", Data: strings.NewReader("raw"), ContentType: "text/plain"},
		status: 200, method: "PATCH", uri: "/r/308/0?q=1", body: "raw", chain: []resttest.Redirect{{URL: "/r/308/0?q=1", StatusCode: 308}}},
	{name: "307 get stays get", follow: true, req: resttest.Request{Path: "/r/307/1", Data: map[string]string{"dropped": "1"}},
		status: 200, method: "GET", uri: "/r/307/0?q=1", chain: []resttest.Redirect{{URL: "/r/307/0?q=1", StatusCode: 307}}},
	{name: "head stays head", follow: true, req: resttest.Request{Method: "HEAD", Path: "/r/302/1"},
		status: 200, method: "HEAD", uri: "/r/302/0?q=1", chain: []resttest.Redirect{{URL: "/r/302/0?q=1", StatusCode: 302}}},
	{name: "relative location", follow: true, req: resttest.Request{Path: "/dir/rel"},
		status: 200, method: "GET", uri: "/landed?x=1", chain: []resttest.Redirect{{URL: "../landed?x=1", StatusCode: 303}}},
	{name: "other host", follow: true, req: resttest.Request{Path: "/abs"},
		status: 200, method: "GET", uri: "/landed", host: "other.test:8443", tls: true,
		chain: []resttest.Redirect{{URL: "https://other.test:8443/landed", StatusCode: 302}}},
	{name: "twenty redirects", follow: true, req: resttest.Request{Path: "/r/302/20"}, status: 200, method: "GET", uri: "/r/302/0?q=1"},
	{name: "too many", follow: true, req: resttest.Request{Path: "/r/302/21"}, wantErr: "resttest: Too many redirects."},
	{name: "max redirects", follow: true, max: 2, req: resttest.Request{Path: "/r/302/3"}, wantErr: "resttest: Too many redirects."},
	{name: "bad location", follow: true, req: resttest.Request{Path: "/badloc"}, wantErr: "bad"},
	{name: "loop", follow: true, req: resttest.Request{Path: "/loop"}, wantErr: "resttest: Redirect loop detected."},
}

func TestClientFollow(t *testing.T) {
	for _, tt := range followTests {
		t.Run(tt.name, func(t *testing.T) {
			c := &resttest.Client{Handler: redirector, Follow: tt.follow, MaxRedirects: tt.max}
			resp, err := c.Do(tt.req)
			if tt.wantErr == "bad" {
				if !errors.Is(err, resttest.ErrBadPath) || resp == nil || resp.StatusCode != http.StatusFound {
					t.Fatalf("Do(%s) = %v, %v; want the 302 and ErrBadPath", tt.req.Path, resp, err)
				}
				return
			}
			if tt.wantErr != "" {
				var re *resttest.RedirectError
				if !errors.As(err, &re) || !errors.Is(err, resttest.ErrRedirectCycle) || err.Error() != tt.wantErr {
					t.Fatalf("Do(%s) error = %v; want %q", tt.req.Path, err, tt.wantErr)
				}
				if re.Response == nil || resp != re.Response || len(re.Response.RedirectChain) == 0 {
					t.Errorf("RedirectError.Response = %v; want the last response with its chain", re.Response)
				}
				return
			}
			if err != nil {
				t.Fatalf("Do(%s) error: %v", tt.req.Path, err)
			}
			if resp.StatusCode != tt.status {
				t.Fatalf("Do(%s) status = %d; want %d", tt.req.Path, resp.StatusCode, tt.status)
			}
			if tt.chain != nil && fmt.Sprint(resp.RedirectChain) != fmt.Sprint(tt.chain) {
				t.Errorf("RedirectChain = %v; want %v", resp.RedirectChain, tt.chain)
			}
			if tt.status != http.StatusOK {
				if resp.RedirectChain != nil {
					t.Errorf("RedirectChain = %v; want nil", resp.RedirectChain)
				}
				return
			}
			r := resp.Request
			host := tt.host
			if host == "" {
				host = resttest.DefaultHost
			}
			if r.Method != tt.method || r.RequestURI != tt.uri || r.Host != host || (r.TLS != nil) != tt.tls {
				t.Errorf("final request = %s %s host %s tls %v; want %s %s host %s tls %v",
					r.Method, r.RequestURI, r.Host, r.TLS != nil, tt.method, tt.uri, host, tt.tls)
			}
			if tt.method != http.MethodHead {
				if e := mustEcho(t, resp.Body); e.Body != tt.body {
					t.Errorf("final body = %q; want %q", e.Body, tt.body)
				}
			}
		})
	}
}

// TestClientFollowKeepsState checks that credentials, extra headers and
// cookies set by the redirect itself reach the redirect's target.
func TestClientFollowKeepsState(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" {
			http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "s1"})
			http.Redirect(w, r, "/home", http.StatusFound)
			return
		}
		echo.ServeHTTP(w, r)
	})
	c := &resttest.Client{Handler: h, Follow: true}
	c.Credentials(http.Header{"Authorization": {"Token t"}})
	resp, err := c.Do(resttest.Request{Method: "POST", Path: "/login", Header: http.Header{"Accept": {"application/json"}}})
	if err != nil {
		t.Fatal(err)
	}
	e := mustEcho(t, resp.Body)
	if e.Cookie != "sessionid=s1" || e.Headers["Authorization"] != "Token t" || e.Headers["Accept"] != "application/json" {
		t.Errorf("after redirect: Cookie %q, Authorization %q, Accept %q", e.Cookie, e.Headers["Authorization"], e.Headers["Accept"])
	}
}

// basicAuth is rest.BasicAuthentication for user alice, password secret.
var basicAuth = rest.BasicAuthentication{Lookup: func(username, password string) (web.User, error) {
	if username == "alice" && password == "secret" {
		return user("alice"), nil
	}
	return nil, nil
}}

// whoami answers the user and auth of the request.
func whoami(authenticators ...rest.Authenticator) *rest.View {
	return &rest.View{
		Authenticators: authenticators,
		Permissions:    []rest.Permission{rest.IsAuthenticated{}},
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse(map[string]any{"user": r.User().Username(), "auth": r.Auth()}, http.StatusOK), nil
		},
	}
}

var forceTests = []struct {
	name           string
	view           *rest.View
	user           web.User
	token          any
	credentials    string
	status         int
	body, authHead string
}{
	{"forced first", whoami(resttest.ForcedAuthentication{}, basicAuth), user("bob"), nil, "",
		200, `{"auth":null,"user":"bob"}`, ""},
	{"forced with token", whoami(resttest.ForcedAuthentication{}, basicAuth), user("bob"), "tok", "",
		200, `{"auth":"tok","user":"bob"}`, ""},
	{"forced wins over credentials", whoami(resttest.ForcedAuthentication{}, basicAuth), user("bob"), nil, "Basic YWxpY2U6c2VjcmV0",
		200, `{"auth":null,"user":"bob"}`, ""},
	{"not forced: basic credentials", whoami(resttest.ForcedAuthentication{}, basicAuth), nil, nil, "Basic YWxpY2U6c2VjcmV0",
		200, `{"auth":null,"user":"alice"}`, ""},
	{"not forced: next challenge", whoami(resttest.ForcedAuthentication{}, basicAuth), nil, nil, "",
		401, `{"detail":"Authentication credentials were not provided."}`, `Basic realm="api"`},
	{"not forced: no other authenticator", whoami(resttest.ForcedAuthentication{}), nil, nil, "",
		403, `{"detail":"Authentication credentials were not provided."}`, ""},
	{"pointer authenticator", whoami(&resttest.ForcedAuthentication{}, basicAuth), nil, nil, "",
		401, `{"detail":"Authentication credentials were not provided."}`, `Basic realm="api"`},
	// DRF: ForcedAuthentication(None, token) is the successful
	// authenticator, so IsAuthenticated refuses with PermissionDenied.
	{"token only is anonymous", whoami(resttest.ForcedAuthentication{}, basicAuth), nil, "tok", "",
		403, `{"detail":"You do not have permission to perform this action."}`, ""},
	// DRF: every view honours a forced user, ForcedAuthentication listed or not.
	{"view without forced authentication", whoami(basicAuth), user("bob"), nil, "",
		200, `{"auth":null,"user":"bob"}`, ""},
	{"view without forced authentication, not forced", whoami(basicAuth), nil, nil, "",
		401, `{"detail":"Authentication credentials were not provided."}`, `Basic realm="api"`},
}

func TestClientForceAuthenticate(t *testing.T) {
	for _, tt := range forceTests {
		t.Run(tt.name, func(t *testing.T) {
			c := &resttest.Client{Handler: tt.view}
			if tt.user != nil || tt.token != nil {
				c.ForceAuthenticate(tt.user, tt.token)
			}
			if tt.credentials != "" {
				c.Credentials(http.Header{"Authorization": {tt.credentials}})
			}
			resp, err := c.Get("/whoami", nil)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || resp.Text() != tt.body || resp.Header.Get("WWW-Authenticate") != tt.authHead {
				t.Errorf("GET /whoami = %d %s %q; want %d %s %q", resp.StatusCode, resp.Text(), resp.Header.Get("WWW-Authenticate"),
					tt.status, tt.body, tt.authHead)
			}
		})
	}
}

// TestClientForceAuthenticateUndo checks DRF's force_authenticate(None,
// None): the forced user, the credentials and the cookies are dropped.
func TestClientForceAuthenticateUndo(t *testing.T) {
	c := &resttest.Client{Handler: whoami(resttest.ForcedAuthentication{}, basicAuth)}
	c.ForceAuthenticate(user("bob"), nil)
	c.Credentials(http.Header{"Authorization": {"Basic YWxpY2U6c2VjcmV0"}})
	c.SetCookie(&http.Cookie{Name: "a", Value: "1"})
	c.ForceAuthenticate(nil, nil)
	resp, err := c.Get("/", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusUnauthorized || len(c.Cookies("/")) != 0 {
		t.Errorf("after ForceAuthenticate(nil, nil): status %d, cookies %v; want 401 and none", resp.StatusCode, c.Cookies("/"))
	}
	c.ForceAuthenticate(user("bob"), nil)
	c.Logout()
	if resp, _ = c.Get("/", nil); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("after Logout: status %d; want 401", resp.StatusCode)
	}
}

// TestClientRestView drives a rest.View through its negotiation, parsers
// and HEAD/OPTIONS handling.
func TestClientRestView(t *testing.T) {
	// The multipart data of rest.Request.Data is a parse.Data.
	form := rest.APIView([]string{"POST"}, func(r *rest.Request) (*rest.Response, error) {
		data, err := r.Data()
		if err != nil {
			return nil, err
		}
		fields := map[string]any{}
		for k, vs := range data.(parse.Data).Fields.Lists() {
			fields[k] = vs
		}
		return rest.NewResponse(fields, http.StatusCreated), nil
	})
	mux := http.NewServeMux()
	mux.Handle("/", snippetView())
	mux.Handle("/form", form)
	tests := []struct {
		name   string
		req    resttest.Request
		status int
		ct     string
		body   string
	}{
		{"json post", resttest.Request{Method: "POST", Path: "/", Data: map[string]any{"n": 1.5}, Format: "json"},
			201, "application/json", `{"n":1.5}`},
		{"multipart post", resttest.Request{Method: "POST", Path: "/form", Data: map[string]any{"n": 1, "m": []string{"a", "b"}}},
			201, "application/json", `{"m":["a","b"],"n":["1"]}`},
		{"bad json", resttest.Request{Method: "POST", Path: "/", Data: "{", ContentType: "application/json"},
			400, "application/json", ""},
		{"accept not acceptable", resttest.Request{Path: "/", Header: http.Header{"Accept": {"text/html"}}},
			406, "application/json", `{"detail":"Could not satisfy the request Accept header."}`},
		{"put not allowed", resttest.Request{Method: "PUT", Path: "/", Data: map[string]any{}},
			405, "application/json", `{"detail":"Method \"PUT\" not allowed."}`},
		{"head", resttest.Request{Method: "HEAD", Path: "/"}, 200, "application/json", ""},
		{"options", resttest.Request{Method: "OPTIONS", Path: "/"}, 200, "application/json", ""},
	}
	c := &resttest.Client{Handler: mux}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Do(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != tt.ct {
				t.Errorf("%s %s = %d %q; want %d %q", tt.req.Method, tt.req.Path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.ct)
			}
			if tt.body != "" && resp.Text() != tt.body {
				t.Errorf("%s %s body = %s; want %s", tt.req.Method, tt.req.Path, resp.Text(), tt.body)
			}
		})
	}
}

func TestClientConcurrent(t *testing.T) {
	c := &resttest.Client{Handler: cookieHandler}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(fmt.Sprintf("/?name=c%d&value=%d", i, i), nil); err != nil {
				t.Error(err)
			}
			c.Credentials(http.Header{"X-N": {strconv.Itoa(i)}})
			_ = c.Cookies("/")
		}()
	}
	wg.Wait()
	if got := len(c.Cookies("/")); got != 8 {
		t.Errorf("after 8 concurrent requests: %d cookies; want 8", got)
	}
}
