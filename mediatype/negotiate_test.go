package mediatype_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/mediatype"
)

// negotiateTest is one negotiation: accept negotiated against offers, the
// chosen offer index (-1 for no match), the accepted media type and, when
// param is set, the value Param(param) must give.
type negotiateTest struct {
	accept    string
	offers    []string
	index     int
	mediaType string
	param     string
	value     string
}

var jsonHTML = []string{"application/json", "text/html"}

var rfcTests = []negotiateTest{
	{accept: acceptChrome, offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: acceptFirefox, offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: acceptSafari, offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: acceptChrome, offers: []string{"application/json"}, index: 0, mediaType: "application/json"},
	{accept: "*/*", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "", offers: jsonHTML, index: -1},
	{accept: " , ", offers: jsonHTML, index: -1},
	{accept: "application/json", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "APPLICATION/JSON", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "text/html", offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: "application/xml", offers: jsonHTML, index: -1},
	{accept: "application/jsön", offers: jsonHTML, index: -1},
	{accept: "application/jsön, text/html", offers: jsonHTML, index: 1, mediaType: "text/html"},
	// q ordering
	{accept: "text/html;q=0.1, application/json;q=0.9", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "application/json;q=0.1, text/html;q=0.9", offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: "application/*;q=0.5, text/html;q=0.4", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: acceptJava, offers: []string{"application/json"}, index: 0, mediaType: "application/json"},
	// q=0 vetoes, even under a wildcard
	{accept: "application/json;q=0, */*", offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: "*/*;q=0", offers: jsonHTML, index: -1},
	{accept: "*/*, application/json;q=0, text/html;q=0", offers: jsonHTML, index: -1},
	{accept: "application/json;q=0, application/json", offers: jsonHTML, index: 0, mediaType: "application/json"},
	// specificity, then server order
	{accept: "text/html, */*", offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: "*/*, text/html", offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: "text/html, application/json", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "text/html, application/json", offers: []string{"text/html", "application/json"}, index: 0, mediaType: "text/html"},
	{accept: "application/*, text/*", offers: jsonHTML, index: 0, mediaType: "application/json"},
	// RFC 9110 §12.5.1's example: text/html;level=1 1, text/html 0.7,
	// text/plain 0.3, image/jpeg 0.5, text/html;level=2 0.4,
	// text/html;level=3 0.7.
	{accept: acceptRFC, offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: acceptRFC, offers: []string{"image/jpeg", "text/html;level=2"}, index: 0, mediaType: "image/jpeg"},
	{accept: acceptRFC, offers: []string{"text/plain", "text/html;level=2"}, index: 1, mediaType: "text/html;level=2"},
	{accept: acceptRFC, offers: []string{"image/jpeg", "text/html;level=3"}, index: 1, mediaType: "text/html;level=3"},
	{accept: acceptRFC, offers: []string{"text/html", "text/html;level=1"}, index: 1, mediaType: "text/html;level=1"},
	{accept: acceptRFC, offers: []string{"text/plain", "image/jpeg"}, index: 1, mediaType: "image/jpeg"},
	// parameters carried to the renderer
	{accept: "application/json; indent=4", offers: jsonHTML, index: 0, mediaType: "application/json; indent=4", param: "indent", value: "4"},
	{accept: "*/*; indent=4", offers: jsonHTML, index: 0, mediaType: "application/json; indent=4", param: "indent", value: "4"},
	{accept: "*/*; INDENT=\"4\"", offers: jsonHTML, index: 0, mediaType: "application/json; indent=4", param: "Indent", value: "4"},
	{accept: `*/*; x="a b"; y="a\"b"; z="\a"`, offers: jsonHTML, index: 0, mediaType: `application/json; x="a b"; y="a\"b"; z=a`, param: "y", value: `a"b`},
	{accept: "application/json; indent=4;q=0.9", offers: jsonHTML, index: 0, mediaType: "application/json; indent=4", param: "q"},
	{accept: "application/json, application/json; indent=4", offers: jsonHTML, index: 0, mediaType: "application/json", param: "indent"},
	{accept: "application/json;indent=2;q=0.9, */*;q=0.1", offers: jsonHTML, index: 0, mediaType: "application/json; indent=2", param: "indent", value: "2"},
	// parameters of the offers
	{accept: "text/vcard; version=3.0", offers: []string{"text/vcard; version=4.0", "text/vcard; version=3.0"}, index: 1, mediaType: "text/vcard; version=3.0", param: "version", value: "3.0"},
	{accept: "text/vcard", offers: []string{"text/vcard; version=4.0", "text/vcard; version=3.0"}, index: 0, mediaType: "text/vcard; version=4.0", param: "version", value: "4.0"},
	{accept: "text/html; charset=UTF-8", offers: []string{"text/html; charset=utf-8"}, index: 0, mediaType: "text/html; charset=utf-8"},
	{accept: "text/html; level=2", offers: []string{"text/html; level=1"}, index: -1},
	{accept: "application/json", offers: []string{"application/json; indent=8"}, index: 0, mediaType: "application/json; indent=8", param: "indent", value: "8"},
	// wildcard offers report the client's type
	{accept: "image/png", offers: []string{"image/*"}, index: 0, mediaType: "image/png"},
	{accept: "*/*", offers: []string{"image/*"}, index: 0, mediaType: "image/*"},
	{accept: "image/png;q=0.5, image/gif", offers: []string{"image/*"}, index: 0, mediaType: "image/gif"},
	{accept: "image/png;q=0, image/*", offers: []string{"image/*"}, index: 0, mediaType: "image/*"},
	{accept: "image/png;q=0", offers: []string{"image/*"}, index: -1},
	{accept: "text/html", offers: []string{"image/*"}, index: -1},
	{accept: "text/html;q=0.5, application/json", offers: []string{"*/*"}, index: 0, mediaType: "application/json"},
}

