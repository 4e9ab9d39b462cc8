package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/signing"
)

// frozenNow is the clock of the conformance vectors: 1700000000, that is
// Tue, 14 Nov 2023 22:13:20 GMT.
var frozenNow = time.Unix(1700000000, 0).UTC()

// vecTime converts a Python time.time() float to a time.Time.
func vecTime(f float64) time.Time {
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}

// setCookieTests are Django's set_cookie behaviours (spec §21, upstream
// SetCookieTests), all at frozenNow.
var setCookieTests = []struct {
	name, value string
	opts        CookieOptions
	want        string
}{
	{"name", "val", CookieOptions{}, "name=val; Path=/"},
	{"name", "v", CookieOptions{MaxAge: 10 * time.Second}, "name=v; expires=Tue, 14 Nov 2023 22:13:30 GMT; Max-Age=10; Path=/"},
	{"name", "v", CookieOptions{MaxAgeSet: true}, "name=v; expires=Tue, 14 Nov 2023 22:13:20 GMT; Max-Age=0; Path=/"},
	{"name", "v", CookieOptions{MaxAge: 10700 * time.Millisecond}, "name=v; expires=Tue, 14 Nov 2023 22:13:30 GMT; Max-Age=10; Path=/"},
	{"name", "v", CookieOptions{MaxAge: time.Hour}, "name=v; expires=Tue, 14 Nov 2023 23:13:20 GMT; Max-Age=3600; Path=/"},
	{"name", "v", CookieOptions{MaxAge: -5 * time.Second}, "name=v; expires=Tue, 14 Nov 2023 22:13:15 GMT; Max-Age=-5; Path=/"},
	{"name", "v", CookieOptions{Secure: true, HTTPOnly: true}, "name=v; HttpOnly; Path=/; Secure"},
	{"name", "v", CookieOptions{Domain: ".example.com"}, "name=v; Domain=.example.com; Path=/"},
	{"name", "v", CookieOptions{SameSite: "Lax"}, "name=v; Path=/; SameSite=Lax"},
	{"name", "v", CookieOptions{SameSite: "none"}, "name=v; Path=/; SameSite=none"},
	{"name", "v", CookieOptions{NoPath: true}, "name=v"},
	{"name", "v", CookieOptions{Path: "/p"}, "name=v; Path=/p"},
	{"test", "An,awkward;value", CookieOptions{}, `test="An\054awkward\073value"; Path=/`},
	{"c", "清風", CookieOptions{}, `c="清風"; Path=/`},
	{"c", "", CookieOptions{}, `c=""; Path=/`},
	{"a:b", "v", CookieOptions{}, "a:b=v; Path=/"},
	{"name", "v", CookieOptions{ExpiresText: "Thu, 01 Jan 2037 00:00:00 GMT"}, "name=v; expires=Thu, 01 Jan 2037 00:00:00 GMT; Path=/"},
	{"name", "v", CookieOptions{ExpiresText: "x", MaxAge: 7 * time.Second}, "name=v; expires=x; Max-Age=7; Path=/"},
	// A datetime expires becomes max_age: seconds until then, plus one.
	{"name", "v", CookieOptions{Expires: frozenNow.Add(10 * time.Second)}, "name=v; expires=Tue, 14 Nov 2023 22:13:31 GMT; Max-Age=11; Path=/"},
	{"name", "v", CookieOptions{Expires: frozenNow.Add(9500 * time.Millisecond)}, "name=v; expires=Tue, 14 Nov 2023 22:13:30 GMT; Max-Age=10; Path=/"},
	{"name", "v", CookieOptions{Expires: frozenNow.Add(-time.Hour)}, "name=v; expires=Tue, 14 Nov 2023 22:13:20 GMT; Max-Age=0; Path=/"},
	{"name", "v", CookieOptions{Expires: frozenNow.Add(-500 * time.Millisecond)}, "name=v; expires=Tue, 14 Nov 2023 22:13:20 GMT; Max-Age=0; Path=/"},
	{
		"name", "v",
		CookieOptions{Domain: "d.com", MaxAge: time.Minute, HTTPOnly: true, Path: "/p", SameSite: "Strict", Secure: true},
		"name=v; Domain=d.com; expires=Tue, 14 Nov 2023 22:14:20 GMT; HttpOnly; Max-Age=60; Path=/p; SameSite=Strict; Secure",
	},
}

