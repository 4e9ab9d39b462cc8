package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

func str(s string) *string { return &s }

func mustQuery(t *testing.T, q string) web.QueryDict {
	t.Helper()
	d, err := web.ParseQueryDict(q)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// validateTests feed validateSnippet the values the parsers give.
var validateTests = []struct {
	name    string
	data    any // "form:<query>" and "multipart:<query>" are parsed into form data
	partial bool
	want    snippetInput
	errs    string // the field errors as JSON, "" for none
}{
	{name: "full", data: map[string]any{"title": " t ", "code": "c", "language": "go"},
		want: snippetInput{title: str("t"), code: str("c"), language: str("go")}},
	{name: "default language", data: map[string]any{"title": "t", "code": "c"},
		want: snippetInput{title: str("t"), code: str("c"), language: str("text")}},
	{name: "number as string", data: map[string]any{"title": 1.5, "code": float64(7)},
		want: snippetInput{title: str("1.5"), code: str("7"), language: str("text")}},
	{name: "partial", data: map[string]any{"code": "c"}, partial: true,
		want: snippetInput{code: str("c")}},
	{name: "partial empty", data: map[string]any{}, partial: true},
	{name: "required", data: map[string]any{},
		errs: `{"title":["This field is required."],"code":["This field is required."]}`},
	{name: "blank and null", data: map[string]any{"title": "\t", "code": nil, "language": ""},
		errs: `{"title":["This field may not be blank."],"code":["This field may not be null."],"language":["\"\" is not a valid choice."]}`},
	{name: "not strings", data: map[string]any{"title": true, "code": []any{"x"}, "language": map[string]any{}},
		errs: `{"title":["Not a valid string."],"code":["Not a valid string."],"language":["Not a valid string."]}`},
	{name: "list", data: []any{}, errs: `{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}`},
	{name: "string", data: "x", errs: `{"non_field_errors":["Invalid data. Expected a dictionary, but got str."]}`},
	{name: "int", data: float64(3), errs: `{"non_field_errors":["Invalid data. Expected a dictionary, but got int."]}`},
	{name: "float", data: 3.5, errs: `{"non_field_errors":["Invalid data. Expected a dictionary, but got float."]}`},
	{name: "bool", data: false, errs: `{"non_field_errors":["Invalid data. Expected a dictionary, but got bool."]}`},
	{name: "null", data: nil, errs: `{"non_field_errors":["No data provided"]}`},
	{name: "form", data: "form:title=a&title=b&code=c",
		want: snippetInput{title: str("b"), code: str("c"), language: str("text")}},
	{name: "multipart", data: "multipart:title=a&code=c&language=sql",
		want: snippetInput{title: str("a"), code: str("c"), language: str("sql")}},
	{name: "form partial", data: "form:language=rust", partial: true,
		want: snippetInput{language: str("rust")}},
}

func TestValidateSnippet(t *testing.T) {
	for _, tt := range validateTests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			if s, ok := data.(string); ok && len(s) > 5 {
				switch {
				case s[:5] == "form:":
					data = mustQuery(t, s[5:])
				case len(s) > 10 && s[:10] == "multipart:":
					data = parse.Data{Fields: mustQuery(t, s[10:])}
				}
			}
			in, errs := validateSnippet(data, tt.partial)
			if tt.errs != "" {
				if got := renderJSON(t, errs); got != tt.errs {
					t.Fatalf("validateSnippet(%v, %v) errors = %s; want %s", tt.data, tt.partial, got, tt.errs)
				}
				return
			}
			if errs != nil {
				t.Fatalf("validateSnippet(%v, %v) errors = %s; want none", tt.data, tt.partial, renderJSON(t, errs))
			}
			if !reflect.DeepEqual(in, tt.want) {
				t.Errorf("validateSnippet(%v, %v) = %s; want %s", tt.data, tt.partial, describe(in), describe(tt.want))
			}
		})
	}
}

func TestValidateSnippetTitleLength(t *testing.T) {
	title := ""
	for range maxTitle {
		title += "ü" // characters, not bytes, count
	}
	if _, errs := validateSnippet(map[string]any{"title": title, "code": "c"}, false); errs != nil {
		t.Errorf("a %d-character title: errors %s; want none", maxTitle, renderJSON(t, errs))
	}
	_, errs := validateSnippet(map[string]any{"title": title + "x", "code": "c"}, false)
	if got, want := renderJSON(t, errs), `{"title":["Ensure this field has no more than 100 characters."]}`; got != want {
		t.Errorf("a %d-character title: errors %s; want %s", maxTitle+1, got, want)
	}
}

func describe(in snippetInput) string {
	s := ""
	for _, f := range []*string{in.title, in.code, in.language} {
		if f == nil {
			s += "<nil> "
		} else {
			s += "\"" + *f + "\" "
		}
	}
	return s
}

// renderJSON renders v as the API would.
func renderJSON(t *testing.T, v any) string {
	t.Helper()
	var b strings.Builder
	if err := (render.JSON{}).Render(&b, v, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
