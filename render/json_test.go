package render_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// textKey is a map key type with MarshalText.
type textKey struct{ a, b string }

func (k textKey) MarshalText() ([]byte, error) { return []byte(k.a + "-" + k.b), nil }

// spacedMarshaler returns indented JSON with non-ASCII text, U+2028 and
// its own escapes.
type spacedMarshaler struct{}

func (spacedMarshaler) MarshalJSON() ([]byte, error) {
	return []byte("{ \"k\" : [ 1 , \"é\u2028\\u00e9\" ],\n \"e\": {} , \"l\":[ ] }"), nil
}

// ptrMarshaler has MarshalJSON on the pointer only.
type ptrMarshaler struct{ N int }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`"p%d"`, p.N)), nil }

type badMarshaler struct{}

func (badMarshaler) MarshalJSON() ([]byte, error) { return []byte("{nope"), nil }

type failingMarshaler struct{}

var errMarshal = errors.New("boom")

func (failingMarshaler) MarshalJSON() ([]byte, error) { return nil, errMarshal }

type measured struct {
	Value float64       `json:"value"`
	Took  time.Duration `json:"took"`
	At    time.Time     `json:"at"`
	AtP   *time.Time    `json:"at_p"`
	Raw   []byte        `json:"raw"`
	Dec   *big.Float    `json:"dec,omitempty"`
	Count int64         `json:"count,string"`
	Ratio float64       `json:"ratio,string"`
	Name  string        `json:"name,string"`
}

type node struct {
	Name string `json:"name"`
	Next *node  `json:"next,omitempty"`
}

type withAny struct {
	V any `json:"v"`
}

var (
	at    = time.Date(2024, 1, 2, 3, 4, 5, 678901234, time.UTC)
	india = time.FixedZone("IST", 5*3600+1800)
)

