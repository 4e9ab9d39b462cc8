package signing

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"hash"
	"io"
	"strings"

	"github.com/restframe/restframe/internal/pyrepr"
)

// MaxSignedLength is the longest signed string that Unsign, UnsignMaxAge,
// Loads and UnsignCookie accept: 64 KiB. Longer input fails with ErrTooLong
// before any hashing. Browsers cap a cookie at about 4 KiB, so the limit only
// matters for signed values that travel elsewhere.
const MaxSignedLength = 64 << 10

// Default salts, Django's module + class names.
const (
	signerSalt          = "django.core.signing.Signer"
	timestampSignerSalt = "django.core.signing.TimestampSigner"
)

// Signer is Django's django.core.signing.Signer: it appends to a value a
// separator and a URL-safe base64 HMAC of the value, and checks that
// signature on the way back.
//
// Trust model: whoever knows Key (or one of FallbackKeys) can sign anything.
// A signature proves that a holder of the key produced the value for this
// Salt; it does not hide the value and, without a timestamp, does not expire
// (use [TimestampSigner] for that). Use one Salt per purpose so that a value
// signed for one use is not accepted for another.
//
// The zero value is not usable: Key is required. The other fields are
// optional and default as documented. A Signer is safe for concurrent use as
// long as its fields are not modified.
type Signer struct {
	// Key is the secret, Django's SECRET_KEY or the key= argument.
	// Required: an empty key is refused (ErrEmptyKey).
	Key string
	// FallbackKeys are Django's SECRET_KEY_FALLBACKS: older keys still
	// accepted by Unsign, tried in order after Key, for key rotation.
	// Signing always uses Key. Empty entries are skipped.
	FallbackKeys []string
	// Salt namespaces the signatures. Default "django.core.signing.Signer"
	// ("django.core.signing.TimestampSigner" for a TimestampSigner).
	Salt string
	// Sep separates value and signature. Default ":". A separator made only
	// of A-z, 0-9, '-', '_' and '=' (characters of the signature alphabet)
	// is refused with ErrUnsafeSeparator, as Django refuses it.
	Sep string
	// Algorithm is the hash of the salted HMAC: "sha1", "sha224", "sha256",
	// "sha384" or "sha512". Default "sha256" (Django 3.1+).
	Algorithm string
	// LegacyAlgorithm, when set, makes Unsign also accept signatures made
	// with this algorithm, as Django 3.1–3.2 accepted "sha1" signatures
	// while DEFAULT_HASHING_ALGORITHM moved to sha256. Default "" (none,
	// Django 4.0+).
	LegacyAlgorithm string
}

// Validate reports whether the Signer can be used: ErrEmptyKey,
// ErrUnsafeSeparator (with Django's message) or ErrUnknownAlgorithm, or nil.
// Django checks the same when a Signer is constructed.
//
// Sign and Signature panic with this error, because a broken configuration
// is a programming error and they have no error result; call Validate once at
// start-up when the configuration comes from outside the program. Unsign,
// UnsignMaxAge, Dumps and Loads return it instead.
func (s *Signer) Validate() error {
	_, err := s.resolve("")
	return err
}

// resolved is a Signer's configuration with defaults applied.
type resolved struct {
	newHash    func() hash.Hash
	legacyHash func() hash.Hash // nil: no legacy algorithm
	sep        string
	keySalt    string // salt + "signer"
}

func (s *Signer) resolve(defaultSalt string) (resolved, error) {
	var r resolved
	if s.Key == "" {
		return r, ErrEmptyKey
	}
	r.sep = s.Sep
	if r.sep == "" {
		r.sep = ":"
	} else if unsafeSeparator(r.sep) {
		return r, newError(ErrUnsafeSeparator, "Unsafe Signer separator: "+pyrepr.Str(r.sep)+" (cannot be empty or consist of only A-z0-9-_=)")
	}
	alg := s.Algorithm
	if alg == "" {
		alg = "sha256"
	}
	var ok bool
	if r.newHash, ok = hashFunc(alg); !ok {
		return r, newError(ErrUnknownAlgorithm, pyrepr.Str(alg)+" is not an algorithm accepted by the hashlib module.")
	}
	if s.LegacyAlgorithm != "" {
		if r.legacyHash, ok = hashFunc(s.LegacyAlgorithm); !ok {
			return r, newError(ErrUnknownAlgorithm, pyrepr.Str(s.LegacyAlgorithm)+" is not an algorithm accepted by the hashlib module.")
		}
	}
	salt := s.Salt
	if salt == "" {
		salt = defaultSalt
	}
	r.keySalt = salt + "signer"
	return r, nil
}

func (s *Signer) mustResolve(defaultSalt string) resolved {
	r, err := s.resolve(defaultSalt)
	if err != nil {
		panic(err)
	}
	return r
}

// unsafeSeparator is Django's _SEP_UNSAFE, re.match(r"^[A-z0-9-_=]*$"):
// A-z is the ASCII range 'A'..'z' (which includes [\]^_`), and Python's '$'
// also matches before one trailing newline.
func unsafeSeparator(sep string) bool {
	sep = strings.TrimSuffix(sep, "\n")
	for i := 0; i < len(sep); i++ {
		c := sep[i]
		if !('A' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '=') {
			return false
		}
	}
	return true
}

