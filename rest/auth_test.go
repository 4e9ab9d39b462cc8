package rest_test

import (
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// testUser is a web.User with an active flag.
type testUser struct {
	name   string
	active bool
}

func (u testUser) Username() string      { return u.name }
func (u testUser) IsAuthenticated() bool { return true }
func (u testUser) IsActive() bool        { return u.active }

func lookup(username, password string) (web.User, error) {
	switch {
	case username == "alice" && password == "secret":
		return testUser{name: "alice", active: true}, nil
	case username == "bob" && password == "old":
		return testUser{name: "bob"}, nil
	case username == "db":
		return nil, errors.New("db down")
	}
	return nil, nil
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// basicTests covers ParseBasicCredentials (spec: DRF's BasicAuthentication).
var basicTests = []struct {
	header     string
	user, pass string
	detail     string // "" for success; "-" for ErrNoBasicCredentials
}{
	{"", "", "", "-"},
	{"Bearer abc", "", "", "-"},
	{"Basic", "", "", rest.DetailBasicNoCredentials},
	{"basic " + b64("alice:secret"), "alice", "secret", ""},
	{"BASIC   " + b64("alice:se:cret") + "  ", "alice", "se:cret", ""},
	{"Basic " + b64("nocolon"), "nocolon", "", ""},
	{"Basic a b", "", "", rest.DetailBasicSpaces},
	{"Basic !!!", "", "", ""}, // Python drops non-alphabet characters: empty credentials
	{"Basic abc", "", "", rest.DetailBasicEncoding},
	{"Basic " + b64("\xe9t\xe9:x"), "été", "x", ""}, // Latin-1 fallback
	{"Basic " + b64("ü:ö"), "ü", "ö", ""},
	{"Basic " + strings.Repeat("A", rest.MaxBasicCredentialsBytes+4), "", "", rest.DetailBasicEncoding},
}

func TestParseBasicCredentials(t *testing.T) {
	for _, tt := range basicTests {
		u, p, err := rest.ParseBasicCredentials(tt.header)
		switch tt.detail {
		case "-":
			if !errors.Is(err, rest.ErrNoBasicCredentials) {
				t.Errorf("ParseBasicCredentials(%q) err = %v; want ErrNoBasicCredentials", tt.header, err)
			}
		case "":
			if err != nil || u != tt.user || p != tt.pass {
				t.Errorf("ParseBasicCredentials(%q) = %q, %q, %v; want %q, %q", tt.header, u, p, err, tt.user, tt.pass)
			}
		default:
			var e *rest.Error
			if !errors.As(err, &e) || e.String() != tt.detail || e.Status != 401 {
				t.Errorf("ParseBasicCredentials(%q) err = %v; want AuthenticationFailed %q", tt.header, err, tt.detail)
			}
		}
	}
}

func FuzzParseBasicCredentials(f *testing.F) {
	for _, tt := range basicTests {
		f.Add(tt.header)
	}
	f.Fuzz(func(t *testing.T, header string) {
		u, p, err := rest.ParseBasicCredentials(header)
		if err != nil {
			var e *rest.Error
			if !errors.Is(err, rest.ErrNoBasicCredentials) && (!errors.As(err, &e) || e.Status != 401) {
				t.Fatalf("ParseBasicCredentials(%q) err = %v; want 401 or ErrNoBasicCredentials", header, err)
			}
			return
		}
		if !utf8.ValidString(u) || !utf8.ValidString(p) {
			t.Fatalf("ParseBasicCredentials(%q) = %q, %q: invalid UTF-8", header, u, p)
		}
		// Re-encoded with padding, credentials accepted without it can pass
		// the limit: only those within it must round-trip.
		if enc := b64(u + ":" + p); !strings.ContainsRune(u, ':') && len(enc) <= rest.MaxBasicCredentialsBytes {
			u2, p2, err := rest.ParseBasicCredentials("Basic " + enc)
			if err != nil || u2 != u || p2 != p {
				t.Fatalf("round trip of %q:%q = %q, %q, %v", u, p, u2, p2, err)
			}
		}
	})
}

func newRequest(method, authorization string, auths ...rest.Authenticator) *rest.Request {
	hr := httptest.NewRequest(method, "/things/", nil)
	if authorization != "" {
		hr.Header.Set("Authorization", authorization)
	}
	return rest.NewRequest(web.NewRequest(hr, nil), nil, auths)
}

var basicAuthTests = []struct {
	name   string
	header string
	user   string // "" for no user
	detail string // "" for no error
	cause  bool   // the error is the lookup's
}{
	{"none", "", "", "", false},
	{"other scheme", "Token x", "", "", false},
	{"ok", "Basic " + b64("alice:secret"), "alice", "", false},
	{"wrong", "Basic " + b64("alice:nope"), "", rest.DetailInvalidCredentials, false},
	{"inactive", "Basic " + b64("bob:old"), "", rest.DetailUserInactive, false},
	{"lookup error", "Basic " + b64("db:x"), "", "", true},
	{"malformed", "Basic", "", rest.DetailBasicNoCredentials, false},
}

func TestBasicAuthentication(t *testing.T) {
	a := rest.BasicAuthentication{Lookup: lookup}
	for _, tt := range basicAuthTests {
		t.Run(tt.name, func(t *testing.T) {
			u, _, err := a.Authenticate(newRequest("GET", tt.header))
			switch {
			case tt.cause:
				if err == nil || err.Error() != "db down" {
					t.Errorf("Authenticate(%q) err = %v; want the lookup's", tt.header, err)
				}
			case tt.detail != "":
				var e *rest.Error
				if !errors.As(err, &e) || e.String() != tt.detail {
					t.Errorf("Authenticate(%q) err = %v; want %q", tt.header, err, tt.detail)
				}
			case err != nil:
				t.Errorf("Authenticate(%q) err = %v", tt.header, err)
			case tt.user == "" && u != nil, tt.user != "" && (u == nil || u.Username() != tt.user):
				t.Errorf("Authenticate(%q) user = %v; want %q", tt.header, u, tt.user)
			}
		})
	}
	if got := a.Header(nil); got != `Basic realm="api"` {
		t.Errorf("Header = %q", got)
	}
	if got := (rest.BasicAuthentication{Realm: "x"}).Header(nil); got != `Basic realm="x"` {
		t.Errorf("Header = %q", got)
	}
	if _, _, err := (rest.BasicAuthentication{}).Authenticate(newRequest("GET", "Basic "+b64("a:b"))); err == nil {
		t.Error("nil Lookup accepted credentials")
	}
}

func TestSessionAuthentication(t *testing.T) {
	var s rest.SessionAuthentication
	r := newRequest("GET", "")
	if u, _, err := s.Authenticate(r); u != nil || err != nil {
		t.Errorf("Authenticate(no user) = %v, %v", u, err)
	}
	r = newRequest("GET", "")
	r.Request.SetUser(testUser{name: "alice", active: true})
	if u, _, _ := s.Authenticate(r); u == nil || u.Username() != "alice" {
		t.Errorf("Authenticate(alice) = %v", u)
	}
	r = newRequest("GET", "")
	r.Request.SetUser(testUser{name: "bob"})
	if u, _, _ := s.Authenticate(r); u != nil {
		t.Errorf("Authenticate(inactive) = %v; want nil", u)
	}
	if s.Header(r) != "" {
		t.Error("SessionAuthentication has a challenge")
	}
}

var permissionTests = []struct {
	name   string
	perm   rest.Permission
	method string
	authn  bool
	want   bool
}{
	{"AllowAny", rest.AllowAny{}, "POST", false, true},
	{"IsAuthenticated anon", rest.IsAuthenticated{}, "GET", false, false},
	{"IsAuthenticated user", rest.IsAuthenticated{}, "GET", true, true},
	{"ReadOnly anon GET", rest.IsAuthenticatedOrReadOnly{}, "GET", false, true},
	{"ReadOnly anon HEAD", rest.IsAuthenticatedOrReadOnly{}, "HEAD", false, true},
	{"ReadOnly anon OPTIONS", rest.IsAuthenticatedOrReadOnly{}, "OPTIONS", false, true},
	{"ReadOnly anon POST", rest.IsAuthenticatedOrReadOnly{}, "POST", false, false},
	{"ReadOnly user DELETE", rest.IsAuthenticatedOrReadOnly{}, "DELETE", true, true},
	{"Func", rest.PermissionFunc(func(r *rest.Request, _ *rest.View) bool { return r.HTTP().Method == "PUT" }), "PUT", false, true},
}

func TestPermissions(t *testing.T) {
	a := rest.BasicAuthentication{Lookup: lookup}
	for _, tt := range permissionTests {
		t.Run(tt.name, func(t *testing.T) {
			h := ""
			if tt.authn {
				h = "Basic " + b64("alice:secret")
			}
			r := newRequest(tt.method, h, a)
			if got := tt.perm.HasPermission(r, nil); got != tt.want {
				t.Errorf("%s.HasPermission(%s, authenticated=%v) = %v; want %v", tt.name, tt.method, tt.authn, got, tt.want)
			}
		})
	}
}

func TestPermissionDeniedFor(t *testing.T) {
	a := rest.BasicAuthentication{Lookup: lookup}
	tests := []struct {
		name   string
		header string
		auths  []rest.Authenticator
		msg    string
		status int
		detail string
	}{
		{"no authenticators", "", nil, "", 403, rest.DetailPermissionDenied},
		{"unauthenticated", "", []rest.Authenticator{a}, "", 401, rest.DetailNotAuthenticated},
		{"authenticated", "Basic " + b64("alice:secret"), []rest.Authenticator{a}, "Owners only.", 403, "Owners only."},
	}
	for _, tt := range tests {
		r := newRequest("GET", tt.header, tt.auths...)
		e := rest.PermissionDeniedFor(r, tt.auths, tt.msg)
		if e.Status != tt.status || e.String() != tt.detail {
			t.Errorf("%s: PermissionDeniedFor = %d %q; want %d %q", tt.name, e.Status, e.String(), tt.status, tt.detail)
		}
	}
}

var authHeaderTests = []struct {
	name   string
	err    error
	auths  []rest.Authenticator
	status int
	www    string
}{
	{"basic first", rest.NotAuthenticated(), []rest.Authenticator{rest.BasicAuthentication{}, rest.SessionAuthentication{}}, 401, `Basic realm="api"`},
	{"session first", rest.AuthenticationFailed(), []rest.Authenticator{rest.SessionAuthentication{}, rest.BasicAuthentication{}}, 403, ""},
	{"none", rest.NotAuthenticated(), nil, 403, ""},
	{"not 401", rest.NotFound(), []rest.Authenticator{rest.BasicAuthentication{}}, 404, ""},
	{"own challenge", &rest.Error{Status: 401, Detail: rest.ErrorDetail{Message: "x"}, Header: http.Header{"Www-Authenticate": {"Bearer"}}}, nil, 401, "Bearer"},
}

func TestWithAuthenticateHeader(t *testing.T) {
	for _, tt := range authHeaderTests {
		t.Run(tt.name, func(t *testing.T) {
			err := rest.WithAuthenticateHeader(tt.err, newRequest("GET", ""), tt.auths)
			var e *rest.Error
			if !errors.As(err, &e) {
				t.Fatalf("WithAuthenticateHeader = %v", err)
			}
			if e.Status != tt.status || e.Header.Get("WWW-Authenticate") != tt.www {
				t.Errorf("WithAuthenticateHeader(%s) = %d %q; want %d %q", tt.name, e.Status, e.Header.Get("WWW-Authenticate"), tt.status, tt.www)
			}
		})
	}
}
