package rest

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// fakeRenderer returns a renderer with the given media type and format that
// writes its format name.
func fakeRenderer(mediaType, format string) render.Renderer {
	return render.Func{
		Spec: render.Info{MediaType: mediaType, Format: format},
		Fn: func(w io.Writer, _ any, _ *render.Context) error {
			_, err := w.Write([]byte(format))
			return err
		},
	}
}

const reasonNonASCII = "DRF raises UnicodeDecodeError (a 500) on the non-ASCII Accept " +
	"'application/jsön'; restframe skips the malformed entry, leaving none, so the " +
	"answer is NotAcceptable (406), never a 500"

// selectRendererDivergences are the select_renderer vectors where restframe
// deliberately differs from DRF 3.14 (DESIGN.md, "non-ASCII or malformed
// Accept").
var selectRendererDivergences = map[string]string{
	"select_renderer.json_api.malformed_nonascii.none":    reasonNonASCII,
	"select_renderer.api_json.malformed_nonascii.none":    reasonNonASCII,
	"select_renderer.json_only.malformed_nonascii.none":   reasonNonASCII,
	"select_renderer.static_json.malformed_nonascii.none": reasonNonASCII,
	"select_renderer.jpeg_api.malformed_nonascii.none":    reasonNonASCII,
	"select_renderer.image_any.malformed_nonascii.none":   reasonNonASCII,
}

type selectInput struct {
	Renderers    [][3]string `json:"renderers"` // [name, media_type, format]
	Accept       *string     `json:"accept"`
	FormatQuery  *string     `json:"format_query"`
	FormatSuffix *string     `json:"format_suffix"`
}

type selectOutput struct {
	Renderer          string `json:"renderer"`
	Format            string `json:"format"`
	AcceptedMediaType string `json:"accepted_media_type"`
	OrderDependent    bool   `json:"order_dependent"`
	Error             string `json:"error"`
}

// selectThroughNegotiation runs a select_renderer vector through
// Negotiation and RequestFormat, as a View does, in ModeDRF.
func selectThroughNegotiation(t *testing.T, in selectInput) selectOutput {
	t.Helper()
	rs := make([]render.Renderer, len(in.Renderers))
	for i, r := range in.Renderers {
		rs[i] = fakeRenderer(r[1], r[2])
	}
	n, err := NewNegotiation(mediatype.ModeDRF, rs)
	if err != nil {
		t.Fatalf("NewNegotiation = %v", err)
	}
	req := httptest.NewRequest("GET", "/", nil)
	if in.FormatQuery != nil {
		req.URL.RawQuery = "format=" + url.QueryEscape(*in.FormatQuery)
	}
	if in.FormatSuffix != nil {
		req.SetPathValue("format", *in.FormatSuffix)
	}
	if in.Accept != nil {
		req.Header["Accept"] = []string{*in.Accept}
	}
	sel, err := n.Select(req, RequestFormat(req, "format", "format"))
	var e *Error
	switch {
	case errors.As(err, &e) && e.Status == http.StatusNotFound:
		return selectOutput{Error: "Http404"}
	case errors.As(err, &e) && e.Status == http.StatusNotAcceptable:
		return selectOutput{Error: "NotAcceptable"}
	case err != nil:
		t.Fatalf("Select = %v", err)
	}
	r := in.Renderers[sel.Index]
	return selectOutput{Renderer: r[0], Format: r[2], AcceptedMediaType: sel.MediaType}
}

func TestVectorsSelectRenderer(t *testing.T) {
	seen := 0
	for _, u := range vectors.Units(t, "select_renderer") {
		t.Run(u.ID, func(t *testing.T) {
			var in selectInput
			var want selectOutput
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			got := selectThroughNegotiation(t, in)
			if reason, ok := selectRendererDivergences[u.ID]; ok {
				seen++
				if got.Error != "NotAcceptable" {
					t.Errorf("select(%s) = %+v; want NotAcceptable (%s)", u.Input, got, reason)
				}
				return
			}
			if want.Error == "NotAcceptable" && want.Error != got.Error {
				t.Errorf("select(%s) = %+v; want %+v", u.Input, got, want)
				return
			}
			if want.OrderDependent && got.Renderer == want.Renderer && got.AcceptedMediaType != want.AcceptedMediaType {
				// DRF picks among equally specific tokens in set order:
				// any token of the header is a valid pick.
				if in.Accept == nil || !strings.Contains(*in.Accept, got.AcceptedMediaType) {
					t.Errorf("select(%s) accepted %q; want a token like %q", u.Input, got.AcceptedMediaType, want.AcceptedMediaType)
				}
				return
			}
			want.OrderDependent = false
			if got != want {
				t.Errorf("select(%s) = %+v; want %+v", u.Input, got, want)
			}
		})
	}
	if seen != len(selectRendererDivergences) {
		t.Errorf("asserted %d divergences; want %d", seen, len(selectRendererDivergences))
	}
}

