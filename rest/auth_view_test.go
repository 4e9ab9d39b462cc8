package rest_test

import (
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/rest"
)

// viewAuthTests run authentication and permissions through a View (spec
// §6.10): 401 with the first authenticator's challenge, else 403.
var viewAuthTests = []struct {
	name   string
	auths  []rest.Authenticator
	header string
	status int
	www    string
	body   string
}{
	{"basic first", []rest.Authenticator{rest.BasicAuthentication{Lookup: lookup}, rest.SessionAuthentication{}}, "", 401, `Basic realm="api"`, `{"detail":"Authentication credentials were not provided."}`},
	{"session first", []rest.Authenticator{rest.SessionAuthentication{}, rest.BasicAuthentication{Lookup: lookup}}, "", 403, "", `{"detail":"Authentication credentials were not provided."}`},
	{"no authenticators", []rest.Authenticator{}, "", 403, "", `{"detail":"You do not have permission to perform this action."}`},
	{"wrong password", []rest.Authenticator{rest.BasicAuthentication{Lookup: lookup}}, "Basic " + b64("alice:x"), 401, `Basic realm="api"`, `{"detail":"Invalid username/password."}`},
	{"ok", []rest.Authenticator{rest.BasicAuthentication{Lookup: lookup}}, "Basic " + b64("alice:secret"), 200, "", `{"user":"alice"}`},
}

func TestViewAuthentication(t *testing.T) {
	for _, tt := range viewAuthTests {
		t.Run(tt.name, func(t *testing.T) {
			v := &rest.View{
				Get: func(r *rest.Request) (*rest.Response, error) {
					return rest.NewResponse(map[string]any{"user": r.User().Username()}, 200), nil
				},
				Authenticators: tt.auths,
				Permissions:    []rest.Permission{rest.IsAuthenticated{}},
			}
			req := httptest.NewRequest("GET", "/whoami", nil)
			req.Header.Set("Accept", "application/json")
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			rec := httptest.NewRecorder()
			v.ServeHTTP(rec, req)
			if rec.Code != tt.status || rec.Header().Get("WWW-Authenticate") != tt.www || rec.Body.String() != tt.body {
				t.Errorf("GET /whoami (%s) = %d %q %s; want %d %q %s", tt.name, rec.Code, rec.Header().Get("WWW-Authenticate"), rec.Body, tt.status, tt.www, tt.body)
			}
		})
	}
}

func TestViewProblemDetails(t *testing.T) {
	s := rest.DefaultSettings()
	s.ExceptionHandler = rest.ProblemDetailsHandler
	v := &rest.View{
		Settings: s,
		Get:      func(*rest.Request) (*rest.Response, error) { return nil, rest.NotFound() },
	}
	req := httptest.NewRequest("GET", "/things/7", nil)
	req.Header.Set("Accept", "application/json")
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, req)
	want := `{"type":"about:blank","title":"Not Found","status":404,"detail":"Not found.","instance":"/things/7","code":"not_found"}`
	if rec.Code != 404 || rec.Header().Get("Content-Type") != "application/problem+json" || rec.Body.String() != want {
		t.Errorf("GET /things/7 = %d %q %s; want 404 application/problem+json %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body, want)
	}
}
