package render_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/restframe/restframe/render"
)

// The types below exercise encoding/json's struct rules, which the JSON
// renderer follows: for such plain data the two must write the same bytes.

type Base struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

type inner struct {
	Promoted string
	Shadowed string `json:"shadowed"`
}

type Other struct {
	Dup   int
	Extra string `json:"extra,omitempty"`
}

type Third struct {
	Dup int
}

type zeroer struct{ N int }

func (z zeroer) IsZero() bool { return z.N < 0 }

type ptrZeroer struct{ N int }

func (z *ptrZeroer) IsZero() bool { return z.N == 42 }

type color int

func (c color) MarshalText() ([]byte, error) { return []byte([]string{"red", "green"}[c]), nil }

type compactMarshaler struct{ s string }

func (m compactMarshaler) MarshalJSON() ([]byte, error) { return []byte(m.s), nil }

type everything struct {
	Base
	*Other
	Third
	inner
	Shadowed int    `json:"shadowed"`
	Renamed  string `json:"renamed_field"`
	Skipped  string `json:"-"`
	//lint:ignore SA5008 a field named "-" is one of the rules under test
	Dash       string            `json:"-,"`
	OmitEmpty  string            `json:",omitempty"`
	OmitZero   zeroer            `json:"oz,omitzero"`
	OmitZeroP  ptrZeroer         `json:"ozp,omitzero"`
	OmitZeroS  struct{ A int }   `json:"ozs,omitzero"`
	StrInt     int               `json:"str_int,string"`
	StrBool    *bool             `json:"str_bool,string"`
	StrStr     string            `json:"str_str,string"`
	StrNil     *int              `json:"str_nil,string"`
	Iface      any               `json:"iface"`
	Colors     []color           `json:"colors"`
	ColorMap   map[color]int     `json:"color_map"`
	IntMap     map[int8]string   `json:"int_map"`
	UintMap    map[uint]string   `json:"uint_map"`
	Nested     map[string][]Base `json:"nested"`
	Array      [2]string         `json:"array"`
	Empty      []string          `json:"empty"`
	NilSlice   []string          `json:"nil_slice"`
	Number     json.Number       `json:"number"`
	Raw        json.RawMessage   `json:"raw"`
	Marshaled  compactMarshaler  `json:"marshaled"`
	Pointer    *Base             `json:"pointer"`
	NilPointer *Base             `json:"nil_pointer,omitempty"`
	Unicode    string            `json:"ünï"`
	//lint:ignore SA5008 an invalid tag name falls back to the field name
	BadTag      string `json:"bad\"tag"`
	unexported  int
	Uint8s      []uint16 `json:"uint16s"`
	Interfaces  []any    `json:"interfaces"`
	AnonPointer *struct {
		X int `json:"x"`
	} `json:"anon_pointer"`
}

var (
	yes = true

	// plainValues must be encoded identically by render.JSON and by
	// encoding/json with SetEscapeHTML(false).
	plainValues = []any{
		0, -1, true, false, "", "plain",
		"quote \" backslash \\ slash / ctl \x00\x01\x1f\x7f \b\f\n\r\t",
		"<html> & 'apos' ★ café 😀 \u2028\u2029 a\xffb \xed\xa0\x80",
		[]int{}, []string{"a"}, map[string]any{}, map[string]int{"b": 1, "a": 2},
		map[int]string{10: "ten", 9: "nine", -3: "minus"},
		[]any{nil, 1, "x", []any{}, map[string]any{"k": []any{true}}},
		json.Number("12.50e3"),
		json.RawMessage(`{"a" : [1, 2 ,{ }], "b":"x y"}`),
		compactMarshaler{`[1,"two",{"three":null}]`},
		&everything{
			Base:       Base{ID: 1, Name: "base"},
			Other:      &Other{Dup: 2, Extra: "extra"},
			Third:      Third{Dup: 3},
			inner:      inner{Promoted: "promoted", Shadowed: "hidden"},
			Shadowed:   4,
			Renamed:    "renamed",
			Skipped:    "skipped",
			Dash:       "dash",
			OmitZero:   zeroer{-1},
			OmitZeroP:  ptrZeroer{42},
			StrInt:     5,
			StrBool:    &yes,
			StrStr:     `s"q`,
			Iface:      map[string]any{"z": 1, "a": []any{"x"}},
			Colors:     []color{0, 1},
			ColorMap:   map[color]int{1: 1, 0: 0},
			IntMap:     map[int8]string{-1: "m", 1: "p"},
			UintMap:    map[uint]string{2: "two"},
			Nested:     map[string][]Base{"k": {{ID: 9}}},
			Array:      [2]string{"a", "b"},
			Empty:      []string{},
			Number:     "7",
			Raw:        json.RawMessage(`[ true ]`),
			Marshaled:  compactMarshaler{`"m"`},
			Pointer:    &Base{ID: 8},
			Unicode:    "u",
			BadTag:     "b",
			unexported: 1,
			Uint8s:     []uint16{1, 2},
			Interfaces: []any{1, "s", &Base{}, Base{ID: 2}, color(1), nil},
		},
		everything{OmitZero: zeroer{1}, OmitZeroP: ptrZeroer{1}, Marshaled: compactMarshaler{"1"}},
		[]*everything{nil},
	}
)

// encodingJSON encodes v as encoding/json does with HTML escaping off,
// without the trailing newline.
func encodingJSON(t testing.TB, v any, indent string) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// TestJSONMatchesEncodingJSON proves that for plain data the renderer's
// output is encoding/json's (compact, and indented as encoding/json's
// SetIndent writes, which is Python's layout too).
func TestJSONMatchesEncodingJSON(t *testing.T) {
	for i, v := range plainValues {
		want := encodingJSON(t, v, "")
		var buf bytes.Buffer
		if err := (render.JSON{}).Render(&buf, v, nil); err != nil {
			t.Fatalf("Render(plainValues[%d]) error = %v", i, err)
		}
		if got := buf.String(); got != want {
			t.Errorf("Render(plainValues[%d]) =\n%s\nencoding/json:\n%s", i, got, want)
		}
		want = encodingJSON(t, v, "   ")
		buf.Reset()
		if err := (render.JSON{}).Render(&buf, v, &render.Context{AcceptedMediaType: "application/json; indent=3"}); err != nil {
			t.Fatalf("Render(plainValues[%d], indent=3) error = %v", i, err)
		}
		if got := buf.String(); got != want {
			t.Errorf("Render(plainValues[%d], indent=3) =\n%s\nencoding/json:\n%s", i, got, want)
		}
	}
}
