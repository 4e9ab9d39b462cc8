package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/internal/vectors"
)

// headerWith builds a header with the given Vary or Cache-Control (nil: absent).
func headerWith(name string, value *string) http.Header {
	h := http.Header{}
	if value != nil {
		h[name] = []string{*value}
	}
	return h
}

func ptr(s string) *string { return &s }

// patchVaryTests is spec §23.1's table: want is current Django (6.1);
// django32 is the Debian-3.2 oracle's output where it differs. restframe
// follows current Django (DESIGN.md lists the empty-Vary case).
var patchVaryTests = []struct {
	existing *string
	add      []string
	want     string
	django32 string
}{
	{nil, []string{"Accept-Encoding"}, "Accept-Encoding", ""},
	{ptr("Accept-Encoding"), []string{"accept-encoding"}, "Accept-Encoding", ""},
	{ptr("Accept-Encoding"), []string{"Accept-Encoding", "Cookie"}, "Accept-Encoding, Cookie", ""},
	{ptr("Cookie,     Accept-Encoding"), []string{"Accept-Encoding", "cookie"}, "Cookie, Accept-Encoding", ""},
	{ptr("*"), []string{"Accept-Language", "Cookie"}, "*", ""},
	{ptr("Accept-Language, Cookie"), []string{"*"}, "*", ""},
	{nil, []string{"Cookie", "cookie"}, "Cookie, cookie", ""},
	{nil, nil, "", ""},
	{ptr(""), []string{"Cookie"}, "Cookie", ", Cookie"},
	{ptr(" Cookie "), []string{"Accept"}, "Cookie, Accept", " Cookie , Accept"},
	{ptr("a,,b"), []string{"c"}, "a, b, c", "a, , b, c"},
	{nil, []string{" Accept "}, "Accept", " Accept "},
	{ptr("Accept , Cookie"), []string{"Origin"}, "Accept, Cookie, Origin", ""},
}

func TestPatchVaryHeaders(t *testing.T) {
	for _, tt := range patchVaryTests {
		h := headerWith("Vary", tt.existing)
		PatchVaryHeaders(h, tt.add...)
		if got := h["Vary"]; len(got) != 1 || got[0] != tt.want {
			t.Errorf("PatchVaryHeaders(%v, %q) = %q; want %q", derefOr(tt.existing), tt.add, got, tt.want)
		}
	}
	// Several Vary lines are one list.
	h := http.Header{"Vary": {"Accept", "Cookie"}}
	PatchVaryHeaders(h, "cookie", "Origin")
	if got := h["Vary"]; len(got) != 1 || got[0] != "Accept, Cookie, Origin" {
		t.Errorf("PatchVaryHeaders(two lines) = %q; want [Accept, Cookie, Origin]", got)
	}
}

func TestPatchVaryHeadersAllocs(t *testing.T) {
	h := http.Header{}
	n := testing.AllocsPerRun(100, func() {
		delete(h, "Vary")
		PatchVaryHeaders(h, "Accept")
	})
	if n > 1 {
		t.Errorf("PatchVaryHeaders(no Vary, Accept) allocs = %v; want at most 1", n)
	}
}

func derefOr(s *string) string {
	if s == nil {
		return "<none>"
	}
	return strconv.Quote(*s)
}

var hasVaryTests = []struct {
	vary  *string
	query string
	want  bool
}{
	{nil, "Accept", false},
	{ptr(""), "Accept", false},
	{ptr("Accept-Encoding, Cookie"), "cookie", true},
	{ptr("Accept-Encoding ,  Cookie "), " COOKIE ", true},
	{ptr("*"), "Accept", false},
	{ptr("Accept"), "Accept-Language", false},
}

func TestHasVaryHeader(t *testing.T) {
	for _, tt := range hasVaryTests {
		if got := HasVaryHeader(headerWith("Vary", tt.vary), tt.query); got != tt.want {
			t.Errorf("HasVaryHeader(%s, %q) = %v; want %v", derefOr(tt.vary), tt.query, got, tt.want)
		}
	}
}

