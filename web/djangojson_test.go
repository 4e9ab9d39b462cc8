package web_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/restframe/restframe/web"
)

// testDecimal is a decimal type as third-party libraries write them: a
// TextMarshaler (Django writes Decimal as str()).
type testDecimal string

func (d testDecimal) MarshalText() ([]byte, error) { return []byte(d), nil }

// testUUID is a UUID type like github.com/google/uuid's: an array with
// MarshalText.
type testUUID [16]byte

func (u testUUID) MarshalText() ([]byte, error) {
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

// rawPoint has a json.Marshaler whose output is re-formatted.
type rawPoint struct{ X, Y int }

func (p rawPoint) MarshalJSON() ([]byte, error) {
	return []byte(`{"y":` + itoa(p.Y) + `,"x":` + itoa(p.X) + `,"s":"\u00e9\n"}`), nil
}

// ptrMarshaler has MarshalJSON on the pointer receiver only.
type ptrMarshaler struct{ N int }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return []byte(`"ptr"`), nil }

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

type embedded struct {
	A int `json:"a"`
	B int
}

type Embedded2 struct {
	B int
	C int `json:"c,omitempty"`
}

type tagged struct {
	embedded
	*Embedded2
	Name string `json:"name"`
	Skip string `json:"-"`
	//lint:ignore SA5008 the "-," tag names the field "-", as encoding/json does
	Dash  string         `json:"-,"`
	Empty []int          `json:"empty,omitempty"`
	Zero  time.Time      `json:"zero,omitzero"`
	Count int            `json:"count,string"`
	Nil   *int           `json:"nil"`
	Map   map[string]int `json:"map"`
	//lint:ignore U1000 an unexported field must never be encoded
	private int
	When    time.Time         `json:"when"`
	Dur     time.Duration     `json:"dur"`
	Any     any               `json:"any"`
	Bytes   []byte            `json:"bytes"`
	Ptr     ptrMarshaler      `json:"ptr"`
	Keys    map[int]string    `json:"keys"`
	Floats  map[float64]bool  `json:"floats"`
	Objects map[string]any    `json:"objects,omitempty"`
	Arr     [2]bool           `json:"arr"`
	Text    testDecimal       `json:"text"`
	Nested  map[string][]uint `json:"nested"`
}

var utc = time.Date(2020, 1, 2, 3, 4, 5, 678901000, time.UTC)

