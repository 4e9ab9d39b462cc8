package signing

import (
	"encoding/base64"
	"strings"
)

// base62Alphabet is Django's BASE62_ALPHABET.
const base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62Digit maps a byte to its digit value, or 0xff.
var base62Digit = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(base62Alphabet); i++ {
		t[base62Alphabet[i]] = byte(i)
	}
	return t
}()

// Base62Encode is Django's b62_encode: n in base 62, most significant digit
// first, with a leading '-' for negative numbers. TimestampSigner writes Unix
// times with it (1700000000 is "1r31eq").
func Base62Encode(n int64) string {
	var buf [12]byte // 11 digits cover 2^64, plus the sign
	return string(appendBase62(buf[:0], n))
}

func appendBase62(dst []byte, n int64) []byte {
	if n == 0 {
		return append(dst, '0')
	}
	u := uint64(n)
	if n < 0 {
		dst = append(dst, '-')
		u = -u // two's complement: correct for math.MinInt64 too
	}
	var buf [11]byte
	i := len(buf)
	for u > 0 {
		i--
		buf[i] = base62Alphabet[u%62]
		u /= 62
	}
	return append(dst, buf[i:]...)
}

// Base62Decode is Django's b62_decode: it parses an optional '-' and base62
// digits. Unlike Django, which has unbounded integers and turns "-" into 0,
// it refuses an empty number and anything outside int64 with
// ErrInvalidBase62.
func Base62Decode(s string) (int64, error) {
	neg := false
	digits := s
	if strings.HasPrefix(digits, "-") {
		neg = true
		digits = digits[1:]
	}
	if digits == "" {
		return 0, ErrInvalidBase62
	}
	var u uint64
	const cutoff = (1<<64-1)/62 + 1
	for i := 0; i < len(digits); i++ {
		d := base62Digit[digits[i]]
		if d == 0xff || u >= cutoff {
			return 0, ErrInvalidBase62
		}
		next := u*62 + uint64(d)
		if next < u {
			return 0, ErrInvalidBase62
		}
		u = next
	}
	if neg {
		if u > 1<<63 {
			return 0, ErrInvalidBase62
		}
		return -int64(u), nil
	}
	if u > 1<<63-1 {
		return 0, ErrInvalidBase62
	}
	return int64(u), nil
}

// Base64Encode is Django's b64_encode: URL-safe base64 (RFC 4648 §5)
// without '=' padding.
func Base64Encode(b []byte) string {
	return base64.RawURLEncoding.EncodeToString(b)
}

// Base64Decode is Django's b64_decode: URL-safe base64 with the padding
// optional. It is stricter than Python's decoder, which skips characters
// outside the alphabet: such input fails with ErrInvalidBase64.
func Base64Decode(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, &Error{Err: ErrInvalidBase64, Cause: err}
	}
	return b, nil
}
