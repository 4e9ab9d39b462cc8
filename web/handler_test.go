package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

type ctxKey struct{}

// Standard middleware of the FromHTTP tests.
var (
	// corsLike sets a header before calling next.
	corsLike = func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			next.ServeHTTP(w, r)
		})
	}
	// limiter answers 429 itself for /limited.
	limiter = func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/limited" {
				w.Header().Set("Retry-After", "30")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	// requestID puts a value in the request context.
	requestID = func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, "req-42")))
		})
	}
	// shouting wraps the writer to transform the body, as a compressor does.
	shouting = func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Del("Content-Length")
			next.ServeHTTP(upperWriter{w}, r)
		})
	}
)

type upperWriter struct{ http.ResponseWriter }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.ResponseWriter.Write([]byte(strings.ToUpper(string(p))))
}

var fromHTTPTests = []struct {
	name   string
	mw     func(http.Handler) http.Handler
	method string
	path   string
	status int
	body   string
	header map[string]string
}{
	{"header before next", corsLike, "GET", "/", 200, "ok req-none", map[string]string{"Access-Control-Allow-Origin": "*", "X-View": "yes"}},
	{"short circuit", limiter, "GET", "/limited", 429, "slow down\n", map[string]string{"Retry-After": "30", "X-View": ""}},
	{"pass through", limiter, "GET", "/", 200, "ok req-none", map[string]string{"X-View": "yes"}},
	{"context", requestID, "GET", "/", 200, "ok req-42", nil},
	{"body transform", shouting, "GET", "/", 200, "OK REQ-NONE", map[string]string{"X-View": "yes"}},
	{"view error", corsLike, "GET", "/missing", 404, "Not Found\n", map[string]string{"Access-Control-Allow-Origin": "*"}},
	{"send error", corsLike, "GET", "/badheader", 500, "Internal Server Error\n", nil},
	{"head", corsLike, "HEAD", "/", 200, "", map[string]string{"Access-Control-Allow-Origin": "*", "Content-Length": "11"}},
}

func fromHTTPView(r *web.Request) (web.Response, error) {
	switch r.HTTP().URL.Path {
	case "/missing":
		return nil, web.ErrNotFound
	case "/badheader":
		resp := text(200, "x")
		resp.Header()["X-Bad"] = []string{"a\nb"}
		return resp, nil
	}
	id, _ := r.HTTP().Context().Value(ctxKey{}).(string)
	if id == "" {
		id = "req-none"
	}
	resp := text(200, "ok "+id)
	resp.Header().Set("X-View", "yes")
	resp.Header().Set("Content-Length", "11")
	return resp, nil
}

func TestFromHTTP(t *testing.T) {
	for _, tt := range fromHTTPTests {
		t.Run(tt.name, func(t *testing.T) {
			logger, _ := MustLogger(t)
			var outerSaw string
			outer := func(next web.Handler) web.Handler {
				return func(r *web.Request) (web.Response, error) {
					resp, err := next(r)
					outerSaw = r.HTTP().URL.Path
					if v := r.HTTP().Context().Value(ctxKey{}); v != nil {
						t.Errorf("outer middleware sees the inner request's context")
					}
					return resp, err
				}
			}
			h := (&web.Server{Logger: logger, Middleware: []web.Middleware{outer, web.FromHTTP(tt.mw)}}).Handle(fromHTTPView)
			res := MustServe(t, modeHTTP1, h, httptest.NewRequest(tt.method, tt.path, nil))
			if res.status != tt.status || res.body != tt.body {
				t.Errorf("%s %s = %d %q; want %d %q", tt.method, tt.path, res.status, res.body, tt.status, tt.body)
			}
			for k, want := range tt.header {
				if got := res.header.Get(k); got != want {
					t.Errorf("%s = %q; want %q", k, got, want)
				}
			}
			if outerSaw != tt.path {
				t.Errorf("outer middleware saw path %q", outerSaw)
			}
		})
	}
}

// TestFromHTTPErrors checks that errors pass through FromHTTP unchanged
// when no Server separates the layers.
func TestFromHTTPErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		h    web.Handler
		want error
	}{
		{"error", func(*web.Request) (web.Response, error) { return nil, web.ErrNotFound }, web.ErrNotFound},
		{"nil response", func(*web.Request) (web.Response, error) { return nil, nil }, web.ErrNilResponse},
	} {
		h := web.FromHTTP(corsLike)(tt.h)
		resp, err := h(web.NewRequest(httptest.NewRequest("GET", "/", nil), nil))
		if resp != nil || !errors.Is(err, tt.want) {
			t.Errorf("%s: got %v, %v; want %v", tt.name, resp, err, tt.want)
		}
	}
	// A middleware that never calls next and writes nothing: an empty 200.
	h := web.FromHTTP(func(http.Handler) http.Handler {
		return http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	})(fromHTTPView)
	resp, err := h(web.NewRequest(httptest.NewRequest("GET", "/", nil), nil))
	if err != nil || resp.Base().Status() != 200 {
		t.Fatalf("silent middleware: %v, %v", resp, err)
	}
	rec := httptest.NewRecorder()
	if err := resp.Send(rec, httptest.NewRequest("GET", "/", nil)); err != nil || rec.Body.Len() != 0 {
		t.Errorf("silent middleware sent %q, %v", rec.Body, err)
	}
}
