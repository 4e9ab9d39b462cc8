package web

import (
	"testing"

	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/internal/textenc"
)

// csLookupTests are encoding names as Python's codecs.lookup resolves them.
var csLookupTests = []struct {
	name string
	want textenc.Codec
}{
	{"utf-8", textenc.UTF8}, {"UTF8", textenc.UTF8}, {"utf_8", textenc.UTF8}, {"U8", textenc.UTF8},
	{"latin-1", textenc.Latin1}, {"ISO-8859-1", textenc.Latin1}, {"iso8859-1", textenc.Latin1}, {"L1", textenc.Latin1},
	{"iso-8859-15", textenc.Latin9}, {"latin9", textenc.Latin9},
	{"windows-1252", textenc.CP1252}, {"CP1252", textenc.CP1252},
	{"us-ascii", textenc.ASCII}, {"ASCII", textenc.ASCII},
	{"", textenc.Unknown}, {"klingon", textenc.Unknown}, {"utf--8", textenc.UTF8}, {"u.t.f-8", textenc.Unknown},
	{"x" + string(make([]byte, 100)), textenc.Unknown},
}

func TestCsLookup(t *testing.T) {
	for _, tt := range csLookupTests {
		if got := textenc.Lookup(tt.name); got != tt.want {
			t.Errorf("textenc.Lookup(%q) = %d; want %d", tt.name, got, tt.want)
		}
	}
}

// csDecodeTests were checked with Python's bytes.decode(codec, "replace").
var csDecodeTests = []struct {
	codec     textenc.Codec
	in, want  string
	strictErr bool
}{
	{textenc.UTF8, "abc", "abc", false},
	{textenc.UTF8, "caf\xc3\xa9", "café", false},
	{textenc.UTF8, "\xe2\x98", "\ufffd", true},
	{textenc.UTF8, "\xe2\x98a", "\ufffda", true},
	{textenc.UTF8, "\xed\xa0\x80", "\ufffd\ufffd\ufffd", true},
	{textenc.UTF8, "\xf0\x9f\x98", "\ufffd", true},
	{textenc.UTF8, "\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd", true},
	{textenc.UTF8, "\xc0\xaf", "\ufffd\ufffd", true},
	{textenc.UTF8, "\xe0\x80", "\ufffd\ufffd", true},
	{textenc.UTF8, "\xff", "\ufffd", true},
	{textenc.UTF8, "\xef\xbf\xbd", "\ufffd", false},
	{textenc.Latin1, "\xe9\xff", "éÿ", false},
	{textenc.Latin9, "\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe\xe9", "€ŠšŽžŒœŸé", false},
	{textenc.CP1252, "\x80\x81\x9f", "€\ufffdŸ", true},
	{textenc.ASCII, "a\xe9", "a\ufffd", true},
}

func TestCsDecode(t *testing.T) {
	for _, tt := range csDecodeTests {
		if got, _ := csDecode(tt.codec, tt.in, false); got != tt.want {
			t.Errorf("csDecode(%d, %q) = %q; want %q", tt.codec, tt.in, got, tt.want)
		}
		if got := string(csAppendDecoded(nil, tt.codec, tt.in)); got != tt.want {
			t.Errorf("csAppendDecoded(%d, %q) = %q; want %q", tt.codec, tt.in, got, tt.want)
		}
		if _, ok := csDecode(tt.codec, tt.in, true); ok == tt.strictErr {
			t.Errorf("csDecode(%d, %q, strict) ok = %v; want %v", tt.codec, tt.in, ok, !tt.strictErr)
		}
	}
}

// csEncodeTests: characters a codec lacks become "?".
var csEncodeTests = []struct {
	codec    textenc.Codec
	in, want string
}{
	{textenc.Latin1, "é☃", "\xe9?"},
	{textenc.Latin9, "€¤é", "\xa4?\xe9"},
	{textenc.CP1252, "€é☃", "\x80\xe9?"},
	{textenc.ASCII, "aé", "a?"},
	{textenc.UTF8, "é", "\xc3\xa9"},
}

func TestCsAppendEncoded(t *testing.T) {
	for _, tt := range csEncodeTests {
		if got := string(csAppendEncoded(nil, tt.codec, tt.in)); got != tt.want {
			t.Errorf("csAppendEncoded(%d, %q) = %q; want %q", tt.codec, tt.in, got, tt.want)
		}
	}
}

func TestPyRepr(t *testing.T) {
	for in, want := range map[string]string{
		"a":                           "'a'",
		"it's":                        `"it's"`,
		`'"`:                          `'\'"'`,
		"a\\b\t\n\r\x00\x7f":          `'a\\b\t\n\r\x00\x7f'`,
		"é\u00a0\u2028\U000e0001\xff": `'é\xa0\u2028\U000e0001\xff'`,
	} {
		if got := pyrepr.Str(in); got != want {
			t.Errorf("pyrepr.Str(%q) = %s; want %s", in, got, want)
		}
	}
	if got := uePyRepr([]byte("x")); got != "b'x'" {
		t.Errorf("uePyRepr([]byte) = %s", got)
	}
}
