package parse_test

import (
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// jsonParseTests are bodies that parse, with the parser configuration,
// the Content-Type and the value wanted.
var jsonParseTests = []struct {
	name string
	p    parse.JSON
	ct   string
	body string
	want any
}{
	{"object", parse.JSON{}, "application/json", `{"a": [1, 2], "b": "★"}`,
		map[string]any{"a": []any{1.0, 2.0}, "b": "★"}},
	{"scalar", parse.JSON{}, "application/json", "42", 42.0},
	{"string", parse.JSON{}, "application/json", `"x"`, "x"},
	{"literals", parse.JSON{}, "application/json", "[true, false, null]", []any{true, false, nil}},
	{"empty containers", parse.JSON{}, "application/json", `[{}, []]`, []any{map[string]any{}, []any{}}},
	{"whitespace around", parse.JSON{}, "application/json", " \t\r\n{}\n", map[string]any{}},
	{"empty body", parse.JSON{}, "application/json", "", map[string]any{}},
	{"charset utf-8", parse.JSON{}, "application/json; charset=utf-8", `{"x": 1}`, map[string]any{"x": 1.0}},
	{"upper case type", parse.JSON{}, "APPLICATION/JSON", `{"x": 1}`, map[string]any{"x": 1.0}},
	{"duplicate keys keep the last", parse.JSON{}, "application/json", `{"a": 1, "a": 2}`, map[string]any{"a": 2.0}},
	{"escapes", parse.JSON{}, "application/json", `"\"\\\/\b\f\n\r\t\u00e9\ud834\udd1e"`, "\"\\/\b\f\n\r\té\U0001D11E"},
	{"lone surrogate", parse.JSON{}, "application/json", `"\ud800\u0041"`, "\uFFFDA"},
	{"U+2028 and DEL kept", parse.JSON{}, "application/json", "\"\u2028\x7f\"", "\u2028\x7f"},
	{"negative zero integer", parse.JSON{}, "application/json", "-0", 0.0},
	{"float", parse.JSON{}, "application/json", "-1.5e3", -1500.0},
	{"UseNumber keeps literals", parse.JSON{UseNumber: true}, "application/json",
		"[123456789012345678901234567890, 1.10, -0, 1E+2]",
		[]any{json.Number("123456789012345678901234567890"), json.Number("1.10"), json.Number("0"), json.Number("1E+2")}},
	{"UseNumber does not range-check", parse.JSON{UseNumber: true}, "application/json", "1e400", json.Number("1e400")},
	{"AllowNaN", parse.JSON{AllowNaN: true}, "application/json", "[Infinity, -Infinity]",
		[]any{math.Inf(1), math.Inf(-1)}},
	{"AllowNaN overflow", parse.JSON{AllowNaN: true}, "application/json", "-1e400", math.Inf(-1)},
	{"4300 digits", parse.JSON{UseNumber: true}, "application/json", strings.Repeat("9", 4300),
		json.Number(strings.Repeat("9", 4300))},
	{"latin-1", parse.JSON{}, "application/json; charset=latin-1", "\"\xe9\xa4\"", "é¤"},
	{"ISO-8859-15", parse.JSON{}, "application/json; charset=ISO-8859-15", "\"\xa4\xbe\"", "€Ÿ"},
	{"windows-1252", parse.JSON{}, "application/json; charset=cp1252", "\"\x80\x9f\xe9\"", "€Ÿé"},
	{"ascii", parse.JSON{}, "application/json; charset=us-ascii", `"abc"`, "abc"},
	{"unknown charset means utf-8", parse.JSON{}, "application/json; charset=foo", "\"\xe2\x98\x85\"", "★"},
	{"latin-1 BOM is text", parse.JSON{}, "application/json; charset=latin1", "\"\xef\xbb\xbf\"", "ï»¿"},
	{"vendor type", parse.JSON{Type: "application/vnd.api+json"}, "application/vnd.api+json", "[]", []any{}},
	{"depth at the limit", parse.JSON{MaxDepth: 3}, "application/json", "[[{}]]",
		[]any{[]any{map[string]any{}}}},
}

func TestJSONParse(t *testing.T) {
	for _, tt := range jsonParseTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRequest("POST", tt.ct, tt.body, nil)
			got, err := tt.p.Parse(r, tt.ct)
			if err != nil {
				t.Fatalf("Parse(%q) error %v", tt.body, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Parse(%q) = %#v; want %#v", tt.body, got, tt.want)
			}
		})
	}
}

