package rest

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/hdr"
	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// testUser is an authenticated user.
type testUser string

func (u testUser) Username() string      { return string(u) }
func (u testUser) IsAuthenticated() bool { return true }

// tokenAuth authenticates "Authorization: Token <name>"; "Token bad" fails.
type tokenAuth struct{ challenge string }

func (a tokenAuth) Authenticate(r *Request) (web.User, any, error) {
	v := r.HTTP().Header.Get("Authorization")
	name, ok := strings.CutPrefix(v, "Token ")
	switch {
	case !ok:
		return nil, nil, nil
	case name == "bad":
		return nil, nil, AuthenticationFailed("Invalid token.")
	}
	return testUser(name), "token:" + name, nil
}

func (a tokenAuth) Header(*Request) string { return a.challenge }

// basicAlice knows alice, password secret.
var basicAlice = BasicAuthentication{Lookup: func(username, password string) (web.User, error) {
	if username == "alice" && password == "secret" {
		return testUser("alice"), nil
	}
	return nil, nil
}}

// closedPermission refuses everyone, with a message.
type closedPermission struct{}

func (closedPermission) HasPermission(*Request, *View) bool { return false }
func (closedPermission) Message() string                    { return "Closed on Sundays." }

// mustBeAuthenticated allows authenticated users only.
type mustBeAuthenticated struct{}

func (mustBeAuthenticated) HasPermission(r *Request, _ *View) bool {
	return r.User().IsAuthenticated()
}

func ok(data any) Handler {
	return func(*Request) (*Response, error) { return NewResponse(data, http.StatusOK), nil }
}

func whoami(r *Request) (*Response, error) {
	auth, _ := r.Auth().(string)
	return NewResponse(map[string]any{"user": r.User().Username(), "auth": auth}, http.StatusOK), nil
}

func echo(r *Request) (*Response, error) {
	data, err := r.Data()
	if err != nil {
		return nil, err
	}
	return NewResponse(data, http.StatusCreated), nil
}

var (
	jsonHTML = []render.Renderer{render.JSON{}, render.StaticHTML{}}
	htmlJSON = []render.Renderer{render.StaticHTML{}, render.JSON{}}
	drf      = &Settings{Negotiation: mediatype.ModeDRF}
)

