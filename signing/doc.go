// Package signing is Django's django.core.signing in Go, byte-compatible in
// both directions: values signed here verify in Django and values signed by
// Django verify here, including signed cookies, so a service can move from
// Django to Go (or run beside it) without logging anyone out.
//
// # Signers
//
// A [Signer] appends a separator and a URL-safe base64 HMAC to a string:
//
//	s := &signing.Signer{Key: secret}
//	signed := s.Sign("hello") // "hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18" for Key "secret"
//	value, err := s.Unsign(signed)
//
// A [TimestampSigner] also signs the time, so that
// [TimestampSigner.UnsignMaxAge] can refuse old signatures. [Dumps] and
// [Loads] sign JSON (optionally zlib-compressed) with a TimestampSigner;
// Django's sessions and messages use them.
//
// # Trust model
//
// A signature proves that the value was produced by a holder of the key, for
// the same salt, and (with a timestamp) when. It does not encrypt: anyone can
// read a signed value (a Dumps payload is only base64). Anyone who knows the
// key can forge anything, so keep it secret and long, and never sign with an
// empty key (refused with [ErrEmptyKey]). Signatures are compared in constant
// time (hmac.Equal).
//
// The MAC is Django's salted HMAC ([SaltedHMAC]): HMAC-H(H(salt + "signer" +
// key), value), SHA-256 by default. The salt binds a purpose into the MAC: a
// value signed with salt "password-reset" does not verify with salt
// "unsubscribe". Use a distinct Salt for every purpose; the defaults
// ("django.core.signing.Signer", "django.core.signing.TimestampSigner",
// "django.core.signing" for Dumps) exist for compatibility with Django.
//
// # Key rotation
//
// Sign always uses Key; Unsign also accepts signatures made with any of
// FallbackKeys (Django's SECRET_KEY_FALLBACKS, 4.1+). To rotate, move the
// old key to FallbackKeys, set the new Key, and drop the fallback once old
// signatures have expired. Django 3.1–3.2 also accepted SHA-1 signatures
// during its move to SHA-256; LegacyAlgorithm "sha1" does the same.
//
// # Signed cookies
//
// Django signs cookies with a TimestampSigner whose key is
// "django.http.cookies" + SECRET_KEY and whose salt depends on the cookie
// name and the caller's salt. There are two schemes ([CookieSalt]):
//
//   - legacy, name + salt: Django 3.2 up to 5.2.14 (including the
//     recorded 3.2 conformance vectors);
//   - v2, "django.http.cookies.v2:<len(salt)>:<salt><name>": Django 5.2.15+
//     and 6.x, since the June 2026 security releases (CVE-2026-6873, names
//     and salts could collide in the legacy scheme). Django 5.2.15+ still
//     reads legacy cookies by default; 6.1 does not.
//
// [CookieSigner] builds the signer for either scheme; [UnsignCookie] reads a
// cookie like current Django (v2, then legacy when asked, but never after an
// expiry).
//
// # Limits and errors
//
// Signed input longer than [MaxSignedLength] (64 KiB) is refused with
// [ErrTooLong] before any hashing; Loads decodes and decompresses at most
// Options.MaxPayloadSize bytes ([DefaultMaxPayloadSize], 1 MiB) and fails
// with [ErrPayloadTooLarge] beyond that, so a zlib bomb cannot exhaust
// memory. Every refusal of a signed value satisfies errors.Is(err,
// [ErrBadSignature]) (Django's BadSignature), expiries also
// [ErrSignatureExpired]; the *[Error] carries Django's exception message.
// Nothing in this package panics on bad input; Sign panics only on an invalid
// configuration (see [Signer.Validate]).
package signing
