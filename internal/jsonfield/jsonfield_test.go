package jsonfield

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

type inner struct {
	A int
	B int `json:"b,omitempty"`
}

type twin struct{ A, D int }

type outer struct {
	inner
	twin
	A string `json:"a_top"`
	E *int   `json:",string"`
	F int    `json:"-"`
	H int    `json:"★"`
	Z int    `json:",omitzero"`
	_ int
}

// TestFieldsMatchEncodingJSON: the keys Fields gives, in order, are the
// keys encoding/json writes for the same value.
func TestFieldsMatchEncodingJSON(t *testing.T) {
	b, err := json.Marshal(outer{inner: inner{B: 1}, Z: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Fields(reflect.TypeFor[outer]()) {
		got = append(got, f.Name)
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	var want []string
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		want = append(want, k.(string))
		var v any
		dec.Decode(&v)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Fields(outer) = %v; encoding/json writes %v (%s)", got, want, b)
	}
}

func TestFieldOptions(t *testing.T) {
	fs := Fields(reflect.TypeFor[outer]())
	by := map[string]Field{}
	for _, f := range fs {
		by[f.Name] = f
	}
	if f := by["b"]; !f.OmitEmpty || !f.Tagged || len(f.Index) != 2 {
		t.Errorf("b = %+v; want tagged, omitempty, promoted", f)
	}
	if f := by["E"]; !f.Quoted || f.Tagged {
		t.Errorf("E = %+v; want quoted, untagged", f)
	}
	if f := by["Z"]; !f.OmitZero {
		t.Errorf("Z = %+v; want omitzero", f)
	}
	if f, ok := by["A"]; ok {
		t.Errorf("A = %+v; want none (inner.A and twin.A are equally deep and untagged)", f)
	}
}

var numberTests = []struct {
	s  string
	ok bool
}{
	{"0", true}, {"-0", true}, {"12", true}, {"1.5", true}, {"1e5", true}, {"1E+5", true}, {"-1.5e-3", true},
	{"", false}, {"-", false}, {"01", false}, {"1.", false}, {".5", false}, {"1e", false}, {"+1", false}, {"0x1", false},
}

func TestValidNumber(t *testing.T) {
	for _, tt := range numberTests {
		if got := ValidNumber(tt.s); got != tt.ok {
			t.Errorf("ValidNumber(%q) = %v; want %v", tt.s, got, tt.ok)
		}
		if ok := json.Valid([]byte(tt.s)); ok != tt.ok {
			t.Errorf("json.Valid(%q) = %v; table says %v", tt.s, ok, tt.ok)
		}
	}
}
