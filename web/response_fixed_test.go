package web_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/web"
)

var fixedHeaderErrorTests = []struct {
	name string
	h    http.Header
}{
	{"empty name", http.Header{"": {"x"}}},
	{"space in name", http.Header{"Bad Name": {"x"}}},
	{"CR in value", http.Header{"X-A": {"a\rb"}}},
	{"LF in second value", http.Header{"X-A": {"ok", "a\nb"}}},
}

func TestNewFixedHeaderErrors(t *testing.T) {
	for _, tt := range fixedHeaderErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := web.NewFixedHeader(tt.h); !errors.Is(err, web.ErrBadHeader) {
				t.Errorf("NewFixedHeader(%q) error = %v; want ErrBadHeader", tt.h, err)
			}
		})
	}
}

func mustFixed(t *testing.T, h http.Header) *web.FixedHeader {
	t.Helper()
	f, err := web.NewFixedHeader(h)
	if err != nil {
		t.Fatalf("NewFixedHeader(%q): %v", h, err)
	}
	return f
}

func TestFixedHeaderGet(t *testing.T) {
	src := http.Header{"allow": {"GET, HEAD"}, "Vary": {"Accept", "Cookie"}}
	f := mustFixed(t, src)
	src["Vary"][0] = "changed" // NewFixedHeader copied the values
	for name, want := range map[string]string{"Allow": "GET, HEAD", "ALLOW": "GET, HEAD", "vary": "Accept", "X-None": ""} {
		if got := f.Get(name); got != want {
			t.Errorf("Get(%q) = %q; want %q", name, got, want)
		}
	}
}

// TestSetFixedHeader checks that fixed headers behave as headers assigned
// to the Header map, whether the map exists yet or not.
func TestSetFixedHeader(t *testing.T) {
	f := mustFixed(t, http.Header{"Allow": {"GET, HEAD, OPTIONS"}, "Vary": {"Accept"}})

	var r web.BaseResponse
	r.SetFixedHeader(f)
	if !r.HasHeader("allow") || !r.HasHeader("Vary") || r.HasHeader("X-None") {
		t.Errorf("HasHeader: allow %v, Vary %v, X-None %v; want true, true, false",
			r.HasHeader("allow"), r.HasHeader("Vary"), r.HasHeader("X-None"))
	}
	rec := httptest.NewRecorder()
	if err := r.WriteHeader(rec); err != nil {
		t.Fatal(err)
	}
	if got := rec.Header().Get("Allow"); got != "GET, HEAD, OPTIONS" {
		t.Errorf("sent Allow = %q; want %q", got, "GET, HEAD, OPTIONS")
	}

	// The map holds them once asked for; Add copies the shared values.
	r.Header().Add("Vary", "Cookie")
	if got := f.Get("Vary"); got != "Accept" {
		t.Errorf("after Header().Add, the FixedHeader's Vary = %q; want Accept", got)
	}
	if got := r.Header()["Vary"]; len(got) != 2 || got[1] != "Cookie" {
		t.Errorf("Header()[Vary] = %q; want [Accept Cookie]", got)
	}

	// Set after other headers: into the map, replacing.
	var r2 web.BaseResponse
	if err := r2.SetHeader("Allow", "POST"); err != nil {
		t.Fatal(err)
	}
	r2.SetFixedHeader(f)
	if got := r2.Header().Get("Allow"); got != "GET, HEAD, OPTIONS" {
		t.Errorf("Allow after SetFixedHeader = %q; want the fixed value", got)
	}

	// Two fixed sets: both apply.
	var r3 web.BaseResponse
	r3.SetFixedHeader(f)
	r3.SetFixedHeader(mustFixed(t, http.Header{"X-Frame-Options": {"DENY"}}))
	if r3.Header().Get("Vary") != "Accept" || r3.Header().Get("X-Frame-Options") != "DENY" {
		t.Errorf("two fixed sets give %q; want Vary and X-Frame-Options", r3.Header())
	}

	// DelHeader removes a fixed header.
	var r4 web.BaseResponse
	r4.SetFixedHeader(f)
	r4.DelHeader("vary")
	if r4.HasHeader("Vary") || !r4.HasHeader("Allow") {
		t.Errorf("after DelHeader(vary): %q; want Allow only", r4.Header())
	}
	r4.SetFixedHeader(nil) // does nothing
	if got := string(r4.SerializeHeaders()); got != "Allow: GET, HEAD, OPTIONS" {
		t.Errorf("SerializeHeaders() = %q; want %q", got, "Allow: GET, HEAD, OPTIONS")
	}
}

