package render_test

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// djangoMultipart is what DRF's MultiPartRenderer (Django's
// encode_multipart) rendered for the same data in Python:
//
//	{'a': '1', 'b': ['x', 'y'],
//	 'f': SimpleUploadedFile('dir/hello.txt', b'hi\x00there', content_type='text/plain'),
//	 'n': 3, 't': True, 'fl': 1.5, 'u': 'café ★',
//	 'files': [SimpleUploadedFile('a.png', b'PNG'), 'z'], 'e': ''}
const djangoMultipart = "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\ny\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"f\"; filename=\"hello.txt\"\r\nContent-Type: text/plain\r\n\r\nhi\x00there\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n3\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nTrue\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"fl\"\r\n\r\n1.5\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"u\"\r\n\r\ncaf\xc3\xa9 \xe2\x98\x85\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\nContent-Type: text/plain\r\n\r\nPNG\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nz\r\n" +
	"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n\r\n" +
	"--BoUnDaRyStRiNg--\r\n"

func TestMultiPartMatchesDjango(t *testing.T) {
	data := web.JSONObject{
		{Key: "a", Value: "1"},
		{Key: "b", Value: []string{"x", "y"}},
		{Key: "f", Value: web.NewUploadedFile("dir/hello.txt", []byte("hi\x00there"), "text/plain")},
		{Key: "n", Value: 3},
		{Key: "t", Value: true},
		{Key: "fl", Value: 1.5},
		{Key: "u", Value: "café ★"},
		{Key: "files", Value: []any{web.NewUploadedFile("a.png", []byte("PNG"), "text/plain"), "z"}},
		{Key: "e", Value: ""},
	}
	var buf bytes.Buffer
	if err := (render.MultiPart{}).Render(&buf, data, nil); err != nil {
		t.Fatal(err)
	}
	if buf.String() != djangoMultipart {
		t.Errorf("Render =\n%q\nDjango:\n%q", buf.String(), djangoMultipart)
	}
}

var multipartTests = []struct {
	name string
	r    render.MultiPart
	data any
	want string
}{
	{"spec 4.8.1", render.MultiPart{}, web.JSONObject{{Key: "a", Value: "1"}, {Key: "b", Value: []any{"x", "y"}}},
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nx\r\n--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\ny\r\n--BoUnDaRyStRiNg--\r\n"},
	{"nil", render.MultiPart{}, nil, ""},
	{"empty", render.MultiPart{}, map[string]any{}, "--BoUnDaRyStRiNg--\r\n"},
	{"map sorted, custom boundary", render.MultiPart{Boundary: "XyZ"}, map[string]string{"b": "2", "a": "1"},
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--XyZ--\r\n"},
	{"url.Values", render.MultiPart{}, url.Values{"k": {"1", "2"}},
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\n1\r\n--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\n2\r\n--BoUnDaRyStRiNg--\r\n"},
	{"quoted names", render.MultiPart{}, map[string]any{"a\"b\r\n": false},
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a%22b%0D%0A\"\r\n\r\nFalse\r\n--BoUnDaRyStRiNg--\r\n"},
	{"reader without name", render.MultiPart{}, map[string]any{"blob": strings.NewReader("data")},
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"blob\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\ndata\r\n--BoUnDaRyStRiNg--\r\n"},
	{"bytes value", render.MultiPart{}, map[string]any{"raw": []byte("\x00\x01")},
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"raw\"\r\n\r\n\x00\x01\r\n--BoUnDaRyStRiNg--\r\n"},
}

func TestMultiPart(t *testing.T) {
	for _, tt := range multipartTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.r.Render(&buf, tt.data, nil); err != nil {
				t.Fatalf("Render(%v) error = %v", tt.data, err)
			}
			if buf.String() != tt.want {
				t.Errorf("Render(%v) =\n%q\nwant\n%q", tt.data, buf.String(), tt.want)
			}
		})
	}
}

func TestMultiPartQueryDict(t *testing.T) {
	q, err := web.ParseQueryDict("z=1&a=2&z=3")
	if err != nil {
		t.Fatal(err)
	}
	want := "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"z\"\r\n\r\n1\r\n" +
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"z\"\r\n\r\n3\r\n" +
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n--BoUnDaRyStRiNg--\r\n"
	for _, data := range []any{q, q.Copy()} {
		var buf bytes.Buffer
		if err := (render.MultiPart{}).Render(&buf, data, nil); err != nil || buf.String() != want {
			t.Errorf("Render(%T) = %q, %v; want %q", data, buf.String(), err, want)
		}
	}
}

func TestMultiPartOSFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(p, []byte("PNG"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := (render.MultiPart{}).Render(&buf, map[string]any{"logo": f}, nil); err != nil {
		t.Fatal(err)
	}
	want := "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--BoUnDaRyStRiNg--\r\n"
	if buf.String() != want {
		t.Errorf("Render(*os.File) = %q; want %q", buf.String(), want)
	}
}

func TestMultiPartErrors(t *testing.T) {
	tests := []struct {
		name string
		data any
		want error
		msg  string
	}{
		{"nil value", map[string]any{"a": nil}, render.ErrMultipartNil, "key 'a'"},
		{"nested map", web.JSONObject{{Key: "ok", Value: nil}, {Key: "a", Value: map[string]any{"b": 1}}}, render.ErrMultipartNested, "key 'a'"},
		{"nested object", map[string]any{"o": web.JSONObject{}}, render.ErrMultipartNested, "key 'o'"},
		{"not a map", []string{"a"}, render.ErrUnsupportedData, ""},
		{"nested list", map[string]any{"l": []any{[]any{1}}}, render.ErrUnsupportedData, ""},
		{"nil in list", map[string]any{"l": []any{nil}}, render.ErrMultipartNil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := (render.MultiPart{}).Render(&buf, tt.data, nil)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Render error = %v; want %v mentioning %q", err, tt.want, tt.msg)
			}
			if buf.Len() != 0 {
				t.Errorf("Render wrote %q with an error", buf.Bytes())
			}
		})
	}
}

func TestMultiPartInfo(t *testing.T) {
	want := render.Info{MediaType: "multipart/form-data; boundary=BoUnDaRyStRiNg", Format: "multipart", Charset: "utf-8"}
	if got := (render.MultiPart{}).Info(); got != want {
		t.Errorf("Info() = %+v; want %+v", got, want)
	}
	if got := want.ContentType(); got != "multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8" {
		t.Errorf("ContentType() = %q", got)
	}
	if got := (render.MultiPart{Boundary: "b"}).Info().MediaType; got != "multipart/form-data; boundary=b" {
		t.Errorf("Info().MediaType = %q", got)
	}
}