var viewTests = []struct {
	name    string
	view    *View
	method  string
	target  string
	header  map[string]string
	body    string
	status  int
	want    map[string]string // headers; "-" means absent
	resBody string            // "" with noBody means empty
	noBody  bool
}{
	{
		name: "get json", view: &View{Get: ok(map[string]any{"a": 1})},
		status: 200, resBody: `{"a":1}`,
		want: map[string]string{"Content-Type": "application/json", "Allow": "GET, HEAD, OPTIONS", "Vary": "-", "Content-Length": "7"},
	},
	{
		name: "vary with two renderers", view: &View{Get: ok("x"), Renderers: jsonHTML},
		status: 200, resBody: `"x"`,
		want: map[string]string{"Vary": "Accept", "Content-Type": "application/json"},
	},
	{
		name: "html chosen by accept", view: &View{Get: ok("<p>x</p>"), Renderers: jsonHTML},
		header: map[string]string{"Accept": "text/html"},
		status: 200, resBody: "<p>x</p>",
		want: map[string]string{"Content-Type": "text/html; charset=utf-8"},
	},
	{
		name: "vary merged", view: &View{Get: func(*Request) (*Response, error) {
			r := NewResponse(1, 200)
			r.Header().Set("Vary", "Cookie")
			r.Header().Set("Allow", "CUSTOM")
			return r, nil
		}, Renderers: jsonHTML},
		status: 200, resBody: "1",
		want: map[string]string{"Vary": "Cookie, Accept", "Allow": "GET, HEAD, OPTIONS"},
	},
	{
		name: "vary already listing accept", view: &View{Get: func(*Request) (*Response, error) {
			r := NewResponse(1, 200)
			r.Header().Set("Vary", "Cookie, accept")
			return r, nil
		}, Renderers: jsonHTML},
		status: 200, want: map[string]string{"Vary": "Cookie, accept"},
	},
	{
		name: "single renderer keeps the response's vary", view: &View{Get: func(*Request) (*Response, error) {
			r := NewResponse(1, 200)
			r.Header().Set("Vary", "Cookie")
			return r, nil
		}},
		status: 200, want: map[string]string{"Vary": "Cookie"},
	},
	{
		name: "406", view: &View{Get: ok(1)},
		header: map[string]string{"Accept": "text/html"},
		status: 406, resBody: `{"detail":"Could not satisfy the request Accept header."}`,
		want: map[string]string{"Content-Type": "application/json", "Allow": "GET, HEAD, OPTIONS"},
	},
	{
		name: "empty accept is 406", view: &View{Get: ok(1)},
		header: map[string]string{"Accept": ""},
		status: 406, resBody: `{"detail":"Could not satisfy the request Accept header."}`,
	},
	{
		name: "406 rendered by the first renderer", view: &View{Get: ok(1), Renderers: htmlJSON},
		header: map[string]string{"Accept": "image/png"},
		status: 406, resBody: "406 Not Acceptable",
		want: map[string]string{"Content-Type": "text/html; charset=utf-8", "Vary": "Accept"},
	},
	{
		name: "unknown format is 404", view: &View{Get: ok(1)}, target: "/x?format=xml",
		status: 404, resBody: `{"detail":"Not found."}`,
	},
	{
		name: "format filters", view: &View{Get: ok("<b>"), Renderers: jsonHTML}, target: "/x?format=html",
		status: 200, resBody: "<b>", want: map[string]string{"Content-Type": "text/html; charset=utf-8"},
	},
	{
		name: "format does not bypass accept", view: &View{Get: ok(1), Renderers: jsonHTML}, target: "/x?format=json",
		header: map[string]string{"Accept": "text/html"},
		status: 406, resBody: `{"detail":"Could not satisfy the request Accept header."}`,
	},
	{
		name: "indent", view: &View{Get: ok([]any{1})},
		header: map[string]string{"Accept": "application/json; indent=2"},
		status: 200, resBody: "[\n  1\n]", want: map[string]string{"Content-Type": "application/json"},
	},
	{
		name: "drf mode q ignored", view: &View{Get: ok("h"), Renderers: jsonHTML, Settings: drf},
		header: map[string]string{"Accept": "text/html;q=0.1, */*"},
		status: 200, resBody: "h", want: map[string]string{"Content-Type": "text/html; charset=utf-8"},
	},
	{
		name: "rfc mode q honoured", view: &View{Get: ok("h"), Renderers: jsonHTML},
		header: map[string]string{"Accept": "text/html;q=0.1, */*"},
		status: 200, resBody: `"h"`, want: map[string]string{"Content-Type": "application/json"},
	},
	{
		name: "405", view: &View{Get: ok(1)}, method: "POST",
		status: 405, resBody: `{"detail":"Method \"POST\" not allowed."}`,
		want: map[string]string{"Allow": "GET, HEAD, OPTIONS"},
	},
	{
		name: "405 keeps the method as sent", view: &View{Get: ok(1)}, method: "BREW",
		status: 405, resBody: `{"detail":"Method \"BREW\" not allowed."}`,
	},
	{
		name: "head", view: &View{Get: ok(map[string]any{"a": 1})}, method: "HEAD",
		status: 200, noBody: true,
		want: map[string]string{"Content-Type": "application/json", "Content-Length": "7"},
	},
	{
		name: "options", view: &View{Name: "Head V", Get: ok(1)}, method: "OPTIONS",
		status: 200, resBody: `{"name":"Head V","description":"","renders":["application/json"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}`,
		want: map[string]string{"Allow": "GET, HEAD, OPTIONS"},
	},
	{
		name: "function view", view: APIView([]string{"get", "POST"}, ok("f")), method: "POST",
		status: 200, resBody: `"f"`, want: map[string]string{"Allow": "GET, POST, OPTIONS"},
	},
	{
		// DRF's @api_view lists only the methods given (and OPTIONS).
		name: "function view answers HEAD", view: APIView(nil, ok("f")), method: "HEAD",
		status: 200, noBody: true, want: map[string]string{"Allow": "GET, OPTIONS"},
	},
	{
		name: "function view listing HEAD", view: APIView([]string{"GET", "HEAD"}, ok("f")), method: "HEAD",
		status: 200, noBody: true, want: map[string]string{"Allow": "GET, HEAD, OPTIONS"},
	},
	{
		name: "all methods", view: &View{Get: ok(1), Post: ok(1), Put: ok(1), Patch: ok(1), Delete: ok(1)}, method: "DELETE",
		status: 200, resBody: "1", want: map[string]string{"Allow": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS"},
	},
	{
		name: "204 has no content type", view: &View{Delete: func(*Request) (*Response, error) { return NewResponse(nil, 204), nil }}, method: "DELETE",
		status: 204, noBody: true, want: map[string]string{"Content-Type": "-", "Allow": "DELETE, OPTIONS"},
	},
	{
		name: "api error", view: &View{Get: func(*Request) (*Response, error) { return nil, NotFound("No snippet.") }},
		status: 404, resBody: `{"detail":"No snippet."}`,
	},
	{
		name: "validation error", view: &View{Post: func(*Request) (*Response, error) {
			return nil, ValidationError(map[string]any{"name": []string{"This field is required."}})
		}}, method: "POST",
		status: 400, resBody: `{"name":["This field is required."]}`,
	},
	{
		name: "web not found", view: &View{Get: func(*Request) (*Response, error) { return nil, web.ErrNotFound }},
		status: 404, resBody: `{"detail":"Not found."}`,
	},
	{
		name: "unhandled error is a 500 without internals", view: &View{Get: func(*Request) (*Response, error) { return nil, errors.New("secret db failure") }},
		status: 500, want: map[string]string{"Content-Type": "text/plain; charset=utf-8"},
	},
	{
		name: "nil response is a 500", view: &View{Get: func(*Request) (*Response, error) { return nil, nil }},
		status: 500,
	},
	{
		name: "render error is a clean 500", view: &View{Get: ok(1), Renderers: []render.Renderer{failingRenderer}},
		status: 500, want: map[string]string{"Content-Type": "text/plain; charset=utf-8"},
	},
	{
		name: "parsed body", view: &View{Post: echo}, method: "POST",
		header: map[string]string{"Content-Type": "application/json"}, body: `{"a":["x",true]}`,
		status: 201, resBody: `{"a":["x",true]}`,
	},
	{
		name: "malformed body", view: &View{Post: echo}, method: "POST",
		header: map[string]string{"Content-Type": "application/json"}, body: `{"a":`,
		status: 400, resBody: `{"detail":"JSON parse error - Expecting value: line 1 column 6 (char 5)"}`,
	},
	{
		name: "unsupported media type", view: &View{Post: echo}, method: "POST",
		header: map[string]string{"Content-Type": "text/plain"}, body: `hi`,
		status: 415, resBody: `{"detail":"Unsupported media type \"text/plain\" in request."}`,
	},
	{
		name:   "authenticated",
		view:   &View{Get: whoami, Authenticators: []Authenticator{tokenAuth{`Token realm="api"`}}, Permissions: []Permission{mustBeAuthenticated{}}},
		header: map[string]string{"Authorization": "Token alice"},
		status: 200, resBody: `{"auth":"token:alice","user":"alice"}`,
	},
	{
		name:   "not authenticated with a challenge is 401",
		view:   &View{Get: whoami, Authenticators: []Authenticator{tokenAuth{`Token realm="api"`}}, Permissions: []Permission{mustBeAuthenticated{}}},
		status: 401, resBody: `{"detail":"Authentication credentials were not provided."}`,
		want: map[string]string{"Www-Authenticate": `Token realm="api"`},
	},
	{
		name:   "not authenticated without a challenge is 403",
		view:   &View{Get: whoami, Authenticators: []Authenticator{tokenAuth{}}, Permissions: []Permission{mustBeAuthenticated{}}},
		status: 403, resBody: `{"detail":"Authentication credentials were not provided."}`,
		want: map[string]string{"Www-Authenticate": "-"},
	},
	{
		name:   "authentication failed",
		view:   &View{Get: whoami, Authenticators: []Authenticator{tokenAuth{`Token realm="api"`}}},
		header: map[string]string{"Authorization": "Token bad"},
		status: 401, resBody: `{"detail":"Invalid token."}`,
		want: map[string]string{"Www-Authenticate": `Token realm="api"`},
	},
	{
		name:   "permission denied without authenticators",
		view:   &View{Get: whoami, Permissions: []Permission{mustBeAuthenticated{}}},
		status: 403, resBody: `{"detail":"You do not have permission to perform this action."}`,
	},
	{
		name:   "negotiation before auth",
		view:   &View{Get: whoami, Authenticators: []Authenticator{tokenAuth{`Token realm="api"`}}, Permissions: []Permission{mustBeAuthenticated{}}},
		header: map[string]string{"Accept": "text/html"},
		status: 406,
	},
	{
		name:   "basic authentication: 401 with its challenge",
		view:   &View{Get: whoami, Authenticators: []Authenticator{basicAlice}, Permissions: []Permission{IsAuthenticated{}}},
		status: 401, resBody: `{"detail":"Authentication credentials were not provided."}`,
		want: map[string]string{"Www-Authenticate": `Basic realm="api"`},
	},
	{
		name:   "basic authentication: alice",
		view:   &View{Get: whoami, Authenticators: []Authenticator{basicAlice}, Permissions: []Permission{IsAuthenticated{}}},
		header: map[string]string{"Authorization": "Basic YWxpY2U6c2VjcmV0"},
		status: 200, resBody: `{"auth":"","user":"alice"}`,
	},
	{
		name:   "basic authentication: wrong password",
		view:   &View{Get: whoami, Authenticators: []Authenticator{basicAlice}, Permissions: []Permission{IsAuthenticated{}}},
		header: map[string]string{"Authorization": "Basic YWxpY2U6eA=="},
		status: 401, resBody: `{"detail":"Invalid username/password."}`,
		want: map[string]string{"Www-Authenticate": `Basic realm="api"`},
	},
	{
		name:   "session first: 403",
		view:   &View{Get: whoami, Authenticators: []Authenticator{SessionAuthentication{}, basicAlice}, Permissions: []Permission{IsAuthenticated{}}},
		status: 403, resBody: `{"detail":"Authentication credentials were not provided."}`,
		want: map[string]string{"Www-Authenticate": "-"},
	},
	{
		name:   "permission message",
		view:   &View{Get: whoami, Permissions: []Permission{closedPermission{}}},
		status: 403, resBody: `{"detail":"Closed on Sundays."}`,
	},
	{
		name: "problem details", view: &View{Get: func(*Request) (*Response, error) { return nil, NotFound() },
			Settings: &Settings{ExceptionHandler: ProblemDetailsHandler}},
		status: 404, want: map[string]string{"Content-Type": "application/problem+json"},
	},
	{
		name: "custom exception handler", view: &View{Get: func(*Request) (*Response, error) { return nil, errors.New("x") }, Settings: &Settings{
			ExceptionHandler: func(err error, _ *ExceptionContext) *Response {
				return NewResponse(map[string]any{"error": "custom"}, http.StatusTeapot)
			},
		}},
		status: 418, resBody: `{"error":"custom"}`,
	},
}

func TestView(t *testing.T) {
	for _, tt := range viewTests {
		t.Run(tt.name, func(t *testing.T) {
			method, target := tt.method, tt.target
			if method == "" {
				method = "GET"
			}
			if target == "" {
				target = "/x"
			}
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			req := httptest.NewRequest(method, target, body)
			for k, v := range tt.header {
				req.Header[k] = []string{v}
			}
			rec := httptest.NewRecorder()
			srv := &web.Server{Logger: discardLogger()}
			srv.Handle(tt.view.Handler()).ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Errorf("%s %s: status %d; want %d (body %q)", method, target, rec.Code, tt.status, rec.Body)
			}
			if (tt.resBody != "" || tt.noBody) && rec.Body.String() != tt.resBody {
				t.Errorf("%s %s: body %q; want %q", method, target, rec.Body, tt.resBody)
			}
			if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "half") {
				t.Errorf("%s %s: body %q shows internals", method, target, rec.Body)
			}
			// The headers a client of net/http's server receives.
			hdr.AddServerLength(rec.Header(), rec.Code, rec.Body.Len(), method == http.MethodHead, rec.Flushed)
			for k, want := range tt.want {
				if got := headerOrDash(rec.Header(), k); got != want {
					t.Errorf("%s %s: %s = %q; want %q", method, target, k, got, want)
				}
			}
		})
	}
}