// jsonTests cover the value rules of the JSON renderer beyond the vectors.
var jsonTests = []struct {
	name string
	r    render.JSON
	ctx  *render.Context
	data any
	want string
}{
	{"nil", render.JSON{}, nil, nil, ""},
	{"typed nil pointer", render.JSON{}, nil, (*node)(nil), "null"},
	{"nil map", render.JSON{}, nil, map[string]any(nil), "null"},
	{"nil slice", render.JSON{}, nil, []int(nil), "null"},
	{"empty string", render.JSON{}, nil, "", `""`},
	{"zero", render.JSON{}, nil, 0, "0"},
	{"ints", render.JSON{}, nil, []any{int8(-8), int16(16), int32(-32), int64(64), uint(1), uint8(8), uint16(16), uint32(32), uint64(math.MaxUint64)}, "[-8,16,-32,64,1,8,16,32,18446744073709551615]"},
	{"floats repr", render.JSON{}, nil, []float64{0, 1, -2.5, 1e-4, 9.999e-5, 1e16, 9999999999999998, 1.7976931348623157e308, 5e-324}, "[0.0,1.0,-2.5,0.0001,9.999e-05,1e+16,9999999999999998.0,1.7976931348623157e+308,5e-324]"},
	{"float32 shortest", render.JSON{}, nil, []float32{0.1, 3, 1e20}, "[0.1,3.0,1e+20]"},
	{"non-strict", render.JSON{AllowNaN: true}, nil, []float64{math.NaN(), math.Inf(1), math.Inf(-1)}, "[NaN,Infinity,-Infinity]"},
	{"html not escaped", render.JSON{}, nil, "<a href='x'>&amp;</a>", `"<a href='x'>&amp;</a>"`},
	{"invalid utf8", render.JSON{}, nil, "a\xffb", `"a\ufffdb"`},
	{"invalid utf8 ascii", render.JSON{EnsureASCII: true}, nil, "a\xffb\xe2\x82", `"a\ufffdb\ufffd\ufffd"`},
	{"ascii surrogates", render.JSON{EnsureASCII: true}, nil, "𝄞é\x7f", `"\ud834\udd1e\u00e9\u007f"`},
	{"map sorted", render.JSON{}, nil, map[string]int{"b": 2, "a": 1, "é": 3}, `{"a":1,"b":2,"é":3}`},
	{"map[string]string", render.JSON{}, nil, map[string]string{"z": "1", "y": "2"}, `{"y":"2","z":"1"}`},
	{"int keys sorted as strings", render.JSON{}, nil, map[int]bool{10: true, 9: false, -1: true}, `{"-1":true,"10":true,"9":false}`},
	{"float and bool keys", render.JSON{}, nil, map[float64]int{2.5: 1, 1: 2}, `{"1.0":2,"2.5":1}`},
	{"bool keys", render.JSON{}, nil, map[bool]int{true: 1, false: 0}, `{"false":0,"true":1}`},
	{"any keys like Python", render.JSON{}, nil, map[any]string{1: "one", 2.5: "two and half", nil: "none", false: "false"}, `{"1":"one","2.5":"two and half","false":"false","null":"none"}`},
	{"text keys", render.JSON{}, nil, map[textKey]int{{"b", "a"}: 1, {"a", "b"}: 2}, `{"a-b":2,"b-a":1}`},
	{"object order", render.JSON{}, nil, web.JSONObject{{Key: "z", Value: 1}, {Key: "a", Value: web.JSONObject{}}}, `{"z":1,"a":{}}`},
	{"time pointers", render.JSON{}, nil, []*time.Time{&at, nil}, `["2024-01-02T03:04:05.678901Z",null]`},
	{"time offset", render.JSON{}, nil, time.Date(2024, 1, 2, 3, 4, 5, 0, india), `"2024-01-02T03:04:05+05:30"`},
	{"time micro truncated", render.JSON{}, nil, at, `"2024-01-02T03:04:05.678901Z"`},
	{"time negative offset seconds", render.JSON{}, nil, time.Date(1, 1, 1, 0, 0, 0, 1000, time.FixedZone("", -(3600+61))), `"0001-01-01T00:00:00.000001-01:01:01"`},
	{"naive date time", render.JSON{}, nil, []any{web.NaiveDateTime(at.In(india)), web.Date(at), web.TimeOfDay(at), web.TimeOfDay(time.Date(1, 1, 1, 23, 0, 0, 0, time.UTC))}, `["2024-01-02T08:34:05.678901","2024-01-02","03:04:05.678901","23:00:00"]`},
	{"durations", render.JSON{}, nil, []time.Duration{time.Hour, -time.Microsecond, 1500 * time.Millisecond, 0, 999}, `["3600.0","-1e-06","1.5","0.0","0.0"]`},
	{"big numbers", render.JSON{}, nil, []any{mustBigInt("-123456789012345678901234567890"), *mustBigInt("7"), mustBigFloat("0.1"), *mustBigFloat("2")}, `[-123456789012345678901234567890,7,0.1,2.0]`},
	{"json.Number verbatim", render.JSON{}, nil, []any{json.Number("1.10"), json.Number(""), json.Number("-0e+5")}, `[1.10,0,-0e+5]`},
	{"raw message", render.JSON{}, nil, json.RawMessage(`{"b": [1, 2]}`), `{"b":[1,2]}`},
	{"nil raw message", render.JSON{}, nil, json.RawMessage(nil), `null`},
	{"bytes as string", render.JSON{}, nil, []byte("héllo"), `"héllo"`},
	{"byte array as numbers", render.JSON{}, nil, [3]byte{1, 2, 3}, `[1,2,3]`},
	{"text marshaler value", render.JSON{}, nil, uuidValue{15: 1}, `"00000000-0000-0000-0000-000000000001"`},
	{"marshaler re-laid out", render.JSON{}, nil, spacedMarshaler{}, "{\"k\":[1,\"é\\u2028\\u00e9\"],\"e\":{},\"l\":[]}"},
	{"marshaler ascii", render.JSON{EnsureASCII: true}, nil, spacedMarshaler{}, `{"k":[1,"\u00e9\u2028\u00e9"],"e":{},"l":[]}`},
	{"marshaler long separators", render.JSON{LongSeparators: true}, nil, spacedMarshaler{}, "{\"k\": [1, \"é\\u2028\\u00e9\"], \"e\": {}, \"l\": []}"},
	{"marshaler indented", render.JSON{}, &render.Context{AcceptedMediaType: "application/json; indent=2"}, []any{spacedMarshaler{}}, "[\n  {\n    \"k\": [\n      1,\n      \"é\\u2028\\u00e9\"\n    ],\n    \"e\": {},\n    \"l\": []\n  }\n]"},
	{"pointer marshaler addressable", render.JSON{}, nil, &struct{ P ptrMarshaler }{ptrMarshaler{7}}, `{"P":"p7"}`},
	{"pointer marshaler not addressable", render.JSON{}, nil, struct{ P ptrMarshaler }{ptrMarshaler{7}}, `{"P":{"N":7}}`},
	{"struct rules", render.JSON{}, nil, &measured{Value: 3, Took: time.Minute, At: at, Raw: []byte("r"), Count: 5, Ratio: 0.5, Name: "n"}, `{"value":3.0,"took":"60.0","at":"2024-01-02T03:04:05.678901Z","at_p":null,"raw":"r","count":"5","ratio":"0.5","name":"\"n\""}`},
	{"recursive type", render.JSON{}, nil, &node{"a", &node{"b", nil}}, `{"name":"a","next":{"name":"b"}}`},
	{"interface field", render.JSON{}, nil, []withAny{{V: 1.0}, {V: &node{Name: "x"}}, {}}, `[{"v":1.0},{"v":{"name":"x"}},{"v":null}]`},
	{"context indent 0 means newlines", render.JSON{}, &render.Context{Indent: 0, HasIndent: true}, []int{1, 2}, "[\n1,\n2\n]"},
	{"context negative indent", render.JSON{}, &render.Context{Indent: -3, HasIndent: true}, map[string]int{"a": 1}, "{\n\"a\": 1\n}"},
	{"indent param beats long separators", render.JSON{LongSeparators: true}, &render.Context{AcceptedMediaType: "application/json;indent=1"}, map[string][]int{"a": {}}, "{\n \"a\": []\n}"},
	{"deep indent", render.JSON{}, &render.Context{Indent: 40, HasIndent: true}, []any{[]any{1}}, "[\n" + strings.Repeat(" ", 40) + "[\n" + strings.Repeat(" ", 80) + "1\n" + strings.Repeat(" ", 40) + "]\n]"},
}