var drfTests = []negotiateTest{
	// spec §2.12
	{accept: "*/*", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "application/json; indent=4", offers: jsonHTML, index: 0, mediaType: "application/json; indent=4", param: "indent", value: "4"},
	{accept: "text/*;q=0.5", offers: jsonHTML, index: 1, mediaType: "text/html;q=0.5", param: "q", value: "0.5"},
	{accept: "text/html, application/json", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "application/json;q=0.1, text/html;q=0.9", offers: jsonHTML, index: 0, mediaType: "application/json;q=0.1"},
	{accept: "text/html; charset=utf-8", offers: jsonHTML, index: 1, mediaType: "text/html; charset=utf-8"},
	{accept: acceptChrome, offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: "application/json, text/plain, */*", offers: []string{"text/html", "application/json"}, index: 1, mediaType: "application/json"},
	{accept: "", offers: jsonHTML, index: -1},
	// q ignored, q=0 included
	{accept: "application/json;q=0", offers: jsonHTML, index: 0, mediaType: "application/json;q=0"},
	{accept: "text/html;q=0.1, */*", offers: jsonHTML, index: 1, mediaType: "text/html;q=0.1"},
	// the reported string
	{accept: "*/*;q=0.8", offers: jsonHTML, index: 0, mediaType: "application/json;q=0.8"},
	{accept: "*/*; indent=4", offers: jsonHTML, index: 0, mediaType: "application/json;indent=4", param: "indent", value: "4"},
	{accept: "text/*; foo=bar", offers: []string{"text/html"}, index: 0, mediaType: "text/html;foo=bar", param: "foo", value: "bar"},
	{accept: "Application/JSON", offers: jsonHTML, index: 0, mediaType: "Application/JSON"},
	{accept: " application/json ; indent=2 ", offers: jsonHTML, index: 0, mediaType: "application/json ; indent=2", param: "indent", value: "2"},
	{accept: "*/*; a=1; A=2; b=\"x y\"", offers: jsonHTML, index: 0, mediaType: "application/json;a=2;b=x y", param: "a", value: "2"},
	{accept: "application/json; indent=4; indent=2", offers: jsonHTML, index: 0, mediaType: "application/json; indent=4; indent=2", param: "indent", value: "2"},
	// same bucket, several tokens: the first in header order
	{accept: "application/json; indent=4, application/json; indent=2", offers: jsonHTML, index: 0, mediaType: "application/json; indent=4", param: "indent", value: "4"},
	// offers with parameters and wildcards
	{accept: "application/json; indent=8", offers: []string{"application/json; indent=8"}, index: 0, mediaType: "application/json; indent=8"},
	{accept: "*/*", offers: []string{"application/json; indent=8"}, index: -1},
	{accept: "*/*;indent=8", offers: []string{"application/json; indent=8"}, index: 0, mediaType: "application/json; indent=8;indent=8", param: "indent", value: "8"},
	{accept: "application/openapi+json;version=2.0", offers: []string{"application/json", "application/openapi+json;version=2.0"}, index: 1, mediaType: "application/openapi+json;version=2.0"},
	{accept: "image/png", offers: []string{"image/*"}, index: 0, mediaType: "image/png"},
	{accept: "*/*", offers: []string{"image/*"}, index: 0, mediaType: "image/*"},
	{accept: "", offers: []string{"*/*"}, index: 0, mediaType: ""},
	// malformed: DRF's own reading, or skipped where DRF raises
	{accept: "application/jsön", offers: jsonHTML, index: -1},
	{accept: "application/jsön, text/html", offers: jsonHTML, index: 1, mediaType: "text/html"},
	{accept: "*/*; n\xc3\xb6=1", offers: jsonHTML, index: -1},
	{accept: "*/*; x=n\xc3\xb6", offers: jsonHTML, index: 0, mediaType: "application/json;x=n\xc3\xb6"},
	{accept: "*/*; x*=utf-8''caf%C3%A9", offers: jsonHTML, index: 0, mediaType: "application/json;x=café", param: "x", value: "café"},
	{accept: "*/*; x*=bogus''caf%C3%A9", offers: jsonHTML, index: -1},
	{accept: "*/json", offers: jsonHTML, index: 0, mediaType: "application/json"},
	{accept: "application/json/extra", offers: jsonHTML, index: -1},
	{accept: "*", offers: jsonHTML, index: -1},
	{accept: "text / html, text/ *", offers: []string{"text/html", "text/ *"}, index: 1, mediaType: "text/ *"},
	{accept: "text/ *, text/html ", offers: []string{"text/ *", "text/html"}, index: 0, mediaType: "text/ *"},
	{accept: "application/*;indent=2", offers: jsonHTML, index: 0, mediaType: "application/json;indent=2"},
}

