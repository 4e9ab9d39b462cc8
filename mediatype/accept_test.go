package mediatype_test

import (
	"errors"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/restframe/restframe/mediatype"
)

// Real Accept headers, reused by the negotiation tests, benchmarks and
// fuzz seeds.
const (
	acceptChrome  = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
	acceptFirefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	acceptSafari  = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	acceptJava    = "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"
	acceptRFC     = "text/*;q=0.3, text/html;q=0.7, text/html;level=1, text/html;level=2;q=0.4, */*;q=0.5"
)

func rng(q int, typ, sub string, kv ...string) mediatype.Range {
	return mediatype.Range{MediaType: mt(typ, sub, kv...), Q: q}
}

var parseAcceptTests = []struct {
	in   string
	want []mediatype.Range
}{
	{"", nil},
	{"*/*", []mediatype.Range{rng(1000, "*", "*")}},
	{acceptChrome, []mediatype.Range{
		rng(1000, "text", "html"), rng(1000, "application", "xhtml+xml"), rng(900, "application", "xml"),
		rng(1000, "image", "avif"), rng(1000, "image", "webp"), rng(1000, "image", "apng"),
		rng(800, "*", "*"), rng(700, "application", "signed-exchange", "v", "b3"),
	}},
	{acceptJava, []mediatype.Range{
		rng(1000, "text", "html"), rng(1000, "image", "gif"), rng(1000, "image", "jpeg"),
		rng(200, "*", "*"), rng(200, "*", "*"),
	}},
	{"text/html;q=0.5", []mediatype.Range{rng(500, "text", "html")}},
	{"TEXT/Html;Q=0.25;Level=1", []mediatype.Range{rng(250, "text", "html", "level", "1")}},
	{"text/html;q=0.5;level=1", []mediatype.Range{rng(500, "text", "html", "level", "1")}},
	{"a/b;q=0, c/d;q=1.000, e/f;q=1., g/h;q=0.", []mediatype.Range{rng(0, "a", "b"), rng(1000, "c", "d"), rng(1000, "e", "f"), rng(0, "g", "h")}},
	{"a/b;q=1.001, a/c;q=2, a/d;q=0.5555, a/e;q=abc, a/f;q=-1, a/g;q=, a/h;q=\"0.5\", ok/ok", []mediatype.Range{rng(1000, "ok", "ok")}},
	{"*/html, json, a/b/c, /b, a/, ok/ok", []mediatype.Range{rng(1000, "ok", "ok")}},
	{"a/b;x, a/c;q=0.5;q=0.6, a/d;l=1;l=2, a/e;x=\"1, ok/ok", []mediatype.Range{rng(1000, "ok", "ok")}},
	{",, a/b ,,\t,", []mediatype.Range{rng(1000, "a", "b")}},
	{`a/b;x="1,2", c/d`, []mediatype.Range{rng(1000, "a", "b", "x", "1,2"), rng(1000, "c", "d")}},
	{"application/json; indent=4", []mediatype.Range{rng(1000, "application", "json", "indent", "4")}},
	{"application/jsön, application/json", []mediatype.Range{rng(1000, "application", "json")}},
}

func TestParseAccept(t *testing.T) {
	for _, tt := range parseAcceptTests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := mediatype.ParseAccept(tt.in)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseAccept(%q) = %v, %v; want %v, nil", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseAcceptLimits(t *testing.T) {
	many := strings.Repeat("a/b,", mediatype.MaxAcceptEntries) + "c/d"
	got, err := mediatype.ParseAccept(many)
	if !errors.Is(err, mediatype.ErrTooManyRanges) || len(got) != mediatype.MaxAcceptEntries {
		t.Errorf("ParseAccept(%d entries) = %d ranges, %v; want %d, ErrTooManyRanges", mediatype.MaxAcceptEntries+1, len(got), err, mediatype.MaxAcceptEntries)
	}
	exact := strings.TrimSuffix(strings.Repeat("a/b,", mediatype.MaxAcceptEntries), ",")
	if got, err := mediatype.ParseAccept(exact); err != nil || len(got) != mediatype.MaxAcceptEntries {
		t.Errorf("ParseAccept(%d entries) = %d ranges, %v; want %d, nil", mediatype.MaxAcceptEntries, len(got), err, mediatype.MaxAcceptEntries)
	}
	long := "a/b;x=" + strings.Repeat("y", mediatype.MaxAcceptLength) + ", c/d"
	if got, err := mediatype.ParseAccept("c/d, " + long); !errors.Is(err, mediatype.ErrAcceptTooLong) || len(got) != 1 {
		t.Errorf("ParseAccept(long) = %v, %v; want 1 range, ErrAcceptTooLong", got, err)
	}
	fits := "a/b;x=" + strings.Repeat("y", mediatype.MaxAcceptLength-6)
	if got, err := mediatype.ParseAccept(fits); err != nil || len(got) != 1 {
		t.Errorf("ParseAccept(%d bytes) = %d ranges, %v; want 1, nil", len(fits), len(got), err)
	}
	if got, err := mediatype.ParseAccept(fits + "y"); !errors.Is(err, mediatype.ErrAcceptTooLong) || len(got) != 0 {
		t.Errorf("ParseAccept(%d bytes) = %d ranges, %v; want 0, ErrAcceptTooLong", len(fits)+1, len(got), err)
	}
}

var rangeStringTests = []struct {
	in   mediatype.Range
	want string
}{
	{rng(1000, "text", "html"), "text/html"},
	{rng(500, "text", "html"), "text/html; q=0.5"},
	{rng(125, "*", "*"), "*/*; q=0.125"},
	{rng(0, "a", "b", "x", "1 2"), `a/b; x="1 2"; q=0`},
	{rng(10, "a", "b"), "a/b; q=0.01"},
}

func TestRangeString(t *testing.T) {
	for _, tt := range rangeStringTests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%v.String() = %q; want %q", tt.in, got, tt.want)
		}
		back, err := mediatype.ParseAccept(tt.want)
		if err != nil || len(back) != 1 || !reflect.DeepEqual(back[0], tt.in) {
			t.Errorf("ParseAccept(%q) = %v, %v; want [%v]", tt.want, back, err, tt.in)
		}
	}
}

func TestRangeSpecificity(t *testing.T) {
	for _, tt := range []struct {
		in   mediatype.Range
		want int
	}{
		{rng(1000, "*", "*"), 0},
		{rng(1000, "*", "*", "foo", "1"), 0},
		{rng(1000, "text", "*"), 1},
		{rng(500, "text", "html"), 2},
		{rng(1000, "text", "html", "level", "1"), 3},
	} {
		if got := tt.in.Specificity(); got != tt.want {
			t.Errorf("%v.Specificity() = %d; want %d", tt.in, got, tt.want)
		}
	}
}

func TestAcceptHeader(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"absent", nil, "*/*"},
		{"empty", []string{""}, ""},
		{"one", []string{"text/html"}, "text/html"},
		{"two", []string{"text/html", "application/json"}, "text/html, application/json"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if tt.lines != nil {
			r.Header["Accept"] = tt.lines
		}
		if got := mediatype.AcceptHeader(r); got != tt.want {
			t.Errorf("AcceptHeader(%s %q) = %q; want %q", tt.name, tt.lines, got, tt.want)
		}
	}
}
