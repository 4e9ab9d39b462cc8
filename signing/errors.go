package signing

// sentinel is an error value that may sit under a broader one, so that
// errors.Is(ErrSignatureExpired, ErrBadSignature) holds the way Django's
// SignatureExpired is a subclass of BadSignature.
type sentinel struct {
	msg    string
	parent error
}

func (e *sentinel) Error() string { return e.msg }
func (e *sentinel) Unwrap() error { return e.parent }

// Errors of signed input. Every refusal of a signed value satisfies
// errors.Is(err, ErrBadSignature); the more specific sentinels say why.
// The returned errors are *Error values carrying Django's message.
var (
	// ErrBadSignature is Django's BadSignature: the value has no separator,
	// its signature does not match any key, or its timestamp is unreadable.
	ErrBadSignature error = &sentinel{msg: "signing: bad signature"}
	// ErrSignatureExpired is Django's SignatureExpired: the signature is
	// valid but older than the allowed maximum age. It is also
	// ErrBadSignature.
	ErrSignatureExpired error = &sentinel{msg: "signing: signature expired", parent: ErrBadSignature}
	// ErrTooLong reports signed input longer than MaxSignedLength, refused
	// before any work is done. It is also ErrBadSignature. Django has no such
	// limit.
	ErrTooLong error = &sentinel{msg: "signing: signed value too long", parent: ErrBadSignature}
)

// Errors of a correctly signed payload that cannot be decoded (Loads). Django
// raises binascii.Error, zlib.error or a JSON error here; since only a key
// holder can produce such a payload, they are not ErrBadSignature.
var (
	// ErrBadPayload reports a signed payload that is not base64, not zlib
	// data or not JSON.
	ErrBadPayload error = &sentinel{msg: "signing: bad payload"}
	// ErrPayloadTooLarge reports a payload that decodes or decompresses to
	// more than the allowed size (Options.MaxPayloadSize): a zlib bomb. It is
	// also ErrBadPayload.
	ErrPayloadTooLarge error = &sentinel{msg: "signing: payload too large", parent: ErrBadPayload}
)

// Configuration errors, reported by [Signer.Validate] (Django raises
// ValueError or ImproperlyConfigured for them when a signer is built).
var (
	// ErrUnsafeSeparator is Django's "Unsafe Signer separator" ValueError: a
	// separator made only of characters that can appear in a signature
	// (A-z, 0-9, '-', '_', '=').
	ErrUnsafeSeparator error = &sentinel{msg: "signing: unsafe separator"}
	// ErrEmptyKey reports a signer without a key. Django refuses an empty
	// SECRET_KEY; a signature under an empty key proves nothing.
	ErrEmptyKey error = &sentinel{msg: "signing: empty key"}
	// ErrUnknownAlgorithm reports a hash algorithm other than sha1, sha224,
	// sha256, sha384 and sha512 (Django's InvalidAlgorithm).
	ErrUnknownAlgorithm error = &sentinel{msg: "signing: unknown algorithm"}
)

// Encoding errors of the exported helpers.
var (
	// ErrInvalidBase62 reports a string that is not a base62 number of at
	// most 64 bits (Django's b62_decode raises ValueError).
	ErrInvalidBase62 error = &sentinel{msg: "signing: invalid base62 number"}
	// ErrInvalidBase64 reports a string that is not URL-safe base64.
	ErrInvalidBase64 error = &sentinel{msg: "signing: invalid base64"}
)

// Error is a signing failure: Err is one of the package's sentinels and
// Message is the text of the exception Django raises in the same case (for
// instance `Signature "abc" does not match` or
// "Signature age 11 > 10 seconds"). Cause, when set, is the underlying
// decoding error.
//
// Message may contain parts of the untrusted input; log it, do not show it
// to clients.
type Error struct {
	Err     error
	Message string
	Cause   error
}

// Error returns the sentinel's text followed by Django's message.
func (e *Error) Error() string {
	if e.Message == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + ": " + e.Message
}

// Unwrap returns the sentinel and, if set, the cause.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}

func newError(sentinel error, msg string) error {
	return &Error{Err: sentinel, Message: msg}
}
