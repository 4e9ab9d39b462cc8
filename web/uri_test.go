package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/vectors"
)

// Tables checked against Django 3.2 (the functions are unchanged in 5.2/6.1).

var iriToURITests = []struct{ in, want string }{
	{"/I ♥ Django/", "/I%20%E2%99%A5%20Django/"},
	{"/?q=é&r=%20#frag", "/?q=%C3%A9&r=%20#frag"},
	{"/%20already", "/%20already"},
	{"%zz%", "%zz%"},
	{"http://[::1]/~x", "http://[::1]/~x"},
	{"/a!$&'()*+,;=:@/", "/a!$&'()*+,;=:@/"},
	{"/a b\x00\x7f", "/a%20b%00%7F"},
	{"", ""},
}

var escapeURIPathTests = []struct{ in, want string }{
	{"/a b/★?q=1 2#f", "/a%20b/%E2%98%85%3Fq%3D1%202%23f"},
	{"/%20already", "/%2520already"},
	{"http://éx.com/é", "http://%C3%A9x.com/%C3%A9"},
	{"/;some/?awful/=path/foo:bar/", "/%3Bsome/%3Fawful/%3Dpath/foo:bar/"},
	{"/a/-_.!~*'()/", "/a/-_.!~*'()/"},
	{"/[x]{y}|", "/%5Bx%5D%7By%7D%7C"},
	{"", ""},
}

var uriToIRITests = []struct{ in, want string }{
	{"/%E2%98%85", "/★"},
	{"/%20%2F", "/%20%2F"},
	{"/%FF", "/%FF"},
	{"/%ff", "/%FF"},
	{"/%e2%98%85%41%7e%30%2d", "/★A~%30-"},
	{"/%E2%98%41", "/%E2%98A"},
	{"%", "%"},
	{"%4", "%4"},
	{"/%C3%A9%C3", "/é%C3"},
	{"/I%20%E2%99%A5%20Django/", "/I%20♥%20Django/"},
	{"/%ED%A0%80", "/%ED%A0%80"},
	{"/♥%E2%99%A5", "/♥♥"},
	{"", ""},
}

func TestIRIToURI(t *testing.T) {
	for _, tt := range iriToURITests {
		if got := IRIToURI(tt.in); got != tt.want {
			t.Errorf("IRIToURI(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if got := IRIToURI(tt.want); got != tt.want {
			t.Errorf("IRIToURI(%q) = %q; want it unchanged (idempotent)", tt.want, got)
		}
	}
}

func TestEscapeURIPath(t *testing.T) {
	for _, tt := range escapeURIPathTests {
		if got := EscapeURIPath(tt.in); got != tt.want {
			t.Errorf("EscapeURIPath(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestURIToIRI(t *testing.T) {
	for _, tt := range uriToIRITests {
		if got := URIToIRI(tt.in); got != tt.want {
			t.Errorf("URIToIRI(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestURIAllocs(t *testing.T) {
	for name, f := range map[string]func(string) string{"IRIToURI": IRIToURI, "EscapeURIPath": EscapeURIPath, "URIToIRI": URIToIRI} {
		if n := testing.AllocsPerRun(100, func() { _ = f("/api/users/42/") }); n != 0 {
			t.Errorf("%s(plain path) allocs = %v; want 0", name, n)
		}
	}
}

// FuzzURI checks properties of the URI helpers: IRIToURI is idempotent
// and gives ASCII; EscapeURIPath gives ASCII; URIToIRI gives valid UTF-8
// and undoes IRIToURI on valid UTF-8 without "%".
func FuzzURI(f *testing.F) {
	for _, tt := range iriToURITests {
		f.Add(tt.in)
	}
	for _, tt := range uriToIRITests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := IRIToURI(s)
		if IRIToURI(u) != u || !isASCII(u) {
			t.Fatalf("IRIToURI(%q) = %q: not idempotent ASCII", s, u)
		}
		if p := EscapeURIPath(s); !isASCII(p) {
			t.Fatalf("EscapeURIPath(%q) = %q: not ASCII", s, p)
		}
		i := URIToIRI(s)
		if !utf8.ValidString(i) {
			t.Fatalf("URIToIRI(%q) = %q: invalid UTF-8", s, i)
		}
		if utf8.ValidString(s) && !strings.Contains(s, "%") && !strings.ContainsAny(s, " \"<>\\^`{|}") {
			if back := URIToIRI(u); back != s && !hasNonUnreservedControl(s) {
				t.Fatalf("URIToIRI(IRIToURI(%q)) = %q", s, back)
			}
		}
	})
}

// hasNonUnreservedControl reports whether s has ASCII bytes that IRIToURI
// escapes and URIToIRI leaves escaped (controls, DEL).
func hasNonUnreservedControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func TestVectorsIRIToURI(t *testing.T) {
	for _, u := range vectors.Units(t, "iri_to_uri") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				IRI string `json:"iri"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := IRIToURI(in.IRI); got != want {
				t.Errorf("IRIToURI(%q) = %q; want %q", in.IRI, got, want)
			}
		})
	}
}

func TestVectorsEscapeURIPath(t *testing.T) {
	for _, u := range vectors.Units(t, "escape_uri_path") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Path string `json:"path"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := EscapeURIPath(in.Path); got != want {
				t.Errorf("EscapeURIPath(%q) = %q; want %q", in.Path, got, want)
			}
		})
	}
}

func TestVectorsURIToIRI(t *testing.T) {
	for _, u := range vectors.Units(t, "uri_to_iri") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				URI string `json:"uri"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := URIToIRI(in.URI); got != want {
				t.Errorf("URIToIRI(%q) = %q; want %q", in.URI, got, want)
			}
		})
	}
}
