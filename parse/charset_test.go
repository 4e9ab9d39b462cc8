package parse

import (
	"testing"

	"github.com/restframe/restframe/internal/textenc"
)

// decodeTextTests: the messages are Python 3.11's bytes.decode(codec).
var decodeTextTests = []struct {
	in    string
	codec textenc.Codec
	want  string
	err   string
}{
	{"abc", textenc.UTF8, "abc", ""},
	{"é★", textenc.UTF8, "é★", ""},
	{"\xff", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
	{"ab\xc3", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data"},
	{"\xe2\x98", textenc.UTF8, "", "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"},
	{"\xe2\x98x", textenc.UTF8, "", "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"},
	{"\xe0\x80\x80", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte"},
	{"\xe0", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xe0 in position 0: unexpected end of data"},
	{"\xed\xbf\xbf", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
	{"\xf0\x9f\x98\x85\xf0\x8f", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xf0 in position 4: invalid continuation byte"},
	{"\xf5", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xf5 in position 0: invalid start byte"},
	{"\xc1\xbf", textenc.UTF8, "", "'utf-8' codec can't decode byte 0xc1 in position 0: invalid start byte"},
	{"a\x80", textenc.ASCII, "", "'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range(128)"},
	{"\xe9\xa4\x80", textenc.Latin1, "é¤\u0080", ""},
	{"\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe\xe9", textenc.Latin9, "€ŠšŽžŒœŸé", ""},
	{"\x80\x9f\xa0\xff", textenc.CP1252, "€Ÿ\u00a0ÿ", ""},
	{"ok\x8d", textenc.CP1252, "", "'charmap' codec can't decode byte 0x8d in position 2: character maps to <undefined>"},
}

func TestDecodeText(t *testing.T) {
	for _, tt := range decodeTextTests {
		got, err := decodeText([]byte(tt.in), tt.codec)
		if got != tt.want || err != tt.err {
			t.Errorf("decodeText(%q, %v) = %q, %q; want %q, %q", tt.in, tt.codec, got, err, tt.want, tt.err)
		}
	}
}
