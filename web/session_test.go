package web_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/signing"
	"github.com/restframe/restframe/web"
)

// frozen is the clock of the session tests: 2023-11-14 22:13:20 UTC.
var frozen = time.Unix(1700000000, 0)

func frozenSettings() *web.Settings {
	return &web.Settings{SecretKey: "secret", Now: func() time.Time { return frozen }}
}

// sessionView is the view of the middleware tests: it applies the
// operations named in the X-Ops header and reports the session.
func sessionView(r *web.Request) (web.Response, error) {
	s := r.Session()
	if s == nil {
		return nil, errors.New("no session")
	}
	status := 200
	for _, op := range strings.Fields(r.HTTP().Header.Get("X-Ops")) {
		name, arg, _ := strings.Cut(op, "=")
		switch name {
		case "get":
			s.Get(arg)
		case "set":
			k, v, _ := strings.Cut(arg, ":")
			s.Set(k, v)
		case "delete":
			s.Delete(arg)
		case "flush":
			s.Flush()
		case "clear":
			s.Clear()
		case "cycle":
			s.CycleKey()
		case "expiry":
			d, _ := time.ParseDuration(arg)
			s.SetExpiry(d)
		case "func":
			s.Set("f", func() {})
		case "big":
			var sb strings.Builder // digits compress to less than half
			for i := range 3000 {
				sb.WriteString(strconv.Itoa(i * 7919 % 10007))
			}
			s.Set("big", sb.String())
		case "fail":
			status = 500
		}
	}
	body := ""
	if s.Accessed() {
		b, _ := json.Marshal(sessionDump(s))
		body = string(b)
	}
	return text(status, body), nil
}

// tamper changes the last character of s.
func tamper(s string) string {
	last := byte('A')
	if s[len(s)-1] == 'A' {
		last = 'B'
	}
	return s[:len(s)-1] + string(last)
}

func sessionDump(s *web.Session) map[string]any {
	m := map[string]any{}
	for _, k := range s.Keys() {
		m[k], _ = s.Get(k)
	}
	return m
}

