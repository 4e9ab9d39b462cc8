package resttest_test

import (
	"net/http"
	"testing"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/resttest"
	"github.com/restframe/restframe/web"
)

var forcedTests = []struct {
	name      string
	user      web.User
	token     any
	ok        bool
	wantUser  string
	wantAuthd bool
}{
	{"none", nil, nil, false, "", false},
	{"user", user("u"), nil, true, "u", true},
	{"user and token", user("u"), "t", true, "u", true},
	{"token only", nil, "t", true, "", false},
}

func TestForceAuthenticate(t *testing.T) {
	for _, tt := range forcedTests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := resttest.RequestFactory{}.Get("/", nil)
			forced := resttest.ForceAuthenticate(req, tt.user, tt.token)
			if !tt.ok && forced != req {
				t.Errorf("ForceAuthenticate(r, nil, nil) is a new request; want r")
			}
			if tt.ok && forced == req {
				t.Errorf("ForceAuthenticate changed r in place; want a copy")
			}
			if _, _, ok := resttest.Forced(req.Context()); ok {
				t.Errorf("the original request carries a forced user")
			}
			u, token, ok := resttest.Forced(forced.Context())
			if ok != tt.ok {
				t.Fatalf("Forced() ok = %v; want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if u.Username() != tt.wantUser || u.IsAuthenticated() != tt.wantAuthd || token != tt.token {
				t.Errorf("Forced() = %q (authenticated %v), %v; want %q (%v), %v", u.Username(), u.IsAuthenticated(), token, tt.wantUser, tt.wantAuthd, tt.token)
			}

			// ForcedAuthentication hands them to a rest.Request.
			rr := rest.NewRequest(web.NewRequest(forced, nil), nil, []rest.Authenticator{resttest.ForcedAuthentication{}})
			if err := rr.Authenticate(); err != nil {
				t.Fatal(err)
			}
			if rr.User().Username() != tt.wantUser || rr.Auth() != tt.token {
				t.Errorf("rest.Request user, auth = %q, %v; want %q, %v", rr.User().Username(), rr.Auth(), tt.wantUser, tt.token)
			}
			if _, ok := rr.SuccessfulAuthenticator().(resttest.ForcedAuthentication); !ok {
				t.Errorf("SuccessfulAuthenticator() = %T; want ForcedAuthentication", rr.SuccessfulAuthenticator())
			}
		})
	}
}

func TestForcedAuthenticationHeader(t *testing.T) {
	tests := []struct {
		name string
		auth []rest.Authenticator
		want string
	}{
		{"alone", []rest.Authenticator{resttest.ForcedAuthentication{}}, ""},
		{"before basic", []rest.Authenticator{resttest.ForcedAuthentication{}, &resttest.ForcedAuthentication{}, rest.BasicAuthentication{Realm: "r"}}, `Basic realm="r"`},
		{"before session", []rest.Authenticator{resttest.ForcedAuthentication{}, rest.SessionAuthentication{}, rest.BasicAuthentication{}}, ""},
		{"none", nil, ""},
	}
	req, _ := resttest.RequestFactory{}.Get("/", nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rr := rest.NewRequest(web.NewRequest(req, nil), nil, tt.auth)
			if got := (resttest.ForcedAuthentication{}).Header(rr); got != tt.want {
				t.Errorf("Header() with %T = %q; want %q", tt.auth, got, tt.want)
			}
			if u, auth, err := (resttest.ForcedAuthentication{}).Authenticate(rr); u != nil || auth != nil || err != nil {
				t.Errorf("Authenticate() without a forced user = %v, %v, %v; want nil, nil, nil", u, auth, err)
			}
		})
	}
}

// TestForceAuthenticateSession checks the combination for views whose
// users come from web middleware: ForcedAuthentication, then
// SessionAuthentication.
func TestForceAuthenticateSession(t *testing.T) {
	view := &rest.View{
		Authenticators: []rest.Authenticator{resttest.ForcedAuthentication{}, rest.SessionAuthentication{}},
		Permissions:    []rest.Permission{rest.IsAuthenticated{}},
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse(r.User().Username(), http.StatusOK), nil
		},
	}
	srv := &web.Server{Middleware: []web.Middleware{web.Authentication(func(r *web.Request) (web.User, error) {
		if r.HTTP().Header.Get("X-User") != "" {
			return user(r.HTTP().Header.Get("X-User")), nil
		}
		return nil, nil
	})}}
	c := &resttest.Client{Handler: srv.Handle(view.Handler())}
	tests := []struct {
		name   string
		force  web.User
		header string
		status int
		body   string
	}{
		{"anonymous", nil, "", 403, ""},
		{"middleware user", nil, "dave", 200, `"dave"`},
		{"forced user", user("erin"), "", 200, `"erin"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.ForceAuthenticate(tt.force, nil)
			resp, err := c.Do(resttest.Request{Path: "/", Header: http.Header{"X-User": {tt.header}}})
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || (tt.body != "" && resp.Text() != tt.body) {
				t.Errorf("GET / = %d %s; want %d %s", resp.StatusCode, resp.Text(), tt.status, tt.body)
			}
		})
	}
}
