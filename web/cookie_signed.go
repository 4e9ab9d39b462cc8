package web

import (
	"time"

	"github.com/restframe/restframe/signing"
)

// SetSignedCookie sets a cookie whose value is signed with s.SecretKey:
// Django's HttpResponseBase.set_signed_cookie. The stored value is
// value + ":" + base62 timestamp + ":" + signature (a TimestampSigner with
// the key "django.http.cookies" + SecretKey and a salt derived from the
// cookie name and salt, see signing.CookieSigner), and it is then set with
// SetCookie and opts, so it is quoted like any cookie value.
//
// s.SignedCookieScheme picks the salt: SignedCookieV2 (the default, current
// Django) or SignedCookieLegacy (Django 3.2 to 5.2.14). The timestamp comes
// from opts.Now, else s.Now, else the current time. s may be nil, but an
// empty SecretKey fails with signing.ErrEmptyKey (Django refuses an empty
// SECRET_KEY). Errors are *CookieError.
func (b *BaseResponse) SetSignedCookie(s *Settings, name, value, salt string, opts CookieOptions) error {
	if err := ckCheckName(name); err != nil {
		return &CookieError{Name: name, Err: err}
	}
	var key string
	var fallbacks []string
	legacy := false
	if s != nil {
		key, fallbacks = s.SecretKey, s.SecretKeyFallbacks
		legacy = s.SignedCookieScheme == SignedCookieLegacy
	}
	signer := signing.CookieSigner(key, fallbacks, name, salt, legacy)
	if err := signer.Validate(); err != nil {
		return &CookieError{Name: name, Err: err}
	}
	if opts.Now.IsZero() {
		opts.Now = s.now()
	}
	now := opts.Now
	signer.Now = func() time.Time { return now }
	return b.SetCookie(name, signer.Sign(value), opts)
}