func TestViewServeHTTPWithFormatSuffix(t *testing.T) {
	v := &View{Get: ok("<i>"), Renderers: jsonHTML}
	h := FormatSuffixHandler(v)
	for target, want := range map[string]string{
		"/x":       `"<i>"`,
		"/x.html":  "<i>",
		"/x.json/": `"<i>"`,
		"/x.xml":   `{"detail":"Not found."}`,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if got := rec.Body.String(); got != want {
			t.Errorf("GET %s = %q; want %q", target, got, want)
		}
	}
}

func TestViewRequestAccessors(t *testing.T) {
	// The Request is checked inside the handler: the view reuses it once
	// the response is sent.
	called := false
	v := &View{Get: func(got *Request) (*Response, error) {
		called = true
		if _, isJSON := got.AcceptedRenderer().(render.JSON); !isJSON || got.AcceptedMediaType() != "application/json; indent=4" {
			t.Errorf("accepted = %T %q; want render.JSON, %q", got.AcceptedRenderer(), got.AcceptedMediaType(), "application/json; indent=4")
		}
		q, err := got.QueryParams()
		if v, _ := q.Get("q"); err != nil || v != "1" {
			t.Errorf("QueryParams().Get(q) = %q, %v; want 1", v, err)
		}
		if u := got.User(); u == nil || u.IsAuthenticated() {
			t.Errorf("User() = %v; want an anonymous user", u)
		}
		if d, err := got.Data(); err != nil || len(d.(map[string]any)) != 0 {
			t.Errorf("Data() = %v, %v; want empty", d, err)
		}
		return NewResponse(nil, 200), nil
	}, Renderers: jsonHTML}
	req := httptest.NewRequest("GET", "/x?q=1", nil)
	req.Header.Set("Accept", "*/*; indent=4")
	v.ServeHTTP(httptest.NewRecorder(), req)
	if !called {
		t.Fatal("handler not called")
	}
}

