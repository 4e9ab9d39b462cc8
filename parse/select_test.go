package parse_test

import (
	"errors"
	"net/http"
	"reflect"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// selectParsers are DRF's defaults plus a parser with a parameter and a
// FileUpload catch-all, so every branch of matching is seen.
var selectParsers = []parse.Parser{
	parse.JSON{},
	parse.Form{},
	parse.MultiPart{},
	parse.Func{Type: "text/csv; header=present", Fn: nil},
	parse.FileUpload{Type: "image/*"},
}

// selectTests: want is the media type of the parser chosen, "" for 415.
var selectTests = []struct {
	ct   string
	want string
}{
	{"application/json", "application/json"},
	{"application/json; charset=utf-8", "application/json"},
	{"APPLICATION/JSON", "application/json"},
	{" application/json ;charset=utf-8", "application/json"},
	{"application/*", "application/json"},
	{"*/*", "application/json"},
	{"*/*; boundary=x", "application/json"},
	{"application/x-www-form-urlencoded", "application/x-www-form-urlencoded"},
	{"multipart/form-data; boundary=x", "multipart/form-data"},
	{"multipart/*", "multipart/form-data"},
	{"*/form-data", "multipart/form-data"},
	{"text/csv; header=present; charset=utf-8", "text/csv; header=present"},
	{"text/csv; header=absent", ""},
	{"text/csv", ""},
	{"image/png", "image/*"},
	{"text/*", ""},
	{"application/vnd.api+json", ""},
	{"multipart/mixed; boundary=x", ""},
	{"text/plain", ""},
	{"", ""},
	{"json", ""},
	{"application/json\xff", ""},
	{"appl\xe9cation/json", ""},
}

func TestSelect(t *testing.T) {
	for _, tt := range selectTests {
		p, err := parse.Select(selectParsers, tt.ct)
		if tt.want == "" {
			var pe *parse.Error
			if p != nil || !errors.As(err, &pe) || !errors.Is(err, parse.ErrUnsupportedMediaType) {
				t.Errorf("Select(%q) = %v, %v; want ErrUnsupportedMediaType", tt.ct, p, err)
				continue
			}
			if want := `Unsupported media type "` + tt.ct + `" in request.`; pe.Detail != want || pe.MediaType != tt.ct {
				t.Errorf("Select(%q) detail = %q, media type %q; want %q", tt.ct, pe.Detail, pe.MediaType, want)
			}
			if got := web.StatusOf(err); got != http.StatusUnsupportedMediaType {
				t.Errorf("StatusOf(Select(%q)) = %d; want 415", tt.ct, got)
			}
			continue
		}
		if err != nil || p == nil || p.MediaType() != tt.want {
			t.Errorf("Select(%q) = %v, %v; want the %q parser", tt.ct, p, err, tt.want)
		}
	}
}

// TestSelectStar: FileUpload's "*/*" takes anything, an empty Content-Type
// included, when the parsers before it do not.
func TestSelectStar(t *testing.T) {
	parsers := []parse.Parser{parse.JSON{}, parse.FileUpload{}}
	for _, ct := range []string{"", "text/plain", "application/json"} {
		p, err := parse.Select(parsers, ct)
		want := "*/*"
		if ct == "application/json" {
			want = "application/json"
		}
		if err != nil || p.MediaType() != want {
			t.Errorf("Select(%q) = %v, %v; want %q", ct, p, err, want)
		}
	}
	if _, err := parse.Select(nil, "application/json"); !errors.Is(err, parse.ErrUnsupportedMediaType) {
		t.Errorf("Select(nil) = %v; want ErrUnsupportedMediaType", err)
	}
}

// bodyTests run Body with DRF's default parsers; the cases follow the
// conformance recordings of /json_parser_only and /echo (DRF 3.14).
var bodyTests = []struct {
	name   string
	method string
	ct     string
	body   string
	stream bool
	want   any
	err    string // the detail
}{
	{"json", "POST", "application/json", `{"x": 1}`, false, map[string]any{"x": 1.0}, ""},
	{"json empty body", "POST", "application/json", "", false, map[string]any{}, ""},
	{"json empty stream", "POST", "application/json", "", true, map[string]any{}, ""},
	{"json whitespace", "POST", "application/json", " ", false, nil,
		"JSON parse error - Expecting value: line 1 column 2 (char 1)"},
	{"no body, no type", "DELETE", "", "", false, map[string]any{}, ""},
	{"no body, unknown type", "POST", "text/plain", "", false, map[string]any{}, ""},
	{"no body, form", "POST", "application/x-www-form-urlencoded", "", false, web.QueryDict{}, ""},
	{"no body, multipart", "PUT", "multipart/form-data", "", false, web.QueryDict{}, ""},
	{"form", "PUT", "application/x-www-form-urlencoded", "a=1", false, mustQuery("a=1"), ""},
	{"body without a type", "POST", "", `{"x": 1}`, false, nil, `Unsupported media type "" in request.`},
	{"text/plain", "POST", "text/plain", "hello", false, nil, `Unsupported media type "text/plain" in request.`},
	{"text/plain stream", "POST", "text/plain", "hello", true, nil, `Unsupported media type "text/plain" in request.`},
	{"empty text/plain stream", "POST", "text/plain", "", true, map[string]any{}, ""},
	{"empty stream without a type", "POST", "", "", true, map[string]any{}, ""},
	{"empty form stream", "PUT", "application/x-www-form-urlencoded", "", true, web.QueryDict{}, ""},
	{"raw header in the detail", "POST", "Text/Plain; charset=UTF-8", "x", false, nil,
		`Unsupported media type "Text/Plain; charset=UTF-8" in request.`},
}

func mustQuery(s string) web.QueryDict {
	q, err := web.ParseQueryDict(s)
	if err != nil {
		panic(err)
	}
	return q
}

func TestBody(t *testing.T) {
	for _, tt := range bodyTests {
		t.Run(tt.name, func(t *testing.T) {
			mk := newRequest
			if tt.stream {
				mk = newStreamRequest
			}
			got, err := parse.Body(mk(tt.method, tt.ct, tt.body, nil), parse.Defaults())
			if tt.err != "" {
				if got != nil || detailOf(err) != tt.err {
					t.Fatalf("Body = %v, %v; want the detail %q", got, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Body error %v", err)
			}
			if q, ok := got.(web.QueryDict); ok {
				want, ok := tt.want.(web.QueryDict)
				if !ok || q.String() != want.String() {
					t.Fatalf("Body = %s; want %v", q, tt.want)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Body = %#v; want %#v", got, tt.want)
			}
		})
	}
}

// TestBodyEmptyFormEncoding: the empty QueryDict has the request's
// encoding, as DRF's QueryDict(”, encoding=request._encoding).
func TestBodyEmptyFormEncoding(t *testing.T) {
	r := newRequest("POST", "application/x-www-form-urlencoded; charset=latin-1", "", nil)
	got, err := parse.Body(r, parse.Defaults())
	q, ok := got.(web.QueryDict)
	if err != nil || !ok || q.Len() != 0 || q.Encoding() != "latin-1" {
		t.Fatalf("Body = %v, %v; want an empty QueryDict in latin-1", got, err)
	}
}

func TestBodyMultipart(t *testing.T) {
	r := newRequest("POST", "multipart/form-data; boundary=XyZ", mpBody, nil)
	defer r.Close()
	v, err := parse.Body(r, parse.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	checkData(t, v, "<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"})
}

var isFormMediaTypeTests = []struct {
	in   string
	want bool
}{
	{"application/x-www-form-urlencoded", true},
	{"application/x-www-form-urlencoded; charset=utf-8", true},
	{"Multipart/Form-Data; boundary=x", true},
	{"multipart/form-data", true},
	{"multipart/mixed", false},
	{"application/json", false},
	{"", false},
	{"application/x-www-form-urlencoded/x", false},
	{"multipart/form-data\xff", false},
}

func TestIsFormMediaType(t *testing.T) {
	for _, tt := range isFormMediaTypeTests {
		if got := parse.IsFormMediaType(tt.in); got != tt.want {
			t.Errorf("IsFormMediaType(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}
