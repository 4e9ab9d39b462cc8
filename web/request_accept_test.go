package web

import (
	"strings"
	"testing"
)

// newAcceptRequest builds a request with the given Accept header; "<none>"
// means no header at all.
func newAcceptRequest(accept string) *Request {
	req := newInfoRequest("GET", "/", "example.com")
	if accept != "<none>" {
		req.Header["Accept"] = []string{accept}
	}
	return NewRequest(req, nil)
}

// preferredTypeTests are spec §13.5's oracle examples and Django's tests.
var preferredTypeTests = []struct {
	accept string
	offers []string
	want   string // "" for None
}{
	{"text/html;q=0.5, application/json", []string{"text/html", "application/json"}, "application/json"},
	{"text/*, text/html;q=0.5", []string{"text/html", "text/plain"}, "text/plain"},
	{"*/*", []string{"application/json", "text/html"}, "application/json"},
	{"text/html, application/json", []string{"application/json", "text/html"}, "text/html"},
	{"text/html;level=1;q=0.2, text/*;q=0.9", []string{"text/html", "text/html; level=1"}, "text/html"},
	{"<none>", []string{"a/b"}, "a/b"},
	{"text/html;q=0", []string{"text/html"}, ""},
	{"", []string{"text/html"}, ""},
	{"text/html", nil, ""},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"text/html", "application/xml"}, "text/html"},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"application/xml", "application/json"}, "application/xml"},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"application/json"}, "application/json"},
	{"text/html,application/xml;q=0.9,*/*;q=0.1,text/*;q=0.5", []string{"application/json", "text/plain"}, "text/plain"},
	{"text/vcard; version=3.0", []string{"text/vcard; version=4.0", "text/vcard; version=3.0", "text/vcard", "text/directory"}, "text/vcard; version=3.0"},
	{"text/vcard; version=3.0", []string{"text/vcard", "text/directory"}, ""},
	{"text/vcard;version=3.0,text/html;q=0.5", []string{"text/vcard; version=4.0", "text/vcard; version=3.0", "text/vcard", "text/directory"}, "text/vcard; version=3.0"},
	{"text/html", []string{"application/xml", "text/plain"}, ""},
	{"text/html", []string{"not a type", "TEXT/HTML"}, "TEXT/HTML"},
}

func TestRequestPreferredType(t *testing.T) {
	for _, tt := range preferredTypeTests {
		t.Run(tt.accept+"|"+strings.Join(tt.offers, "|"), func(t *testing.T) {
			got, ok := newAcceptRequest(tt.accept).PreferredType(tt.offers...)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("PreferredType(%q) with Accept %q = %q, %v; want %q", tt.offers, tt.accept, got, ok, tt.want)
			}
		})
	}
}

var acceptsTests = []struct {
	accept, offered string
	want            bool
}{
	{"<none>", "application/json", true},
	{"", "application/json", false},
	{"*/*", "text/html", true},
	{"text/*", "text/html", true},
	{"text/html", "text/*", true},
	{"text/html", "text/plain", false},
	{"text/html;level=1", "text/html", false},
	{"text/html", "text/html;level=1", true},
	{"text/html;level=1", "text/html;level=2", false},
	{"text/html;level=1", "text/html; LEVEL=1", true},
	{"text/html;level=1", "text/html;level=1;q=0.3", true},
	{"application/json;q=0", "application/json", false},
	{"application/json;q=0, */*", "application/json", true}, // Django drops q=0 entries
	{"text/html", "text", false},
	{"TEXT/Html", "text/html", true},
	{"text/html;q=0.0001", "text/html", false}, // rounds to q=0: dropped
	{"text/html;q=2", "text/html", true},       // out of range: Django reads q=1
}

func TestRequestAccepts(t *testing.T) {
	for _, tt := range acceptsTests {
		t.Run(tt.accept+"|"+tt.offered, func(t *testing.T) {
			if got := newAcceptRequest(tt.accept).Accepts(tt.offered); got != tt.want {
				t.Errorf("Accepts(%q) with Accept %q = %v; want %v", tt.offered, tt.accept, got, tt.want)
			}
		})
	}
}

var acceptedTypesTests = []struct {
	accept string
	want   []string
}{
	{"<none>", []string{"*/*"}},
	{"", nil},
	{"text/*,text/html, application/xhtml+xml,application/xml ;q=0.9,*/*;q=0.8,",
		[]string{"text/html", "application/xhtml+xml", "text/*", "application/xml; q=0.9", "*/*; q=0.8"}},
	{"text/*, text/plain, text/plain;format=flowed, */*",
		[]string{"text/plain; format=flowed", "text/plain", "text/*", "*/*"}},
	{"a/b;q=0, c/d;q=0.5", []string{"c/d; q=0.5"}},
	{"a/b;q=0.5, c/d;q=2", []string{"c/d", "a/b; q=0.5"}},
}

func TestRequestAcceptedTypes(t *testing.T) {
	for _, tt := range acceptedTypesTests {
		t.Run(tt.accept, func(t *testing.T) {
			r := newAcceptRequest(tt.accept)
			var got []string
			for _, rg := range r.AcceptedTypes() {
				got = append(got, rg.String())
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("AcceptedTypes() with Accept %q = %q; want %q", tt.accept, got, tt.want)
			}
		})
	}
}

// TestRequestAcceptedTypeRFCExample is the RFC 7231 §5.3.2 example Django
// tests: the weight of the range that each type is accepted by.
func TestRequestAcceptedTypeRFCExample(t *testing.T) {
	r := newAcceptRequest("text/*;q=0.3, text/html;q=0.7, text/html;level=1, text/html;level=2;q=0.4, */*;q=0.5")
	for _, tt := range []struct {
		offered string
		q       int
	}{
		{"text/html;level=1", 1000},
		{"text/html", 700},
		{"text/plain", 300},
		{"image/jpeg", 500},
		{"text/html;level=2", 400},
		{"text/html;level=3", 700},
	} {
		rg, ok := r.AcceptedType(tt.offered)
		if !ok || rg.Q != tt.q {
			t.Errorf("AcceptedType(%q) = %v, %v; want q=%d", tt.offered, rg, ok, tt.q)
		}
	}
}