func TestJSONRender(t *testing.T) {
	for _, tt := range jsonTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.r.Render(&buf, tt.data, tt.ctx); err != nil {
				t.Fatalf("Render(%#v) error = %v", tt.data, err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("Render(%#v) =\n%s\nwant\n%s", tt.data, got, tt.want)
			}
		})
	}
}

type cyclic struct {
	Self *cyclic
}

// jsonErrorTests are data the JSON renderer refuses, with the error.
var jsonErrorTests = []struct {
	name string
	r    render.JSON
	data any
	want error
}{
	{"nan", render.JSON{}, map[string]any{"nan": math.NaN()}, render.ErrOutOfRangeFloat},
	{"float32 inf", render.JSON{}, []float32{float32(math.Inf(-1))}, render.ErrOutOfRangeFloat},
	{"nan key", render.JSON{}, map[float64]int{math.NaN(): 1}, render.ErrOutOfRangeFloat},
	{"huge big.Float", render.JSON{}, mustBigFloat("1e400"), render.ErrOutOfRangeFloat},
	{"channel", render.JSON{}, []any{make(chan int)}, render.ErrUnsupportedType},
	{"func", render.JSON{}, map[string]any{"f": func() {}}, render.ErrUnsupportedType},
	{"complex", render.JSON{}, complex(1, 2), render.ErrUnsupportedType},
	{"struct keys", render.JSON{}, map[struct{}]int{{}: 1}, render.ErrUnsupportedType},
	{"slice in any key", render.JSON{}, map[any]int{[1]int{}: 1}, render.ErrUnsupportedType},
	{"year 0", render.JSON{}, time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), render.ErrUnsupportedValue},
	{"year 10000 date", render.JSON{}, web.Date(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)), render.ErrUnsupportedValue},
	{"bad number", render.JSON{}, json.Number("1.2.3"), render.ErrUnsupportedValue},
	{"bad marshaler", render.JSON{}, []any{badMarshaler{}}, render.ErrUnsupportedValue},
	{"failing marshaler", render.JSON{}, failingMarshaler{}, errMarshal},
	{"cycle", render.JSON{}, func() any { c := &cyclic{}; c.Self = c; return c }(), render.ErrTooDeep},
	{"deep lists", render.JSON{}, func() any {
		var v any = 1
		for range render.MaxDepth + 1 {
			v = []any{v}
		}
		return v
	}(), render.ErrTooDeep},
	{"interface loop", render.JSON{}, func() any { var x any; x = &x; return x }(), render.ErrTooDeep},
	{"deep raw", render.JSON{}, json.RawMessage(strings.Repeat("[", render.MaxDepth+1) + strings.Repeat("]", render.MaxDepth+1)), render.ErrTooDeep},
}