func TestSetCookie(t *testing.T) {
	for _, tt := range setCookieTests {
		t.Run(tt.want, func(t *testing.T) {
			var b BaseResponse
			tt.opts.Now = frozenNow
			if err := b.SetCookie(tt.name, tt.value, tt.opts); err != nil {
				t.Fatalf("SetCookie(%q, %q, %+v) = %v", tt.name, tt.value, tt.opts, err)
			}
			if got := b.Cookies()[0].String(); got != tt.want {
				t.Errorf("SetCookie(%q, %q, %+v) wrote %q; want %q", tt.name, tt.value, tt.opts, got, tt.want)
			}
		})
	}
}

// setCookieErrorTests are calls Django refuses.
var setCookieErrorTests = []struct {
	name string
	opts CookieOptions
	want error
}{
	{"a b", CookieOptions{}, ErrCookieName},
	{"a;b", CookieOptions{}, ErrCookieName},
	{"", CookieOptions{}, ErrCookieName},
	{"é", CookieOptions{}, ErrCookieName},
	{"a\r\nb", CookieOptions{}, ErrCookieName},
	{"path", CookieOptions{}, ErrCookieNameReserved},
	{"Expires", CookieOptions{}, ErrCookieNameReserved},
	{"Max-Age", CookieOptions{}, ErrCookieNameReserved},
	{"ok", CookieOptions{SameSite: "invalid"}, ErrSameSite},
	{"ok", CookieOptions{Expires: frozenNow, MaxAge: time.Second}, ErrCookieExpires},
	{"ok", CookieOptions{Expires: frozenNow, MaxAgeSet: true}, ErrCookieExpires},
	{"ok", CookieOptions{Expires: frozenNow, ExpiresText: "x"}, ErrCookieExpires},
	{"ok", CookieOptions{Path: "/a\r\nSet-Cookie: x=y"}, ErrCookieAttribute},
	{"ok", CookieOptions{Domain: "a.com; Secure"}, ErrCookieAttribute},
	{"ok", CookieOptions{ExpiresText: "x\x00"}, ErrCookieAttribute},
}

func TestSetCookieErrors(t *testing.T) {
	for _, tt := range setCookieErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			var b BaseResponse
			err := b.SetCookie(tt.name, "v", tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("SetCookie(%q, %+v) = %v; want %v", tt.name, tt.opts, err, tt.want)
			}
			var ce *CookieError
			if !errors.As(err, &ce) || ce.Name != tt.name {
				t.Errorf("SetCookie(%q) error %#v is not a *CookieError naming the cookie", tt.name, err)
			}
			if StatusOf(err) != 500 {
				t.Errorf("StatusOf(%v) = %d; want 500", err, StatusOf(err))
			}
			if len(b.Cookies()) != 0 {
				t.Errorf("SetCookie(%q) failed but left cookies %v", tt.name, b.Cookies())
			}
		})
	}
}