func TestJSONParseNaN(t *testing.T) {
	r := newRequest("POST", "application/json", "NaN", nil)
	v, err := parse.JSON{AllowNaN: true}.Parse(r, "application/json")
	if f, ok := v.(float64); err != nil || !ok || !math.IsNaN(f) {
		t.Fatalf("Parse(NaN) = %v, %v; want NaN", v, err)
	}
}

// jsonErrorTests are bodies that fail to parse beyond Python's messages:
// charsets, limits and restframe's own checks.
var jsonErrorTests = []struct {
	name string
	p    parse.JSON
	ct   string
	body string
	want string
}{
	{"ascii", parse.JSON{}, "application/json; charset=ascii", "\"\xe9\"",
		"JSON parse error - 'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)"},
	{"cp1252 undefined byte", parse.JSON{}, "application/json; charset=cp1252", "\"\x81\"",
		"JSON parse error - 'charmap' codec can't decode byte 0x81 in position 1: character maps to <undefined>"},
	{"truncated utf-8 at the end", parse.JSON{}, "application/json", "{\"a\":1}\xe2",
		"JSON parse error - 'utf-8' codec can't decode byte 0xe2 in position 7: unexpected end of data"},
	{"truncated 4-byte sequence", parse.JSON{}, "application/json", "\"\xf0\x9f\x98",
		"JSON parse error - 'utf-8' codec can't decode bytes in position 1-3: unexpected end of data"},
	{"strict overflow", parse.JSON{}, "application/json", "[1e400]",
		"JSON parse error - Out of range float values are not JSON compliant: 'inf'"},
	{"strict negative overflow", parse.JSON{}, "application/json", "-1e400",
		"JSON parse error - Out of range float values are not JSON compliant: '-inf'"},
	{"too deep", parse.JSON{MaxDepth: 3}, "application/json", "[[{\"a\": []}]]",
		"JSON parse error - Maximum nesting depth (3) exceeded: line 1 column 9 (char 8)"},
	{"default depth", parse.JSON{}, "application/json", strings.Repeat("[", 1001),
		"JSON parse error - Maximum nesting depth (1000) exceeded: line 1 column 1001 (char 1000)"},
	{"non-ASCII positions count characters", parse.JSON{}, "application/json", "[\"★★\",\n\"é\" x]",
		"JSON parse error - Expecting ',' delimiter: line 2 column 5 (char 11)"},
}

func TestJSONParseErrors(t *testing.T) {
	for _, tt := range jsonErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.p.Parse(newRequest("POST", tt.ct, tt.body, nil), tt.ct)
			checkParseError(t, "Parse", err, tt.want)
		})
	}
}

func TestJSONLimits(t *testing.T) {
	s := &web.Settings{MaxMemorySize: 8}
	for _, tt := range []struct {
		name string
		r    *web.Request
	}{
		{"Content-Length", newRequest("POST", "application/json", `{"a": "long"}`, s)},
		{"stream", newStreamRequest("POST", "application/json", `{"a": "long"}`, s)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse.JSON{}.Parse(tt.r, "application/json")
			if !errors.Is(err, web.ErrRequestDataTooBig) || errors.Is(err, parse.ErrParse) {
				t.Fatalf("Parse = %v; want web.ErrRequestDataTooBig", err)
			}
			if got := web.StatusOf(err); got != http.StatusRequestEntityTooLarge {
				t.Fatalf("StatusOf = %d; want 413", got)
			}
		})
	}
	// At the limit is fine, as in Django.
	if _, err := (parse.JSON{}).Parse(newRequest("POST", "application/json", `"123456"`, s), ""); err != nil {
		t.Fatalf("Parse at the limit: %v", err)
	}
}

type person struct {
	Name string         `json:"name"`
	Age  int            `json:"age"`
	Tags []string       `json:"tags"`
	Meta map[string]any `json:"meta"`
}

