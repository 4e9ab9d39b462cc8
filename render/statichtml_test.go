package render_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// staticDjangoContentTests are the bodies Django's HttpResponse makes of
// data that DRF's StaticHTMLRenderer passes through unchanged.
var staticDjangoContentTests = []struct {
	name string
	data any
	want string
	err  error
}{
	{"metadata object", web.JSONObject{{Key: "name", Value: "V"}, {Key: "description", Value: ""}, {Key: "renders", Value: []any{"text/html"}}, {Key: "parses", Value: nil}}, "namedescriptionrendersparses", nil},
	{"map keys sorted", map[string]any{"b": 1, "a": []any{1}}, "ab", nil},
	{"list items", []any{"a", 1, 2.5, true, nil, []byte("z")}, "a12.5TrueNonez", nil},
	{"string slice", []string{"<p>", "x", "</p>"}, "<p>x</p>", nil},
	{"int", 42, "42", nil},
	{"float", 0.1, "0.1", nil},
	{"false", false, "False", nil},
	{"nested container", []any{[]any{1}}, "", render.ErrUnsupportedData},
	{"html still as is", "<b>x</b>", "<b>x</b>", nil},
}

func TestStaticHTMLDjangoContent(t *testing.T) {
	for _, tt := range staticDjangoContentTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := render.StaticHTML{DjangoContent: true}.Render(&buf, tt.data, nil)
			if !errors.Is(err, tt.err) || (err == nil && buf.String() != tt.want) {
				t.Errorf("Render(%#v) = %q, %v; want %q, %v", tt.data, buf.String(), err, tt.want, tt.err)
			}
			// Without the option, non-HTML data stays an error.
			if _, isString := tt.data.(string); !isString {
				if err := (render.StaticHTML{}).Render(&bytes.Buffer{}, tt.data, nil); !errors.Is(err, render.ErrUnsupportedData) {
					t.Errorf("Render(%#v) without DjangoContent: err = %v; want ErrUnsupportedData", tt.data, err)
				}
			}
		})
	}
}