func TestAPIViewPanicsOnUnknownMethod(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("APIView([TRACE]) did not panic")
		}
	}()
	APIView([]string{"TRACE"}, ok(1))
}

func TestViewHandlerPanicsWithoutRenderers(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Handler() with no renderers did not panic")
		}
	}()
	(&View{Get: ok(1), Renderers: []render.Renderer{}}).Handler()
}

func TestViewAllocs(t *testing.T) {
	if allocGuardsOff {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	h := (&web.Server{}).Handle((&View{Get: ok(map[string]any{"a": 1})}).Handler())
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	w := &discardWriter{h: http.Header{}}
	allocs := testing.AllocsPerRun(200, func() {
		clear(w.h)
		h.ServeHTTP(w, req)
	})
	t.Logf("allocs per request: %v", allocs)
	if allocs > maxViewAllocs {
		t.Errorf("a simple JSON view allocates %v times per request; want at most %d", allocs, maxViewAllocs)
	}
}

func BenchmarkView(b *testing.B) {
	h := (&web.Server{}).Handle((&View{Get: ok(map[string]any{"a": 1})}).Handler())
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		h.ServeHTTP(w, req)
	}
}

// discardWriter is a ResponseWriter that keeps nothing.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(int)             {}

// maxViewAllocs bounds the allocations of a simple JSON view per request,
// the web adapter's included: the Response of NewResponse.
const maxViewAllocs = 1

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestViewNestedSpare serves a view whose handler calls another view with
// the same web request: the inner view must not take the outer's Request
// (kept in the web request's Spare slot), on every reuse of the memory.
func TestViewNestedSpare(t *testing.T) {
	inner := (&View{Get: func(r *Request) (*Response, error) {
		return r.Respond("inner", http.StatusOK), nil
	}}).Handler()
	outer := (&View{Get: func(r *Request) (*Response, error) {
		wr, mt := r.Request, r.AcceptedMediaType()
		resp, err := inner(r.Request)
		if err != nil {
			return nil, err
		}
		if r.Request != wr || r.AcceptedMediaType() != mt || !r.pooled {
			t.Errorf("outer Request changed by the inner view: %p %q; want %p %q", r.Request, r.AcceptedMediaType(), wr, mt)
		}
		return r.Respond(resp.(*Response).Data, http.StatusCreated), nil
	}}).Handler()
	h := web.Handle(outer, &web.Settings{AllowedHosts: []string{"*"}})
	for i := range 3 {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		if w.Code != http.StatusCreated || w.Body.String() != `"inner"` {
			t.Fatalf("request %d: %d %q; want 201 %q", i, w.Code, w.Body.String(), `"inner"`)
		}
	}
}