// patchCacheControlTests are Django's patch_cache_control (spec §23.3,
// checked against Django 3.2), with the keyword arguments written as
// directives.
var patchCacheControlTests = []struct {
	existing *string
	add      []string
	want     string
}{
	{nil, nil, ""},
	{ptr(""), nil, ""},
	{nil, []string{"max_age=300"}, "max-age=300"},
	{ptr("max-age=100"), []string{"max_age=300"}, "max-age=100"},
	{ptr("max-age=500"), []string{"max_age=300"}, "max-age=300"},
	{ptr("private"), []string{"public"}, "public"},
	{ptr("public"), []string{"private"}, "private"},
	{ptr("public, private"), []string{"public"}, "public"},
	{ptr("no-store, max-age=10, s-maxage=5"), []string{"must_revalidate", "stale_while_revalidate=30"},
		"no-store, max-age=10, s-maxage=5, must-revalidate, stale-while-revalidate=30"},
	{ptr("Max-Age=100, NO-CACHE"), []string{"max_age=10"}, "max-age=10, no-cache"},
	{ptr(`no-cache="Set-Cookie"`), []string{"no_cache=Cookie"}, `no-cache=Cookie, no-cache="Set-Cookie"`},
	{ptr(`no-cache="Set-Cookie"`), []string{"no_cache"}, "no-cache"},
	{ptr("b=1, a"), []string{"c=3", "a=None"}, "b=1, a=None, c=3"},
	{ptr("max-age"), []string{"max_age=5"}, "max-age=1"},
	{ptr("max-age=5, max-age=7"), []string{"max_age=6"}, "max-age=6"},
	{nil, []string{"no_cache=a"}, "no-cache=a"},
	{ptr("no-cache=a, no-cache=a"), []string{"no_cache=a"}, "no-cache=a"},
	{nil, []string{"no_store", "must_revalidate", "max_age=0"}, "no-store, must-revalidate, max-age=0"},
	// Current Django (6.1) trims items and names; 3.2 gives
	// " max-age = 5, public , private".
	{ptr(" max-age = 5 ,  public "), []string{"private"}, "max-age= 5, private"},
	{ptr("max-age=abc"), []string{"max_age=5"}, "max-age=5"},
	{nil, []string{"", "Public"}, "public"},
}

func TestPatchCacheControl(t *testing.T) {
	for _, tt := range patchCacheControlTests {
		h := headerWith("Cache-Control", tt.existing)
		PatchCacheControl(h, tt.add...)
		if got := h["Cache-Control"]; len(got) != 1 || got[0] != tt.want {
			t.Errorf("PatchCacheControl(%s, %q) = %q; want %q", derefOr(tt.existing), tt.add, got, tt.want)
		}
	}
}

var getMaxAgeTests = []struct {
	cc   *string
	want int
	ok   bool
}{
	{ptr("max-age=3600"), 3600, true},
	{ptr("max-age=abc"), 0, false},
	{nil, 0, false},
	{ptr(""), 0, false},
	{ptr("s-maxage=5"), 0, false},
	{ptr("max-age"), 1, true},
	{ptr("max-age=1, max-age=2"), 2, true},
	{ptr("max-age= 5"), 5, true},
	{ptr("MAX-AGE=7"), 7, true},
	{ptr("max-age=1_0"), 10, true},
	{ptr("max-age=1__0"), 0, false},
	{ptr("max-age=_1"), 0, false},
	{ptr("max-age=-3"), -3, true},
	{ptr("public, max-age=60"), 60, true},
}

func TestGetMaxAge(t *testing.T) {
	for _, tt := range getMaxAgeTests {
		got, ok := GetMaxAge(headerWith("Cache-Control", tt.cc))
		if got != tt.want || ok != tt.ok {
			t.Errorf("GetMaxAge(%s) = %d, %v; want %d, %v", derefOr(tt.cc), got, ok, tt.want, tt.ok)
		}
	}
}

func TestAddNeverCacheHeaders(t *testing.T) {
	h := http.Header{}
	AddNeverCacheHeaders(h, frozenNow)
	want := http.Header{
		"Expires":       {"Tue, 14 Nov 2023 22:13:20 GMT"},
		"Cache-Control": {"max-age=0, no-cache, no-store, must-revalidate, private"},
	}
	if !headerEqual(h, want) {
		t.Errorf("AddNeverCacheHeaders = %v; want %v", h, want)
	}
	// An existing Expires is kept; an existing max-age becomes 0 and public
	// gives way to private.
	h = http.Header{"Expires": {"x"}, "Cache-Control": {"public, max-age=100"}}
	AddNeverCacheHeaders(h, frozenNow)
	want = http.Header{
		"Expires":       {"x"},
		"Cache-Control": {"max-age=0, no-cache, no-store, must-revalidate, private"},
	}
	if !headerEqual(h, want) {
		t.Errorf("AddNeverCacheHeaders(existing) = %v; want %v", h, want)
	}
}

