package web

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/vectors"
)

var quoteETagTests = []struct{ in, want string }{
	{"abc", `"abc"`},
	{`"abc"`, `"abc"`},
	{`W/"abc"`, `W/"abc"`},
	{`"a"b"`, `""a"b""`},
	{"W/abc", `"W/abc"`},
	{"", `""`},
}

func TestQuoteETag(t *testing.T) {
	for _, tt := range quoteETagTests {
		if got := QuoteETag(tt.in); got != tt.want {
			t.Errorf("QuoteETag(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// parseETagsTests are Django's parse_etags, except that a comma inside a
// quoted tag does not split it (RFC 9110 §8.8.3; Django drops `"a,b"`).
var parseETagsTests = []struct {
	in   string
	want []string
}{
	{"", nil},
	{"*", []string{"*"}},
	{" * ", []string{"*"}},
	{`"a", W/"b", c, "d`, []string{`"a"`, `W/"b"`}},
	{`W/""`, []string{`W/""`}},
	{`"x" ,  "y"`, []string{`"x"`, `"y"`}},
	{`"a,b", "c"`, []string{`"a,b"`, `"c"`}},
	{`*, "a"`, []string{`"a"`}},
	{`,,, "a",,`, []string{`"a"`}},
}

func TestParseETags(t *testing.T) {
	for _, tt := range parseETagsTests {
		got, err := ParseETags(tt.in)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("ParseETags(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseETagsLimits(t *testing.T) {
	many := strings.Repeat(`"x", `, MaxETags+1)
	if _, err := ParseETags(many); !errors.Is(err, ErrETagListTooLarge) {
		t.Errorf("ParseETags(%d tags) = %v; want ErrETagListTooLarge", MaxETags+1, err)
	}
	if got, err := ParseETags(strings.Repeat(`"x", `, MaxETags)); err != nil || len(got) != MaxETags {
		t.Errorf("ParseETags(%d tags) = %d tags, %v; want all", MaxETags, len(got), err)
	}
	long := `"` + strings.Repeat("x", MaxETagHeaderBytes) + `"`
	_, err := ParseETags(long)
	if !errors.Is(err, ErrETagListTooLarge) || StatusOf(err) != 400 {
		t.Errorf("ParseETags(%d bytes) = %v (status %d); want ErrETagListTooLarge (400)", len(long), err, StatusOf(err))
	}
}

// etagMatchTests is the table of RFC 9110 §8.8.3.2.
var etagMatchTests = []struct {
	a, b         string
	strong, weak bool
}{
	{`W/"1"`, `W/"1"`, false, true},
	{`W/"1"`, `W/"2"`, false, false},
	{`W/"1"`, `"1"`, false, true},
	{`"1"`, `"1"`, true, true},
	{`"1"`, `"2"`, false, false},
	{`1`, `1`, false, false},
}

func TestETagMatch(t *testing.T) {
	for _, tt := range etagMatchTests {
		for _, p := range [][2]string{{tt.a, tt.b}, {tt.b, tt.a}} {
			if got := ETagStrongMatch(p[0], p[1]); got != tt.strong {
				t.Errorf("ETagStrongMatch(%q, %q) = %v; want %v", p[0], p[1], got, tt.strong)
			}
			if got := ETagWeakMatch(p[0], p[1]); got != tt.weak {
				t.Errorf("ETagWeakMatch(%q, %q) = %v; want %v", p[0], p[1], got, tt.weak)
			}
		}
	}
}

func TestVectorsQuoteETag(t *testing.T) {
	for _, u := range vectors.Units(t, "quote_etag") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				ETag string `json:"etag"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := QuoteETag(in.ETag); got != want {
				t.Errorf("QuoteETag(%q) = %q; want %q", in.ETag, got, want)
			}
		})
	}
}

func FuzzETagList(f *testing.F) {
	for _, tt := range parseETagsTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, header string) {
		tags, err := ParseETags(header)
		if err != nil {
			if !errors.Is(err, ErrETagListTooLarge) {
				t.Fatalf("ParseETags(%q) = %v", header, err)
			}
			return
		}
		if len(tags) > MaxETags {
			t.Fatalf("ParseETags(%q) returned %d tags > MaxETags", header, len(tags))
		}
		for _, tag := range tags {
			if tag == "*" && len(tags) == 1 {
				continue
			}
			if QuoteETag(tag) != tag || !ETagWeakMatch(tag, tag) {
				t.Fatalf("ParseETags(%q) returned %q, not an entity tag", header, tag)
			}
		}
		// Each tag written back as a list parses to the same list.
		if len(tags) > 0 && tags[0] != "*" {
			again, err := ParseETags(strings.Join(tags, ", "))
			if err != nil || !slices.Equal(again, tags) {
				t.Fatalf("ParseETags(join(ParseETags(%q))) = %q, %v; want %q", header, again, err, tags)
			}
		}
	})
}