// dumpTests are checked against Python 3.11's json.dumps with Django's
// DjangoJSONEncoder (the Go values standing for the Python ones).
var dumpTests = []struct {
	name string
	in   any
	opts web.JSONOptions
	want string
}{
	{"spec 18.2 dict", web.JSONObject{{"a", 1}, {"b", []any{1.5, nil, true}}}, web.JSONOptions{}, `{"a": 1, "b": [1.5, null, true]}`},
	{"list", []int{1, 2}, web.JSONOptions{}, `[1, 2]`},
	{"null", nil, web.JSONOptions{}, `null`},
	{"indent 2 raw unicode", web.JSONObject{{"u", "café"}, {"a", []int{1}}}, web.JSONOptions{RawUnicode: true, Indent: 2}, "{\n  \"u\": \"café\",\n  \"a\": [\n    1\n  ]\n}"},
	{"indent 0", web.JSONObject{{"a", []int{}}, {"b", map[string]int{}}, {"c", []any{1, map[string]int{"d": 2}}}}, web.JSONOptions{Indent: -1}, "{\n\"a\": [],\n\"b\": {},\n\"c\": [\n1,\n{\n\"d\": 2\n}\n]\n}"},
	{"tab indent separators", web.JSONObject{{"a", []int{}}, {"b", map[string]int{}}, {"c", []any{1, map[string]int{"d": 2}}}}, web.JSONOptions{IndentString: "\t", ItemSeparator: ", ", KeySeparator: ":"}, "{\n\t\"a\":[], \n\t\"b\":{}, \n\t\"c\":[\n\t\t1, \n\t\t{\n\t\t\t\"d\":2\n\t\t}\n\t]\n}"},
	{"compact sorted", web.JSONObject{{"b", 1}, {"a", 2}}, web.JSONOptions{SortKeys: true, ItemSeparator: ",", KeySeparator: ":"}, `{"a":2,"b":1}`},
	{"insertion order", web.JSONObject{{"b", 1}, {"a", 2}}, web.JSONOptions{}, `{"b": 1, "a": 2}`},
	{"go map sorted", map[string]int{"b": 1, "a": 2, "c": 3}, web.JSONOptions{}, `{"a": 2, "b": 1, "c": 3}`},
	{"int keys numeric order", map[int]string{10: "x", 2: "y", -1: "z"}, web.JSONOptions{}, `{"-1": "z", "2": "y", "10": "x"}`},
	{"bool keys", map[bool]int{true: 1, false: 0}, web.JSONOptions{}, `{"false": 0, "true": 1}`},
	{"any keys", map[any]int{nil: 1, "a": 2, 1.5: 3}, web.JSONOptions{}, `{"1.5": 3, "a": 2, "null": 1}`},
	// Floats: Python's repr.
	{"float 1.5", 1.5, web.JSONOptions{}, `1.5`},
	{"float 1e16", 1e16, web.JSONOptions{}, `1e+16`},
	{"float 1e15", 1e15, web.JSONOptions{}, `1000000000000000.0`},
	{"float 1e-5", 1e-5, web.JSONOptions{}, `1e-05`},
	{"float 0.0001", 0.0001, web.JSONOptions{}, `0.0001`},
	{"float big", 123456789012345678.0, web.JSONOptions{}, `1.2345678901234568e+17`},
	{"float 0.1", 0.1, web.JSONOptions{}, `0.1`},
	{"float -0", math.Copysign(0, -1), web.JSONOptions{}, `-0.0`},
	{"float 1.0", 1.0, web.JSONOptions{}, `1.0`},
	{"float 100", 100.0, web.JSONOptions{}, `100.0`},
	{"float 2.5e-7", 2.5e-7, web.JSONOptions{}, `2.5e-07`},
	{"float max", math.MaxFloat64, web.JSONOptions{}, `1.7976931348623157e+308`},
	{"float min", 5e-324, web.JSONOptions{}, `5e-324`},
	{"float 1e22", 1e22, web.JSONOptions{}, `1e+22`},
	{"float 12345.678", 12345.678, web.JSONOptions{}, `12345.678`},
	{"float 0.3", 0.30000000000000004, web.JSONOptions{}, `0.30000000000000004`},
	{"float 2^53", float64(1 << 53), web.JSONOptions{}, `9007199254740992.0`},
	{"float 3e-5", 3e-5, web.JSONOptions{}, `3e-05`},
	{"float32 0.1", float32(0.1), web.JSONOptions{}, `0.1`},
	{"nan", math.NaN(), web.JSONOptions{}, `NaN`},
	{"inf", math.Inf(1), web.JSONOptions{}, `Infinity`},
	{"-inf", math.Inf(-1), web.JSONOptions{}, `-Infinity`},
	{"ints", []any{int8(-8), uint64(math.MaxUint64), int64(math.MinInt64)}, web.JSONOptions{}, `[-8, 18446744073709551615, -9223372036854775808]`},
	// Strings: Python's escapes.
	{"str ascii", "café", web.JSONOptions{}, `"caf\u00e9"`},
	{"str raw", "café", web.JSONOptions{RawUnicode: true}, `"café"`},
	{"str u2028", "\u2028\u2029", web.JSONOptions{}, `"\u2028\u2029"`},
	{"str u2028 raw", "\u2028\u2029", web.JSONOptions{RawUnicode: true}, "\"\u2028\u2029\""},
	{"str astral", "😀", web.JSONOptions{}, `"\ud83d\ude00"`},
	{"str astral raw", "😀", web.JSONOptions{RawUnicode: true}, `"😀"`},
	{"str quotes", `a"b\c`, web.JSONOptions{}, `"a\"b\\c"`},
	{"str controls", "\x00\x01\x1f\x7f", web.JSONOptions{}, `"\u0000\u0001\u001f\u007f"`},
	{"str controls raw", "\x00\x01\x1f\x7f", web.JSONOptions{RawUnicode: true}, "\"\\u0000\\u0001\\u001f\x7f\""},
	{"str short escapes", "\b\f\n\r\t", web.JSONOptions{}, `"\b\f\n\r\t"`},
	{"str html", "<>&'/", web.JSONOptions{}, `"<>&'/"`},
	{"str invalid utf8", "a\xffb", web.JSONOptions{}, `"a\ufffdb"`},
	{"str invalid utf8 raw", "a\xffb", web.JSONOptions{RawUnicode: true}, "\"a\uFFFDb\""},
	{"key escaped", map[string]int{"é": 1}, web.JSONOptions{}, `{"\u00e9": 1}`},
	// DjangoJSONEncoder (spec 18.3, 25.18).
	{"spec 25.18 encoder vector", web.JSONObject{
		{"dt", web.NaiveDateTime(utc)},
		{"dtz", time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)},
		{"d", web.Date(utc)},
		{"t", web.TimeOfDay(utc)},
		{"td", 26*time.Hour + 3*time.Second + 4*time.Microsecond},
		{"dec", testDecimal("1.10")},
		{"u", testUUID{15: 1}},
		{"lazy", "x"},
	}, web.JSONOptions{}, `{"dt": "2020-01-02T03:04:05.678", "dtz": "2020-01-02T03:04:05Z", "d": "2020-01-02", "t": "03:04:05.678", "td": "P1DT02H00M03.000004S", "dec": "1.10", "u": "00000000-0000-0000-0000-000000000001", "lazy": "x"}`},
	{"datetime ms truncated", time.Date(2013, 1, 1, 23, 59, 59, 123999000, time.UTC), web.JSONOptions{}, `"2013-01-01T23:59:59.123Z"`},
	{"datetime offset", time.Date(2013, 1, 1, 12, 0, 0, 0, time.FixedZone("IST", 5*3600+1800)), web.JSONOptions{}, `"2013-01-01T12:00:00+05:30"`},
	{"datetime negative offset", time.Date(2013, 1, 1, 12, 0, 0, 500000, time.FixedZone("X", -(3*3600+30*60+15))), web.JSONOptions{}, `"2013-01-01T12:00:00.000-03:30:15"`},
	{"datetime ns only", time.Date(2013, 1, 1, 12, 0, 0, 999, time.UTC), web.JSONOptions{}, `"2013-01-01T12:00:00Z"`},
	{"time 500us", web.TimeOfDay(time.Date(1, 1, 1, 12, 30, 1, 500000, time.UTC)), web.JSONOptions{}, `"12:30:01.000"`},
	{"date", web.Date(time.Date(2020, 12, 31, 23, 0, 0, 0, time.UTC)), web.JSONOptions{}, `"2020-12-31"`},
	{"duration zero", time.Duration(0), web.JSONOptions{}, `"P0DT00H00M00S"`},
	{"duration negative", -time.Microsecond, web.JSONOptions{}, `"-P0DT00H00M00.000001S"`},
	{"duration big", 50*24*time.Hour + 23*time.Hour + 59*time.Minute, web.JSONOptions{}, `"P50DT23H59M00S"`},
	{"duration min", time.Duration(math.MinInt64), web.JSONOptions{}, `"-P106751DT23H47M16.854775S"`},
	{"json.Number", json.Number("1.10"), web.JSONOptions{}, `1.10`},
	{"marshaler reformatted", rawPoint{1, 2}, web.JSONOptions{}, `{"y": 2, "x": 1, "s": "\u00e9\n"}`},
	{"marshaler indented", []any{rawPoint{1, 2}}, web.JSONOptions{Indent: 1}, "[\n {\n  \"y\": 2,\n  \"x\": 1,\n  \"s\": \"\\u00e9\\n\"\n }\n]"},
	{"raw message", json.RawMessage(`[1, {"a" :[]}, "x"]`), web.JSONOptions{ItemSeparator: ",", KeySeparator: ":"}, `[1,{"a":[]},"x"]`},
	{"pointer", &[]int{1}, web.JSONOptions{}, `[1]`},
	{"nil pointer", (*int)(nil), web.JSONOptions{}, `null`},
	{"nil slice", []int(nil), web.JSONOptions{}, `null`},
	{"nil map", map[string]int(nil), web.JSONOptions{}, `null`},
	{"bytes", []byte("hi"), web.JSONOptions{}, `"aGk="`},
	{"empty struct", struct{}{}, web.JSONOptions{}, `{}`},
	{"struct rules", tagged{
		embedded:  embedded{A: 1, B: 2},
		Name:      "n",
		Skip:      "s",
		Dash:      "d",
		Count:     7,
		When:      utc,
		Dur:       time.Second,
		Bytes:     []byte{0},
		Keys:      map[int]string{3: "c"},
		Floats:    map[float64]bool{2.5: true, 1e20: false},
		Text:      "9.50",
		Nested:    map[string][]uint{"x": {1}},
		Embedded2: &Embedded2{B: 3, C: 0},
	}, web.JSONOptions{}, `{"a": 1, "name": "n", "-": "d", "count": "7", "nil": null, "map": null, "when": "2020-01-02T03:04:05.678Z", "dur": "P0DT00H00M01S", "any": null, "bytes": "AA==", "ptr": {"N": 0}, "keys": {"3": "c"}, "floats": {"2.5": true, "1e+20": false}, "arr": [false, false], "text": "9.50", "nested": {"x": [1]}}`},
	{"addressable pointer marshaler", &struct{ P ptrMarshaler }{}, web.JSONOptions{}, `{"P": "ptr"}`},
	{"struct sorted", struct {
		B int
		A int
	}{1, 2}, web.JSONOptions{SortKeys: true}, `{"A": 2, "B": 1}`},
}

