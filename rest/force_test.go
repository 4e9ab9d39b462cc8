package rest_test

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// forceTests: a user forced with ForceAuthenticate wins over every
// authenticator and over credentials, as DRF's force_authenticate.
var forceTests = []struct {
	name   string
	user   web.User
	auth   any
	header string
	auths  []rest.Authenticator
	status int
	body   string
}{
	{"forced user", testUser{name: "bob"}, nil, "", []rest.Authenticator{rest.BasicAuthentication{Lookup: lookup}}, 200, `{"auth":"<nil>","forced":true,"user":"bob"}`},
	{"forced over credentials", testUser{name: "bob"}, "tok", "Basic " + b64("alice:secret"), []rest.Authenticator{rest.BasicAuthentication{Lookup: lookup}}, 200, `{"auth":"tok","forced":true,"user":"bob"}`},
	{"forced without authenticators", testUser{name: "bob"}, nil, "", []rest.Authenticator{}, 200, `{"auth":"<nil>","forced":true,"user":"bob"}`},
	// DRF: the request has a successful authenticator, so the anonymous
	// user is denied permission (403), not asked to authenticate.
	{"token only is anonymous", nil, "tok", "", []rest.Authenticator{rest.BasicAuthentication{Lookup: lookup}}, 403, `{"detail":"You do not have permission to perform this action."}`},
	{"not forced", nil, nil, "Basic " + b64("alice:secret"), []rest.Authenticator{rest.BasicAuthentication{Lookup: lookup}}, 200, `{"auth":"<nil>","forced":false,"user":"alice"}`},
	{"listed ForcedAuthentication, not forced", nil, nil, "", []rest.Authenticator{rest.ForcedAuthentication{}, rest.BasicAuthentication{Lookup: lookup}}, 401, `{"detail":"Authentication credentials were not provided."}`},
}

func TestForceAuthenticate(t *testing.T) {
	for _, tt := range forceTests {
		t.Run(tt.name, func(t *testing.T) {
			v := &rest.View{
				Get: func(r *rest.Request) (*rest.Response, error) {
					_, forced := r.SuccessfulAuthenticator().(rest.ForcedAuthentication)
					return rest.NewResponse(map[string]any{
						"user":   r.User().Username(),
						"auth":   fmt.Sprint(r.Auth()),
						"forced": forced,
					}, 200), nil
				},
				Authenticators: tt.auths,
				Permissions:    []rest.Permission{rest.IsAuthenticated{}},
			}
			req := httptest.NewRequest("GET", "/whoami", nil)
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			req = rest.ForceAuthenticate(req, tt.user, tt.auth)
			rec := httptest.NewRecorder()
			v.ServeHTTP(rec, req)
			if rec.Code != tt.status || rec.Body.String() != tt.body {
				t.Errorf("GET /whoami (%s) = %d %s; want %d %s", tt.name, rec.Code, rec.Body, tt.status, tt.body)
			}
		})
	}
}

func TestForceAuthenticateNil(t *testing.T) {
	req := httptest.NewRequest("GET", "/", nil)
	if got := rest.ForceAuthenticate(req, nil, nil); got != req {
		t.Errorf("ForceAuthenticate(r, nil, nil) returned a copy; want r")
	}
	if _, _, ok := rest.Forced(req.Context()); ok {
		t.Errorf("Forced(plain context) ok = true")
	}
}

// A test forces the user of a request; the view's authenticators are not
// run (DRF's force_authenticate).
func ExampleForceAuthenticate() {
	v := &rest.View{
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse(map[string]any{"user": r.User().Username()}, 200), nil
		},
		Authenticators: []rest.Authenticator{rest.BasicAuthentication{}},
		Permissions:    []rest.Permission{rest.IsAuthenticated{}},
	}
	req := httptest.NewRequest("GET", "/whoami", nil)
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, rest.ForceAuthenticate(req, testUser{name: "alice", active: true}, nil))
	fmt.Println(rec.Code, rec.Body)
	// Output: 200 {"user":"alice"}
}
