package parse

import "testing"

var lookupCodecTests = []struct {
	name string
	want textCodec
}{
	{"", codecUTF8},
	{"utf-8", codecUTF8},
	{"UTF8", codecUTF8},
	{"unknown", codecUTF8},
	{"utf-16", codecUTF8}, // not known: Django would keep DEFAULT_CHARSET
	{"ASCII", codecASCII},
	{"us-ascii", codecASCII},
	{"ANSI_X3.4-1968", codecASCII},
	{"latin-1", codecLatin1},
	{"ISO-8859-1", codecLatin1},
	{"iso_8859_1", codecLatin1},
	{"  Latin--1 ", codecLatin1},
	{"ISO-8859-15", codecLatin9},
	{"latin9", codecLatin9},
	{"windows-1252", codecCP1252},
	{"CP1252", codecCP1252},
	{"x" + string(make([]byte, 80)), codecUTF8},
}

func TestLookupCodec(t *testing.T) {
	for _, tt := range lookupCodecTests {
		if got := lookupCodec(tt.name); got != tt.want {
			t.Errorf("lookupCodec(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// decodeTextTests: the messages are Python 3.11's bytes.decode(codec).
var decodeTextTests = []struct {
	in    string
	codec textCodec
	want  string
	err   string
}{
	{"abc", codecUTF8, "abc", ""},
	{"é★", codecUTF8, "é★", ""},
	{"\xff", codecUTF8, "", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
	{"ab\xc3", codecUTF8, "", "'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data"},
	{"\xe2\x98", codecUTF8, "", "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"},
	{"\xe2\x98x", codecUTF8, "", "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"},
	{"\xe0\x80\x80", codecUTF8, "", "'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte"},
	{"\xe0", codecUTF8, "", "'utf-8' codec can't decode byte 0xe0 in position 0: unexpected end of data"},
	{"\xed\xbf\xbf", codecUTF8, "", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
	{"\xf0\x9f\x98\x85\xf0\x8f", codecUTF8, "", "'utf-8' codec can't decode byte 0xf0 in position 4: invalid continuation byte"},
	{"\xf5", codecUTF8, "", "'utf-8' codec can't decode byte 0xf5 in position 0: invalid start byte"},
	{"\xc1\xbf", codecUTF8, "", "'utf-8' codec can't decode byte 0xc1 in position 0: invalid start byte"},
	{"a\x80", codecASCII, "", "'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range(128)"},
	{"\xe9\xa4\x80", codecLatin1, "é¤\u0080", ""},
	{"\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe\xe9", codecLatin9, "€ŠšŽžŒœŸé", ""},
	{"\x80\x9f\xa0\xff", codecCP1252, "€Ÿ\u00a0ÿ", ""},
	{"ok\x8d", codecCP1252, "", "'charmap' codec can't decode byte 0x8d in position 2: character maps to <undefined>"},
}

func TestDecodeText(t *testing.T) {
	for _, tt := range decodeTextTests {
		got, err := decodeText([]byte(tt.in), tt.codec)
		if got != tt.want || err != tt.err {
			t.Errorf("decodeText(%q, %v) = %q, %q; want %q, %q", tt.in, tt.codec, got, err, tt.want, tt.err)
		}
	}
}