func TestPatchResponseHeaders(t *testing.T) {
	tests := []struct {
		before  http.Header
		timeout time.Duration
		want    http.Header
	}{
		{http.Header{}, 600 * time.Second, http.Header{"Expires": {"Tue, 14 Nov 2023 22:23:20 GMT"}, "Cache-Control": {"max-age=600"}}},
		{http.Header{}, -time.Second, http.Header{"Expires": {"Tue, 14 Nov 2023 22:13:20 GMT"}, "Cache-Control": {"max-age=0"}}},
		{http.Header{}, 1500 * time.Millisecond, http.Header{"Expires": {"Tue, 14 Nov 2023 22:13:21 GMT"}, "Cache-Control": {"max-age=1"}}},
		{http.Header{"Expires": {"e"}, "Cache-Control": {"max-age=10"}}, time.Minute, http.Header{"Expires": {"e"}, "Cache-Control": {"max-age=10"}}},
	}
	for _, tt := range tests {
		h := tt.before.Clone()
		PatchResponseHeaders(h, tt.timeout, frozenNow)
		if !headerEqual(h, tt.want) {
			t.Errorf("PatchResponseHeaders(%v, %v) = %v; want %v", tt.before, tt.timeout, h, tt.want)
		}
	}
}

func TestNeverCache(t *testing.T) {
	s := &Settings{Now: func() time.Time { return frozenNow }}
	h := NeverCache(func(r *Request) (Response, error) {
		return &stubResponse{}, nil
	})
	resp, err := h(NewRequest(&http.Request{Header: http.Header{}}, s))
	if err != nil {
		t.Fatal(err)
	}
	got := resp.Base().Header()
	want := http.Header{
		"Expires":       {"Tue, 14 Nov 2023 22:13:20 GMT"},
		"Cache-Control": {"max-age=0, no-cache, no-store, must-revalidate, private"},
	}
	if !headerEqual(got, want) {
		t.Errorf("NeverCache response headers = %v; want %v", got, want)
	}
	failing := NeverCache(func(r *Request) (Response, error) { return nil, ErrNotFound })
	if resp, err := failing(NewRequest(&http.Request{Header: http.Header{}}, s)); resp != nil || err != ErrNotFound {
		t.Errorf("NeverCache(failing) = %v, %v; want nil, ErrNotFound", resp, err)
	}
}

// stubResponse is the smallest Response: headers only.
type stubResponse struct{ BaseResponse }

func (r *stubResponse) Send(w http.ResponseWriter, _ *http.Request) error { return r.WriteHeader(w) }

func headerEqual(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if strings.Join(v, "\x00") != strings.Join(b[k], "\x00") || len(b[k]) != len(v) {
			return false
		}
	}
	return true
}

// vectorDivergences are the units.jsonl vectors where restframe
// deliberately differs from Django 3.2 (DESIGN.md's table and
// testdata/conformance/divergences.json), with what restframe gives.
var vectorDivergences = map[string]struct{ want, reason string }{
	"patch_vary_headers.01": {
		want:   "Accept",
		reason: "Django 3.2 splits an empty Vary into [''] and writes ', Accept'; restframe drops empty items, as Django 6.1 does",
	},
}

func TestVectorsPatchVaryHeaders(t *testing.T) {
	for _, u := range vectors.Units(t, "patch_vary_headers") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Existing   *string  `json:"existing"`
				NewHeaders []string `json:"newheaders"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if d, ok := vectorDivergences[u.ID]; ok {
				t.Logf("divergence from Django 3.2 (%q): %s", want, d.reason)
				want = d.want
			}
			h := headerWith("Vary", in.Existing)
			PatchVaryHeaders(h, in.NewHeaders...)
			if got := h.Get("Vary"); got != want {
				t.Errorf("PatchVaryHeaders(%s, %q) = %q; want %q", derefOr(in.Existing), in.NewHeaders, got, want)
			}
		})
	}
	// The divergence, asserted whether or not this copy of units.jsonl has
	// the vector.
	t.Run("patch_vary_headers.01", func(t *testing.T) {
		h := http.Header{"Vary": {""}}
		PatchVaryHeaders(h, "Accept")
		if got, d := h.Get("Vary"), vectorDivergences["patch_vary_headers.01"]; got != d.want {
			t.Errorf("PatchVaryHeaders(\"\", Accept) = %q; want %q (%s)", got, d.want, d.reason)
		}
	})
}

func TestVectorsHasVaryHeader(t *testing.T) {
	for _, u := range vectors.Units(t, "has_vary_header") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Vary        *string `json:"vary"`
				HeaderQuery string  `json:"header_query"`
			}
			var want bool
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := HasVaryHeader(headerWith("Vary", in.Vary), in.HeaderQuery); got != want {
				t.Errorf("HasVaryHeader(%s, %q) = %v; want %v", derefOr(in.Vary), in.HeaderQuery, got, want)
			}
		})
	}
}

// kwargsDirectives turns Django keyword arguments, in their JSON order,
// into directives: True → bare name, False → "name=False", None →
// "name=None", numbers and strings → "name=value".
func kwargsDirectives(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("kwargs %s: not an object", raw)
	}
	var out []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		name := tok.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		switch v := v.(type) {
		case bool:
			if v {
				out = append(out, name)
			} else {
				out = append(out, name+"=False")
			}
		case nil:
			out = append(out, name+"=None")
		case json.Number:
			out = append(out, name+"="+v.String())
		case string:
			out = append(out, name+"="+v)
		default:
			t.Fatalf("kwargs %s: unsupported value %v", raw, v)
		}
	}
	return out
}

func TestVectorsPatchCacheControl(t *testing.T) {
	for _, u := range vectors.Units(t, "patch_cache_control") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Existing *string         `json:"existing"`
				Kwargs   json.RawMessage `json:"kwargs"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			directives := kwargsDirectives(t, in.Kwargs)
			h := headerWith("Cache-Control", in.Existing)
			PatchCacheControl(h, directives...)
			if got := h.Get("Cache-Control"); got != want {
				t.Errorf("PatchCacheControl(%s, %q) = %q; want %q", derefOr(in.Existing), directives, got, want)
			}
		})
	}
}

