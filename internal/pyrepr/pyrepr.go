// Package pyrepr writes Python's repr() and str() of strings and floats,
// wherever restframe reproduces a message or an encoding that Django or DRF
// builds from them (web's reprs and JSON, render's JSON floats, rest's error
// details).
package pyrepr

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Str returns Python's repr() of a str: single quotes unless the text has a
// single quote and no double quote; backslash, the quote, \t, \n and \r
// escaped; other control and non-printable characters as \xNN, \uNNNN or
// \UNNNNNNNN. Bytes that are not UTF-8 are shown as \xNN.
func Str(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	const hexdig = "0123456789abcdef"
	b := make([]byte, 0, len(s)+2)
	b = append(b, quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\\' || c == quote:
				b = append(b, '\\', c)
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'x', hexdig[c>>4], hexdig[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		ru, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case ru == utf8.RuneError && size == 1:
			b = append(b, '\\', 'x', hexdig[c>>4], hexdig[c&15])
		case unicode.IsPrint(ru):
			b = append(b, s[i:i+size]...)
		case ru < 0x100:
			b = append(b, '\\', 'x', hexdig[ru>>4], hexdig[ru&15])
		case ru < 0x10000:
			b = append(b, '\\', 'u')
			for sh := 12; sh >= 0; sh -= 4 {
				b = append(b, hexdig[(ru>>sh)&15])
			}
		default:
			b = append(b, '\\', 'U')
			for sh := 28; sh >= 0; sh -= 4 {
				b = append(b, hexdig[(ru>>sh)&15])
			}
		}
		i += size
	}
	return string(append(b, quote))
}

// AppendFloat appends a finite float as Python's repr writes it: the
// shortest digits that round-trip (of a float32 when bits is 32), in fixed
// notation with at least one fractional digit ("3.0", "0.0001") when
// 1e-4 <= |f| < 1e16 or f is zero, else in exponent notation with a sign
// and at least two exponent digits ("1e+16", "1e-05", "1.5e+300") — which
// is exactly what strconv's 'e' format with precision -1 writes.
func AppendFloat(dst []byte, f float64, bits int) []byte {
	if a := math.Abs(f); a == 0 || a >= 1e-4 && a < 1e16 {
		n := len(dst)
		dst = strconv.AppendFloat(dst, f, 'f', -1, bits)
		if bytes.IndexByte(dst[n:], '.') < 0 {
			dst = append(dst, '.', '0')
		}
		return dst
	}
	return strconv.AppendFloat(dst, f, 'e', -1, bits)
}

// FloatStr returns Python's str() of a float: its repr, with "nan",
// "inf" and "-inf" for the special values.
func FloatStr(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return string(AppendFloat(nil, f, bits))
}