// sessionCookie is a cookie made with frozenSettings holding {"user":"ada"}.
func sessionCookie(tb testing.TB, data map[string]any, s *web.Settings) string {
	tb.Helper()
	v, err := web.EncodeSession(data, s)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

var sessionTests = []struct {
	name      string
	opts      web.SessionOptions
	settings  func() *web.Settings
	cookie    string // "" no cookie; "valid" a cookie with {"user":"ada"}
	ops       string
	status    int
	body      string
	setCookie string // "" none; the value part is checked by prefix up to "=" when "<value>"
	vary      string
}{
	{name: "untouched", ops: "", status: 200},
	{name: "read empty", ops: "get=a", status: 200, body: "{}", vary: "Cookie"},
	{
		name: "set", ops: "set=user:ada", status: 200, body: `{"user":"ada"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax",
	},
	{name: "valid cookie untouched", cookie: "valid", ops: "", status: 200},
	{name: "valid cookie read", cookie: "valid", ops: "get=user", status: 200, body: `{"user":"ada"}`, vary: "Cookie"},
	{
		name: "valid cookie updated", cookie: "valid", ops: "set=theme:dark", status: 200,
		body: `{"theme":"dark","user":"ada"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax",
	},
	{
		name: "tampered cookie", cookie: "tampered", ops: "get=user", status: 200, body: "{}", vary: "Cookie",
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{
		name: "garbage cookie", cookie: "garbage", ops: "get=user", status: 200, body: "{}", vary: "Cookie",
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{
		name: "other key", cookie: "valid", ops: "get=user", status: 200, body: "{}", vary: "Cookie",
		settings:  func() *web.Settings { s := frozenSettings(); s.SecretKey = "rotated"; return s },
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{
		name: "fallback key", cookie: "valid", ops: "get=user", status: 200, body: `{"user":"ada"}`, vary: "Cookie",
		settings: func() *web.Settings {
			s := frozenSettings()
			s.SecretKey, s.SecretKeyFallbacks = "rotated", []string{"secret"}
			return s
		},
	},
	{
		name: "expired cookie", cookie: "valid", ops: "get=user", status: 200, body: "{}", vary: "Cookie",
		settings: func() *web.Settings {
			s := frozenSettings()
			s.Now = func() time.Time { return frozen.Add(web.DefaultSessionCookieAge + time.Second) }
			return s
		},
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{
		name: "just not expired", cookie: "valid", ops: "get=user", status: 200, body: `{"user":"ada"}`, vary: "Cookie",
		settings: func() *web.Settings {
			s := frozenSettings()
			s.Now = func() time.Time { return frozen.Add(web.DefaultSessionCookieAge) }
			return s
		},
	},
	{
		name: "shorter cookie age", cookie: "valid", ops: "get=user", status: 200, body: "{}", vary: "Cookie",
		opts: web.SessionOptions{CookieAge: time.Hour},
		settings: func() *web.Settings {
			s := frozenSettings()
			s.Now = func() time.Time { return frozen.Add(time.Hour + time.Second) }
			return s
		},
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{
		name: "oversized cookie", cookie: "oversized", ops: "get=user", status: 200, body: "{}", vary: "Cookie",
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{
		name: "flush", cookie: "valid", ops: "flush", status: 200, body: "{}", vary: "Cookie",
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{
		name: "delete last key", cookie: "valid", ops: "delete=user", status: 200, body: "{}", vary: "Cookie",
		setCookie: `sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax`,
	},
	{name: "flush without cookie", ops: "flush", status: 200, body: "{}", vary: "Cookie"},
	{name: "delete missing key", ops: "delete=nothing", status: 200, body: "{}", vary: "Cookie"},
	{
		name: "clear then set", cookie: "valid", ops: "clear set=a:b", status: 200, body: `{"a":"b"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax",
	},
	{
		name: "cycle key", cookie: "valid", ops: "cycle", status: 200, body: `{"user":"ada"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax",
	},
	{name: "5xx drops changes", ops: "set=a:b fail", status: 500, body: `{"a":"b"}`, vary: "Cookie"},
	{
		name: "save every request", cookie: "valid", opts: web.SessionOptions{SaveEveryRequest: true}, status: 200,
		setCookie: "sessionid=<value>; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax",
	},
	{name: "save every request without data", opts: web.SessionOptions{SaveEveryRequest: true}, status: 200},
	{
		name: "expire at browser close", opts: web.SessionOptions{ExpireAtBrowserClose: true}, ops: "set=a:b",
		status: 200, body: `{"a":"b"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; HttpOnly; Path=/; SameSite=Lax",
	},
	{
		name: "set expiry 0", ops: "set=a:b expiry=0s", status: 200, body: `{"_session_expiry":0,"a":"b"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; HttpOnly; Path=/; SameSite=Lax",
	},
	{
		name: "set expiry 60s", ops: "set=a:b expiry=60s", status: 200, body: `{"_session_expiry":60,"a":"b"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; expires=Tue, 14 Nov 2023 22:14:20 GMT; HttpOnly; Max-Age=60; Path=/; SameSite=Lax",
	},
	{
		name: "set expiry rounds up", ops: "set=a:b expiry=1500ms", status: 200, body: `{"_session_expiry":2,"a":"b"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; expires=Tue, 14 Nov 2023 22:13:22 GMT; HttpOnly; Max-Age=2; Path=/; SameSite=Lax",
	},
	{
		name: "browser close overridden", opts: web.SessionOptions{ExpireAtBrowserClose: true}, ops: "set=a:b expiry=60s",
		status: 200, body: `{"_session_expiry":60,"a":"b"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; expires=Tue, 14 Nov 2023 22:14:20 GMT; HttpOnly; Max-Age=60; Path=/; SameSite=Lax",
	},
	{
		name: "expiry reset", opts: web.SessionOptions{ExpireAtBrowserClose: true}, ops: "set=a:b expiry=60s expiry=-1s",
		status: 200, body: `{"a":"b"}`, vary: "Cookie",
		setCookie: "sessionid=<value>; HttpOnly; Path=/; SameSite=Lax",
	},
	{
		name: "custom attributes", ops: "set=a:b", status: 200, body: `{"a":"b"}`, vary: "Cookie",
		opts: web.SessionOptions{
			CookieName: "sid", CookieAge: time.Hour, CookieDomain: ".example.com", CookiePath: "/app",
			CookieSecure: true, DisableHTTPOnly: true, CookieSameSite: "Strict",
		},
		setCookie: "sid=<value>; Domain=.example.com; expires=Tue, 14 Nov 2023 23:13:20 GMT; Max-Age=3600; Path=/app; SameSite=Strict; Secure",
	},
	{
		name: "no samesite", ops: "set=a:b", status: 200, body: `{"a":"b"}`, vary: "Cookie",
		opts:      web.SessionOptions{CookieSameSite: web.NoHeader},
		setCookie: "sessionid=<value>; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/",
	},
	{
		name: "custom name deletes", cookie: "valid", ops: "flush", status: 200, body: "{}", vary: "Cookie",
		opts:      web.SessionOptions{CookieName: "sid", CookieDomain: "example.com", CookiePath: "/app", CookieSameSite: "None"},
		setCookie: `sid=""; Domain=example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/app; SameSite=None; Secure`,
	},
	{name: "bad samesite", opts: web.SessionOptions{CookieSameSite: "bogus"}, status: 500, body: "Internal Server Error\n"},
	{name: "bad cookie name", opts: web.SessionOptions{CookieName: "a b"}, status: 500, body: "Internal Server Error\n"},
	{name: "unmarshalable value", ops: "func", status: 500, body: "Internal Server Error\n"},
	{name: "too large to save", ops: "big", status: 500, body: "Internal Server Error\n"},
	{
		name: "no secret key", ops: "set=a:b", status: 500, body: "Internal Server Error\n",
		settings: func() *web.Settings { return &web.Settings{} },
	},
}

func TestSessions(t *testing.T) {
	valid := sessionCookie(t, map[string]any{"user": "ada"}, frozenSettings())
	cookies := map[string]string{
		"valid":     valid,
		"tampered":  tamper(valid),
		"garbage":   "not-a-session",
		"oversized": valid + strings.Repeat("A", web.DefaultMaxSessionCookieSize),
	}
	for _, tt := range sessionTests {
		t.Run(tt.name, func(t *testing.T) {
			settings := frozenSettings()
			if tt.settings != nil {
				settings = tt.settings()
			}
			logger, _ := MustLogger(t)
			srv := &web.Server{Settings: settings, Logger: logger, Middleware: []web.Middleware{web.Sessions(tt.opts)}}
			h := srv.Handle(sessionView)
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("X-Ops", tt.ops)
			if tt.cookie != "" {
				name := tt.opts.CookieName
				if name == "" {
					name = "sessionid"
				}
				req.Header.Set("Cookie", "other=1; "+name+"="+cookies[tt.cookie])
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status || rec.Body.String() != tt.body {
				t.Errorf("got %d %q; want %d %q", rec.Code, rec.Body, tt.status, tt.body)
			}
			if got := rec.Header().Get("Vary"); got != tt.vary {
				t.Errorf("Vary = %q; want %q", got, tt.vary)
			}
			got := rec.Header().Values("Set-Cookie")
			if tt.setCookie == "" {
				if len(got) != 0 {
					t.Errorf("Set-Cookie = %q; want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("Set-Cookie = %q; want one", got)
			}
			want := tt.setCookie
			if prefix, suffix, ok := strings.Cut(want, "<value>"); ok {
				if !strings.HasPrefix(got[0], prefix) || !strings.HasSuffix(got[0], suffix) {
					t.Fatalf("Set-Cookie = %q; want %q", got[0], want)
				}
				value := strings.TrimSuffix(strings.TrimPrefix(got[0], prefix), suffix)
				data, err := web.DecodeSession(value, settings, 0)
				if err != nil {
					t.Fatalf("DecodeSession(%q) error %v", value, err)
				}
				if b, _ := json.Marshal(data); tt.body != "" && string(b) != tt.body {
					t.Errorf("saved session = %s; want %s", b, tt.body)
				}
				return
			}
			if got[0] != want {
				t.Errorf("Set-Cookie = %q; want %q", got[0], want)
			}
		})
	}
}

// TestSessionsRoundTrip carries the cookie across requests over the wire.
func TestSessionsRoundTrip(t *testing.T) {
	logger, _ := MustLogger(t)
	srv := &web.Server{
		Settings:   &web.Settings{SecretKey: "round-trip"},
		Logger:     logger,
		Middleware: []web.Middleware{web.Sessions(web.SessionOptions{})},
	}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		s := r.Session()
		n, _ := s.GetInt("visits")
		s.Set("visits", n+1)
		if r.HTTP().URL.Path == "/logout" {
			s.Flush()
		}
		return text(200, "visit "+strconv.FormatInt(n+1, 10)), nil
	})
	run(t, func(t *testing.T, do func(http.Handler, *http.Request) result) {
		cookie := ""
		for i, want := range []string{"visit 1", "visit 2", "visit 3"} {
			req := httptest.NewRequest("GET", "/", nil)
			if cookie != "" {
				req.Header.Set("Cookie", cookie)
			}
			res := do(h, req)
			if res.body != want {
				t.Fatalf("request %d = %q; want %q", i, res.body, want)
			}
			c := res.header.Get("Set-Cookie")
			cookie, _, _ = strings.Cut(c, ";")
		}
		req := httptest.NewRequest("GET", "/logout", nil)
		req.Header.Set("Cookie", cookie)
		res := do(h, req)
		if c := res.header.Get("Set-Cookie"); !strings.HasPrefix(c, `sessionid=""; expires=Thu, 01 Jan 1970`) {
			t.Errorf("logout Set-Cookie = %q; want a deletion", c)
		}
	})
}

func TestSessionLoadError(t *testing.T) {
	s := frozenSettings()
	valid := sessionCookie(t, map[string]any{"a": 1}, s)
	later := frozenSettings()
	later.Now = func() time.Time { return frozen.Add(web.DefaultSessionCookieAge + time.Second) }
	for _, tt := range []struct {
		name     string
		cookie   string
		settings *web.Settings
		want     error
	}{
		{"valid", valid, s, nil},
		{"tampered", "x" + valid, s, signing.ErrBadSignature},
		{"expired", valid, later, signing.ErrSignatureExpired},
		{"oversized", strings.Repeat("a", 5000), s, web.ErrSessionTooLarge},
	} {
		var got error
		h := web.Sessions(web.SessionOptions{})(func(r *web.Request) (web.Response, error) {
			got = r.Session().LoadError()
			return text(200, ""), nil
		})
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Cookie", "sessionid="+tt.cookie)
		if _, err := h(web.NewRequest(req, tt.settings)); err != nil {
			t.Fatal(err)
		}
		if (tt.want == nil) != (got == nil) || !errors.Is(got, tt.want) {
			t.Errorf("%s: LoadError() = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestSessionMethods(t *testing.T) {
	var s web.Session // the zero value is an empty session
	if s.Accessed() || s.Modified() {
		t.Fatalf("zero Session accessed/modified")
	}
	if _, ok := s.Get("a"); ok || !s.Accessed() || s.Modified() {
		t.Errorf("Get on empty: ok=%v accessed=%v modified=%v", ok, s.Accessed(), s.Modified())
	}
	if s.Delete("a") || s.Modified() {
		t.Errorf("Delete(missing) = true or modified")
	}
	s.Set("b", "x")
	s.Set("a", 42)
	s.Set("n", json.Number("9007199254740993"))
	s.Set("f", 2.0)
	s.Set("t", true)
	s.Set("l", []any{"1", json.Number("2")})
	if !s.Modified() || s.Len() != 6 || !s.Has("a") || s.Has("z") {
		t.Errorf("after Set: modified=%v len=%d", s.Modified(), s.Len())
	}
	if got := s.Keys(); !reflect.DeepEqual(got, []string{"a", "b", "f", "l", "n", "t"}) {
		t.Errorf("Keys() = %q", got)
	}
	intTests := []struct {
		key  string
		want int64
		ok   bool
	}{{"a", 42, true}, {"n", 9007199254740993, true}, {"f", 2, true}, {"b", 0, false}, {"t", 0, false}, {"zz", 0, false}}
	for _, tt := range intTests {
		if got, ok := s.GetInt(tt.key); got != tt.want || ok != tt.ok {
			t.Errorf("GetInt(%q) = %d, %v; want %d, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
	if v, ok := s.GetString("b"); v != "x" || !ok {
		t.Errorf("GetString(b) = %q, %v", v, ok)
	}
	if _, ok := s.GetString("a"); ok {
		t.Errorf("GetString(a) ok for an int")
	}
	if v, ok := s.GetBool("t"); !v || !ok {
		t.Errorf("GetBool(t) = %v, %v", v, ok)
	}
	var l []int
	if found, err := s.Decode("l", &l); !found || err == nil {
		t.Errorf(`Decode(l, []int) = %v, %v; want a type error ("1" is a string)`, found, err)
	}
	var l2 []any
	if found, err := s.Decode("l", &l2); !found || err != nil || len(l2) != 2 {
		t.Errorf("Decode(l, []any) = %v, %v, %v", found, err, l2)
	}
	if found, err := s.Decode("missing", &l2); found || err != nil {
		t.Errorf("Decode(missing) = %v, %v", found, err)
	}
	if !s.Delete("a") || s.Has("a") {
		t.Errorf("Delete(a) did not delete")
	}
	if s.ExpiryAge() != web.DefaultSessionCookieAge || s.ExpireAtBrowserClose() {
		t.Errorf("default expiry = %v, %v", s.ExpiryAge(), s.ExpireAtBrowserClose())
	}
	s.SetExpiry(90 * time.Second)
	if s.ExpiryAge() != 90*time.Second || s.ExpireAtBrowserClose() {
		t.Errorf("SetExpiry(90s): %v, %v", s.ExpiryAge(), s.ExpireAtBrowserClose())
	}
	s.SetExpiry(0)
	if !s.ExpireAtBrowserClose() || s.ExpiryAge() != web.DefaultSessionCookieAge {
		t.Errorf("SetExpiry(0): %v, %v", s.ExpiryAge(), s.ExpireAtBrowserClose())
	}
	s.SetExpiry(-1)
	if s.Has("_session_expiry") {
		t.Errorf("SetExpiry(-1) kept _session_expiry")
	}
	s.Clear()
	if s.Len() != 0 {
		t.Errorf("Clear left %d keys", s.Len())
	}
	var fresh web.Session
	fresh.MarkModified()
	if !fresh.Modified() || fresh.Accessed() {
		t.Errorf("MarkModified: modified=%v accessed=%v", fresh.Modified(), fresh.Accessed())
	}
	fresh.CycleKey()
	if !fresh.Accessed() {
		t.Errorf("CycleKey did not load the session")
	}
}

// sessionCodecTests are data that must survive EncodeSession/DecodeSession
// and Django.
var sessionCodecTests = []struct {
	name string
	data string // JSON object
}{
	{"empty", `{}`},
	{"auth", `{"_auth_user_backend":"django.contrib.auth.backends.ModelBackend","_auth_user_hash":"4f0e1a","_auth_user_id":"1"}`},
	{"numbers", `{"big":9007199254740993,"f":2.5,"i":1,"neg":-7}`},
	{"unicode", `{"u":"café ☃ 😀","k☃":"<>&'\""}`},
	{"nested", `{"cart":[1,"two",{"three":[true,false,null]}],"prefs":{"theme":"dark"}}`},
	{"compressible", `{"text":"` + strings.Repeat("abc", 300) + `"}`},
}

func decodeJSONObject(tb testing.TB, s string) map[string]any {
	tb.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		tb.Fatalf("bad test JSON %q: %v", s, err)
	}
	return m
}

func TestSessionCodec(t *testing.T) {
	s := frozenSettings()
	for _, tt := range sessionCodecTests {
		t.Run(tt.name, func(t *testing.T) {
			want := decodeJSONObject(t, tt.data)
			v, err := web.EncodeSession(want, s)
			if err != nil {
				t.Fatal(err)
			}
			got, err := web.DecodeSession(v, s, time.Hour)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("DecodeSession(EncodeSession(%s)) = %v, %v", tt.data, got, err)
			}
			if _, err := web.DecodeSession(v+"x", s, 0); !errors.Is(err, signing.ErrBadSignature) {
				t.Errorf("tampered: err = %v; want ErrBadSignature", err)
			}
		})
	}
	// A signed payload that is not a JSON object.
	for _, v := range []any{"string", []any{1}, nil} {
		signed, err := signing.Dumps(v, signing.Options{Key: "secret", Salt: web.SessionSalt, Now: s.Now})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := web.DecodeSession(signed, s, 0); !errors.Is(err, signing.ErrBadPayload) {
			t.Errorf("DecodeSession(%v) err = %v; want ErrBadPayload", v, err)
		}
	}
}

// djangoSessionScript runs Django 3.2's signed_cookies backend. It reads
// {"key": SECRET_KEY, "dump": [objects], "load": [cookies]} on stdin and
// writes {"dumped": [cookies], "loaded": [objects]}.
const djangoSessionScript = `
import json, sys
req = json.load(sys.stdin)
if req.get("now"):
    import time
    time.time = lambda: req["now"]
from django.conf import settings
settings.configure(SECRET_KEY=req["key"], SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies")
import django
django.setup()
from django.contrib.sessions.backends.signed_cookies import SessionStore
dumped = []
for data in req["dump"] or []:
    if req.get("now"):
        data = json.loads(json.dumps(data, sort_keys=True))  # Go's key order
    s = SessionStore()
    for k, v in data.items():
        s[k] = v
    s.save()
    dumped.append(s.session_key)
loaded = [dict(SessionStore(session_key=c).items()) for c in req["load"] or []]
json.dump({"dumped": dumped, "loaded": loaded}, sys.stdout)
`

// djangoSessions is the input and output of djangoSessionScript.
type djangoSessions struct {
	Key    string            `json:"key"`
	Now    int64             `json:"now,omitempty"` // freezes time.time
	Dump   []json.RawMessage `json:"dump"`
	Load   []string          `json:"load"`
	Dumped []string          `json:"dumped"`
	Loaded []json.RawMessage `json:"loaded"`
}

// MustDjango returns a function running djangoSessionScript, or skips the
// test when /usr/bin/python3 with Django is not installed.
func MustDjango(tb testing.TB) func(in djangoSessions) djangoSessions {
	tb.Helper()
	const python = "/usr/bin/python3"
	if out, err := exec.Command(python, "-c", "import django").CombinedOutput(); err != nil {
		tb.Skipf("Django interop skipped: %s cannot import django (install python3-django): %v %s", python, err, out)
	}
	return func(in djangoSessions) djangoSessions {
		tb.Helper()
		b, err := json.Marshal(in)
		if err != nil {
			tb.Fatal(err)
		}
		cmd := exec.Command(python, "-c", djangoSessionScript)
		cmd.Stdin = strings.NewReader(string(b))
		out, err := cmd.Output()
		if err != nil {
			var stderr string
			if ee, ok := err.(*exec.ExitError); ok {
				stderr = string(ee.Stderr)
			}
			tb.Fatalf("django: %v\n%s", err, stderr)
		}
		var res djangoSessions
		if err := json.Unmarshal(out, &res); err != nil {
			tb.Fatalf("django output %q: %v", out, err)
		}
		if len(res.Dumped) != len(in.Dump) || len(res.Loaded) != len(in.Load) {
			tb.Fatalf("django answered %d/%d values; want %d/%d", len(res.Dumped), len(res.Loaded), len(in.Dump), len(in.Load))
		}
		return res
	}
}

// TestSessionDjangoInterop checks that session cookies made by Django's
// signed_cookies backend load here, and the other way round.
func TestSessionDjangoInterop(t *testing.T) {
	django := MustDjango(t)
	settings := &web.Settings{SecretKey: "django-insecure-interop"}
	in := djangoSessions{Key: settings.SecretKey}
	for _, tt := range sessionCodecTests {
		in.Dump = append(in.Dump, json.RawMessage(tt.data))
		ours, err := web.EncodeSession(decodeJSONObject(t, tt.data), settings)
		if err != nil {
			t.Fatal(err)
		}
		in.Load = append(in.Load, ours)
	}
	res := django(in)
	wrongKey := django(djangoSessions{Key: "another-key", Load: in.Load})
	frozenKey := frozenSettings()
	exact := django(djangoSessions{Key: frozenKey.SecretKey, Now: frozen.Unix(), Dump: in.Dump})
	rotated := &web.Settings{SecretKey: "new", SecretKeyFallbacks: []string{settings.SecretKey}}
	for i, tt := range sessionCodecTests {
		t.Run(tt.name, func(t *testing.T) {
			want := decodeJSONObject(t, tt.data)

			fromDjango := res.Dumped[i]
			got, err := web.DecodeSession(fromDjango, settings, web.DefaultSessionCookieAge)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("DecodeSession(django %q) = %v, %v; want %v", fromDjango, got, err, want)
			}

			// Through the middleware, with a rotated key.
			var seen map[string]any
			h := web.Sessions(web.SessionOptions{})(func(r *web.Request) (web.Response, error) {
				seen = sessionDump(r.Session())
				return text(200, ""), nil
			})
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("Cookie", "sessionid="+fromDjango)
			if _, err := h(web.NewRequest(req, rotated)); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(seen, want) {
				t.Errorf("middleware saw %v; want %v", seen, want)
			}

			if back := decodeJSONObject(t, string(res.Loaded[i])); !reflect.DeepEqual(back, want) {
				t.Errorf("django load(EncodeSession(%s)) = %v; want %v", tt.data, back, want)
			}
			// Byte for byte, at the same time and with the same key order.
			if ours, err := web.EncodeSession(want, frozenKey); err != nil || ours != exact.Dumped[i] {
				t.Errorf("EncodeSession(%s) = %q, %v; Django wrote %q", tt.data, ours, err, exact.Dumped[i])
			}
			if wrong := string(wrongKey.Loaded[i]); wrong != "{}" {
				t.Errorf("django with another key loaded %s; want {}", wrong)
			}
		})
	}
}

func FuzzDecodeSession(f *testing.F) {
	s := frozenSettings()
	for _, tt := range sessionCodecTests {
		v, err := web.EncodeSession(decodeJSONObject(f, tt.data), s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(v)
	}
	f.Add("")
	f.Add("e30:1r31eq:bad")
	f.Add(".eJyrVkrOyUzNK1GyUlAqyVcoLs1RqAUAW4kH0A:1r31eq:x")
	f.Fuzz(func(t *testing.T, cookie string) {
		data, err := web.DecodeSession(cookie, s, web.DefaultSessionCookieAge)
		if err != nil {
			if data != nil {
				t.Errorf("DecodeSession(%q) = %v with error %v", cookie, data, err)
			}
			return
		}
		// A cookie that verifies re-encodes to one with the same data.
		again, err := web.EncodeSession(data, s)
		if err != nil {
			if errors.Is(err, web.ErrSessionTooLarge) {
				return
			}
			t.Fatalf("EncodeSession(%v): %v", data, err)
		}
		data2, err := web.DecodeSession(again, s, 0)
		if err != nil || !reflect.DeepEqual(data, data2) {
			t.Errorf("round trip of %v = %v, %v", data, data2, err)
		}
	})
}