func TestVectorsGetMaxAge(t *testing.T) {
	for _, u := range vectors.Units(t, "get_max_age") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				CacheControl *string `json:"cache_control"`
			}
			var want *int
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			got, ok := GetMaxAge(headerWith("Cache-Control", in.CacheControl))
			if ok != (want != nil) || (ok && got != *want) {
				t.Errorf("GetMaxAge(%s) = %d, %v; want %v", derefOr(in.CacheControl), got, ok, want)
			}
		})
	}
}

// responseVector is the input of the patch_response_headers and
// add_never_cache_headers vectors: a fresh HttpResponse (Content-Type
// text/html; charset=utf-8) at a frozen clock, with optional headers.
type responseVector struct {
	Now          float64           `json:"now"`
	CacheTimeout *float64          `json:"cache_timeout"`
	Headers      map[string]string `json:"headers"`
	CacheControl *string           `json:"cache_control"`
	Existing     *string           `json:"existing"`
}

func (v responseVector) header() http.Header {
	h := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	for k, val := range v.Headers {
		h.Set(k, val)
	}
	if v.CacheControl != nil {
		h.Set("Cache-Control", *v.CacheControl)
	}
	if v.Existing != nil {
		h.Set("Cache-Control", *v.Existing)
	}
	return h
}

func wantHeader(t *testing.T, raw json.RawMessage) http.Header {
	t.Helper()
	var m map[string]string
	vectors.Decode(t, raw, &m)
	h := http.Header{}
	for k, v := range m {
		h.Set(k, v)
	}
	return h
}

func TestVectorsPatchResponseHeaders(t *testing.T) {
	for _, u := range vectors.Units(t, "patch_response_headers") {
		t.Run(u.ID, func(t *testing.T) {
			var in responseVector
			vectors.Decode(t, u.Input, &in)
			h := in.header()
			timeout := 600 * time.Second
			if in.CacheTimeout != nil {
				timeout = time.Duration(*in.CacheTimeout * float64(time.Second))
			}
			PatchResponseHeaders(h, timeout, vecTime(in.Now))
			if want := wantHeader(t, u.Output); !headerEqual(h, want) {
				t.Errorf("PatchResponseHeaders(%v) = %v; want %v", timeout, h, want)
			}
		})
	}
}

// TestVectorsAddNeverCacheHeaders replays the add_never_cache_headers
// vectors when units.jsonl has them (this copy has none) and checks the
// spec's example (§23.5) in any case.
func TestVectorsAddNeverCacheHeaders(t *testing.T) {
	for _, u := range unitsOptional(t, "add_never_cache_headers") {
		t.Run(u.ID, func(t *testing.T) {
			var in responseVector
			vectors.Decode(t, u.Input, &in)
			h := in.header()
			AddNeverCacheHeaders(h, vecTime(in.Now))
			if want := wantHeader(t, u.Output); !headerEqual(h, want) {
				t.Errorf("AddNeverCacheHeaders = %v; want %v", h, want)
			}
		})
	}
	t.Run("spec_23.5", func(t *testing.T) {
		h := responseVector{}.header()
		AddNeverCacheHeaders(h, frozenNow)
		want := http.Header{
			"Content-Type":  {"text/html; charset=utf-8"},
			"Expires":       {"Tue, 14 Nov 2023 22:13:20 GMT"},
			"Cache-Control": {"max-age=0, no-cache, no-store, must-revalidate, private"},
		}
		if !headerEqual(h, want) {
			t.Errorf("AddNeverCacheHeaders = %v; want %v", h, want)
		}
	})
}

// unitsOptional is vectors.Units for a kind that may have no vectors.
func unitsOptional(t *testing.T, kind string) []vectors.Unit {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(vectors.Dir(), "units.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []vectors.Unit
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var u vectors.Unit
		if err := json.Unmarshal(line, &u); err != nil {
			t.Fatal(err)
		}
		if u.Kind == kind {
			out = append(out, u)
		}
	}
	return out
}