func TestDumpJSON(t *testing.T) {
	for _, tt := range dumpTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := web.DumpJSON(tt.in, tt.opts)
			if err != nil {
				t.Fatalf("DumpJSON(%#v) error: %v", tt.in, err)
			}
			if string(got) != tt.want {
				t.Errorf("DumpJSON(%#v) =\n%s\nwant\n%s", tt.in, got, tt.want)
			}
		})
	}
}

type cyclic struct{ Next *cyclic }

var dumpErrorTests = []struct {
	name string
	in   any
	opts web.JSONOptions
	want error
}{
	{"channel", make(chan int), web.JSONOptions{}, web.ErrJSONUnsupported},
	{"func", func() {}, web.JSONOptions{}, web.ErrJSONUnsupported},
	{"complex", complex(1, 2), web.JSONOptions{}, web.ErrJSONUnsupported},
	{"struct key", map[struct{ A int }]int{{1}: 1}, web.JSONOptions{}, web.ErrJSONUnsupported},
	{"nan disallowed", math.NaN(), web.JSONOptions{DisallowNaN: true}, web.ErrJSONValue},
	{"inf disallowed", []float64{math.Inf(-1)}, web.JSONOptions{DisallowNaN: true}, web.ErrJSONValue},
	{"cycle", func() any { c := &cyclic{}; c.Next = c; return c }(), web.JSONOptions{}, web.ErrJSONValue},
	{"bad number", json.Number("1.2.3"), web.JSONOptions{}, web.ErrJSONValue},
	{"bad raw", json.RawMessage(`{`), web.JSONOptions{}, web.ErrJSONValue},
	{"year 0", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), web.JSONOptions{}, web.ErrJSONValue},
	{"year 10000", web.Date(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)), web.JSONOptions{}, web.ErrJSONValue},
}

