package web

import (
	"strings"
	"unicode/utf8"
)

// csCodec is one of the character encodings restframe decodes.
type csCodec uint8

const (
	csUnknown csCodec = iota
	csUTF8
	csASCII
	csLatin1
	csLatin9 // ISO-8859-15
	csCP1252
)

// csLookup is Python's codecs.lookup for the codecs restframe knows: the
// name is normalised as Python's encodings.normalize_encoding does (lower
// case, every run of characters other than letters, digits and "." becomes
// one "_") and looked up among Python's aliases.
func csLookup(name string) csCodec {
	if name == "" {
		return csUnknown
	}
	// Fast path for the spellings seen on the wire.
	switch name {
	case "utf-8", "UTF-8", "utf8", "UTF8":
		return csUTF8
	case "iso-8859-1", "ISO-8859-1", "latin-1", "latin1":
		return csLatin1
	}
	if len(name) > 64 {
		return csUnknown
	}
	var buf [64]byte
	n := 0
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '.' {
			if punct && n > 0 {
				buf[n] = '_'
				n++
			}
			buf[n] = c
			n++
			punct = false
		} else {
			punct = true
		}
	}
	switch string(buf[:n]) {
	case "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001":
		return csUTF8
	case "ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986",
		"cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991",
		"iso_ir_6", "us", "us_ascii":
		return csASCII
	case "latin_1", "latin1", "latin", "l1", "8859", "cp819", "csisolatin1",
		"ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987",
		"iso_ir_100":
		return csLatin1
	case "iso8859_15", "iso_8859_15", "l9", "latin9":
		return csLatin9
	case "cp1252", "windows_1252", "1252":
		return csCP1252
	}
	return csUnknown
}

// csCodecOr returns the codec of name, or UTF-8 when name is empty or
// unknown.
func csCodecOr(name string) csCodec {
	if c := csLookup(name); c != csUnknown {
		return c
	}
	return csUTF8
}

// csCP1252High maps windows-1252 bytes 0x80–0x9F to runes; 0 marks the
// five undefined bytes.
var csCP1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// csLatin9Rune maps an ISO-8859-15 byte to its rune (the eight places where
// it differs from ISO-8859-1).
func csLatin9Rune(b byte) rune {
	switch b {
	case 0xA4:
		return 0x20AC
	case 0xA6:
		return 0x0160
	case 0xA8:
		return 0x0161
	case 0xB4:
		return 0x017D
	case 0xB8:
		return 0x017E
	case 0xBC:
		return 0x0152
	case 0xBD:
		return 0x0153
	case 0xBE:
		return 0x0178
	}
	return rune(b)
}

// csByteRune decodes one byte of a single-byte codec; ok is false for a
// byte the codec does not define.
func csByteRune(c csCodec, b byte) (r rune, ok bool) {
	switch c {
	case csASCII:
		return rune(b), b < utf8.RuneSelf
	case csLatin9:
		return csLatin9Rune(b), true
	case csCP1252:
		if b >= 0x80 && b < 0xA0 {
			r := csCP1252High[b-0x80]
			return r, r != 0
		}
	}
	return rune(b), true
}

// csDecode decodes the bytes in s with codec c into UTF-8. With strict, it
// reports ok=false at the first invalid byte (Python's errors="strict");
// otherwise invalid bytes become U+FFFD (errors="replace"; for UTF-8 one
// U+FFFD per maximal invalid subpart, as Python does). ASCII-only input and
// valid UTF-8 are returned without copying.
func csDecode(c csCodec, s string, strict bool) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s, true
	}
	if c == csUTF8 || c == csUnknown {
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
		r, ok := csByteRune(c, s[i])
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
func csAppendDecoded(dst []byte, c csCodec, s string) []byte {
	if c == csUTF8 || c == csUnknown {
		return csAppendUTF8(dst, s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			dst = append(dst, s[i])
			continue
		}
		r, ok := csByteRune(c, s[i])
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
func csAppendEncoded(dst []byte, c csCodec, s string) []byte {
	if c == csUTF8 || c == csUnknown {
		return append(dst, s...)
	}
	for _, r := range s {
		dst = append(dst, csEncodeRune(c, r))
	}
	return dst
}

// csEncodeRune encodes r in the single-byte codec c, or returns '?'.
func csEncodeRune(c csCodec, r rune) byte {
	if r < utf8.RuneSelf {
		return byte(r)
	}
	switch c {
	case csLatin1:
		if r <= 0xFF {
			return byte(r)
		}
	case csLatin9:
		if r <= 0xFF && csLatin9Rune(byte(r)) == r {
			return byte(r)
		}
		for b := 0xA4; b <= 0xBE; b++ {
			if csLatin9Rune(byte(b)) == r {
				return byte(b)
			}
		}
	case csCP1252:
		if r >= 0xA0 && r <= 0xFF {
			return byte(r)
		}
		for i, x := range csCP1252High {
			if x == r && x != 0 {
				return byte(0x80 + i)
			}
		}
	}
	return '?'
}

// csIsUTF8Name reports whether enc names UTF-8 the way Django's check on
// urlencoded bodies does: `encoding.lower() == "utf-8"`.
func csIsUTF8Name(enc string) bool { return strings.EqualFold(enc, "utf-8") }