var negotiationTests = []struct {
	name      string
	mode      mediatype.Mode
	accept    *string // nil: absent
	format    string
	wantIndex int
	wantType  string
	wantErr   int
}{
	{"absent", mediatype.ModeRFC, nil, "", 0, "application/json", 0},
	{"star", mediatype.ModeRFC, ptr("*/*"), "", 0, "application/json", 0},
	{"html", mediatype.ModeRFC, ptr("text/html"), "", 1, "text/html", 0},
	{"rfc q", mediatype.ModeRFC, ptr("text/html;q=0.1, */*"), "", 0, "application/json", 0},
	{"drf q ignored", mediatype.ModeDRF, ptr("text/html;q=0.1, */*"), "", 1, "text/html;q=0.1", 0},
	{"rfc indent", mediatype.ModeRFC, ptr("*/*; indent=4"), "", 0, "application/json; indent=4", 0},
	{"drf indent", mediatype.ModeDRF, ptr("*/*; indent=4"), "", 0, "application/json;indent=4", 0},
	{"rfc q=0 veto", mediatype.ModeRFC, ptr("application/json;q=0"), "", 0, "", 406},
	{"drf q=0 matches", mediatype.ModeDRF, ptr("application/json;q=0"), "", 0, "application/json;q=0", 0},
	{"empty accept", mediatype.ModeRFC, ptr(""), "", 0, "", 406},
	{"unacceptable", mediatype.ModeRFC, ptr("image/png"), "", 0, "", 406},
	{"format filters", mediatype.ModeRFC, nil, "html", 1, "text/html", 0},
	{"format does not bypass accept", mediatype.ModeRFC, ptr("application/json"), "html", 0, "", 406},
	{"unknown format", mediatype.ModeRFC, nil, "xml", 0, "", 404},
	{"second format renderer", mediatype.ModeRFC, ptr("text/plain"), "txt", 2, "text/plain", 0},
}

func ptr(s string) *string { return &s }

func TestNegotiationSelect(t *testing.T) {
	rs := []render.Renderer{render.JSON{}, render.StaticHTML{}, render.PlainText{}}
	for _, tt := range negotiationTests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := NewNegotiation(tt.mode, rs)
			if err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest("GET", "/", nil)
			if tt.accept != nil {
				req.Header["Accept"] = []string{*tt.accept}
			}
			sel, err := n.Select(req, tt.format)
			if tt.wantErr != 0 {
				var e *Error
				if !errors.As(err, &e) || e.Status != tt.wantErr {
					t.Fatalf("Select(%v, %q) = %+v, %v; want status %d", tt.accept, tt.format, sel, err, tt.wantErr)
				}
				return
			}
			if err != nil || sel.Index != tt.wantIndex || sel.MediaType != tt.wantType {
				t.Errorf("Select(%v, %q) = %d %q, %v; want %d %q", tt.accept, tt.format, sel.Index, sel.MediaType, err, tt.wantIndex, tt.wantType)
			}
			if tt.accept != nil {
				sel2, err2 := n.SelectAccept(*tt.accept, tt.format)
				if sel2 != sel || (err2 == nil) != (err == nil) {
					t.Errorf("SelectAccept(%q, %q) = %+v, %v; want %+v", *tt.accept, tt.format, sel2, err2, sel)
				}
			}
		})
	}
}

func TestNewNegotiationErrors(t *testing.T) {
	if _, err := NewNegotiation(mediatype.ModeRFC, nil); !errors.Is(err, ErrNoRenderers) {
		t.Errorf("NewNegotiation(nil) = %v; want ErrNoRenderers", err)
	}
	bad := []render.Renderer{fakeRenderer("not a type", "x")}
	if _, err := NewNegotiation(mediatype.ModeRFC, bad); err == nil {
		t.Errorf("NewNegotiation(%q) = nil error; want one", "not a type")
	}
}

var requestFormatTests = []struct {
	name, target, suffix, want string
}{
	{"none", "/x", "", ""},
	{"query", "/x?format=json", "", "json"},
	{"last query value", "/x?format=json&format=api", "", "api"},
	{"empty query", "/x?format=", "", ""},
	{"escaped", "/x?%66ormat=js%6Fn", "", "json"},
	{"malformed escape kept", "/x?format=%zz", "", "%zz"},
	// Python's unquote keeps only the malformed escape and decodes the
	// others (found by FuzzRequestFormat).
	{"malformed beside valid escape", "/x?format=%%6Aso%6E%", "", "%json%"},
	{"plus is a space", "/x?format=a+b", "", "a b"},
	{"escaped key with malformed escape", "/x?%%66ormat=x&%66ormat=json", "", "json"},
	{"other keys", "/x?a=1&formats=x&b", "", ""},
	{"suffix wins", "/x?format=api", "json", "json"},
}

func TestRequestFormat(t *testing.T) {
	for _, tt := range requestFormatTests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tt.target, nil)
			if tt.suffix != "" {
				req.SetPathValue("format", tt.suffix)
			}
			if got := RequestFormat(req, "format", "format"); got != tt.want {
				t.Errorf("RequestFormat(%q, suffix %q) = %q; want %q", tt.target, tt.suffix, got, tt.want)
			}
		})
	}
	req := httptest.NewRequest("GET", "/x?format=json", nil)
	if got := RequestFormat(req, "format", ""); got != "" {
		t.Errorf("RequestFormat with the override disabled = %q; want \"\"", got)
	}
}

func TestNegotiationSelectAllocs(t *testing.T) {
	n, err := NewNegotiation(mediatype.ModeRFC, []render.Renderer{render.JSON{}, render.StaticHTML{}})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := n.Select(req, RequestFormat(req, "format", "format")); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("Select allocates %v times; want 0", allocs)
	}
}

func FuzzRequestFormat(f *testing.F) {
	for _, tt := range requestFormatTests {
		if _, q, ok := strings.Cut(tt.target, "?"); ok {
			f.Add(q)
		}
	}
	f.Add("format=a;format=b")
	f.Add("format=%C3%A9&&=&format")
	f.Fuzz(func(t *testing.T, q string) {
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.RawQuery = q
		got := RequestFormat(req, "format", "format")
		qd, err := web.NewRequest(req, nil).Query()
		if err != nil {
			return
		}
		want, _ := qd.Get("format")
		if !utf8.ValidString(got) || strings.ContainsRune(want, utf8.RuneError) {
			return // undecodable bytes: no renderer has such a format either way
		}
		if got != want {
			t.Fatalf("RequestFormat(?%s) = %q; QueryDict says %q", q, got, want)
		}
	})
}