func runNegotiateTests(t *testing.T, mode mediatype.Mode, tests []negotiateTest) {
	for _, tt := range tests {
		t.Run(tt.accept, func(t *testing.T) {
			n, err := mediatype.NewNegotiator(mode, tt.offers...)
			if err != nil {
				t.Fatalf("NewNegotiator(%v, %q) = %v", mode, tt.offers, err)
			}
			m, ok := n.Negotiate(tt.accept)
			if tt.index < 0 {
				if ok {
					t.Errorf("Negotiate(%q) over %q = %d %q; want no match", tt.accept, tt.offers, m.Index, m.MediaType())
				}
				return
			}
			if !ok || m.Index != tt.index || m.MediaType() != tt.mediaType {
				t.Fatalf("Negotiate(%q) over %q = %d %q, %v; want %d %q", tt.accept, tt.offers, m.Index, m.MediaType(), ok, tt.index, tt.mediaType)
			}
			if got := string(m.AppendMediaType([]byte("x"))); got != "x"+tt.mediaType {
				t.Errorf("AppendMediaType = %q; want %q", got, "x"+tt.mediaType)
			}
			if m.Offer() != tt.offers[tt.index] {
				t.Errorf("Offer() = %q; want %q", m.Offer(), tt.offers[tt.index])
			}
			if tt.param != "" {
				v, ok := m.Param(tt.param)
				if v != tt.value || ok != (tt.value != "") {
					t.Errorf("Param(%q) = %q, %v; want %q", tt.param, v, ok, tt.value)
				}
			}
		})
	}
}

func TestNegotiateRFC(t *testing.T) { runNegotiateTests(t, mediatype.ModeRFC, rfcTests) }

func TestNegotiateDRF(t *testing.T) { runNegotiateTests(t, mediatype.ModeDRF, drfTests) }

func TestNegotiateRequest(t *testing.T) {
	for _, mode := range []mediatype.Mode{mediatype.ModeRFC, mediatype.ModeDRF} {
		n, err := mediatype.NewNegotiator(mode, jsonHTML...)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			lines []string
			index int // -1: no match
		}{
			{nil, 0},
			{[]string{""}, -1},
			{[]string{"text/html"}, 1},
			{[]string{"image/png", "text/html"}, 1},
			{[]string{"", "application/json"}, 0},
		} {
			r := httptest.NewRequest("GET", "/", nil)
			if tt.lines != nil {
				r.Header["Accept"] = tt.lines
			}
			m, ok := n.NegotiateRequest(r)
			if got := map[bool]int{true: m.Index, false: -1}[ok]; got != tt.index {
				t.Errorf("%v: NegotiateRequest(Accept %q) = %d; want %d", mode, tt.lines, got, tt.index)
			}
			if ok != (tt.index >= 0) {
				continue
			}
			want, wok := n.Negotiate(mediatype.AcceptHeader(r))
			if wok != ok || want.Index != m.Index || want.MediaType() != m.MediaType() {
				t.Errorf("%v: NegotiateRequest(Accept %q) = %d %q; Negotiate(AcceptHeader) = %d %q", mode, tt.lines, m.Index, m.MediaType(), want.Index, want.MediaType())
			}
		}
	}
}

func TestNewNegotiatorErrors(t *testing.T) {
	for _, tt := range []struct {
		mode   mediatype.Mode
		offers []string
	}{
		{mediatype.ModeRFC, []string{"application/json", "json"}},
		{mediatype.ModeRFC, []string{"text/html; charset"}},
		{mediatype.ModeDRF, []string{"application/jsön"}},
		{mediatype.Mode(7), []string{"application/json"}},
	} {
		if _, err := mediatype.NewNegotiator(tt.mode, tt.offers...); err == nil {
			t.Errorf("NewNegotiator(%v, %q) = nil error; want an error", tt.mode, tt.offers)
		}
	}
}

