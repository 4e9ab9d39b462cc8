package render

import (
	"encoding/json"
	"fmt"
	"math"
	"time"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// safeSet marks the ASCII bytes written unescaped in a JSON string: every
// printable character but `"` and `\` (DEL is handled apart: Python's
// ensure_ascii escapes it).
var safeSet = func() (s [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		s[c] = c != '"' && c != '\\' && c != 0x7f
	}
	return s
}()

// appendString appends src as a JSON string with Python's json escapes
// (py_encode_basestring; with ascii, py_encode_basestring_ascii) and DRF's
// U+2028/U+2029 escapes. Invalid UTF-8 is written as \ufffd, as
// encoding/json does.
func appendString[S []byte | string](dst []byte, src S, ascii bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(src); {
		// Eight plain bytes at a time: most strings need no escape.
		if i+8 <= len(src) {
			if plainWord(load64(src[i : i+8])) {
				i += 8
				continue
			}
		} else if len(src) >= 8 && plainWord(load64(src[len(src)-8:])) {
			// The last word, overlapping bytes already seen, is plain.
			i = len(src)
			continue
		}
		if b := src[i]; b < utf8.RuneSelf {
			if safeSet[b] || b == 0x7f && !ascii {
				i++
				continue
			}
			dst = append(dst, src[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		// A short conversion stays on the stack (encoding/json's trick).
		n := min(len(src)-i, utf8.UTFMax)
		c, size := utf8.DecodeRuneInString(string(src[i : i+n]))
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, src[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if ascii || c == '\u2028' || c == '\u2029' {
			dst = append(dst, src[start:i]...)
			dst = appendRuneEscape(dst, c)
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, src[start:]...)
	return append(dst, '"')
}

// load64 returns the first eight bytes of b, little-endian.
func load64[S []byte | string](b S) uint64 {
	_ = b[7] // one bounds check
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Byte-wise constants of plainWord.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// plainWord reports whether the eight bytes of x are all printable ASCII
// other than `"`, `\` and DEL, which appendString copies unchanged. It may
// report false for such bytes (a borrow or carry crossing bytes), never
// true for others: appendString then looks at them one by one.
func plainWord(x uint64) bool {
	control := (x - ones*0x20) & ^x // a byte below 0x20
	q := x ^ (ones * '"')
	quote := (q - ones) & ^q
	bs := x ^ (ones * '\\')
	backslash := (bs - ones) & ^bs
	high := (x + ones) | x // a byte of 0x7f or more
	return (control|quote|backslash|high)&highs == 0
}

// appendRuneEscape appends r as \uXXXX, as a UTF-16 surrogate pair beyond
// the BMP (lower-case hex, as Python writes it).
func appendRuneEscape(dst []byte, r rune) []byte {
	if r > 0xFFFF {
		r -= 0x10000
		dst = appendU4(dst, 0xD800+(r>>10)&0x3FF)
		r = 0xDC00 + r&0x3FF
	}
	return appendU4(dst, r)
}

func appendU4(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
}

// appendNonFinite appends Python's non-strict spelling of NaN and the
// infinities.
func appendNonFinite(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case f > 0:
		return append(dst, "Infinity"...)
	}
	return append(dst, "-Infinity"...)
}

// appendISODateTime appends Python's datetime.isoformat() as DRF's encoder
// writes it: microseconds (truncated from nanoseconds) only when not zero,
// and, when aware, the offset with "+00:00" written as "Z". It reports false
// for a year Python's datetime cannot hold.
func appendISODateTime(dst []byte, t time.Time, aware bool) ([]byte, bool) {
	dst, ok := appendISODate(dst, t)
	if !ok {
		return dst, false
	}
	dst = append(dst, 'T')
	dst = appendISOClock(dst, t)
	if !aware {
		return dst, true
	}
	_, off := t.Zone()
	if off == 0 {
		return append(dst, 'Z'), true
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	dst = append(dst, sign)
	dst = append2(dst, off/3600)
	dst = append(dst, ':')
	dst = append2(dst, off/60%60)
	if s := off % 60; s != 0 {
		dst = append(dst, ':')
		dst = append2(dst, s)
	}
	return dst, true
}

// appendISODate appends Python's date.isoformat(): "2024-01-02".
func appendISODate(dst []byte, t time.Time) ([]byte, bool) {
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return dst, false
	}
	dst = append2(dst, y/100)
	dst = append2(dst, y%100)
	dst = append(dst, '-')
	dst = append2(dst, int(m))
	dst = append(dst, '-')
	return append2(dst, d), true
}

// appendISOClock appends Python's naive time.isoformat(): "03:04:05", with
// ".000600" microseconds (truncated) when not zero.
func appendISOClock(dst []byte, t time.Time) []byte {
	h, mi, s := t.Clock()
	dst = append2(dst, h)
	dst = append(dst, ':')
	dst = append2(dst, mi)
	dst = append(dst, ':')
	dst = append2(dst, s)
	if us := t.Nanosecond() / 1000; us != 0 {
		dst = append(dst, '.')
		dst = append2(dst, us/10000)
		dst = append2(dst, us/100%100)
		dst = append2(dst, us%100)
	}
	return dst
}

// append2 appends n (0–99) as two digits.
func append2(dst []byte, n int) []byte {
	return append(dst, byte('0'+n/10), byte('0'+n%10))
}

// raw writes the output of a json.Marshaler: validated, then laid out with
// the renderer's settings (member order and number spelling kept, escapes
// in strings kept as written, other characters escaped as appendString
// would). Output that is already compact, ASCII and the renderer's layout is
// copied as is.
func (e *encodeState) raw(b []byte, typ string) {
	if !json.Valid(b) {
		e.fail(fmt.Errorf("%w: json.Marshaler of type %s returned invalid JSON", ErrUnsupportedValue, typ))
		return
	}
	if !e.pretty && !e.spaced && rawIsPlain(b, MaxDepth-e.depth) {
		e.buf = append(e.buf, b...)
		return
	}
	e.rawValue(b, 0)
}

// rawIsPlain reports whether valid JSON b has no whitespace, no non-ASCII
// bytes and at most room levels of nesting, so that it can be copied as is.
func rawIsPlain(b []byte, room int) bool {
	depth, inString := 0, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c <= ' ' || c >= utf8.RuneSelf {
			return false
		}
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			if depth++; depth > room {
				return false
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// rawValue re-lays the valid JSON value starting at or after b[i] and
// returns the index after it.
func (e *encodeState) rawValue(b []byte, i int) int {
	i = skipSpace(b, i)
	switch c := b[i]; c {
	case '{', '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		if !e.open(c) {
			return len(b)
		}
		i = skipSpace(b, i+1)
		n := 0
		for b[i] != end {
			e.item(n)
			n++
			if c == '{' {
				i = e.rawString(b, i)
				i = skipSpace(b, i) // at ':'
				e.colon()
				i++
			}
			i = e.rawValue(b, i)
			if e.err != nil {
				return len(b)
			}
			i = skipSpace(b, i)
			if b[i] == ',' {
				i = skipSpace(b, i+1)
			}
		}
		e.close(end, n)
		return i + 1
	case '"':
		return e.rawString(b, i)
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != ']' && b[j] != '}' && b[j] != ' ' &&
		b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	e.buf = append(e.buf, b[i:j]...)
	return j
}

// rawString copies the valid JSON string starting at b[i] and returns the
// index after it. Escape sequences are kept; unescaped characters are
// escaped as appendString would escape them.
func (e *encodeState) rawString(b []byte, i int) int {
	e.buf = append(e.buf, '"')
	i++
	start := i
	for {
		c := b[i]
		switch {
		case c == '"':
			e.buf = append(e.buf, b[start:i]...)
			e.buf = append(e.buf, '"')
			return i + 1
		case c == '\\':
			if b[i+1] == 'u' {
				i += 6
			} else {
				i += 2
			}
		case c < utf8.RuneSelf:
			if c == 0x7f && e.ascii {
				e.buf = append(e.buf, b[start:i]...)
				e.buf = appendU4(e.buf, 0x7f)
				start = i + 1
			}
			i++
		default:
			n := min(len(b)-i, utf8.UTFMax)
			r, size := utf8.DecodeRuneInString(string(b[i : i+n]))
			switch {
			case r == utf8.RuneError && size == 1:
				e.buf = append(e.buf, b[start:i]...)
				e.buf = append(e.buf, `\ufffd`...)
				start = i + 1
			case e.ascii || r == '\u2028' || r == '\u2029':
				e.buf = append(e.buf, b[start:i]...)
				e.buf = appendRuneEscape(e.buf, r)
				start = i + size
			}
			i += size
		}
	}
}
