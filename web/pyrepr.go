package web

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Python's repr() and str() of strings and floats, used wherever restframe
// reproduces a message or an encoding Django builds from them.

// pyRepr returns Python's repr() of a str, for Django's messages and reprs
// (Request.String, QueryDict.String, str() of bytes in URLEncode): single
// quotes unless the text has a single quote and no double quote; backslash, the quote, \t, \n and \r escaped; other control
// and non-printable characters as \xNN, \uNNNN or \UNNNNNNNN. Bytes that are
// not UTF-8 are shown as \xNN.
func pyRepr(s string) string {
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

// appendPyFloat appends a finite float as Python's repr writes it: the
// shortest digits that round-trip (for bits 32, of the float32), in fixed
// notation with at least one fractional digit when the decimal exponent is
// in [-4, 16), else in exponent notation with a sign and at least two
// exponent digits ("1e+16", "1.5e-07").
func appendPyFloat(dst []byte, f float64, bits int) []byte {
	var scratch [32]byte
	e := strconv.AppendFloat(scratch[:0], f, 'e', -1, bits)
	neg := e[0] == '-'
	if neg {
		e = e[1:]
		dst = append(dst, '-')
	}
	mant, expPart, _ := bytes.Cut(e, []byte{'e'})
	exp, _ := strconv.Atoi(string(expPart))
	digits := make([]byte, 0, len(mant))
	for _, c := range mant {
		if c != '.' {
			digits = append(digits, c)
		}
	}
	if exp < -4 || exp >= 16 {
		dst = append(dst, digits[0])
		if len(digits) > 1 {
			dst = append(dst, '.')
			dst = append(dst, digits[1:]...)
		}
		dst = append(dst, 'e')
		if exp < 0 {
			dst = append(dst, '-')
			exp = -exp
		} else {
			dst = append(dst, '+')
		}
		if exp < 10 {
			dst = append(dst, '0')
		}
		return strconv.AppendInt(dst, int64(exp), 10)
	}
	point := exp + 1 // digits before the decimal point
	switch {
	case point <= 0:
		dst = append(dst, '0', '.')
		for i := 0; i < -point; i++ {
			dst = append(dst, '0')
		}
		dst = append(dst, digits...)
	case point >= len(digits):
		dst = append(dst, digits...)
		for i := len(digits); i < point; i++ {
			dst = append(dst, '0')
		}
		dst = append(dst, '.', '0')
	default:
		dst = append(dst, digits[:point]...)
		dst = append(dst, '.')
		dst = append(dst, digits[point:]...)
	}
	return dst
}

// pyFloatStr returns Python's str() of a float: its repr, with "nan",
// "inf" and "-inf" for the special values.
func pyFloatStr(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return string(appendPyFloat(nil, f, bits))
}
