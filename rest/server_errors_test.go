package rest_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

var serverErrorsTests = []struct {
	name     string
	settings *rest.Settings
	err      error
	target   string
	accept   string
	status   int
	ct       string
	body     string
}{
	{"not found", nil, web.ErrNotFound, "/x", "", 404, "application/json", `{"detail":"Not found."}`},
	{"permission denied", nil, web.ErrPermissionDenied, "/x", "application/json", 403, "application/json", `{"detail":"You do not have permission to perform this action."}`},
	{"not authenticated", nil, web.ErrNotAuthenticated, "/x", "", 401, "application/json", `{"detail":"Authentication credentials were not provided."}`},
	{"http error message", nil, &web.HTTPError{Status: 413, Message: "Too big."}, "/x", "", 413, "application/json", `{"detail":"Too big."}`},
	{"nothing acceptable: first renderer", nil, web.ErrNotFound, "/x", "image/png", 404, "application/json", `{"detail":"Not found."}`},
	{"text renderer by Accept", textSettings, web.ErrNotFound, "/x", "text/plain", 404, "text/plain; charset=utf-8", `Not found.`},
	{"text renderer by ?format=", textSettings, web.ErrNotFound, "/x?format=txt", "", 404, "text/plain; charset=utf-8", `Not found.`},
	{"problem details", &rest.Settings{ExceptionHandler: rest.ProblemDetailsHandler}, web.ErrNotFound, "/x", "", 404, "application/problem+json", `{"type":"about:blank","title":"Not Found","status":404,"detail":"Not found.","instance":"/x","code":"not_found"}`},
	{"server error stays plain", nil, errors.New("db password is hunter2"), "/x", "", 500, "text/plain; charset=utf-8", "Internal Server Error\n"},
}

var textSettings = &rest.Settings{Renderers: []render.Renderer{&render.JSON{}, render.PlainText{}}}

func TestServerErrors(t *testing.T) {
	for _, tt := range serverErrorsTests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &web.Server{
				Settings:      &web.Settings{AllowedHosts: []string{"example.com"}},
				ErrorResponse: rest.ServerErrors(tt.settings),
				Logger:        slog.New(slog.DiscardHandler),
			}
			h := srv.Handle(func(*web.Request) (web.Response, error) { return nil, tt.err })
			req := httptest.NewRequest("GET", "http://example.com"+tt.target, nil)
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status || rec.Header().Get("Content-Type") != tt.ct || rec.Body.String() != tt.body {
				t.Errorf("%s: %d %q %q; want %d %q %q", tt.name, rec.Code, rec.Header().Get("Content-Type"), rec.Body, tt.status, tt.ct, tt.body)
			}
			if a := rec.Header().Get("Allow"); a != "" {
				t.Errorf("%s: Allow = %q; want none", tt.name, a)
			}
		})
	}
}

// Errors outside the API views — here the catch-all of a mux for unknown
// URLs — answered like the views' own errors.
func ExampleServerErrors() {
	srv := &web.Server{
		Settings:      &web.Settings{AllowedHosts: []string{"example.com"}},
		ErrorResponse: rest.ServerErrors(nil),
		Logger:        slog.New(slog.DiscardHandler),
	}
	mux := http.NewServeMux()
	mux.Handle("/", srv.Handle(func(*web.Request) (web.Response, error) {
		return nil, web.ErrNotFound
	}))
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "http://example.com/nowhere", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	// Output: 404 application/json {"detail":"Not found."}
}
