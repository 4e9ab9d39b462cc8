package render_test

import (
	"bytes"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

type point struct {
	X, Y int
}

type stringer struct{}

func (*stringer) String() string { return "stringer" }

// plainTextTests: strings as is, everything else readable (never a Go %v
// dump or a Python repr).
var plainTextTests = []struct {
	name string
	data any
	want string
}{
	{"nil", nil, ""},
	{"string", "hello ★ world\nsecond line", "hello ★ world\nsecond line"},
	{"bytes", []byte("raw"), "raw"},
	{"int", 3, "3"},
	{"float", 3.0, "3.0"},
	{"nan", math.NaN(), "NaN"},
	{"bool", true, "true"},
	{"named string", web.Date(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)), "2024-01-02"},
	{"time", time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), "2024-01-02T03:04:05Z"},
	{"duration", 90 * time.Second, "90.0"},
	{"error", errors.New("it broke"), "it broke"},
	{"stringer", &stringer{}, "stringer"},
	{"nil stringer", (*stringer)(nil), ""},
	{"text marshaler", uuidValue{}, "00000000-0000-0000-0000-000000000000"},
	{"detail map", map[string]any{"detail": "Not found."}, "Not found."},
	{"detail object", web.JSONObject{{Key: "detail", Value: "Could not satisfy the request Accept header."}}, "Could not satisfy the request Accept header."},
	{"field errors", map[string][]string{"name": {"This field is required."}, "age": {"A valid integer is required.", "Too small."}}, "age: A valid integer is required.\nage: Too small.\nname: This field is required."},
	{"nested errors in order", web.JSONObject{{Key: "z", Value: []any{"first"}}, {Key: "address", Value: map[string]any{"city": []any{"Required."}}}}, "z: first\naddress.city: Required."},
	{"list errors", []any{"First error.", "Second error."}, "First error.\nSecond error."},
	{"pointer to map", &map[string]int{"a": 1}, "a: 1"},
	{"struct as JSON", point{1, 2}, `{"X":1,"Y":2}`},
	{"nested struct", map[string]any{"p": &point{3, 4}}, `p: {"X":3,"Y":4}`},
}

func TestPlainText(t *testing.T) {
	for _, tt := range plainTextTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (render.PlainText{}).Render(&buf, tt.data, nil); err != nil {
				t.Fatalf("Render(%#v) error = %v", tt.data, err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("Render(%#v) = %q; want %q", tt.data, got, tt.want)
			}
		})
	}
}

func TestPlainTextCharset(t *testing.T) {
	tests := []struct {
		charset string
		data    any
		want    string
		err     error
	}{
		{"", "Café", "Café", nil},
		{"UTF-8", "Café", "Café", nil},
		{"iso-8859-1", "Caf\u00e9 na\u00efve \u00a3 \u00a9 \u00ff", "Caf\xe9 na\xefve \xa3 \xa9 \xff", nil},
		{"latin-1", "caf\u00e9 \u2605", "", render.ErrUnencodable},
		{"us-ascii", "abc", "abc", nil},
		{"ascii", "é", "", render.ErrUnencodable},
		{"koi8-r", "x", "", render.ErrUnknownCharset},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := (render.PlainText{Charset: tt.charset}).Render(&buf, tt.data, nil)
		if !errors.Is(err, tt.err) || buf.String() != tt.want {
			t.Errorf("PlainText{Charset: %q}.Render(%q) = %q, %v; want %q, %v", tt.charset, tt.data, buf.String(), err, tt.want, tt.err)
		}
	}
	if got, want := (render.PlainText{Charset: "iso-8859-1"}).Info().ContentType(), "text/plain; charset=iso-8859-1"; got != want {
		t.Errorf("Info().ContentType() = %q; want %q", got, want)
	}
	if got, want := (render.PlainText{}).Info(), (render.Info{MediaType: "text/plain", Format: "txt", Charset: "utf-8"}); got != want {
		t.Errorf("Info() = %+v; want %+v", got, want)
	}
}

func TestPlainTextErrors(t *testing.T) {
	for _, data := range []any{map[point]int{{}: 1}, []any{math.Inf(1), make(chan int)}} {
		if err := (render.PlainText{}).Render(&bytes.Buffer{}, data, nil); err == nil {
			t.Errorf("Render(%T) error = nil; want an error", data)
		}
	}
}
