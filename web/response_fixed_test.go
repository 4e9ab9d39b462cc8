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
