package web_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

// staffUser is the User of the auth tests.
type staffUser struct{ name string }

func (u staffUser) Username() string      { return u.name }
func (u staffUser) IsAuthenticated() bool { return true }

// tokenAuth authenticates "Authorization: Token <name>" headers.
func tokenAuth(r *web.Request) (web.User, error) {
	h := r.HTTP().Header.Get("Authorization")
	switch {
	case h == "":
		return nil, nil
	case h == "Token broken":
		return nil, errors.New("token store unavailable")
	case h == "Token banned":
		return nil, web.ErrPermissionDenied
	case strings.HasPrefix(h, "Token ") && h != "Token bad":
		return staffUser{strings.TrimPrefix(h, "Token ")}, nil
	}
	return nil, &web.HTTPError{
		Status:  http.StatusUnauthorized,
		Message: "Invalid token.",
		Header:  http.Header{"Www-Authenticate": {"Token"}},
	}
}

var authTests = []struct {
	name      string
	mw        []web.Middleware
	auth      string
	status    int
	body      string
	challenge string
}{
	{"anonymous", []web.Middleware{web.Authentication(tokenAuth)}, "", 200, "user=\"\" authenticated=false", ""},
	{"token", []web.Middleware{web.Authentication(tokenAuth)}, "Token ada", 200, "user=\"ada\" authenticated=true", ""},
	{"bad token", []web.Middleware{web.Authentication(tokenAuth)}, "Token bad", 401, "Invalid token.\n", "Token"},
	{"banned", []web.Middleware{web.Authentication(tokenAuth)}, "Token banned", 403, "Forbidden\n", ""},
	{"backend down", []web.Middleware{web.Authentication(tokenAuth)}, "Token broken", 500, "Internal Server Error\n", ""},
	{"required, anonymous, 403", []web.Middleware{web.Authentication(tokenAuth), web.RequireAuthenticated("")}, "", 403, "Authentication credentials were not provided.\n", ""},
	{"required, anonymous, 401", []web.Middleware{web.Authentication(tokenAuth), web.RequireAuthenticated(`Token realm="api"`)}, "", 401, "Authentication credentials were not provided.\n", `Token realm="api"`},
	{"required, token", []web.Middleware{web.Authentication(tokenAuth), web.RequireAuthenticated("Token")}, "Token ada", 200, "user=\"ada\" authenticated=true", ""},
	{"required without authentication", []web.Middleware{web.RequireAuthenticated("")}, "Token ada", 403, "Authentication credentials were not provided.\n", ""},
}

func userView(r *web.Request) (web.Response, error) {
	u := r.User()
	if u == nil {
		return text(200, "no user"), nil
	}
	return text(200, "user=\""+u.Username()+"\" authenticated="+map[bool]string{true: "true", false: "false"}[u.IsAuthenticated()]), nil
}

func TestAuthentication(t *testing.T) {
	for _, tt := range authTests {
		t.Run(tt.name, func(t *testing.T) {
			logger, _ := MustLogger(t)
			h := (&web.Server{Logger: logger, Middleware: tt.mw}).Handle(userView)
			req := httptest.NewRequest("GET", "/", nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status || rec.Body.String() != tt.body {
				t.Errorf("Authorization %q: %d %q; want %d %q", tt.auth, rec.Code, rec.Body, tt.status, tt.body)
			}
			if got := rec.Header().Get("Www-Authenticate"); got != tt.challenge {
				t.Errorf("WWW-Authenticate = %q; want %q", got, tt.challenge)
			}
		})
	}
}

// TestAuthenticationFromSession logs a user in through the session, as
// Django's login() does, and reads them back on the next request.
func TestAuthenticationFromSession(t *testing.T) {
	sessionAuth := func(r *web.Request) (web.User, error) {
		if id, ok := r.Session().GetString("_auth_user_id"); ok {
			return staffUser{id}, nil
		}
		return nil, nil
	}
	logger, _ := MustLogger(t)
	srv := &web.Server{
		Settings:   &web.Settings{SecretKey: "s3cret"},
		Logger:     logger,
		Middleware: []web.Middleware{web.Sessions(web.SessionOptions{}), web.Authentication(sessionAuth)},
	}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		if r.HTTP().URL.Path == "/login" {
			r.Session().CycleKey()
			r.Session().Set("_auth_user_id", "grace")
		}
		return userView(r)
	})
	run(t, func(t *testing.T, do func(http.Handler, *http.Request) result) {
		res := do(h, httptest.NewRequest("POST", "/login", nil))
		cookie, _, _ := strings.Cut(res.header.Get("Set-Cookie"), ";")
		if !strings.HasPrefix(cookie, "sessionid=") {
			t.Fatalf("login Set-Cookie = %q", res.header.Get("Set-Cookie"))
		}
		req := httptest.NewRequest("GET", "/me", nil)
		req.Header.Set("Cookie", cookie)
		if res := do(h, req); res.body != `user="grace" authenticated=true` {
			t.Errorf("GET /me = %q", res.body)
		}
		if res := do(h, httptest.NewRequest("GET", "/me", nil)); res.body != `user="" authenticated=false` {
			t.Errorf("GET /me without cookie = %q", res.body)
		}
	})
}

func TestAnonymousUser(t *testing.T) {
	var u web.User = web.AnonymousUser{}
	if u.Username() != "" || u.IsAuthenticated() {
		t.Errorf("AnonymousUser = %q, %v", u.Username(), u.IsAuthenticated())
	}
	if !errors.Is(web.ErrNotAuthenticated, web.ErrPermissionDenied) {
		t.Errorf("ErrNotAuthenticated is not an ErrPermissionDenied")
	}
}
