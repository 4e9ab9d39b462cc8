package mediatype_test

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/mediatype"
)

// selectRendererDivergences are the select_renderer vectors where restframe
// deliberately differs from DRF 3.14 (DESIGN.md, "non-ASCII or malformed
// Accept"), with the reason. Each is asserted explicitly.
var selectRendererDivergences = map[string]string{
	"select_renderer.json_api.malformed_nonascii.none":    reasonNonASCII,
	"select_renderer.api_json.malformed_nonascii.none":    reasonNonASCII,
	"select_renderer.json_only.malformed_nonascii.none":   reasonNonASCII,
	"select_renderer.static_json.malformed_nonascii.none": reasonNonASCII,
	"select_renderer.jpeg_api.malformed_nonascii.none":    reasonNonASCII,
	"select_renderer.image_any.malformed_nonascii.none":   reasonNonASCII,
}

const reasonNonASCII = "DRF raises UnicodeDecodeError (a 500) on the non-ASCII Accept " +
	"'application/jsön'; restframe skips the malformed entry, leaving none, so the " +
	"answer is NotAcceptable (406), never a 500"

// selectInput is the input of a select_renderer vector.
type selectInput struct {
	Renderers    [][3]string `json:"renderers"` // [name, media_type, format]
	Accept       *string     `json:"accept"`    // nil: header absent
	FormatQuery  *string     `json:"format_query"`
	FormatSuffix *string     `json:"format_suffix"`
}

// selectOutput is the output of a select_renderer vector.
type selectOutput struct {
	Renderer          string `json:"renderer"`
	Format            string `json:"format"`
	AcceptedMediaType string `json:"accepted_media_type"`
	OrderDependent    bool   `json:"order_dependent"`
	Error             string `json:"error"`
}

// selectRenderer is DRF's select_renderer as the rest layer composes it:
// the format (URL suffix, else ?format=; empty means none) filters the
// renderers first (none left: Http404), then the Accept header is negotiated
// in ModeDRF among the remaining ones (none acceptable: NotAcceptable).
func selectRenderer(t *testing.T, in selectInput) selectOutput {
	t.Helper()
	format := ""
	if in.FormatSuffix != nil && *in.FormatSuffix != "" {
		format = *in.FormatSuffix
	} else if in.FormatQuery != nil {
		format = *in.FormatQuery
	}
	renderers := in.Renderers
	if format != "" {
		renderers = nil
		for _, r := range in.Renderers {
			if r[2] == format {
				renderers = append(renderers, r)
			}
		}
		if len(renderers) == 0 {
			return selectOutput{Error: "Http404"}
		}
	}
	offers := make([]string, len(renderers))
	for i, r := range renderers {
		offers[i] = r[1]
	}
	n, err := mediatype.NewNegotiator(mediatype.ModeDRF, offers...)
	if err != nil {
		t.Fatalf("NewNegotiator(%q) = %v", offers, err)
	}
	req := httptest.NewRequest("GET", "/", nil)
	if in.Accept != nil {
		req.Header["Accept"] = []string{*in.Accept}
	}
	m, ok := n.NegotiateRequest(req)
	if !ok {
		return selectOutput{Error: "NotAcceptable"}
	}
	r := renderers[m.Index]
	return selectOutput{Renderer: r[0], Format: r[2], AcceptedMediaType: m.MediaType()}
}

func TestVectorsSelectRenderer(t *testing.T) {
	units := vectors.Units(t, "select_renderer")
	seen := 0
	for _, u := range units {
		t.Run(u.ID, func(t *testing.T) {
			var in selectInput
			var want selectOutput
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			got := selectRenderer(t, in)
			if reason, ok := selectRendererDivergences[u.ID]; ok {
				seen++
				if !strings.HasPrefix(want.Error, "Unicode") {
					t.Fatalf("divergence %s: DRF output %+v is no longer a Unicode error", u.ID, want)
				}
				if got.Error != "NotAcceptable" {
					t.Errorf("select_renderer(%q) = %+v; want NotAcceptable (%s)", *in.Accept, got, reason)
				}
				return
			}
			if want.OrderDependent && got.Renderer == want.Renderer && got.AcceptedMediaType != want.AcceptedMediaType {
				// DRF picked among equally specific tokens in set order;
				// any of them is valid.
				if !sameBucketToken(in, got.AcceptedMediaType, want.AcceptedMediaType, in.Renderers, got.Renderer) {
					t.Errorf("select_renderer(%q) accepted %q; want a token equivalent to %q", *in.Accept, got.AcceptedMediaType, want.AcceptedMediaType)
				}
				return
			}
			want.OrderDependent = false
			if got != want {
				t.Errorf("select_renderer(%s) = %+v; want %+v", u.Input, got, want)
			}
		})
	}
	if seen != len(selectRendererDivergences) {
		t.Errorf("asserted %d divergences; want %d", seen, len(selectRendererDivergences))
	}
}

