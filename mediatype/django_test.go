package mediatype_test

import (
	"strings"
	"testing"

	"github.com/restframe/restframe/mediatype"
)

// Django's requests_tests/test_accept_header.py and spec §13.

var acceptedTypesTests = []struct {
	accept string
	want   []string // Range.String of each accepted type, in order
}{
	{"", nil},
	{"*/*", []string{"*/*"}},
	{"text/*,text/html, application/xhtml+xml,application/xml ;q=0.9,*/*;q=0.8,",
		[]string{"text/html", "application/xhtml+xml", "text/*", "application/xml; q=0.9", "*/*; q=0.8"}},
	{"text/*, text/plain, text/plain;format=flowed, */*",
		[]string{"text/plain; format=flowed", "text/plain", "text/*", "*/*"}},
	{"text/html;q=0, application/json;q=0.0001, a/b;q=0.0005, c/d;q=2, e/f;q=abc, g/h;q=-1, i/j;q=1_0",
		[]string{"c/d", "e/f", "g/h", "i/j", "a/b; q=0.001"}},
	{"a/b;q=0.0625, c/d;q=0.0615, e/f; q=\" 0.5 \", g/h;q=5e-1, i/j;q=0.0_5", []string{"e/f; q=0.5", "g/h; q=0.5", "a/b; q=0.062", "c/d; q=0.061", "i/j; q=0.05"}},
	{"a/b;q=0.0015, c/d;q=0.0005", []string{"a/b; q=0.002", "c/d; q=0.001"}},
	{"a/b;q=inf, c/d;q=nan, e/f;q=-inf, g/h;q=1e999", []string{"a/b", "c/d", "e/f", "g/h"}},
	{"TEXT/Plain ; Q=0.5", []string{"text/plain; q=0.5"}},
}

func TestParseAcceptedTypes(t *testing.T) {
	for _, tt := range acceptedTypesTests {
		t.Run(tt.accept, func(t *testing.T) {
			got := mediatype.ParseAcceptedTypes(tt.accept)
			var strs []string
			for _, r := range got {
				strs = append(strs, r.String())
			}
			if strings.Join(strs, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("ParseAcceptedTypes(%q) = %q; want %q", tt.accept, strs, tt.want)
			}
		})
	}
}

// The RFC 7231 example of spec §13.5: the quality of the accepted type of
// each offer.
func TestAcceptedTypeQuality(t *testing.T) {
	a := mediatype.ParseAcceptedTypes(acceptRFC)
	for _, tt := range []struct {
		offer string
		q     int
	}{
		{"text/html;level=1", 1000},
		{"text/html", 700},
		{"text/plain", 300},
		{"image/jpeg", 500},
		{"text/html;level=2", 400},
		{"text/html;level=3", 700},
	} {
		r, ok := a.AcceptedType(tt.offer)
		if !ok || r.Q != tt.q {
			t.Errorf("AcceptedType(%q) = %v, %v; want quality %d", tt.offer, r, ok, tt.q)
		}
	}
}

var acceptsTests = []struct {
	accept, offer string
	want          bool
}{
	{"*/*", "application/json", true},
	{"text/html", "text/html", true},
	{"text/*", "text/html", true},
	{"text/html", "text/*", true},
	{"text/html", "application/json", false},
	{"text/html;q=0", "text/html", false},
	{"", "text/html", false},
	{"text/html;level=1", "text/html", false},
	{"text/html", "text/html;level=1", true},
	{"text/html;level=1", "text/html;level=2", false},
	{"text/html;level=1;q=0.5", "text/html;level=1", true},
	{"text/html", "text", false},
	{"text", "text", false},
	{"application/json, text/plain", "text/plain", true},
}

func TestAccepts(t *testing.T) {
	for _, tt := range acceptsTests {
		if got := mediatype.ParseAcceptedTypes(tt.accept).Accepts(tt.offer); got != tt.want {
			t.Errorf("ParseAcceptedTypes(%q).Accepts(%q) = %v; want %v", tt.accept, tt.offer, got, tt.want)
		}
	}
}

var preferredTypeTests = []struct {
	accept string
	offers []string
	want   string // "" for none
}{
	{"text/html;q=0.5, application/json", []string{"text/html", "application/json"}, "application/json"},
	{"text/*, text/html;q=0.5", []string{"text/html", "text/plain"}, "text/plain"},
	{"*/*", []string{"application/json", "text/html"}, "application/json"},
	{"text/html, application/json", []string{"application/json", "text/html"}, "text/html"},
	{"text/html;level=1;q=0.2, text/*;q=0.9", []string{"text/html", "text/html; level=1"}, "text/html"},
	{"*/*", []string{"a/b"}, "a/b"}, // the absent header
	{"text/html;q=0", []string{"text/html"}, ""},
	{"", []string{"text/html"}, ""},
	{"text/html", nil, ""},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"text/html", "application/xml"}, "text/html"},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"application/xml", "application/json"}, "application/xml"},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"application/json"}, "application/json"},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"application/json", "text/plain"}, "text/plain"},
	{"text/vcard; version=3.0", []string{"text/vcard; version=4.0", "text/vcard; version=3.0", "text/vcard", "text/directory"}, "text/vcard; version=3.0"},
	{"text/vcard; version=3.0", []string{"text/vcard", "text/directory"}, ""},
	{"text/vcard", []string{"text/vcard; version=4.0", "text/vcard"}, "text/vcard; version=4.0"},
}

func TestPreferredType(t *testing.T) {
	for _, tt := range preferredTypeTests {
		got, ok := mediatype.ParseAcceptedTypes(tt.accept).PreferredType(tt.offers)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("PreferredType(%q, %q) = %q, %v; want %q", tt.accept, tt.offers, got, ok, tt.want)
		}
	}
}

var acceptsLegacyTests = []struct {
	accept, offer string
	want          bool
}{
	{"*/*", "application/json", true},
	{"application/json;q=0", "application/json", true},
	{"text/html; level=1", "text/html", true},
	{"text/*", "text/html", true},
	{"text/html", "text/*", false},
	{"*/html", "text/html", false},
	{"", "text/html", false},
	{"application/jsön, text/html", "text/html", true},
	{"application/jsön", "application/jsön", false},
	{"TEXT/HTML", "text/html", true},
}

func TestAcceptsLegacy(t *testing.T) {
	for _, tt := range acceptsLegacyTests {
		if got := mediatype.AcceptsLegacy(tt.accept, tt.offer); got != tt.want {
			t.Errorf("AcceptsLegacy(%q, %q) = %v; want %v", tt.accept, tt.offer, got, tt.want)
		}
	}
}