func hashFunc(name string) (func() hash.Hash, bool) {
	switch name {
	case "sha1":
		return sha1.New, true
	case "sha224":
		return sha256.New224, true
	case "sha256":
		return sha256.New, true
	case "sha384":
		return sha512.New384, true
	case "sha512":
		return sha512.New, true
	}
	return nil, false
}

// SaltedHMAC is Django's django.utils.crypto.salted_hmac: the HMAC of value
// (RFC 2104) under the key H(keySalt + secret), where H is algorithm ("sha1",
// "sha224", "sha256", "sha384" or "sha512"; "" means "sha1", Django's default
// for this function). It returns the MAC digest, or ErrUnknownAlgorithm.
func SaltedHMAC(keySalt, value, secret, algorithm string) ([]byte, error) {
	if algorithm == "" {
		algorithm = "sha1"
	}
	h, ok := hashFunc(algorithm)
	if !ok {
		return nil, newError(ErrUnknownAlgorithm, pyrepr.Str(algorithm)+" is not an algorithm accepted by the hashlib module.")
	}
	return saltedHMAC(h, keySalt, secret, value, nil), nil
}

// Base64HMAC is Django's base64_hmac: SaltedHMAC encoded with Base64Encode.
// It is what a Signer appends, with keySalt = Salt + "signer".
func Base64HMAC(keySalt, value, secret, algorithm string) (string, error) {
	mac, err := SaltedHMAC(keySalt, value, secret, algorithm)
	if err != nil {
		return "", err
	}
	return Base64Encode(mac), nil
}

func saltedHMAC(newHash func() hash.Hash, keySalt, secret, value string, dst []byte) []byte {
	h := newHash()
	io.WriteString(h, keySalt)
	io.WriteString(h, secret)
	var kbuf [sha512.Size]byte
	key := h.Sum(kbuf[:0])
	m := hmac.New(newHash, key)
	io.WriteString(m, value)
	return m.Sum(dst)
}

// appendSignature appends the base64 signature of value under key.
func appendSignature(dst []byte, newHash func() hash.Hash, keySalt, key, value string) []byte {
	var mbuf [sha512.Size]byte
	mac := saltedHMAC(newHash, keySalt, key, value, mbuf[:0])
	return base64.RawURLEncoding.AppendEncode(dst, mac)
}

// Signature returns the signature Sign would append to value: Django's
// Signer.signature. It panics if Validate reports an error.
func (s *Signer) Signature(value string) string {
	r := s.mustResolve(signerSalt)
	var buf [88]byte
	return string(appendSignature(buf[:0], r.newHash, r.keySalt, s.Key, value))
}

// Sign returns value + Sep + signature, Django's Signer.sign. It panics if
// Validate reports an error.
func (s *Signer) Sign(value string) string {
	return s.sign(value, s.mustResolve(signerSalt))
}

func (s *Signer) sign(value string, r resolved) string {
	buf := make([]byte, 0, len(value)+len(r.sep)+88)
	buf = append(buf, value...)
	buf = append(buf, r.sep...)
	buf = appendSignature(buf, r.newHash, r.keySalt, s.Key, value)
	return string(buf)
}

// Unsign checks the signature of a string made by Sign and returns the
// original value: Django's Signer.unsign. The value is split at the last
// separator and the signature compared in constant time with the one computed
// under Key and then each of FallbackKeys.
//
// Errors: ErrTooLong beyond MaxSignedLength; ErrBadSignature with Django's
// message (`No ":" found in value`, `Signature "…" does not match`); or the
// configuration error of Validate.
func (s *Signer) Unsign(signed string) (string, error) {
	r, err := s.resolve(signerSalt)
	if err != nil {
		return "", err
	}
	return s.unsign(signed, r)
}

func (s *Signer) unsign(signed string, r resolved) (string, error) {
	if len(signed) > MaxSignedLength {
		return "", newError(ErrTooLong, "Signed value longer than 65536 bytes")
	}
	i := strings.LastIndex(signed, r.sep)
	if i < 0 {
		return "", newError(ErrBadSignature, `No "`+r.sep+`" found in value`)
	}
	value, sig := signed[:i], signed[i+len(r.sep):]
	if s.verify(value, []byte(sig), r) {
		return value, nil
	}
	return "", newError(ErrBadSignature, `Signature "`+sig+`" does not match`)
}

// verify compares sig with the signature of value under every accepted key
// and algorithm. Every comparison is constant-time (hmac.Equal).
func (s *Signer) verify(value string, sig []byte, r resolved) bool {
	var buf [88]byte
	try := func(newHash func() hash.Hash, key string) bool {
		return hmac.Equal(sig, appendSignature(buf[:0], newHash, r.keySalt, key, value))
	}
	if try(r.newHash, s.Key) || (r.legacyHash != nil && try(r.legacyHash, s.Key)) {
		return true
	}
	for _, key := range s.FallbackKeys {
		if key == "" { // Django signs with the main key instead: already tried
			continue
		}
		if try(r.newHash, key) || (r.legacyHash != nil && try(r.legacyHash, key)) {
			return true
		}
	}
	return false
}
