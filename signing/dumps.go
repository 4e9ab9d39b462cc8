package signing

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/json"
	"io"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// DefaultMaxPayloadSize is the default of Options.MaxPayloadSize: 1 MiB.
const DefaultMaxPayloadSize = 1 << 20

// dumpsSalt is the default salt of Django's dumps and loads.
const dumpsSalt = "django.core.signing"

// Options configures Dumps and Loads (the keyword arguments of Django's
// dumps and loads). Key is required; every other field is optional.
type Options struct {
	// Key is the secret (Django's key=, by default SECRET_KEY). Required.
	Key string
	// FallbackKeys are older keys Loads still accepts (SECRET_KEY_FALLBACKS).
	FallbackKeys []string
	// Salt namespaces the signature. Default "django.core.signing". Use one
	// salt per purpose.
	Salt string
	// Algorithm is the HMAC hash, as in Signer. Default "sha256".
	Algorithm string
	// Compress makes Dumps zlib-compress the JSON when that saves at least
	// two bytes; the payload then starts with '.'. Loads always accepts both.
	Compress bool
	// MaxAge makes Loads refuse signatures older than this with
	// ErrSignatureExpired. 0 (the default) means no age check.
	MaxAge time.Duration
	// Now returns the current time for the timestamp and the age check.
	// If nil, time.Now.
	Now func() time.Time
	// MaxPayloadSize bounds, in bytes, the JSON that Loads decodes and
	// decompresses; beyond it Loads fails with ErrPayloadTooLarge, so a
	// zlib bomb costs at most this much memory. 0 (or negative) means
	// DefaultMaxPayloadSize.
	MaxPayloadSize int
}

func (o *Options) signer() *TimestampSigner {
	salt := o.Salt
	if salt == "" {
		salt = dumpsSalt
	}
	return &TimestampSigner{
		Signer: Signer{Key: o.Key, FallbackKeys: o.FallbackKeys, Salt: salt, Algorithm: o.Algorithm},
		Now:    o.Now,
	}
}

// Dumps is Django's django.core.signing.dumps: v encoded as JSON the way
// Python's json.dumps(v, separators=(",", ":")) writes it (non-ASCII
// characters as \uXXXX escapes, surrogate pairs above U+FFFF, DEL as \u007f),
// optionally zlib-compressed (exactly as CPython's zlib.compress, so the
// result is Django's byte for byte), encoded with Base64Encode and signed
// with a TimestampSigner.
//
// v is marshalled with encoding/json (SetEscapeHTML(false)), so JSON tags
// apply. For Django's exact bytes, mind two differences from Python: object
// keys come out in struct-field order, or sorted for Go maps (Python keeps
// insertion order; use a struct or json.RawMessage to control it), and
// floating-point numbers follow encoding/json (1 rather than Python's 1.0).
// Either way Django's loads reads the result.
//
// Errors: the configuration errors of [Signer.Validate], or the
// encoding/json error for a value it cannot marshal.
func Dumps(v any, o Options) (string, error) {
	ts := o.signer()
	r, err := ts.resolve(timestampSignerSalt)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	data := asciiJSON(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}))
	compressed := false
	if o.Compress {
		if c := zlibCompress(nil, data); len(c) < len(data)-1 {
			data, compressed = c, true
		}
	}
	n := base64.RawURLEncoding.EncodedLen(len(data))
	payload := make([]byte, 0, n+1)
	if compressed {
		payload = append(payload, '.')
	}
	payload = base64.RawURLEncoding.AppendEncode(payload, data)
	var stamp [12]byte
	value := string(payload) + r.sep + string(appendBase62(stamp[:0], ts.now().Unix()))
	return ts.sign(value, r), nil
}

// asciiJSON rewrites compact JSON from encoding/json into the ASCII-only
// form of Python's json.dumps(ensure_ascii=True). Bytes >= 0x7f only occur
// inside strings, so no tokenizing is needed; encoding/json already escapes
// the quote, the backslash and control characters the way Python does.
func asciiJSON(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < 0x7f {
		i++
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	out = append(out, b[:i]...)
	for i < len(b) {
		c := b[i]
		if c < 0x7f {
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		i += n
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			out = appendUnicodeEscape(appendUnicodeEscape(out, r1), r2)
		} else {
			out = appendUnicodeEscape(out, r)
		}
	}
	return out
}

func appendUnicodeEscape(dst []byte, r rune) []byte {
	const hexDigits = "0123456789abcdef"
	return append(dst, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}

// Loads is Django's django.core.signing.loads: it checks the signature (and
// the age, if Options.MaxAge is set) of a string made by Dumps, decodes the
// base64, decompresses when the payload starts with '.', and unmarshals the
// JSON into v with encoding/json.
//
// As in Django, the JSON bytes are read as Latin-1 (what Django's dumps
// writes is ASCII). Python-only JSON such as NaN is not accepted.
//
// Errors: those of [TimestampSigner.UnsignMaxAge] (all ErrBadSignature, including
// ErrTooLong beyond MaxSignedLength); ErrPayloadTooLarge when the payload
// decodes or decompresses to more than Options.MaxPayloadSize; ErrBadPayload
// for a correctly signed payload that is not base64, zlib or JSON, or that
// does not fit v (the encoding/json error is wrapped).
func Loads(s string, v any, o Options) error {
	ts := o.signer()
	r, err := ts.resolve(timestampSignerSalt)
	if err != nil {
		return err
	}
	payload, err := ts.unsignResolved(s, r, o.MaxAge, o.MaxAge != 0)
	if err != nil {
		return err
	}
	limit := o.MaxPayloadSize
	if limit <= 0 {
		limit = DefaultMaxPayloadSize
	}
	data, err := decodePayload(payload, limit)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(latin1ToUTF8(data), v); err != nil {
		return &Error{Err: ErrBadPayload, Message: "JSON: " + err.Error(), Cause: err}
	}
	return nil
}

// decodePayload undoes the base64 and optional zlib layers of a payload,
// reading at most limit bytes of output.
func decodePayload(payload string, limit int) ([]byte, error) {
	compressed := strings.HasPrefix(payload, ".")
	if compressed {
		payload = payload[1:]
	}
	if base64.RawURLEncoding.DecodedLen(len(payload)) > limit {
		return nil, newError(ErrPayloadTooLarge, "payload larger than the limit")
	}
	raw, err := Base64Decode(payload)
	if err != nil {
		return nil, &Error{Err: ErrBadPayload, Message: "base64: " + err.Error(), Cause: err}
	}
	if !compressed {
		return raw, nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, &Error{Err: ErrBadPayload, Message: "zlib: " + err.Error(), Cause: err}
	}
	data, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err != nil {
		return nil, &Error{Err: ErrBadPayload, Message: "zlib: " + err.Error(), Cause: err}
	}
	if len(data) > limit {
		return nil, newError(ErrPayloadTooLarge, "decompressed payload larger than the limit")
	}
	return data, nil
}

// latin1ToUTF8 decodes b as ISO-8859-1, as Django's JSONSerializer.loads
// does (data.decode("latin-1")).
func latin1ToUTF8(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	out = append(out, b[:i]...)
	for _, c := range b[i:] {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}