func TestNegotiatorZeroAndMany(t *testing.T) {
	var zero mediatype.Negotiator
	if m, ok := zero.Negotiate("*/*"); ok {
		t.Errorf("zero Negotiator.Negotiate(*/*) = %d; want no match", m.Index)
	}
	var m mediatype.Match
	if m.MediaType() != "" || m.Offer() != "" {
		t.Errorf("zero Match = %q %q; want empty", m.MediaType(), m.Offer())
	}
	if _, ok := m.Param("x"); ok {
		t.Error("zero Match.Param(x) found a value")
	}
	// More offers than the RFC mode keeps on the stack.
	offers := make([]string, 40)
	for i := range offers {
		offers[i] = "application/x-" + strings.Repeat("a", i+1)
	}
	for _, mode := range []mediatype.Mode{mediatype.ModeRFC, mediatype.ModeDRF} {
		n, err := mediatype.NewNegotiator(mode, offers...)
		if err != nil {
			t.Fatal(err)
		}
		if n.Len() != 40 || n.Mode() != mode {
			t.Errorf("Len, Mode = %d, %v; want 40, %v", n.Len(), n.Mode(), mode)
		}
		m, ok := n.Negotiate(offers[33] + ", " + offers[35] + ";q=0.5")
		if !ok || m.Index != 33 {
			t.Errorf("%v: Negotiate over 40 offers = %d, %v; want 33", mode, m.Index, ok)
		}
	}
}

func TestModeString(t *testing.T) {
	for _, tt := range []struct {
		m    mediatype.Mode
		want string
	}{{mediatype.ModeRFC, "rfc9110"}, {mediatype.ModeDRF, "drf"}, {mediatype.Mode(9), "Mode(9)"}} {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Mode(%d).String() = %q; want %q", uint8(tt.m), got, tt.want)
		}
	}
}

// benchHeaders are the real Accept headers of the zero-allocation claim.
var benchHeaders = []struct{ name, accept string }{
	{"chrome", acceptChrome},
	{"firefox", acceptFirefox},
	{"safari", acceptSafari},
	{"curl", "*/*"},
	{"json", "application/json"},
	{"q_html_json", "text/html;q=0.1, application/json;q=0.9"},
	{"json_indent4", "application/json; indent=4"},
	{"star_indent4", "*/*; indent=4"},
}

var benchModes = []mediatype.Mode{mediatype.ModeRFC, mediatype.ModeDRF}

func TestNegotiateAllocs(t *testing.T) {
	for _, mode := range benchModes {
		n, err := mediatype.NewNegotiator(mode, jsonHTML...)
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "/", nil)
		buf := make([]byte, 0, 64)
		for _, h := range benchHeaders {
			req.Header["Accept"] = []string{h.accept}
			allocs := testing.AllocsPerRun(100, func() {
				m, ok := n.Negotiate(h.accept)
				if !ok {
					t.Fatalf("%v: Negotiate(%q) found no match", mode, h.accept)
				}
				m.Param("indent")
				buf = m.AppendMediaType(buf[:0])
				if m, ok = n.NegotiateRequest(req); !ok {
					t.Fatalf("%v: NegotiateRequest(%q) found no match", mode, h.accept)
				}
				m.Param("indent")
			})
			if allocs != 0 {
				t.Errorf("%v: Negotiate(%q) allocates %v times; want 0", mode, h.name, allocs)
			}
		}
	}
}

func BenchmarkNegotiate(b *testing.B) {
	for _, mode := range benchModes {
		n, err := mediatype.NewNegotiator(mode, jsonHTML...)
		if err != nil {
			b.Fatal(err)
		}
		for _, h := range benchHeaders {
			b.Run(mode.String()+"/"+h.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					n.Negotiate(h.accept)
				}
			})
		}
	}
}

// BenchmarkNegotiateOffers sweeps the number of offers with the Chrome
// header.
func BenchmarkNegotiateOffers(b *testing.B) {
	for _, size := range []int{1, 4, 16, 32} {
		offers := make([]string, size)
		for i := range offers {
			offers[i] = "application/x-" + strings.Repeat("a", i+1)
		}
		offers[size-1] = "text/html"
		for _, mode := range benchModes {
			n, err := mediatype.NewNegotiator(mode, offers...)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(mode.String()+"/n="+string(rune('0'+size/10))+string(rune('0'+size%10)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					n.Negotiate(acceptChrome)
				}
			})
		}
	}
}
