// Package textenc holds the character encodings restframe decodes and
// encodes (Django's request.encoding, a part's charset): their names as
// Python's codecs.lookup reads them and their single-byte tables.
package textenc

import "unicode/utf8"

// Codec is one of the character encodings restframe decodes; Unknown is
// a name Python would not find among them.
type Codec uint8

const (
	Unknown Codec = iota
	UTF8
	ASCII
	Latin1
	Latin9 // ISO-8859-15
	CP1252
)

// Lookup is Python's codecs.lookup for the codecs restframe knows: the
// name is normalised as Python's encodings.normalize_encoding does (lower
// case, every run of characters other than letters, digits and "." becomes
// one "_") and looked up among Python's aliases.
func Lookup(name string) Codec {
	if name == "" {
		return Unknown
	}
	// Fast path for the spellings seen on the wire.
	switch name {
	case "utf-8", "UTF-8", "utf8", "UTF8":
		return UTF8
	case "iso-8859-1", "ISO-8859-1", "latin-1", "latin1":
		return Latin1
	}
	if len(name) > 64 {
		return Unknown
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
		return UTF8
	case "ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986",
		"cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991",
		"iso_ir_6", "us", "us_ascii":
		return ASCII
	case "latin_1", "latin1", "latin", "l1", "8859", "cp819", "csisolatin1",
		"ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987",
		"iso_ir_100":
		return Latin1
	case "iso8859_15", "iso_8859_15", "l9", "latin9":
		return Latin9
	case "cp1252", "windows_1252", "1252":
		return CP1252
	}
	return Unknown
}

// LookupOrUTF8 returns the codec of name, or UTF-8 when name is empty or
// unknown.
func LookupOrUTF8(name string) Codec {
	if c := Lookup(name); c != Unknown {
		return c
	}
	return UTF8
}

// cp1252High maps windows-1252 bytes 0x80–0x9F to runes; 0 marks the
// five undefined bytes.
var cp1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// latin9Rune maps an ISO-8859-15 byte to its rune (the eight places where
// it differs from ISO-8859-1).
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

// ByteRune decodes one byte of a single-byte codec; ok is false for a
// byte the codec does not define.
func ByteRune(c Codec, b byte) (r rune, ok bool) {
	switch c {
	case ASCII:
		return rune(b), b < utf8.RuneSelf
	case Latin9:
		return latin9Rune(b), true
	case CP1252:
		if b >= 0x80 && b < 0xA0 {
			r := cp1252High[b-0x80]
			return r, r != 0
		}
	}
	return rune(b), true
}

// EncodeRune encodes r in the single-byte codec c, or returns '?'.
func EncodeRune(c Codec, r rune) byte {
	if r < utf8.RuneSelf {
		return byte(r)
	}
	switch c {
	case Latin1:
		if r <= 0xFF {
			return byte(r)
		}
	case Latin9:
		if r <= 0xFF && latin9Rune(byte(r)) == r {
			return byte(r)
		}
		for b := 0xA4; b <= 0xBE; b++ {
			if latin9Rune(byte(b)) == r {
				return byte(b)
			}
		}
	case CP1252:
		if r >= 0xA0 && r <= 0xFF {
			return byte(r)
		}
		for i, x := range cp1252High {
			if x == r && x != 0 {
				return byte(0x80 + i)
			}
		}
	}
	return '?'
}
