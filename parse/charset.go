package parse

import (
	"strconv"
	"unicode/utf8"
)

// textCodec is one of the character encodings the JSON parser decodes:
// those the web layer knows (web.ErrUnknownEncoding lists them).
type textCodec uint8

const (
	codecUTF8 textCodec = iota
	codecASCII
	codecLatin1
	codecLatin9 // ISO-8859-15
	codecCP1252
)

// lookupCodec is Python's codecs.lookup for the codecs restframe knows: the
// name is normalised as Python's encodings.normalize_encoding does (lower
// case, each run of characters other than letters, digits and "." becomes
// one "_") and looked up among Python's aliases. An empty or unknown name
// is UTF-8, which is what Django does with a charset Python lacks (it
// keeps DEFAULT_CHARSET).
func lookupCodec(name string) textCodec {
	switch name {
	case "", "utf-8", "UTF-8", "utf8", "UTF8":
		return codecUTF8
	}
	if len(name) > 64 {
		return codecUTF8
	}
	var buf [64]byte
	n := 0
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' {
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
	case "ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986",
		"cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991",
		"iso_ir_6", "us", "us_ascii":
		return codecASCII
	case "latin_1", "latin1", "latin", "l1", "8859", "cp819", "csisolatin1",
		"ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987",
		"iso_ir_100":
		return codecLatin1
	case "iso8859_15", "iso_8859_15", "l9", "latin9":
		return codecLatin9
	case "cp1252", "windows_1252", "1252":
		return codecCP1252
	}
	return codecUTF8
}

// cp1252High maps windows-1252 bytes 0x80–0x9F to runes; 0 marks the five
// bytes Python's cp1252 codec leaves undefined.
var cp1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// latin9Rune maps an ISO-8859-15 byte to its rune.
func latin9Rune(b byte) rune {
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

// decodeText decodes b with codec c into a UTF-8 string, strictly, as
// Python's bytes.decode(encoding) does. On failure it returns Python's
// UnicodeDecodeError message, e.g. "'utf-8' codec can't decode byte 0xff
// in position 0: invalid start byte". Unlike DRF's stream reader, an
// incomplete UTF-8 sequence at the very end is an error ("unexpected end
// of data"), not silently dropped.
func decodeText(b []byte, c textCodec) (string, string) {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return string(b), ""
	}
	switch c {
	case codecUTF8:
		if utf8.Valid(b[i:]) {
			return string(b), ""
		}
		return "", utf8Error(b)
	case codecASCII:
		return "", decodeError("ascii", b, i, i+1, "ordinal not in range(128)")
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	out = append(out, b[:i]...)
	for ; i < len(b); i++ {
		x := b[i]
		r := rune(x)
		switch {
		case x < utf8.RuneSelf:
			out = append(out, x)
			continue
		case c == codecLatin9:
			r = latin9Rune(x)
		case c == codecCP1252 && x < 0xA0:
			if r = cp1252High[x-0x80]; r == 0 {
				return "", decodeError("charmap", b, i, i+1, "character maps to <undefined>")
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out), ""
}

// utf8Error is Python's UnicodeDecodeError message for the first invalid
// UTF-8 sequence of b: its maximal invalid subpart (Unicode §3.9) and why.
func utf8Error(b []byte) string {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		if r, size := utf8.DecodeRune(b[i:]); r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		c := b[i]
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
			return decodeError("utf-8", b, i, i+1, "invalid start byte")
		}
		j := i + 1
		if j < len(b) && lo <= b[j] && b[j] <= hi {
			j++
			for j < i+n && j < len(b) && 0x80 <= b[j] && b[j] <= 0xBF {
				j++
			}
		}
		if j == len(b) {
			return decodeError("utf-8", b, i, j, "unexpected end of data")
		}
		return decodeError("utf-8", b, i, j, "invalid continuation byte")
	}
	return ""
}

// decodeError formats Python's UnicodeDecodeError message for the bytes
// b[start:end] of the codec named codec.
func decodeError(codec string, b []byte, start, end int, reason string) string {
	msg := "'" + codec + "' codec can't decode "
	if end-start == 1 {
		const hex = "0123456789abcdef"
		msg += "byte 0x" + string([]byte{hex[b[start]>>4], hex[b[start]&15]}) +
			" in position " + strconv.Itoa(start)
	} else {
		msg += "bytes in position " + strconv.Itoa(start) + "-" + strconv.Itoa(end-1)
	}
	return msg + ": " + reason
}