// sameBucketToken reports whether got is a token of the Accept header in
// the same precedence bucket as want that the chosen renderer matches: an
// equally valid pick of DRF's set iteration.
func sameBucketToken(in selectInput, got, want string, renderers [][3]string, renderer string) bool {
	var rendererType string
	for _, r := range renderers {
		if r[0] == renderer {
			rendererType = r[1]
		}
	}
	g, err1 := mediatype.ParseDRF(got)
	w, err2 := mediatype.ParseDRF(want)
	if err1 != nil || err2 != nil || g.Precedence() != w.Precedence() {
		return false
	}
	for _, tok := range strings.Split(*in.Accept, ",") {
		if strings.TrimSpace(tok) == got {
			return mediatype.MediaTypeMatches(rendererType, got)
		}
	}
	return false
}

func TestVectorsMediatypeParse(t *testing.T) {
	for _, u := range vectors.Units(t, "mediatype_parse") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				MediaType string `json:"media_type"`
			}
			var want struct {
				MainType   string            `json:"main_type"`
				SubType    string            `json:"sub_type"`
				Params     map[string]string `json:"params"`
				Precedence int               `json:"precedence"`
				Str        string            `json:"str"`
			}
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			m, err := mediatype.ParseDRF(in.MediaType)
			if err != nil {
				t.Fatalf("ParseDRF(%q) = %v", in.MediaType, err)
			}
			if m.MainType != want.MainType || m.SubType != want.SubType {
				t.Errorf("ParseDRF(%q) types = %q, %q; want %q, %q", in.MediaType, m.MainType, m.SubType, want.MainType, want.SubType)
			}
			if len(m.Params) != len(want.Params) {
				t.Errorf("ParseDRF(%q).Params = %v; want %v", in.MediaType, m.Params, want.Params)
			}
			for k, v := range want.Params {
				if got, ok := m.Param(k); !ok || got != v {
					t.Errorf("ParseDRF(%q).Param(%q) = %q, %v; want %q", in.MediaType, k, got, ok, v)
				}
			}
			if got := m.Precedence(); got != want.Precedence {
				t.Errorf("ParseDRF(%q).Precedence() = %d; want %d", in.MediaType, got, want.Precedence)
			}
			if got := m.String(); got != want.Str {
				t.Errorf("ParseDRF(%q).String() = %q; want %q", in.MediaType, got, want.Str)
			}
		})
	}
}

func TestVectorsMediaTypeMatches(t *testing.T) {
	for _, u := range vectors.Units(t, "media_type_matches") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct{ LHS, RHS string }
			var want bool
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := mediatype.MediaTypeMatches(in.LHS, in.RHS); got != want {
				t.Errorf("MediaTypeMatches(%q, %q) = %v; want %v", in.LHS, in.RHS, got, want)
			}
		})
	}
}

func TestVectorsOrderByPrecedence(t *testing.T) {
	for _, u := range vectors.Units(t, "order_by_precedence") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				MediaTypes []string `json:"media_types"`
			}
			var want [][]string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			got := mediatype.OrderByPrecedence(in.MediaTypes)
			if len(got) != len(want) {
				t.Fatalf("OrderByPrecedence(%q) = %q; want %q", in.MediaTypes, got, want)
			}
			for i := range got {
				g, w := slices.Clone(got[i]), slices.Clone(want[i])
				slices.Sort(g)
				slices.Sort(w)
				if !slices.Equal(g, w) {
					t.Errorf("OrderByPrecedence(%q) group %d = %q; want the set %q", in.MediaTypes, i, got[i], want[i])
				}
			}
		})
	}
}