func TestJSONRenderErrors(t *testing.T) {
	for _, tt := range jsonErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := tt.r.Render(&buf, tt.data, nil)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Render(%s) error = %v; want %v", tt.name, err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("Render(%s) wrote %q with an error; want nothing", tt.name, buf.Bytes())
			}
			dst := []byte("keep")
			got, err := tt.r.Append(dst, tt.data, nil)
			if !errors.Is(err, tt.want) || string(got) != "keep" {
				t.Errorf("Append(%s) = %q, %v; want %q, %v", tt.name, got, err, "keep", tt.want)
			}
		})
	}
}

func TestDeepButLegalNesting(t *testing.T) {
	var v any = 1
	for range render.MaxDepth {
		v = []any{v}
	}
	var buf bytes.Buffer
	if err := (render.JSON{}).Render(&buf, v, nil); err != nil {
		t.Fatalf("Render(%d nested lists) error = %v", render.MaxDepth, err)
	}
	if want := strings.Repeat("[", render.MaxDepth) + "1" + strings.Repeat("]", render.MaxDepth); buf.String() != want {
		t.Errorf("Render(%d nested lists) = %.40q...; want %.40q...", render.MaxDepth, buf.String(), want)
	}
}

func TestJSONInfo(t *testing.T) {
	tests := []struct {
		r    render.JSON
		want render.Info
	}{
		{render.JSON{}, render.Info{MediaType: "application/json", Format: "json"}},
		{render.JSON{MediaType: "application/vnd.api+json", Format: "jsonapi", EnsureASCII: true}, render.Info{MediaType: "application/vnd.api+json", Format: "jsonapi"}},
	}
	for _, tt := range tests {
		if got := tt.r.Info(); got != tt.want {
			t.Errorf("%+v.Info() = %+v; want %+v", tt.r, got, tt.want)
		}
		if got := tt.r.Info().ContentType(); got != tt.want.MediaType {
			t.Errorf("%+v.Info().ContentType() = %q; want %q", tt.r, got, tt.want.MediaType)
		}
	}
}

// errWriter fails every write.
type errWriter struct{}

var errWrite = errors.New("write failed")

func (errWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestJSONRenderWriteError(t *testing.T) {
	if err := (render.JSON{}).Render(errWriter{}, 1, nil); !errors.Is(err, errWrite) {
		t.Errorf("Render to a failing writer: error = %v; want %v", err, errWrite)
	}
}

// TestJSONRenderAllocs guards the zero-allocation claim for plain data
// without parameters in the accepted media type.
func TestJSONRenderAllocs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation guard: not in -short or -race runs (sync.Pool drops items under -race)")
	}
	for _, p := range benchPayloads {
		var buf bytes.Buffer
		ctx := &render.Context{AcceptedMediaType: "application/json"}
		r := render.JSON{}
		if err := r.Render(&buf, p.data, ctx); err != nil {
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(50, func() {
			buf.Reset()
			_ = r.Render(&buf, p.data, ctx)
		})
		if allocs > 0 {
			t.Errorf("Render(%s) allocates %.1f times per run; want 0", p.name, allocs)
		}
	}
}