// TestSetCookieReuse checks Django's morsel reuse (§21.1): a second
// set_cookie of the same name keeps the attributes it does not touch,
// always rewrites expires, and keeps the cookie's position.
func TestSetCookieReuse(t *testing.T) {
	var b BaseResponse
	steps := []struct {
		name, value string
		opts        CookieOptions
		want        []string
	}{
		{"a", "1", CookieOptions{MaxAge: 5 * time.Second, Secure: true, Domain: "d", SameSite: "Lax"},
			[]string{"a=1; Domain=d; expires=Tue, 14 Nov 2023 22:13:25 GMT; Max-Age=5; Path=/; SameSite=Lax; Secure"}},
		{"b", "x", CookieOptions{}, []string{
			"a=1; Domain=d; expires=Tue, 14 Nov 2023 22:13:25 GMT; Max-Age=5; Path=/; SameSite=Lax; Secure",
			"b=x; Path=/"}},
		{"a", "2", CookieOptions{NoPath: true, Path: "/ignored"}, []string{
			"a=2; Domain=d; Max-Age=5; Path=/; SameSite=Lax; Secure",
			"b=x; Path=/"}},
		{"a", "3", CookieOptions{Path: "/p", MaxAge: 10 * time.Second}, []string{
			"a=3; Domain=d; expires=Tue, 14 Nov 2023 22:13:30 GMT; Max-Age=10; Path=/p; SameSite=Lax; Secure",
			"b=x; Path=/"}},
	}
	for i, s := range steps {
		s.opts.Now = frozenNow
		if err := b.SetCookie(s.name, s.value, s.opts); err != nil {
			t.Fatalf("step %d: SetCookie = %v", i, err)
		}
		var got []string
		for _, c := range b.Cookies() {
			got = append(got, c.String())
		}
		if strings.Join(got, "\n") != strings.Join(s.want, "\n") {
			t.Errorf("step %d: cookies = %q; want %q", i, got, s.want)
		}
	}
	// Setting the cookie again after deleting it clears expires.
	if err := b.DeleteCookie("b", DeleteCookieOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := b.SetCookie("b", "y", CookieOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.Cookies()[1].String(), "b=y; Max-Age=0; Path=/"; got != want {
		t.Errorf("set after delete = %q; want %q", got, want)
	}
}

// deleteCookieTests are Django's delete_cookie cases (spec §21.8).
var deleteCookieTests = []struct {
	name string
	opts DeleteCookieOptions
	want string
}{
	{"c", DeleteCookieOptions{}, `c=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/`},
	{"c", DeleteCookieOptions{SameSite: "None"}, `c=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=None; Secure`},
	{"z", DeleteCookieOptions{SameSite: "none"}, `z=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=none; Secure`},
	{"__Host-z", DeleteCookieOptions{NoPath: true}, `__Host-z=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure`},
	{"__Secure-c", DeleteCookieOptions{}, `__Secure-c=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure`},
	{"x", DeleteCookieOptions{Path: "/sub", Domain: ".example.com"}, `x=""; Domain=.example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/sub`},
}

func TestDeleteCookie(t *testing.T) {
	for _, tt := range deleteCookieTests {
		t.Run(tt.want, func(t *testing.T) {
			var b BaseResponse
			if err := b.DeleteCookie(tt.name, tt.opts); err != nil {
				t.Fatalf("DeleteCookie(%q, %+v) = %v", tt.name, tt.opts, err)
			}
			if got := b.Cookies()[0].String(); got != tt.want {
				t.Errorf("DeleteCookie(%q, %+v) wrote %q; want %q", tt.name, tt.opts, got, tt.want)
			}
		})
	}
	var b BaseResponse
	if err := b.DeleteCookie("c", DeleteCookieOptions{SameSite: "bad"}); !errors.Is(err, ErrSameSite) {
		t.Errorf("DeleteCookie(SameSite bad) = %v; want ErrSameSite", err)
	}
}

// TestSetCookieWire checks that the cookies reach the wire, one Set-Cookie
// line each, in order.
func TestSetCookieWire(t *testing.T) {
	var b BaseResponse
	for _, name := range []string{"z", "a", "m"} {
		if err := b.SetCookie(name, "v "+name, CookieOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	w := httptest.NewRecorder()
	if err := b.WriteHeader(w); err != nil {
		t.Fatal(err)
	}
	got := w.Result().Header.Values("Set-Cookie")
	want := []string{`z="v z"; Path=/`, `a="v a"; Path=/`, `m="v m"; Path=/`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Set-Cookie lines = %q; want %q", got, want)
	}
}

// quoteCookieValueTests are Python's SimpleCookie quoting (spec §21.7).
var quoteCookieValueTests = []struct{ in, want string }{
	{"", `""`},
	{"val", "val"},
	{"a b", `"a b"`},
	{"a,b", `"a\054b"`},
	{"a;b", `"a\073b"`},
	{`a"b`, `"a\"b"`},
	{`a\b`, `"a\\b"`},
	{"café", `"caf\351"`},
	{"☃", `"☃"`},
	{"a:b=c", `"a:b=c"`},
	{"\x7f", `"\177"`},
	{"\x00", `"\000"`},
	{"ÿĀ", `"\377Ā"`},
	{"a\tb", `"a\011b"`},
	{"'", "'"},
	{"{}[]<>@?/()", `"{}[]<>@?/()"`},
	{"\xff", `"\377"`},
	{"!#$%&'*+-.^_`|~:", "!#$%&'*+-.^_`|~:"},
}

func TestQuoteCookieValue(t *testing.T) {
	for _, tt := range quoteCookieValueTests {
		if got := QuoteCookieValue(tt.in); got != tt.want {
			t.Errorf("QuoteCookieValue(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoteCookieValueAllocs(t *testing.T) {
	n := testing.AllocsPerRun(100, func() { _ = QuoteCookieValue("sessionid-abc123") })
	if n != 0 {
		t.Errorf("QuoteCookieValue(legal) allocs = %v; want 0", n)
	}
}

// optString decodes a JSON value that may be a string or null.
type optString struct {
	Set   bool
	Value string
}

func (o *optString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*o = optString{}
		return nil
	}
	o.Set = true
	return json.Unmarshal(b, &o.Value)
}

// cookieKwargs decodes the keyword arguments of set_cookie/delete_cookie.
func cookieKwargs(t *testing.T, raw map[string]json.RawMessage, now time.Time) CookieOptions {
	t.Helper()
	opts := CookieOptions{Now: now}
	for k, v := range raw {
		switch k {
		case "max_age":
			var f float64
			vectors.Decode(t, v, &f)
			opts.MaxAge = time.Duration(f * float64(time.Second))
			opts.MaxAgeSet = true
		case "expires":
			vectors.Decode(t, v, &opts.ExpiresText)
		case "path":
			var p optString
			vectors.Decode(t, v, &p)
			opts.Path, opts.NoPath = p.Value, !p.Set
		case "domain":
			vectors.Decode(t, v, &opts.Domain)
		case "secure":
			vectors.Decode(t, v, &opts.Secure)
		case "httponly":
			vectors.Decode(t, v, &opts.HTTPOnly)
		case "samesite":
			var s optString
			vectors.Decode(t, v, &s)
			opts.SameSite = s.Value
		default:
			t.Fatalf("unknown set_cookie argument %q", k)
		}
	}
	return opts
}

// pyErrorSentinels maps the Python exception of a vector to our sentinel.
var pyErrorSentinels = map[string][]error{
	"CookieError": {ErrCookieName, ErrCookieNameReserved},
	"ValueError":  {ErrSameSite, ErrCookieExpires, ErrHTTPDate},
}

// checkVectorError checks err against a vector's {"error", "message"}.
func checkVectorError(t *testing.T, err error, raw json.RawMessage) bool {
	t.Helper()
	var e struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) && json.Unmarshal(raw, &e) == nil && e.Error != "" {
		for _, s := range pyErrorSentinels[e.Error] {
			if errors.Is(err, s) {
				return true
			}
		}
		t.Errorf("error = %v; want %s %q", err, e.Error, e.Message)
		return true
	}
	return false
}

func TestVectorsSetCookie(t *testing.T) {
	for _, u := range vectors.Units(t, "set_cookie") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Key    *string                    `json:"key"`
				Value  *string                    `json:"value"`
				Kwargs map[string]json.RawMessage `json:"kwargs"`
				Now    float64                    `json:"now"`
			}
			vectors.Decode(t, u.Input, &in)
			name, value := "k", "v"
			if in.Key != nil {
				name = *in.Key
			}
			if in.Value != nil {
				value = *in.Value
			}
			opts := cookieKwargs(t, in.Kwargs, vecTime(in.Now))
			var b BaseResponse
			err := b.SetCookie(name, value, opts)
			if checkVectorError(t, err, u.Output) {
				return
			}
			if err != nil {
				t.Fatalf("SetCookie(%q, %q, %+v) = %v", name, value, opts, err)
			}
			var want string
			vectors.Decode(t, u.Output, &want)
			if got := b.Cookies()[0].String(); got != want {
				t.Errorf("SetCookie(%q, %q, %+v) wrote %q; want %q", name, value, opts, got, want)
			}
		})
	}
}

func TestVectorsDeleteCookie(t *testing.T) {
	for _, u := range vectors.Units(t, "delete_cookie") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Key    string                     `json:"key"`
				Kwargs map[string]json.RawMessage `json:"kwargs"`
			}
			vectors.Decode(t, u.Input, &in)
			var opts DeleteCookieOptions
			for k, v := range in.Kwargs {
				var s optString
				vectors.Decode(t, v, &s)
				switch k {
				case "path":
					opts.Path, opts.NoPath = s.Value, !s.Set
				case "domain":
					opts.Domain = s.Value
				case "samesite":
					opts.SameSite = s.Value
				default:
					t.Fatalf("unknown delete_cookie argument %q", k)
				}
			}
			var b BaseResponse
			err := b.DeleteCookie(in.Key, opts)
			if checkVectorError(t, err, u.Output) {
				return
			}
			if err != nil {
				t.Fatalf("DeleteCookie(%q, %+v) = %v", in.Key, opts, err)
			}
			var want string
			vectors.Decode(t, u.Output, &want)
			if got := b.Cookies()[0].String(); got != want {
				t.Errorf("DeleteCookie(%q, %+v) wrote %q; want %q", in.Key, opts, got, want)
			}
		})
	}
}

