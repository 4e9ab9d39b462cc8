package render_test

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// uuidValue stands for Python's uuid.UUID: Go UUID types implement
// encoding.TextMarshaler with the canonical form.
type uuidValue [16]byte

func (u uuidValue) MarshalText() ([]byte, error) {
	const hex = "0123456789abcdef"
	var b []byte
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hex[c>>4], hex[c&15])
	}
	return b, nil
}

func mustBigInt(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return n
}

func mustBigFloat(s string) *big.Float {
	f, ok := new(big.Float).SetString(s)
	if !ok {
		panic(s)
	}
	return f
}

// jsonSamples are the Go equivalents of the Python data samples the
// json_renderer vectors were recorded with (Python dicts keep insertion
// order: web.JSONObject; Decimal: *big.Float; datetime: time.Time and the
// web naive types; timedelta: time.Duration; UUID: a TextMarshaler; bytes:
// []byte; a dict with non-string keys: the keys as Python converts them).
var jsonSamples = map[string]any{
	"simple": web.JSONObject{{Key: "a", Value: 1}, {Key: "b", Value: []any{1, 2}}},
	"unicode": web.JSONObject{
		{Key: "s", Value: "★ café 😀"},
		{Key: "ls", Value: "\u2028\u2029"},
	},
	"floats": []any{1.5, 0.1, 1e20, 1e-7, 3.0, math.Copysign(0, -1), 123456789.123456789, 1e300, 1e16, 1e15, 0.000123},
	"nested_empty": web.JSONObject{
		{Key: "a", Value: map[string]any{}},
		{Key: "b", Value: []any{}},
		{Key: "c", Value: []any{map[string]any{}}},
		{Key: "d", Value: nil},
	},
	"string":  "hi",
	"none":    nil,
	"false":   false,
	"escapes": "\"\\/\b\f\n\r\t\x00\x1f\x7f<>&'",
	"nan":     math.NaN(),
	"inf":     math.Inf(1),
	"json_data_view": web.JSONObject{
		{Key: "star", Value: "\u2605"},
		{Key: "line_sep", Value: "a\u2028b\u2029c"},
		{Key: "escapes", Value: "quote \" backslash \\ slash / tab \t nl \n ctrl \x01 del \x7f"},
		{Key: "html", Value: "<script>&</script>"},
		{Key: "non_bmp", Value: "\U0001F600"},
		{Key: "latin", Value: "caf\u00e9"},
		{Key: "nested", Value: web.JSONObject{
			{Key: "list", Value: []any{1, []any{2, []any{3, map[string]any{"deep": nil}}}}},
			{Key: "empty_list", Value: []any{}},
			{Key: "empty_obj", Value: map[string]any{}},
		}},
		{Key: "floats", Value: []float64{1.5, 0.1, 1e20, 1e-7, 3.0, math.Copysign(0, -1), 123456789.123456789, 1e300}},
		{Key: "ints", Value: []any{0, -1, int64(1<<53 + 1), mustBigInt("1000000000000000000000000000000")}},
		{Key: "bools", Value: []bool{true, false}},
		{Key: "none", Value: nil},
		{Key: "decimal", Value: mustBigFloat("1.10")},
		{Key: "datetime_aware", Value: time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC)},
		{Key: "datetime_naive", Value: web.NaiveDateTime(time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC))},
		{Key: "date", Value: web.Date(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC))},
		{Key: "time", Value: web.TimeOfDay(time.Date(1, 1, 1, 3, 4, 5, 600000, time.UTC))},
		{Key: "timedelta", Value: 24*time.Hour + 2*time.Second + 3*time.Microsecond},
		{Key: "uuid", Value: uuidValue{0x12, 0x34, 0x56, 0x78, 0x12, 0x34, 0x56, 0x78, 0x12, 0x34, 0x56, 0x78, 0x12, 0x34, 0x56, 0x78}},
		{Key: "tuple", Value: [2]any{1, "two"}},
		{Key: "bytes", Value: []byte("raw bytes")},
		{Key: "int_key_dict", Value: web.JSONObject{
			{Key: "1", Value: "one"},
			{Key: "2.5", Value: "two and half"},
			{Key: "null", Value: "none"},
			{Key: "false", Value: "false"},
		}},
	},
}

// jsonVectorInput is the input of a json_renderer vector.
type jsonVectorInput struct {
	DataSample    string `json:"data_sample"`
	RendererAttrs struct {
		EnsureASCII *bool `json:"ensure_ascii"`
		Compact     *bool `json:"compact"`
		Strict      *bool `json:"strict"`
	} `json:"renderer_attrs"`
	AcceptedMediaType *string        `json:"accepted_media_type"`
	RendererContext   map[string]int `json:"renderer_context"`
}

func TestVectorsJSONRenderer(t *testing.T) {
	units := vectors.Units(t, "json_renderer")
	for _, u := range units {
		t.Run(u.ID, func(t *testing.T) {
			var in jsonVectorInput
			vectors.Decode(t, u.Input, &in)
			data, ok := jsonSamples[in.DataSample]
			if !ok {
				t.Fatalf("no Go equivalent for data sample %q", in.DataSample)
			}
			var r render.JSON
			if a := in.RendererAttrs.EnsureASCII; a != nil {
				r.EnsureASCII = *a
			}
			if c := in.RendererAttrs.Compact; c != nil {
				r.LongSeparators = !*c
			}
			if s := in.RendererAttrs.Strict; s != nil {
				r.AllowNaN = !*s
			}
			ctx := &render.Context{}
			if in.AcceptedMediaType != nil {
				ctx.AcceptedMediaType = *in.AcceptedMediaType
			}
			if n, ok := in.RendererContext["indent"]; ok {
				ctx.Indent, ctx.HasIndent = n, true
			}
			var buf bytes.Buffer
			err := r.Render(&buf, data, ctx)

			var want string
			if decodeErr := jsonUnmarshalString(u.Output, &want); decodeErr != nil {
				var pyErr struct{ Error, Message string }
				vectors.Decode(t, u.Output, &pyErr)
				if pyErr.Error != "ValueError" || pyErr.Message != "Out of range float values are not JSON compliant" {
					t.Fatalf("unexpected recorded error %+v", pyErr)
				}
				if !errors.Is(err, render.ErrOutOfRangeFloat) {
					t.Fatalf("Render(%s) error = %v; want ErrOutOfRangeFloat", in.DataSample, err)
				}
				if buf.Len() != 0 {
					t.Errorf("Render(%s) wrote %q on error; want nothing", in.DataSample, buf.Bytes())
				}
				return
			}
			if err != nil {
				t.Fatalf("Render(%s) error = %v", in.DataSample, err)
			}
			if got := buf.String(); got != want {
				t.Errorf("Render(%s) =\n%q\nwant\n%q", in.DataSample, got, want)
			}
			// Append gives the same bytes.
			got, err := r.Append([]byte("x"), data, ctx)
			if err != nil || string(got) != "x"+want {
				t.Errorf("Append(%s) = %q, %v; want %q", in.DataSample, got, err, "x"+want)
			}
		})
	}
}
