package web

import (
	"errors"
	"maps"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/vectors"
)

// parseCookieTests are Django's parse_cookie cases (spec §21.9, §25.20,
// upstream CookieTests), checked against Django 3.2.
var parseCookieTests = []struct {
	in   string
	want map[string]string
}{
	{"", map[string]string{}},
	{"chips=ahoy; vienna=finger", map[string]string{"chips": "ahoy", "vienna": "finger"}},
	{`keebler="E=mc2; L=\"Loves\"; fudge=\012;"`, map[string]string{"keebler": `"E=mc2`, "L": `\"Loves\"`, "fudge": `\012`, "": `"`}},
	{"keebler=E=mc2", map[string]string{"keebler": "E=mc2"}},
	{"key:term=value:term", map[string]string{"key:term": "value:term"}},
	{"a=b; c=[; d=r; f=h", map[string]string{"a": "b", "c": "[", "d": "r", "f": "h"}},
	{"a=b; Domain=example.com", map[string]string{"a": "b", "Domain": "example.com"}},
	{"a=b; h=i; a=c", map[string]string{"a": "c", "h": "i"}},
	{"abc=def; unnamed; django_language=en", map[string]string{"abc": "def", "": "unnamed", "django_language": "en"}},
	{`a=b; "; c=d`, map[string]string{"a": "b", "": `"`, "c": "d"}},
	{"a b c=d e = f; gh=i", map[string]string{"a b c": "d e = f", "gh": "i"}},
	{"saint=André Bessette", map[string]string{"saint": "André Bessette"}},
	{" =  b  ;  ;  =  ;   c  =  ;  ", map[string]string{"": "b", "c": ""}},
	{`a=1; b=2; c="quoted"; d="\054x"; e=; =f; g; h=i=j; k = spaced ; a=dup`,
		map[string]string{"a": "dup", "b": "2", "c": "quoted", "d": ",x", "e": "", "": "g", "h": "i=j", "k": "spaced"}},
	{"abc", map[string]string{"": "abc"}},
	{`a="b`, map[string]string{"a": `"b`}},
	{`café=☃; x="a b"`, map[string]string{"café": "☃", "x": "a b"}},
	{"a=1,b=2", map[string]string{"a": "1,b=2"}},
	{`a="\"`, map[string]string{"a": `\`}},
	{`a="\`, map[string]string{"a": `"\`}},
	{"a=\"x\\\ny\"", map[string]string{"a": "x\\\ny"}},
	{`a="\400\377\18"`, map[string]string{"a": "400ÿ18"}},
	{"a=\x1cb\x1c", map[string]string{"a": "b"}},
	{"a=\u00a0b\u3000", map[string]string{"a": "b"}},
	{`a="é\é"`, map[string]string{"a": "éé"}},
	{`a="caf\351"`, map[string]string{"a": "café"}},
}

func TestParseCookie(t *testing.T) {
	for _, tt := range parseCookieTests {
		got, err := ParseCookie(tt.in)
		if err != nil || !maps.Equal(got, tt.want) {
			t.Errorf("ParseCookie(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseCookieLimits(t *testing.T) {
	long := "a=" + strings.Repeat("x", MaxCookieHeaderBytes)
	if got, err := ParseCookie(long); got != nil || !errors.Is(err, ErrCookieHeaderTooLarge) {
		t.Errorf("ParseCookie(%d bytes) = %d cookies, %v; want nil, ErrCookieHeaderTooLarge", len(long), len(got), err)
	}
	var b strings.Builder
	for i := 0; i <= MaxCookies; i++ {
		b.WriteString("c")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(string(rune('a' + i/26%26)))
		b.WriteString(string(rune('a' + i/676)))
		b.WriteString("=1; ")
	}
	got, err := ParseCookie(b.String())
	if !errors.Is(err, ErrTooManyCookies) || len(got) != MaxCookies {
		t.Errorf("ParseCookie(%d cookies) = %d cookies, %v; want %d, ErrTooManyCookies", MaxCookies+1, len(got), err, MaxCookies)
	}
	if s := StatusOf(err); s != 400 {
		t.Errorf("StatusOf(%v) = %d; want 400", err, s)
	}
	// Repeating a name does not count twice.
	if got, err := ParseCookie(strings.Repeat("a=1;", MaxCookies*2)); err != nil || len(got) != 1 {
		t.Errorf("ParseCookie(repeated name) = %d cookies, %v; want 1, nil", len(got), err)
	}
}

// unquoteTests are Python's http.cookies._unquote.
var unquoteTests = []struct{ in, want string }{
	{"", ""},
	{`"`, `"`},
	{`""`, ""},
	{"plain", "plain"},
	{`"a\"b"`, `a"b`},
	{`"a\\b"`, `a\b`},
	{`"\054\073"`, ",;"},
	{`"\351"`, "é"},
	{`"\x"`, "x"},
	{`"\☃"`, "☃"},
	{`"a\"`, `a\`},
}

func TestUnquoteCookieValue(t *testing.T) {
	for _, tt := range unquoteTests {
		if got := UnquoteCookieValue(tt.in); got != tt.want {
			t.Errorf("UnquoteCookieValue(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestVectorsParseCookie(t *testing.T) {
	for _, u := range vectors.Units(t, "parse_cookie") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				CookieHeader string `json:"cookie_header"`
			}
			var want map[string]string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			got, err := ParseCookie(in.CookieHeader)
			if err != nil || !maps.Equal(got, want) {
				t.Errorf("ParseCookie(%q) = %q, %v; want %q", in.CookieHeader, got, err, want)
			}
		})
	}
}

func FuzzParseCookie(f *testing.F) {
	for _, tt := range parseCookieTests {
		f.Add(tt.in)
	}
	for _, tt := range quoteCookieValueTests {
		f.Add("k=" + tt.want)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got, err := ParseCookie(header)
		switch {
		case len(header) > MaxCookieHeaderBytes:
			if got != nil || !errors.Is(err, ErrCookieHeaderTooLarge) {
				t.Fatalf("ParseCookie(%d bytes) = %d, %v; want ErrCookieHeaderTooLarge", len(header), len(got), err)
			}
			return
		case err != nil && !errors.Is(err, ErrTooManyCookies):
			t.Fatalf("ParseCookie(%q) = %v", header, err)
		}
		if len(got) > MaxCookies {
			t.Fatalf("ParseCookie(%q) returned %d cookies > MaxCookies", header, len(got))
		}
		for name := range got {
			if strings.Contains(name, ";") {
				t.Fatalf("ParseCookie(%q): name %q contains ';'", header, name)
			}
		}
		// Round trip: any valid UTF-8 value quoted by QuoteCookieValue
		// parses back to itself.
		if q := QuoteCookieValue(header); utf8.ValidString(header) && len(q) <= MaxCookieHeaderBytes-2 {
			back, err := ParseCookie("k=" + q)
			if err != nil || back["k"] != header {
				t.Fatalf("ParseCookie(k=%s) = %q, %v; want %q", q, back["k"], err, header)
			}
		}
	})
}
