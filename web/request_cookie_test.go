package web

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/restframe/restframe/signing"
)

// reqT0 is the oracle's frozen clock, 2023-11-14T22:13:20Z.
var reqT0 = time.Unix(1700000000, 0)

func reqClock(t time.Time) func() time.Time { return func() time.Time { return t } }

var reqCookiesTests = []struct {
	header []string
	want   map[string]string
}{
	{nil, map[string]string{}},
	{[]string{""}, map[string]string{}},
	{[]string{`a=1; b="quoted"; c=with space; d=; =novalue; e=x=y`},
		map[string]string{"a": "1", "b": "quoted", "c": "with space", "d": "", "": "novalue", "e": "x=y"}},
	{[]string{"a=1", "b=2; a=3"}, map[string]string{"a": "3", "b": "2"}},
	{[]string{`d="\054x"`}, map[string]string{"d": ",x"}},
}

func TestRequestCookies(t *testing.T) {
	for _, tt := range reqCookiesTests {
		t.Run("", func(t *testing.T) {
			req := newInfoRequest("GET", "/", "example.com")
			if tt.header != nil {
				req.Header["Cookie"] = tt.header
			}
			got := NewRequest(req, nil).Cookies()
			if len(got) != len(tt.want) {
				t.Fatalf("Cookies() with %q = %q; want %q", tt.header, got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("Cookies()[%q] with %q = %q; want %q", k, tt.header, got[k], v)
				}
			}
		})
	}
}

// reqSignedCookieTests use spec §22.9's vectors (SECRET_KEY "secret", signed
// at reqT0) and the oracle app's recorded cookies (golden echo.cookies_signed_*).
var reqSignedCookieTests = []struct {
	name     string
	cookie   string // Cookie header
	settings Settings
	cookieN  string
	salt     string
	maxAge   time.Duration
	want     string
	wantErr  error
}{
	{name: "v2", cookie: "c=hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo",
		settings: Settings{SecretKey: "secret"}, cookieN: "c", want: "hello"},
	{name: "v2 salt", cookie: "c=hello:1r31eq:S6-UBXvHy5VQgygynxnF4Cm8cm50fINZ7zkbJdHNb4o",
		settings: Settings{SecretKey: "secret"}, cookieN: "c", salt: "s", want: "hello"},
	{name: "v2 wrong salt", cookie: "c=hello:1r31eq:S6-UBXvHy5VQgygynxnF4Cm8cm50fINZ7zkbJdHNb4o",
		settings: Settings{SecretKey: "secret"}, cookieN: "c", wantErr: signing.ErrBadSignature},
	{name: "v2 empty value", cookie: "c=:1r31eq:obNtMD8sO3NMoIz5Lv_A_HLs7PnCiGVGvnWNc6kHR6I",
		settings: Settings{SecretKey: "secret"}, cookieN: "c", want: ""},
	{name: "v2 quoted non-ASCII", cookie: `c="caf\351 ☃:1r31eq:FvrKESzPXS3LqTu0cdGKtAX1dV1Wfe_33UXfzG6uyfI"`,
		settings: Settings{SecretKey: "secret"}, cookieN: "c", want: "café ☃"},
	{name: "legacy refused by default", cookie: "c=hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20",
		settings: Settings{SecretKey: "secret"}, cookieN: "c", wantErr: signing.ErrBadSignature},
	{name: "legacy accepted", cookie: "c=hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20",
		settings: Settings{SecretKey: "secret", AcceptLegacySignedCookies: true}, cookieN: "c", want: "hello"},
	{name: "legacy scheme reads legacy", cookie: "c=42:1r31eq:VFQc822kw2QH8Q7Dg71IodPiQ6K0Rh10ATdJDrDkxEs",
		settings: Settings{SecretKey: "secret", SignedCookieScheme: SignedCookieLegacy}, cookieN: "c", want: "42"},
	{name: "legacy scheme still reads v2", cookie: "c=42:1r31eq:CmHP_-WQdN-5JXIYwyYLrau3-yzTHWUJECqtt1mCOHE",
		settings: Settings{SecretKey: "secret", SignedCookieScheme: SignedCookieLegacy}, cookieN: "c", want: "42"},
	{name: "legacy salt", cookie: "c=hello:1r31eq:5os3so3V4Wm5EN933TGQ7aZUzJlyPuyZRx88S6XFaAk",
		settings: Settings{SecretKey: "secret", AcceptLegacySignedCookies: true}, cookieN: "c", salt: "s", want: "hello"},
	{name: "fallback key", cookie: "c=hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo",
		settings: Settings{SecretKey: "rotated", SecretKeyFallbacks: []string{"secret"}}, cookieN: "c", want: "hello"},
	{name: "wrong key", cookie: "c=hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo",
		settings: Settings{SecretKey: "rotated"}, cookieN: "c", wantErr: signing.ErrBadSignature},
	{name: "tampered", cookie: "c=hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTp",
		settings: Settings{SecretKey: "secret"}, cookieN: "c", wantErr: signing.ErrBadSignature},
	{name: "max age reached", cookie: "c=hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo",
		settings: Settings{SecretKey: "secret", Now: reqClock(reqT0.Add(10 * time.Second))}, cookieN: "c", maxAge: 10 * time.Second, want: "hello"},
	{name: "expired", cookie: "c=hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo",
		settings: Settings{SecretKey: "secret", Now: reqClock(reqT0.Add(11 * time.Second))}, cookieN: "c", maxAge: 10 * time.Second,
		wantErr: signing.ErrSignatureExpired},
	{name: "expired legacy", cookie: "c=hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20",
		settings: Settings{SecretKey: "secret", AcceptLegacySignedCookies: true, Now: reqClock(reqT0.Add(11 * time.Second))},
		cookieN:  "c", maxAge: 10 * time.Second, wantErr: signing.ErrSignatureExpired},
	{name: "missing", cookie: "d=1", settings: Settings{SecretKey: "secret"}, cookieN: "c", wantErr: ErrCookieNotFound},
	{name: "oracle legacy", cookie: "signed=value:1r31eq:rXY4qrR8fO8zDSXgvmi5SLBlHU4VlqZWPdLho8SYeZg; salted=value:1r31eq:wHi6wdnFfc2tbdQlbUnnjgzOn3una8AyLN0-ARPX904",
		settings: Settings{SecretKey: "oracle-secret-key", AcceptLegacySignedCookies: true, Now: reqClock(reqT0)}, cookieN: "salted", salt: "pepper",
		maxAge: time.Minute, want: "value"},
	{name: "oracle legacy wrong salt", cookie: "signed=value:1r31eq:rXY4qrR8fO8zDSXgvmi5SLBlHU4VlqZWPdLho8SYeZg; salted=value:1r31eq:wHi6wdnFfc2tbdQlbUnnjgzOn3una8AyLN0-ARPX904",
		settings: Settings{SecretKey: "oracle-secret-key", AcceptLegacySignedCookies: true}, cookieN: "salted", wantErr: signing.ErrBadSignature},
	{name: "oracle tampered", cookie: "signed=valuf:1r31eq:rXY4qrR8fO8zDSXgvmi5SLBlHU4VlqZWPdLho8SYeZg",
		settings: Settings{SecretKey: "oracle-secret-key", AcceptLegacySignedCookies: true}, cookieN: "signed", wantErr: signing.ErrBadSignature},
}

