package signing_test

import (
	"errors"
	"testing"
	"time"

	"github.com/restframe/restframe/signing"
)

// cookieTests are the set_signed_cookie values of spec §22.9
// (SECRET_KEY='secret', t=1700000000): legacy is Django 3.2, v2 is Django
// 5.2.18 / 6.1.1.
var cookieTests = []struct {
	name, cookie, salt, value string
	legacy, v2                string
}{
	{"plain", "c", "", "hello",
		"hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20",
		"hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo"},
	{"salt", "c", "s", "hello",
		"hello:1r31eq:5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAk",
		"hello:1r31eq:S6-UBXvHy5VQgygynxnF4Cm8cm50fINZ7zkbJdHNb4o"},
	{"number", "c", "", "42",
		"42:1r31eq:VFQc822kw2QH8Q7Dg71IodPiQ6K0Rh10ATdJDrDkxEs",
		"42:1r31eq:CmHP_-WQdN-5JXIYwyYLrau3-yzTHWUJECqtt1mCOHE"},
	{"empty", "c", "", "",
		":1r31eq:OyIpQb6CpXNI6GgYdWH6C-XJT6iaAKnPS0qQCevOmR0",
		":1r31eq:obNtMD8sO3NMoIz5Lv_A_HLs7PnCiGVGvnWNc6kHR6I"},
	{"unicode", "c", "", "café ☃",
		"café ☃:1r31eq:z1ynyqmemCZc9xUDSfMfoD-FUsqEFSmZpIkNUSsMnfs",
		"café ☃:1r31eq:FvrKESzPXS3LqTu0cdGKtAX1dV1Wfe_33UXfzG6uyfI"},
}

func TestCookieSigner(t *testing.T) {
	for _, tt := range cookieTests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				legacy bool
				want   string
			}{{true, tt.legacy}, {false, tt.v2}} {
				s := signing.CookieSigner("secret", nil, tt.cookie, tt.salt, c.legacy)
				s.Now = clock(t0)
				if got := s.Sign(tt.value); got != c.want {
					t.Errorf("CookieSigner(legacy=%v).Sign(%q) = %q; want %q", c.legacy, tt.value, got, c.want)
				}
				if got, err := s.UnsignMaxAge(c.want, time.Minute); err != nil || got != tt.value {
					t.Errorf("CookieSigner(legacy=%v).UnsignMaxAge(%q) = %q, %v; want %q", c.legacy, c.want, got, err, tt.value)
				}
			}
		})
	}
}

var cookieSaltTests = []struct {
	name, salt string
	legacy     bool
	want       string
}{
	{"c", "", false, "django.http.cookies.v2:0:c"},
	{"c", "s", false, "django.http.cookies.v2:1:sc"},
	{"c", "sé☃", false, "django.http.cookies.v2:3:sé☃c"}, // Python's len counts characters
	{"ab", "c", false, "django.http.cookies.v2:1:cab"},
	{"a", "bc", false, "django.http.cookies.v2:2:bca"},
	{"ab", "c", true, "abc"}, // the legacy collision fixed by v2
	{"a", "bc", true, "abc"},
	{"", "", true, ""},
}

func TestCookieSalt(t *testing.T) {
	for _, tt := range cookieSaltTests {
		if got := signing.CookieSalt(tt.name, tt.salt, tt.legacy); got != tt.want {
			t.Errorf("CookieSalt(%q, %q, %v) = %q; want %q", tt.name, tt.salt, tt.legacy, got, tt.want)
		}
	}
}