func TestDumpJSONErrors(t *testing.T) {
	for _, tt := range dumpErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := web.DumpJSON(tt.in, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("DumpJSON(%T) = %q, %v; want error %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestDumpJSONEncoderHook(t *testing.T) {
	// A custom encoder: Django's encoder argument, for a type the built-in
	// rules would write as an object.
	type point struct{ X, Y int }
	hook := web.JSONEncoderFunc(func(v any) (any, bool, error) {
		switch v := v.(type) {
		case point:
			return []int{v.X, v.Y}, true, nil
		case complex128:
			return nil, false, errors.New("no complex")
		}
		return nil, false, nil
	})
	got, err := web.DumpJSON(map[string]any{"p": point{1, 2}, "t": utc}, web.JSONOptions{Encoder: hook})
	if want := `{"p": [1, 2], "t": "2020-01-02T03:04:05.678Z"}`; err != nil || string(got) != want {
		t.Errorf("DumpJSON with encoder = %s, %v; want %s", got, err, want)
	}
	if _, err := web.DumpJSON([]any{complex(1, 1)}, web.JSONOptions{Encoder: hook}); err == nil || err.Error() != "no complex" {
		t.Errorf("DumpJSON with failing encoder: err = %v; want no complex", err)
	}
}

// TestDumpJSONMatchesEncodingJSON checks the struct rules against
// encoding/json on values where both write the same JSON (compact
// separators, no time or float values).
func TestDumpJSONMatchesEncodingJSON(t *testing.T) {
	type inner struct {
		X int `json:"x"`
	}
	type A struct{ inner }
	type B struct {
		inner
		X int `json:"x"` // shallower wins
	}
	type C struct {
		A
		B
	} // x at equal depth from both: B's is shallower
	type D struct {
		Ambiguous1
		Ambiguous2
	}
	values := []any{
		A{inner{1}}, B{inner{1}, 2}, C{A{inner{1}}, B{inner{2}, 3}}, D{Ambiguous1{1}, Ambiguous2{2}},
		struct {
			S string `json:",omitempty"`
			T string `json:"t,string"`
			U *bool  `json:",omitzero"`
		}{T: "x"},
	}
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := web.DumpJSON(v, web.JSONOptions{ItemSeparator: ",", KeySeparator: ":"})
		if err != nil || string(got) != string(want) {
			t.Errorf("DumpJSON(%#v) = %s, %v; want %s (encoding/json)", v, got, err, want)
		}
	}
}

type Ambiguous1 struct{ Z int }
type Ambiguous2 struct{ Z int }

type hiddenTime struct {
	T time.Time `json:"t"`
}

type withHidden struct {
	hiddenTime `json:"h"` // an unexported embedded struct with a name
	P          *time.Time `json:"p"`
	D          *time.Duration
}

func TestDumpJSONPointersAndHidden(t *testing.T) {
	d := time.Second
	got, err := web.DumpJSON(withHidden{hiddenTime{utc}, &utc, &d}, web.JSONOptions{})
	want := `{"h": {"t": "2020-01-02T03:04:05.678Z"}, "p": "2020-01-02T03:04:05.678Z", "D": "P0DT00H00M01S"}`
	if err != nil || string(got) != want {
		t.Errorf("DumpJSON = %s, %v; want %s", got, err, want)
	}
}