func TestRequestSignedCookie(t *testing.T) {
	for _, tt := range reqSignedCookieTests {
		t.Run(tt.name, func(t *testing.T) {
			req := newInfoRequest("GET", "/", "example.com")
			req.Header.Set("Cookie", tt.cookie)
			s := tt.settings
			got, err := NewRequest(req, &s).SignedCookie(tt.cookieN, tt.salt, tt.maxAge)
			if tt.wantErr != nil {
				var ce *SignedCookieError
				if !errors.Is(err, tt.wantErr) || !errors.As(err, &ce) || ce.Name != tt.cookieN {
					t.Fatalf("SignedCookie(%q) = %q, %v; want error %v", tt.cookieN, got, err, tt.wantErr)
				}
				if StatusOf(err) != http.StatusBadRequest {
					t.Errorf("StatusOf(%v) = %d; want 400", err, StatusOf(err))
				}
				if tt.wantErr == signing.ErrBadSignature && errors.Is(err, signing.ErrSignatureExpired) {
					t.Errorf("SignedCookie(%q) error %v is an expiry; want a bad signature", tt.cookieN, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("SignedCookie(%q) = %q, %v; want %q", tt.cookieN, got, err, tt.want)
			}
		})
	}
}

func TestRequestSignedCookieRoundTrip(t *testing.T) {
	s := &Settings{SecretKey: "k", Now: reqClock(reqT0)}
	signer := signing.CookieSigner(s.SecretKey, nil, "sess", "salt", false)
	signer.Now = s.Now
	req := newInfoRequest("GET", "/", "example.com")
	req.AddCookie(&http.Cookie{Name: "sess", Value: signer.Sign("abc")})
	if got, err := NewRequest(req, s).SignedCookie("sess", "salt", time.Hour); err != nil || got != "abc" {
		t.Errorf("SignedCookie(%q) = %q, %v; want %q", "sess", got, err, "abc")
	}
}

func TestRequestSignedCookieLimit(t *testing.T) {
	req := newInfoRequest("GET", "/", "example.com")
	big := make([]byte, MaxCookieHeaderBytes+1)
	for i := range big {
		big[i] = 'a'
	}
	req.Header.Set("Cookie", "c="+string(big))
	r := NewRequest(req, &Settings{SecretKey: "k"})
	if n := len(r.Cookies()); n != 0 {
		t.Errorf("Cookies() over the limit has %d cookies; want 0", n)
	}
	_, err := r.SignedCookie("c", "", 0)
	if !errors.Is(err, ErrCookieHeaderTooLarge) || StatusOf(err) != http.StatusBadRequest {
		t.Errorf("SignedCookie over the limit = %v; want ErrCookieHeaderTooLarge (400)", err)
	}
}