func TestVectorsCookieValue(t *testing.T) {
	for _, u := range vectors.Units(t, "cookie_value") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Value string `json:"value"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := "k=" + QuoteCookieValue(in.Value); got != want {
				t.Errorf("QuoteCookieValue(%q) gives %q; want %q", in.Value, got, want)
			}
			c := Cookie{Name: "k", Value: in.Value}
			if got := c.String(); got != want {
				t.Errorf("Cookie{k, %q}.String() = %q; want %q", in.Value, got, want)
			}
		})
	}
}

// signedCookieTests are spec §22.9's vectors (SECRET_KEY "secret", time
// 1700000000) for both salt schemes.
var signedCookieTests = []struct {
	value, salt    string
	legacy, latest string
}{
	{"hello", "", "hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20", "hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo"},
	{"hello", "s", "hello:1r31eq:5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAk", "hello:1r31eq:S6-UBXvHy5VQgygynxnF4Cm8cm50fINZ7zkbJdHNb4o"},
	{"42", "", "42:1r31eq:VFQc822kw2QH8Q7Dg71IodPiQ6K0Rh10ATdJDrDkxEs", "42:1r31eq:CmHP_-WQdN-5JXIYwyYLrau3-yzTHWUJECqtt1mCOHE"},
	{"", "", ":1r31eq:OyIpQb6CpXNI6GgYdWH6C-XJT6iaAKnPS0qQCevOmR0", ":1r31eq:obNtMD8sO3NMoIz5Lv_A_HLs7PnCiGVGvnWNc6kHR6I"},
	{"café ☃", "", "café ☃:1r31eq:z1ynyqmemCZc9xUDSfMfoD-FUsqEFSmZpIkNUSsMnfs", "café ☃:1r31eq:FvrKESzPXS3LqTu0cdGKtAX1dV1Wfe_33UXfzG6uyfI"},
}

func TestSetSignedCookie(t *testing.T) {
	for _, tt := range signedCookieTests {
		for _, scheme := range []SignedCookieScheme{SignedCookieLegacy, SignedCookieV2} {
			want := tt.latest
			if scheme == SignedCookieLegacy {
				want = tt.legacy
			}
			s := &Settings{SecretKey: "secret", SignedCookieScheme: scheme, Now: func() time.Time { return frozenNow }}
			var b BaseResponse
			if err := b.SetSignedCookie(s, "c", tt.value, tt.salt, CookieOptions{}); err != nil {
				t.Fatalf("SetSignedCookie(%q, salt %q) = %v", tt.value, tt.salt, err)
			}
			if got := b.Cookies()[0].Value; got != want {
				t.Errorf("SetSignedCookie(%q, salt %q, scheme %d) stored %q; want %q", tt.value, tt.salt, scheme, got, want)
			}
		}
	}
	// The wire form quotes the whole signed value.
	s := &Settings{SecretKey: "secret", SignedCookieScheme: SignedCookieLegacy, Now: func() time.Time { return frozenNow }}
	var b BaseResponse
	if err := b.SetSignedCookie(s, "c", "café ☃", "", CookieOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.Cookies()[0].String(), `c="caf\351 ☃:1r31eq:z1ynyqmemCZc9xUDSfMfoD-FUsqEFSmZpIkNUSsMnfs"; Path=/`; got != want {
		t.Errorf("SetSignedCookie(café ☃) wrote %q; want %q", got, want)
	}
	// max_age=60 derives expires from the same clock.
	b = BaseResponse{}
	if err := b.SetSignedCookie(s, "c", "hello", "", CookieOptions{MaxAge: time.Minute}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.Cookies()[0].String(), "c=hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20; expires=Tue, 14 Nov 2023 22:14:20 GMT; Max-Age=60; Path=/"; got != want {
		t.Errorf("SetSignedCookie(max age 60) wrote %q; want %q", got, want)
	}
	// The value reads back through the signing package.
	got, err := signing.UnsignCookie("secret", nil, "c", "", b.Cookies()[0].Value, time.Minute, false, func() time.Time { return frozenNow })
	if err == nil {
		t.Errorf("UnsignCookie(legacy cookie, v2 only) = %q; want an error", got)
	}
	got, err = signing.UnsignCookie("secret", nil, "c", "", b.Cookies()[0].Value, time.Minute, true, func() time.Time { return frozenNow })
	if err != nil || got != "hello" {
		t.Errorf("UnsignCookie(legacy cookie, legacy accepted) = %q, %v; want hello", got, err)
	}
}

func TestSetSignedCookieErrors(t *testing.T) {
	var b BaseResponse
	if err := b.SetSignedCookie(nil, "c", "v", "", CookieOptions{}); !errors.Is(err, signing.ErrEmptyKey) {
		t.Errorf("SetSignedCookie(no secret key) = %v; want signing.ErrEmptyKey", err)
	}
	if err := b.SetSignedCookie(&Settings{SecretKey: "k"}, "a b", "v", "", CookieOptions{}); !errors.Is(err, ErrCookieName) {
		t.Errorf("SetSignedCookie(bad name) = %v; want ErrCookieName", err)
	}
	if len(b.Cookies()) != 0 {
		t.Errorf("failed SetSignedCookie left cookies %v", b.Cookies())
	}
}

func TestVectorsSignedCookie(t *testing.T) {
	for _, u := range vectors.Units(t, "signed_cookie") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Key    string                     `json:"key"`
				Value  string                     `json:"value"`
				Salt   string                     `json:"salt"`
				Kwargs map[string]json.RawMessage `json:"kwargs"`
				Now    float64                    `json:"now"`
			}
			var want struct {
				CookieValue string `json:"cookie_value"`
				SetCookie   string `json:"set_cookie"`
				SignerSalt  string `json:"signer_salt"`
			}
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			now := vecTime(in.Now)
			s := &Settings{
				SecretKey:          "oracle-secret-key",
				SignedCookieScheme: SignedCookieLegacy,
				Now:                func() time.Time { return now },
			}
			opts := cookieKwargs(t, in.Kwargs, time.Time{})
			var b BaseResponse
			if err := b.SetSignedCookie(s, in.Key, in.Value, in.Salt, opts); err != nil {
				t.Fatalf("SetSignedCookie(%q, %q, %q) = %v", in.Key, in.Value, in.Salt, err)
			}
			c := b.Cookies()[0]
			if c.Value != want.CookieValue {
				t.Errorf("SetSignedCookie(%q, %q, %q) value %q; want %q", in.Key, in.Value, in.Salt, c.Value, want.CookieValue)
			}
			if got := c.String(); got != want.SetCookie {
				t.Errorf("SetSignedCookie(%q, %q, %q) wrote %q; want %q", in.Key, in.Value, in.Salt, got, want.SetCookie)
			}
			if got := signing.CookieSalt(in.Key, in.Salt, true); got != want.SignerSalt {
				t.Errorf("CookieSalt(%q, %q, legacy) = %q; want %q", in.Key, in.Salt, got, want.SignerSalt)
			}
		})
	}
}