func TestSetFixedHeaderCharset(t *testing.T) {
	var r web.BaseResponse
	r.SetFixedHeader(mustFixed(t, http.Header{"Content-Type": {"text/plain; charset=latin-1"}}))
	if got := r.Charset(); got != "latin-1" {
		t.Errorf("Charset() = %q; want latin-1", got)
	}
}

// TestFixedHeaderOrder checks the place of fixed headers in
// SerializeHeaders (Django's header order): set on a new response they
// come first, in name order, as Django's HttpResponse sets its
// Content-Type at construction; set on a response with headers they follow
// those, as SetHeader would put them.
func TestFixedHeaderOrder(t *testing.T) {
	fixed := mustFixed(t, http.Header{"Vary": {"Accept"}, "Allow": {"GET"}})
	jsonResp, err := web.NewJSONResponse(map[string]int{"a": 1})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		build func() *web.BaseResponse
		want  string
	}{
		{"fixed first", func() *web.BaseResponse {
			var r web.BaseResponse
			r.SetFixedHeader(fixed)
			r.Header().Set("X-Late", "1")
			return &r
		}, "Allow: GET\r\nVary: Accept\r\nX-Late: 1"},
		{"fixed first, SetHeader after", func() *web.BaseResponse {
			var r web.BaseResponse
			r.SetFixedHeader(fixed)
			if err := r.SetHeader("X-Late", "1"); err != nil {
				t.Fatal(err)
			}
			return &r
		}, "Allow: GET\r\nVary: Accept\r\nX-Late: 1"},
		{"fixed after SetHeader", func() *web.BaseResponse {
			var r web.BaseResponse
			if err := r.SetHeader("X-Early", "1"); err != nil {
				t.Fatal(err)
			}
			r.SetFixedHeader(fixed)
			return &r
		}, "X-Early: 1\r\nAllow: GET\r\nVary: Accept"},
		{"fixed replaces a header set before", func() *web.BaseResponse {
			var r web.BaseResponse
			if err := r.SetHeader("Vary", "Cookie"); err != nil {
				t.Fatal(err)
			}
			if err := r.SetHeader("X-Early", "1"); err != nil {
				t.Fatal(err)
			}
			r.SetFixedHeader(fixed)
			return &r
		}, "Vary: Accept\r\nX-Early: 1\r\nAllow: GET"},
		{"JsonResponse", func() *web.BaseResponse {
			if err := jsonResp.SetHeader("X-Frame-Options", "DENY"); err != nil {
				t.Fatal(err)
			}
			return jsonResp.Base()
		}, "Content-Type: application/json\r\nX-Frame-Options: DENY"},
		{"HttpResponse", func() *web.BaseResponse {
			r := web.NewHTTPResponse("hi")
			if err := r.SetHeader("Cache-Control", "no-cache"); err != nil {
				t.Fatal(err)
			}
			return r.Base()
		}, "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-cache"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(tt.build().SerializeHeaders()); got != tt.want {
				t.Errorf("SerializeHeaders() = %q; want %q", got, tt.want)
			}
		})
	}
}

// TestFixedHeaderCopied checks that a response's header map does not share
// memory with its fixed headers: changing a value in place on one response
// changes neither the FixedHeader nor another response.
func TestFixedHeaderCopied(t *testing.T) {
	fixed := mustFixed(t, http.Header{"Vary": {"Accept"}, "Allow": {"GET", "HEAD"}})
	tests := []struct {
		name string
		set  func(r *web.BaseResponse)
	}{
		{"on a new response", func(r *web.BaseResponse) { r.SetFixedHeader(fixed) }},
		{"on a response with headers", func(r *web.BaseResponse) {
			r.Header().Set("X-Early", "1")
			r.SetFixedHeader(fixed)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b web.BaseResponse
			tt.set(&a)
			tt.set(&b)
			a.Header()["Vary"][0] = "Cookie"
			a.Header()["Allow"][1] = "POST"
			if got := b.Header()["Vary"]; len(got) != 1 || got[0] != "Accept" {
				t.Errorf("other response's Vary = %q; want [Accept]", got)
			}
			if got := fixed.Get("Allow"); got != "GET" {
				t.Errorf("FixedHeader Allow = %q; want GET", got)
			}
			if got := b.Header()["Allow"]; len(got) != 2 || got[1] != "HEAD" {
				t.Errorf("other response's Allow = %q; want [GET HEAD]", got)
			}
		})
	}
}
