package signing

import (
	"errors"
	"strconv"
	"time"
	"unicode/utf8"
)

// cookieKeyPrefix is prepended to SECRET_KEY (and each fallback key) for
// signed cookies, as in Django's get_cookie_signer.
const cookieKeyPrefix = "django.http.cookies"

// CookieSalt returns the signer salt Django uses for the signed cookie name
// with the caller's salt (set_signed_cookie / get_signed_cookie):
//
//   - v2 (legacy false), Django 5.2.15+ and 6.x, since the June 2026
//     security releases (CVE-2026-6873):
//     "django.http.cookies.v2:" + len(salt) + ":" + salt + name, where len
//     counts characters as Python does;
//   - legacy (legacy true), Django 3.2 through 5.2.14: name + salt.
//     Names and salts can collide there ("ab"+"c" and "a"+"bc").
func CookieSalt(cookieName, salt string, legacy bool) string {
	if legacy {
		return cookieName + salt
	}
	return "django.http.cookies.v2:" + strconv.Itoa(utf8.RuneCountInString(salt)) + ":" + salt + cookieName
}

// CookieSigner returns the TimestampSigner that Django's set_signed_cookie
// and get_signed_cookie use for a cookie (get_cookie_signer with the default
// SIGNING_BACKEND): Key is "django.http.cookies" + secretKey, each fallback
// key is prefixed the same way, and Salt is CookieSalt(cookieName, salt,
// legacy). Its Now is nil (time.Now); set it to fix the clock.
//
// An empty secretKey leaves Key empty, so the signer fails Validate with
// ErrEmptyKey (Django refuses an empty SECRET_KEY) instead of signing with
// the public prefix alone. Empty fallback keys are dropped.
func CookieSigner(secretKey string, fallbacks []string, cookieName, salt string, legacy bool) *TimestampSigner {
	s := &TimestampSigner{}
	if secretKey != "" {
		s.Key = cookieKeyPrefix + secretKey
	}
	if len(fallbacks) > 0 {
		s.FallbackKeys = make([]string, 0, len(fallbacks))
		for _, k := range fallbacks {
			if k != "" {
				s.FallbackKeys = append(s.FallbackKeys, cookieKeyPrefix+k)
			}
		}
	}
	s.Salt = CookieSalt(cookieName, salt, legacy)
	return s
}

// UnsignCookie verifies a signed cookie value the way current Django's
// get_signed_cookie does and returns the original value. It tries the v2
// salt first; if that fails with a bad signature (not an expiry) and
// acceptLegacy is true, it tries the legacy salt (Django 5.2.15+ with
// SIGNED_COOKIE_LEGACY_SALT_FALLBACK; Django 6.1 reads v2 only). An expired
// v2 cookie is never retried with the legacy salt.
//
// maxAge 0 means no age check; otherwise a signature older than maxAge fails
// with ErrSignatureExpired. now is the clock (nil: time.Now). value is the
// cookie value after unquoting, at most MaxSignedLength bytes. Every refusal
// satisfies errors.Is(err, ErrBadSignature); an empty secretKey gives
// ErrEmptyKey.
func UnsignCookie(secretKey string, fallbacks []string, cookieName, salt, value string, maxAge time.Duration, acceptLegacy bool, now func() time.Time) (string, error) {
	s := CookieSigner(secretKey, fallbacks, cookieName, salt, false)
	s.Now = now
	v, err := s.unsignAge(value, maxAge, maxAge != 0)
	if err == nil || !acceptLegacy || !errors.Is(err, ErrBadSignature) ||
		errors.Is(err, ErrSignatureExpired) || errors.Is(err, ErrTooLong) {
		return v, err
	}
	s.Salt = CookieSalt(cookieName, salt, true)
	v, legacyErr := s.unsignAge(value, maxAge, maxAge != 0)
	if legacyErr == nil || errors.Is(legacyErr, ErrSignatureExpired) {
		return v, legacyErr
	}
	return "", err
}
