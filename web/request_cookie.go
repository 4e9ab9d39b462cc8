package web

import (
	"strings"
	"time"

	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/signing"
)

// SignedCookieError is the error of SignedCookie: Django's KeyError,
// BadSignature or SignatureExpired from get_signed_cookie. Err is
// ErrCookieNotFound, a signing error (errors.Is(err,
// signing.ErrBadSignature), and signing.ErrSignatureExpired for an expired
// one), or one of ParseCookie's limit errors. A SignedCookieError is also
// ErrBadRequest, so an unhandled one answers 400 (Django would answer 500):
// a missing or forged cookie is bad client input. Use errors.Is to tell the
// cases apart, or treat any error as Django's default= argument would.
type SignedCookieError struct {
	// Name is the cookie's name.
	Name string
	// Err is why the cookie could not be read.
	Err error
}

// Error returns "web: signed cookie <name>: " and the cause.
func (e *SignedCookieError) Error() string {
	return "web: signed cookie " + pyrepr.Str(e.Name) + ": " + e.Err.Error()
}

// Unwrap returns the cause and ErrBadRequest.
func (e *SignedCookieError) Unwrap() []error { return []error{e.Err, ErrBadRequest} }

// Cookies is Django's HttpRequest.COOKIES: the request's Cookie header
// parsed with ParseCookie (Django's parse_cookie), computed once. Cookie
// headers sent on several lines are joined with "; " first. The map is the
// request's own: do not modify it.
//
// A header beyond ParseCookie's limits gives the cookies read before the
// limit (none when the header is longer than MaxCookieHeaderBytes);
// SignedCookie reports the limit error for a cookie it then cannot find.
func (r *Request) Cookies() map[string]string {
	if r.info.done&doneCookies == 0 {
		r.info.done |= doneCookies
		var header string
		switch v := r.req.Header["Cookie"]; len(v) {
		case 0:
		case 1:
			header = v[0]
		default:
			header = strings.Join(v, "; ")
		}
		if header != "" {
			r.info.cookies, r.info.cookiesErr = ParseCookie(header)
		}
		if r.info.cookies == nil {
			r.info.cookies = map[string]string{}
		}
	}
	return r.info.cookies
}

// SignedCookie is Django's HttpRequest.get_signed_cookie(name, salt=salt,
// max_age=maxAge): the value of a cookie that a response set with a signed
// cookie, once its signature checks out. The signature is made with
// Settings.SecretKey (Settings.SecretKeyFallbacks are also accepted, for key
// rotation), bound to the cookie name and salt, and timestamped; maxAge > 0
// refuses a signature older than that (maxAge 0: no age limit). The clock is
// Settings.Now.
//
// The cookie is read with the current salt scheme (Django 5.2.15+, 6.x);
// when Settings.AcceptLegacySignedCookies is on or Settings.SignedCookieScheme
// is SignedCookieLegacy, a cookie that fails is tried again with the legacy
// scheme (Django up to 5.2.14) — but never after an expiry.
//
// Errors are *SignedCookieError: ErrCookieNotFound when there is no such cookie,
// otherwise the signing error (signing.ErrBadSignature, or
// signing.ErrSignatureExpired). Django's default= argument is the caller's
// `if err != nil { v = default }`.
func (r *Request) SignedCookie(name, salt string, maxAge time.Duration) (string, error) {
	value, ok := r.Cookies()[name]
	if !ok {
		err := ErrCookieNotFound
		if r.info.cookiesErr != nil {
			err = r.info.cookiesErr
		}
		return "", &SignedCookieError{Name: name, Err: err}
	}
	s := r.settings
	legacy := s.AcceptLegacySignedCookies || s.SignedCookieScheme == SignedCookieLegacy
	v, err := signing.UnsignCookie(s.SecretKey, s.SecretKeyFallbacks, name, salt, value, maxAge, legacy, s.Now)
	if err != nil {
		return "", &SignedCookieError{Name: name, Err: err}
	}
	return v, nil
}
