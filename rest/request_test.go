package rest

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

func newTestRequest(method, body, contentType string, authenticators ...Authenticator) *Request {
	hr := httptest.NewRequest(method, "/", strings.NewReader(body))
	if contentType != "" {
		hr.Header.Set("Content-Type", contentType)
	}
	return NewRequest(web.NewRequest(hr, nil), nil, authenticators)
}

var requestDataTests = []struct {
	name, body, contentType string
	wantStatus              int // of the *Error; 0: no error
	wantDetail              string
}{
	{"json", `{"a":"b"}`, "application/json", 0, ""},
	{"empty", ``, "application/json", 0, ""},
	{"malformed", `{`, "application/json", 400, "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
	{"unsupported", `x`, "text/plain", 415, `Unsupported media type "text/plain" in request.`},
	{"no content type", `x`, "", 415, `Unsupported media type "" in request.`},
}

func TestRequestData(t *testing.T) {
	for _, tt := range requestDataTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestRequest("POST", tt.body, tt.contentType)
			data, err := r.Data()
			if tt.wantStatus == 0 {
				if err != nil {
					t.Fatalf("Data() = %v", err)
				}
				if _, ok := data.(map[string]any); !ok {
					t.Errorf("Data() = %T; want map[string]any", data)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Status != tt.wantStatus || e.String() != tt.wantDetail {
				t.Fatalf("Data() error = %v; want status %d %q", err, tt.wantStatus, tt.wantDetail)
			}
			var pe *parse.Error
			if !errors.As(err, &pe) {
				t.Errorf("Data() error %v does not wrap the *parse.Error", err)
			}
			if m, ok := data.(map[string]any); !ok || len(m) != 0 {
				t.Errorf("Data() on error = %v; want empty data", data)
			}
			if _, err2 := r.Data(); err2 != err {
				t.Errorf("second Data() error = %v; want the same %v", err2, err)
			}
		})
	}
}

func TestRequestAuthenticate(t *testing.T) {
	t.Run("no authenticators, anonymous", func(t *testing.T) {
		r := newTestRequest("GET", "", "")
		if u := r.User(); u == nil || u.IsAuthenticated() || r.Auth() != nil || r.SuccessfulAuthenticator() != nil {
			t.Errorf("User() = %v, Auth() = %v; want anonymous, nil", u, r.Auth())
		}
	})
	t.Run("no authenticators, web user", func(t *testing.T) {
		r := newTestRequest("GET", "", "")
		r.Request.SetUser(testUser("bob"))
		if u := r.User(); u.Username() != "bob" {
			t.Errorf("User() = %v; want bob", u)
		}
	})
	t.Run("success", func(t *testing.T) {
		a := tokenAuth{}
		r := newTestRequest("GET", "", "", tokenAuth{challenge: "x"}, a)
		r.HTTP().Header.Set("Authorization", "Token carol")
		if err := r.Authenticate(); err != nil {
			t.Fatal(err)
		}
		if r.User().Username() != "carol" || r.Auth() != "token:carol" || r.Request.User().Username() != "carol" {
			t.Errorf("User() = %v, Auth() = %v; want carol, token:carol (also on the web request)", r.User(), r.Auth())
		}
		if got, ok := r.SuccessfulAuthenticator().(tokenAuth); !ok || got.challenge != "x" {
			t.Errorf("SuccessfulAuthenticator() = %v; want the first authenticator", r.SuccessfulAuthenticator())
		}
	})
	t.Run("failure", func(t *testing.T) {
		r := newTestRequest("GET", "", "", tokenAuth{})
		r.HTTP().Header.Set("Authorization", "Token bad")
		err := r.Authenticate()
		var e *Error
		if !errors.As(err, &e) || e.Status != http.StatusUnauthorized {
			t.Fatalf("Authenticate() = %v; want AuthenticationFailed", err)
		}
		if r.User().IsAuthenticated() || r.Authenticate() != err {
			t.Errorf("after failure User() = %v; want anonymous and the same error again", r.User())
		}
	})
	t.Run("set user", func(t *testing.T) {
		r := newTestRequest("GET", "", "", tokenAuth{})
		r.SetUser(testUser("dave"))
		if r.User().Username() != "dave" || r.Request.User().Username() != "dave" {
			t.Errorf("User() after SetUser = %v; want dave", r.User())
		}
	})
}