func TestCookieSignerKeys(t *testing.T) {
	s := signing.CookieSigner("new", []string{"old", "", "older"}, "c", "", false)
	if s.Key != "django.http.cookiesnew" {
		t.Errorf("Key = %q; want django.http.cookiesnew", s.Key)
	}
	if want := []string{"django.http.cookiesold", "django.http.cookiesolder"}; len(s.FallbackKeys) != 2 ||
		s.FallbackKeys[0] != want[0] || s.FallbackKeys[1] != want[1] {
		t.Errorf("FallbackKeys = %q; want %q", s.FallbackKeys, want)
	}
	if err := signing.CookieSigner("", nil, "c", "", false).Validate(); !errors.Is(err, signing.ErrEmptyKey) {
		t.Errorf("CookieSigner(empty secret).Validate() = %v; want ErrEmptyKey", err)
	}
	// A cookie signed under the old SECRET_KEY still reads after rotation.
	old := signing.CookieSigner("old", nil, "c", "", false)
	old.Now = clock(t0)
	got, err := signing.UnsignCookie("new", []string{"old"}, "c", "", old.Sign("v"), 0, false, clock(t0))
	if err != nil || got != "v" {
		t.Errorf("UnsignCookie(after rotation) = %q, %v; want v", got, err)
	}
}

// TestUnsignCookie follows spec §22.7/§22.9: v2 first, legacy only when
// accepted and never after an expiry.
func TestUnsignCookie(t *testing.T) {
	const v2 = "hello:1r31eq:S6-UBXvHy5VQgygynxnF4Cm8cm50fINZ7zkbJdHNb4o"
	const legacy = "hello:1r31eq:5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAk"
	const tampered = "hello:1r31eq:5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAl"
	tests := []struct {
		name         string
		value        string
		maxAge       time.Duration
		elapsed      time.Duration
		acceptLegacy bool
		want         error
		msg          string
	}{
		{"v2", v2, 0, 0, false, nil, ""},
		{"v2 with legacy on", v2, 0, 0, true, nil, ""},
		{"legacy refused (6.1)", legacy, 0, 0, false, signing.ErrBadSignature, `Signature "5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAk" does not match`},
		{"legacy accepted (5.2.18)", legacy, 0, 0, true, nil, ""},
		{"v2 at max age", v2, 10 * time.Second, 10 * time.Second, true, nil, ""},
		{"v2 expired", v2, 10 * time.Second, 11 * time.Second, true, signing.ErrSignatureExpired, "Signature age 11 > 10 seconds"},
		{"legacy expired", legacy, 10 * time.Second, 11 * time.Second, true, signing.ErrSignatureExpired, "Signature age 11 > 10 seconds"},
		{"legacy at max age", legacy, 10 * time.Second, 10 * time.Second, true, nil, ""},
		{"tampered", tampered, 0, 0, true, signing.ErrBadSignature, `Signature "5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAl" does not match`},
		{"no separator", "hello", 0, 0, true, signing.ErrBadSignature, `No ":" found in value`},
		{"no age check", v2, 0, 1000 * time.Hour, false, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := signing.UnsignCookie("secret", nil, "c", "s", tt.value, tt.maxAge, tt.acceptLegacy, clock(t0.Add(tt.elapsed)))
			if tt.want == nil {
				if err != nil || got != "hello" {
					t.Errorf("UnsignCookie(%q) = %q, %v; want hello", tt.value, got, err)
				}
				return
			}
			var e *signing.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &e) || e.Message != tt.msg {
				t.Errorf("UnsignCookie(%q) = %q, %v; want %v %q", tt.value, got, err, tt.want, tt.msg)
			}
		})
	}
}

// TestUnsignCookieExpiredV2NoLegacyRetry: an expired v2 cookie must not be
// retried with the legacy salt, even if the same bytes would verify there.
func TestUnsignCookieExpiredV2NoLegacyRetry(t *testing.T) {
	// A value valid under both salts cannot be built, so check the order of
	// attempts through the error: an expired v2 cookie reports its expiry.
	s := signing.CookieSigner("secret", nil, "c", "s", false)
	s.Now = clock(t0)
	signed := s.Sign("v")
	_, err := signing.UnsignCookie("secret", nil, "c", "s", signed, time.Second, true, clock(t0.Add(time.Hour)))
	if !errors.Is(err, signing.ErrSignatureExpired) {
		t.Errorf("UnsignCookie(expired v2) = %v; want ErrSignatureExpired", err)
	}
	if _, err := signing.UnsignCookie("", nil, "c", "s", signed, 0, true, nil); !errors.Is(err, signing.ErrEmptyKey) {
		t.Errorf("UnsignCookie(empty secret) = %v; want ErrEmptyKey", err)
	}
}
