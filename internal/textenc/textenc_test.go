package textenc

import "testing"

var lookupOrUTF8Tests = []struct {
	name string
	want Codec
}{
	{"", UTF8},
	{"utf-8", UTF8},
	{"UTF8", UTF8},
	{"unknown", UTF8},
	{"utf-16", UTF8}, // not known: Django would keep DEFAULT_CHARSET
	{"ASCII", ASCII},
	{"us-ascii", ASCII},
	{"ANSI_X3.4-1968", ASCII},
	{"latin-1", Latin1},
	{"ISO-8859-1", Latin1},
	{"iso_8859_1", Latin1},
	{"  Latin--1 ", Latin1},
	{"ISO-8859-15", Latin9},
	{"latin9", Latin9},
	{"windows-1252", CP1252},
	{"CP1252", CP1252},
	{"x" + string(make([]byte, 80)), UTF8},
}

func TestLookupOrUTF8(t *testing.T) {
	for _, tt := range lookupOrUTF8Tests {
		if got := LookupOrUTF8(tt.name); got != tt.want {
			t.Errorf("LookupOrUTF8(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}