var jsonParseIntoTests = []struct {
	name string
	p    parse.JSON
	body string
	want person
	err  string // the detail, "" for success
}{
	{"ok", parse.JSON{}, `{"name": "bob", "age": 7, "tags": ["a"], "extra": 1}`,
		person{Name: "bob", Age: 7, Tags: []string{"a"}}, ""},
	{"UseNumber in any fields", parse.JSON{UseNumber: true}, `{"meta": {"n": 12345678901234567890}}`,
		person{Meta: map[string]any{"n": json.Number("12345678901234567890")}}, ""},
	{"empty body leaves the value", parse.JSON{}, "", person{}, ""},
	{"wrong type", parse.JSON{}, `{"name": "bob", "age": "7"}`, person{},
		`JSON parse error - Invalid value for "age": expected integer, got string`},
	{"wrong nested type", parse.JSON{}, `{"tags": [1]}`, person{},
		`JSON parse error - Invalid value for "tags": expected string, got number`},
	{"out of range", parse.JSON{}, `{"age": 1e400}`, person{},
		`JSON parse error - Invalid value for "age": expected integer, got number out of range`},
	{"wrong top-level type", parse.JSON{}, `[1]`, person{},
		`JSON parse error - Invalid value: expected object, got array`},
	{"malformed", parse.JSON{}, `{"name": }`, person{},
		"JSON parse error - Expecting value: line 1 column 10 (char 9)"},
	{"NaN refused", parse.JSON{}, `{"age": NaN}`, person{},
		"JSON parse error - Out of range float values are not JSON compliant: 'NaN'"},
	{"NaN allowed but not decodable", parse.JSON{AllowNaN: true}, `{"age": NaN}`, person{},
		"JSON parse error - NaN and Infinity cannot be decoded here"},
}

func TestJSONParseInto(t *testing.T) {
	for _, tt := range jsonParseIntoTests {
		t.Run(tt.name, func(t *testing.T) {
			var got person
			err := tt.p.ParseInto(newRequest("POST", "application/json", tt.body, nil), &got)
			if tt.err != "" {
				checkParseError(t, "ParseInto("+tt.body+")", err, tt.err)
				return
			}
			if err != nil {
				t.Fatalf("ParseInto(%q) error %v", tt.body, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseInto(%q) = %+v; want %+v", tt.body, got, tt.want)
			}
		})
	}
}

func TestJSONParseIntoInvalidTarget(t *testing.T) {
	var p person
	err := parse.JSON{}.ParseInto(newRequest("POST", "application/json", `{}`, nil), p)
	var inv *json.InvalidUnmarshalError
	if !errors.As(err, &inv) || errors.Is(err, parse.ErrParse) {
		t.Fatalf("ParseInto(non-pointer) = %v; want *json.InvalidUnmarshalError", err)
	}
}

func TestJSONParseIntoCustomUnmarshaler(t *testing.T) {
	var v struct {
		When strictDate `json:"when"`
	}
	err := parse.JSON{}.ParseInto(newRequest("POST", "application/json", `{"when": "soon"}`, nil), &v)
	checkParseError(t, "ParseInto", err, "JSON parse error - not a date: soon")
	if !errors.Is(err, errNotADate) {
		t.Fatalf("ParseInto = %v; want the cause kept", err)
	}
}

var errNotADate = errors.New("not a date")

type strictDate string

func (d *strictDate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if len(s) != 10 {
		return &dateError{s}
	}
	*d = strictDate(s)
	return nil
}

type dateError struct{ s string }

func (e *dateError) Error() string { return "not a date: " + e.s }
func (e *dateError) Unwrap() error { return errNotADate }

func TestJSONMediaType(t *testing.T) {
	for _, tt := range []struct {
		p    parse.JSON
		want string
	}{
		{parse.JSON{}, "application/json"},
		{parse.JSON{Type: "application/vnd.api+json"}, "application/vnd.api+json"},
	} {
		if got := tt.p.MediaType(); got != tt.want {
			t.Errorf("%+v.MediaType() = %q; want %q", tt.p, got, tt.want)
		}
	}
}
