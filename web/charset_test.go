package web

import (
	"testing"

	"github.com/restframe/restframe/internal/pyrepr"
)

// csLookupTests are encoding names as Python's codecs.lookup resolves them.
var csLookupTests = []struct {
	name string
	want csCodec
}{
	{"utf-8", csUTF8}, {"UTF8", csUTF8}, {"utf_8", csUTF8}, {"U8", csUTF8},
	{"latin-1", csLatin1}, {"ISO-8859-1", csLatin1}, {"iso8859-1", csLatin1}, {"L1", csLatin1},
	{"iso-8859-15", csLatin9}, {"latin9", csLatin9},
	{"windows-1252", csCP1252}, {"CP1252", csCP1252},
	{"us-ascii", csASCII}, {"ASCII", csASCII},
	{"", csUnknown}, {"klingon", csUnknown}, {"utf--8", csUTF8}, {"u.t.f-8", csUnknown},
	{"x" + string(make([]byte, 100)), csUnknown},
}

func TestCsLookup(t *testing.T) {
	for _, tt := range csLookupTests {
		if got := csLookup(tt.name); got != tt.want {
			t.Errorf("csLookup(%q) = %d; want %d", tt.name, got, tt.want)
		}
	}
}

// csDecodeTests were checked with Python's bytes.decode(codec, "replace").
var csDecodeTests = []struct {
	codec     csCodec
	in, want  string
	strictErr bool
}{
	{csUTF8, "abc", "abc", false},
	{csUTF8, "caf\xc3\xa9", "café", false},
	{csUTF8, "\xe2\x98", "\ufffd", true},
	{csUTF8, "\xe2\x98a", "\ufffda", true},
	{csUTF8, "\xed\xa0\x80", "\ufffd\ufffd\ufffd", true},
	{csUTF8, "\xf0\x9f\x98", "\ufffd", true},
	{csUTF8, "\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd", true},
	{csUTF8, "\xc0\xaf", "\ufffd\ufffd", true},
	{csUTF8, "\xe0\x80", "\ufffd\ufffd", true},
	{csUTF8, "\xff", "\ufffd", true},
	{csUTF8, "\xef\xbf\xbd", "\ufffd", false},
	{csLatin1, "\xe9\xff", "éÿ", false},
	{csLatin9, "\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe\xe9", "€ŠšŽžŒœŸé", false},
	{csCP1252, "\x80\x81\x9f", "€\ufffdŸ", true},
	{csASCII, "a\xe9", "a\ufffd", true},
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
	codec    csCodec
	in, want string
}{
	{csLatin1, "é☃", "\xe9?"},
	{csLatin9, "€¤é", "\xa4?\xe9"},
	{csCP1252, "€é☃", "\x80\xe9?"},
	{csASCII, "aé", "a?"},
	{csUTF8, "é", "\xc3\xa9"},
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
