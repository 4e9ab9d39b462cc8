package render_test

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/restframe/restframe/render"
)

// jsonFuzzRenderers are the settings FuzzJSONRender checks.
var jsonFuzzRenderers = []struct {
	r   render.JSON
	ctx *render.Context
}{
	{render.JSON{}, nil},
	{render.JSON{EnsureASCII: true, LongSeparators: true}, nil},
	{render.JSON{}, &render.Context{AcceptedMediaType: "application/json; indent=3"}},
	{render.JSON{EnsureASCII: true}, &render.Context{Indent: 0, HasIndent: true}},
}

// FuzzJSONRender renders arbitrary JSON decoded into Go values (and the
// raw input as a json.RawMessage and as a string): the output must be
// valid JSON that decodes to the same value, and strings must be written as
// encoding/json writes them.
func FuzzJSONRender(f *testing.F) {
	for _, tt := range jsonTests {
		if b, err := json.Marshal(tt.data); err == nil {
			f.Add(b)
		}
	}
	for _, v := range plainValues {
		if b, err := json.Marshal(v); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"a":[1,2.5,-0.0,1e400,"\u2028é\ud800"],"b":{}}`))
	f.Add([]byte("\"a\xffb\x7f\u2029\""))
	f.Fuzz(func(t *testing.T, in []byte) {
		// A Go string of the input bytes: same bytes as encoding/json.
		var got bytes.Buffer
		if err := (render.JSON{}).Render(&got, string(in), nil); err != nil {
			t.Fatalf("Render(string %q) error = %v", in, err)
		}
		if want := encodingJSON(t, string(in), ""); got.String() != want {
			t.Fatalf("Render(string %q) = %s; encoding/json: %s", in, got.String(), want)
		}
		if !json.Valid(in) {
			return
		}
		var want any
		if err := json.Unmarshal(in, &want); err != nil {
			return // e.g. a number out of float64 range
		}
		for _, c := range jsonFuzzRenderers {
			for _, data := range []any{want, json.RawMessage(in)} {
				got.Reset()
				if err := c.r.Render(&got, data, c.ctx); err != nil {
					t.Fatalf("%+v.Render(%s) error = %v", c.r, in, err)
				}
				if data == nil {
					// DRF renders None as no body at all.
					if got.Len() != 0 {
						t.Fatalf("%+v.Render(nil) = %q; want nothing", c.r, got.Bytes())
					}
					continue
				}
				var back any
				if err := json.Unmarshal(got.Bytes(), &back); err != nil {
					t.Fatalf("%+v.Render(%s) = %s: invalid JSON: %v", c.r, in, got.Bytes(), err)
				}
				if !reflect.DeepEqual(back, want) {
					t.Fatalf("%+v.Render(%s) = %s, decodes to %#v; want %#v", c.r, in, got.Bytes(), back, want)
				}
			}
		}
	})
}

// FuzzJSONFloat checks that every finite float is written as a JSON
// number that parses back to the same float, in Python's repr layout.
func FuzzJSONFloat(f *testing.F) {
	for _, x := range []float64{0, 1, 0.1, 1e16, 1e-4, 9.999e-5, 1e300, 5e-324, math.MaxFloat64} {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		var buf bytes.Buffer
		err := (render.JSON{}).Render(&buf, x, nil)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			if err == nil {
				t.Fatalf("Render(%v) error = nil; want ErrOutOfRangeFloat", x)
			}
			return
		}
		s := buf.String()
		back, perr := strconv.ParseFloat(s, 64)
		if err != nil || perr != nil || back != x || math.Signbit(back) != math.Signbit(x) {
			t.Fatalf("Render(%v) = %q, %v; parses back to %v (%v)", x, s, err, back, perr)
		}
		if !strings.ContainsAny(s, ".e") {
			t.Fatalf("Render(%v) = %q; want a '.' or an exponent (Python's repr)", x, s)
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("Render(%v) = %q; not valid JSON", x, s)
		}
	})
}

// FuzzIndentParam checks ParseIndent on arbitrary parameter values and
// media types: no panic, a result in 0..MaxIndent, integers read back,
// and the JSON renderer's output valid whatever the media type.
func FuzzIndentParam(f *testing.F) {
	for _, tt := range parseIndentTests {
		f.Add(tt.mediaType)
	}
	f.Fuzz(func(t *testing.T, mediaType string) {
		n, ok := render.ParseIndent(mediaType)
		if n < 0 || n > render.MaxIndent || !ok && n != 0 {
			t.Fatalf("ParseIndent(%q) = %d, %v; want 0..%d", mediaType, n, ok, render.MaxIndent)
		}
		if i, err := strconv.Atoi(mediaType); err == nil {
			want := min(max(i, 0), render.MaxIndent)
			mt := "application/json; indent=" + mediaType
			if got, ok := render.ParseIndent(mt); !ok || got != want {
				t.Fatalf("ParseIndent(%q) = %d, %v; want %d, true", mt, got, ok, want)
			}
		}
		var buf bytes.Buffer
		ctx := &render.Context{AcceptedMediaType: mediaType}
		if err := (render.JSON{}).Render(&buf, map[string]any{"a": []any{1, "b"}}, ctx); err != nil || !json.Valid(buf.Bytes()) {
			t.Fatalf("Render with media type %q = %q, %v; want valid JSON", mediaType, buf.Bytes(), err)
		}
	})
}
