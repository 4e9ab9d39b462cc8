package web

import (
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/textenc"
)

// csDecode decodes the bytes in s with codec c into UTF-8. With strict, it
// reports ok=false at the first invalid byte (Python's errors="strict");
// otherwise invalid bytes become U+FFFD (errors="replace"; for UTF-8 one
// U+FFFD per maximal invalid subpart, as Python does). ASCII-only input and
// valid UTF-8 are returned without copying.
func csDecode(c textenc.Codec, s string, strict bool) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s, true
	}
	if c == textenc.UTF8 || c == textenc.Unknown {
		if utf8.ValidString(s[i:]) {
			return s, true
		}
		if strict {
			return "", false
		}
		return string(csAppendUTF8(make([]byte, 0, len(s)+8), s)), true
	}
	b := make([]byte, 0, len(s)+len(s)/2)
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		r, ok := textenc.ByteRune(c, s[i])
		if !ok {
			if strict {
				return "", false
			}
			r = utf8.RuneError
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b), true
}

// csAppendDecoded appends the bytes of s decoded with codec c (invalid
// bytes replaced) to dst.
func csAppendDecoded(dst []byte, c textenc.Codec, s string) []byte {
	if c == textenc.UTF8 || c == textenc.Unknown {
		return csAppendUTF8(dst, s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			dst = append(dst, s[i])
			continue
		}
		r, ok := textenc.ByteRune(c, s[i])
		if !ok {
			r = utf8.RuneError
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// csAppendUTF8 appends s to dst, replacing each maximal invalid UTF-8
// subpart with U+FFFD as Python's bytes.decode("utf-8", "replace") does.
func csAppendUTF8(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size > 1 {
			dst = append(dst, s[i:i+size]...)
			i += size
			continue
		}
		i += csInvalidLen(s[i:])
		dst = append(dst, "\uFFFD"...)
	}
	return dst
}

// csInvalidLen is the length of the maximal subpart at the start of s, which
// does not begin with a valid UTF-8 sequence (Unicode §3.9, "U+FFFD
// substitution of maximal subparts").
func csInvalidLen(s string) int {
	c := s[0]
	n := 0
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case 0xC2 <= c && c <= 0xDF:
		n = 2
	case c == 0xE0:
		n, lo = 3, 0xA0
	case c == 0xED:
		n, hi = 3, 0x9F
	case 0xE1 <= c && c <= 0xEF:
		n = 3
	case c == 0xF0:
		n, lo = 4, 0x90
	case c == 0xF4:
		n, hi = 4, 0x8F
	case 0xF1 <= c && c <= 0xF3:
		n = 4
	default:
		return 1
	}
	if len(s) < 2 || s[1] < lo || s[1] > hi {
		return 1
	}
	i := 2
	for i < n && i < len(s) && 0x80 <= s[i] && s[i] <= 0xBF {
		i++
	}
	return i
}

// csAppendEncoded appends s encoded with codec c to dst. A character the
// codec cannot represent becomes "?" (Python's errors="replace"; Django
// would raise UnicodeEncodeError). For UTF-8 the bytes are copied as they
// are.
func csAppendEncoded(dst []byte, c textenc.Codec, s string) []byte {
	if c == textenc.UTF8 || c == textenc.Unknown {
		return append(dst, s...)
	}
	for _, r := range s {
		dst = append(dst, textenc.EncodeRune(c, r))
	}
	return dst
}

// csIsUTF8Name reports whether enc names UTF-8 the way Django's check on
// urlencoded bodies does: `encoding.lower() == "utf-8"`.
func csIsUTF8Name(enc string) bool { return strings.EqualFold(enc, "utf-8") }
