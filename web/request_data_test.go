package web_test

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/restframe/restframe/web"
)

// newReq builds a Request for method and target with body and, when
// given, a Content-Type.
func newReq(method, target, ctype, body string, s *web.Settings) *web.Request {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	return web.NewRequest(r, s)
}

// queryTests check Request.Query (spec §11.5, §14, golden echo.query_*).
var queryTests = []struct {
	target, ctype string
	want          string
}{
	{"/x", "", "<QueryDict: {}>"},
	{"/x?a=1&a=2&b=&c", "", "<QueryDict: {'a': ['1', '2'], 'b': [''], 'c': ['']}>"},
	{"/x?q=a+b&r=a%20b&s=%2B&t=%E2%98%85", "", "<QueryDict: {'q': ['a b'], 'r': ['a b'], 's': ['+'], 't': ['★']}>"},
	{"/x?u=★&v=café", "", "<QueryDict: {'u': ['★'], 'v': ['café']}>"},
	{"/x?a=%E9", "text/plain; charset=latin-1", "<QueryDict: {'a': ['é']}>"},
	{"/x?a=%E9", "text/plain; charset=bogus", "<QueryDict: {'a': ['\ufffd']}>"},
}

func TestRequestQuery(t *testing.T) {
	for _, tt := range queryTests {
		t.Run(tt.target, func(t *testing.T) {
			r := newReq("GET", tt.target, tt.ctype, "", nil)
			q, err := r.Query()
			if err != nil || q.String() != tt.want {
				t.Errorf("Query() for %s = %s, %v; want %s", tt.target, q, err, tt.want)
			}
		})
	}
}

func TestRequestQueryLimitAndEncoding(t *testing.T) {
	r := newReq("GET", "/x?a=1&b=2&c=3", "", "", &web.Settings{MaxNumberFields: 2})
	if _, err := r.Query(); !errors.Is(err, web.ErrTooManyFields) {
		t.Errorf("Query() with 3 fields, limit 2: error %v; want ErrTooManyFields", err)
	}
	r = newReq("GET", "/x?a=%E9", "", "", nil)
	q, _ := r.Query()
	if v, _ := q.Get("a"); v != "\ufffd" {
		t.Errorf("Query() a = %q; want U+FFFD", v)
	}
	if err := r.SetEncoding("latin-1"); err != nil {
		t.Fatal(err)
	}
	q, _ = r.Query()
	if v, _ := q.Get("a"); v != "é" || r.Encoding() != "latin-1" || q.Encoding() != "latin-1" {
		t.Errorf("after SetEncoding(latin-1): a = %q, Encoding %q, %q", v, r.Encoding(), q.Encoding())
	}
	if err := r.SetEncoding("klingon"); !errors.Is(err, web.ErrUnknownEncoding) || r.Encoding() != "latin-1" {
		t.Errorf("SetEncoding(klingon) = %v, Encoding %q", err, r.Encoding())
	}
	if err := r.SetEncoding(""); err != nil || r.Encoding() != "" {
		t.Errorf(`SetEncoding("") = %v, Encoding %q`, err, r.Encoding())
	}
	r = newReq("GET", "/x?a=%E9", "", "", &web.Settings{DefaultCharset: "latin-1"})
	if q, _ := r.Query(); q.String() != "<QueryDict: {'a': ['é']}>" {
		t.Errorf("Query() with DefaultCharset latin-1 = %s", q)
	}
}

// contentTypeTests are spec §1.1, §11.4.
var contentTypeTests = []struct {
	header, ctype string
	params        map[string]string
	encoding      string
}{
	{"", "", map[string]string{}, ""},
	{"Text/Plain", "text/plain", map[string]string{}, ""},
	{"text/html; Charset=UTF-8", "text/html", map[string]string{"charset": "UTF-8"}, "UTF-8"},
	{"text/html; charset=bogus", "text/html", map[string]string{"charset": "bogus"}, ""},
	{`multipart/form-data; boundary="a;b"; x`, "multipart/form-data", map[string]string{"boundary": "a;b"}, ""},
	{`a/b; q="x\"y\\z"; q2 = v `, "a/b", map[string]string{"q": `x"y\z`, "q2": "v"}, ""},
	{`a/b; title*=utf-8''%E2%82%AC%20a+b`, "a/b", map[string]string{"title": "€ a+b"}, ""},
	{`a/b; title*=klingon''x`, "a/b", map[string]string{}, ""},
	{"a/b;;c=1;c=2", "a/b", map[string]string{"c": "2"}, ""},
}

func TestRequestContentType(t *testing.T) {
	for _, tt := range contentTypeTests {
		t.Run(tt.header, func(t *testing.T) {
			r := newReq("POST", "/", tt.header, "", nil)
			if got := r.ContentType(); got != tt.ctype {
				t.Errorf("ContentType() for %q = %q; want %q", tt.header, got, tt.ctype)
			}
			got := r.ContentParams()
			if !maps.Equal(got, tt.params) {
				t.Errorf("ContentParams() for %q = %v; want %v", tt.header, got, tt.params)
			}
			got["new"] = "x"
			if _, ok := r.ContentParams()["new"]; ok {
				t.Error("ContentParams() shares its map")
			}
			if got := r.Encoding(); got != tt.encoding {
				t.Errorf("Encoding() for %q = %q; want %q", tt.header, got, tt.encoding)
			}
		})
	}
}

func TestRequestBody(t *testing.T) {
	s := &web.Settings{MaxMemorySize: 5}
	t.Run("at the limit", func(t *testing.T) {
		r := newReq("POST", "/", "", "12345", s)
		b, err := r.Body()
		if err != nil || string(b) != "12345" {
			t.Fatalf("Body() = %q, %v", b, err)
		}
		// Later reads come from the cached body.
		line, err := r.ReadLine()
		if err != nil || string(line) != "12345" {
			t.Errorf("ReadLine() after Body() = %q, %v", line, err)
		}
		if b2, err := r.Body(); err != nil || !bytes.Equal(b, b2) {
			t.Errorf("Body() again = %q, %v", b2, err)
		}
	})
	t.Run("content-length over the limit", func(t *testing.T) {
		r := newReq("POST", "/", "", "123456", s)
		if _, err := r.Body(); !errors.Is(err, web.ErrRequestDataTooBig) || web.StatusOf(err) != 413 {
			t.Errorf("Body() error %v; want ErrRequestDataTooBig (413)", err)
		}
	})
	t.Run("stream over the limit", func(t *testing.T) {
		hr := httptest.NewRequest("POST", "/", io.MultiReader(strings.NewReader("123"), strings.NewReader("456")))
		hr.ContentLength = -1
		r := web.NewRequest(hr, s)
		if _, err := r.Body(); !errors.Is(err, web.ErrRequestDataTooBig) {
			t.Errorf("Body() of a 6-byte stream, limit 5: error %v; want ErrRequestDataTooBig", err)
		}
		if _, err := r.Body(); !errors.Is(err, web.ErrRequestDataTooBig) {
			t.Errorf("second Body() error %v; want ErrRequestDataTooBig", err)
		}
	})
	t.Run("no limit", func(t *testing.T) {
		r := newReq("POST", "/", "", strings.Repeat("x", 10000), &web.Settings{MaxMemorySize: -1})
		if b, err := r.Body(); err != nil || len(b) != 10000 {
			t.Errorf("Body() = %d bytes, %v", len(b), err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		r := newReq("GET", "/", "", "", nil)
		if b, err := r.Body(); err != nil || b == nil || len(b) != 0 {
			t.Errorf("Body() = %#v, %v; want empty", b, err)
		}
	})
	t.Run("after read", func(t *testing.T) {
		r := newReq("POST", "/", "", "abc", nil)
		if _, err := r.Read(make([]byte, 1)); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Body(); !errors.Is(err, web.ErrRawPostData) {
			t.Errorf("Body() after Read() error %v; want ErrRawPostData", err)
		}
	})
	t.Run("max bytes reader", func(t *testing.T) {
		hr := httptest.NewRequest("POST", "/", strings.NewReader("123456"))
		hr.Body = http.MaxBytesReader(httptest.NewRecorder(), hr.Body, 3)
		r := web.NewRequest(hr, nil)
		if _, err := r.Body(); !errors.Is(err, web.ErrRequestDataTooBig) {
			t.Errorf("Body() over http.MaxBytesReader: error %v; want ErrRequestDataTooBig", err)
		}
	})
	t.Run("broken stream", func(t *testing.T) {
		hr := httptest.NewRequest("POST", "/", iotest.ErrReader(io.ErrUnexpectedEOF))
		r := web.NewRequest(hr, nil)
		if _, err := r.Body(); !errors.Is(err, web.ErrBadRequest) || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("Body() of a broken stream: error %v; want ErrBadRequest wrapping the cause", err)
		}
	})
}

func TestRequestReadLines(t *testing.T) {
	r := newReq("POST", "/", "", "a\nbb\n\nc", nil)
	var lines []string
	for line, err := range r.Lines() {
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(line))
	}
	if want := []string{"a\n", "bb\n", "\n", "c"}; strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("Lines() = %q; want %q", lines, want)
	}
	if line, err := r.ReadLine(); line != nil || err != io.EOF {
		t.Errorf("ReadLine() at the end = %q, %v; want nil, io.EOF", line, err)
	}

	r = newReq("POST", "/", "", "one\ntwo\n", nil)
	first, _ := r.ReadLine()
	rest, err := r.ReadLines()
	if string(first) != "one\n" || len(rest) != 1 || string(rest[0]) != "two\n" || err != nil {
		t.Errorf("ReadLine, ReadLines = %q, %q, %v", first, rest, err)
	}

	r = newReq("POST", "/", "", strings.Repeat("x", 5000)+"\n", &web.Settings{MaxMemorySize: 4096})
	if _, err := r.ReadLine(); !errors.Is(err, web.ErrRequestDataTooBig) {
		t.Errorf("ReadLine() of a 5000-byte line, limit 4096: error %v; want ErrRequestDataTooBig", err)
	}

	hr := httptest.NewRequest("POST", "/", iotest.ErrReader(io.ErrClosedPipe))
	r = web.NewRequest(hr, nil)
	if _, err := r.ReadLines(); !errors.Is(err, io.ErrClosedPipe) {
		t.Errorf("ReadLines() of a broken stream: error %v", err)
	}
	for range newReq("POST", "/", "", "a\nb\n", nil).Lines() {
		break
	}
}

func TestRequestRead(t *testing.T) {
	r := newReq("POST", "/", "", "hello world", nil)
	b, err := io.ReadAll(r)
	if err != nil || string(b) != "hello world" {
		t.Errorf("io.ReadAll(r) = %q, %v", b, err)
	}
}

// formTests are request.POST for urlencoded and other bodies (spec §15).
var formTests = []struct {
	name, method, ctype, body string
	want                      string
	err                       error
}{
	{"urlencoded", "POST", "application/x-www-form-urlencoded", "a=1&a=2&b=caf%C3%A9+x", "<QueryDict: {'a': ['1', '2'], 'b': ['café x']}>", nil},
	{"charset utf-8", "POST", "application/x-www-form-urlencoded; charset=UTF-8", "a=1", "<QueryDict: {'a': ['1']}>", nil},
	// Current Django; Django 3.2 decoded with latin-1 (a: ['é']).
	{"charset latin-1", "POST", "application/x-www-form-urlencoded; charset=latin-1", "a=%E9", "<QueryDict: {}>", web.ErrBadRequest},
	{"charset utf8 spelling", "POST", "application/x-www-form-urlencoded; charset=utf8", "a=1", "<QueryDict: {}>", web.ErrBadRequest},
	{"charset unknown", "POST", "application/x-www-form-urlencoded; charset=bogus", "a=1", "<QueryDict: {}>", web.ErrBadRequest},
	{"raw latin-1 byte", "POST", "application/x-www-form-urlencoded", "a=\xe9", "<QueryDict: {'a': ['é']}>", nil},
	{"put", "PUT", "application/x-www-form-urlencoded", "a=1", "<QueryDict: {}>", nil},
	{"lower-case post", "post", "application/x-www-form-urlencoded", "a=1", "<QueryDict: {'a': ['1']}>", nil},
	{"json", "POST", "application/json", `{"a": 1}`, "<QueryDict: {}>", nil},
	{"no content type", "POST", "", "a=1", "<QueryDict: {}>", nil},
	{"too many fields", "POST", "application/x-www-form-urlencoded", strings.Repeat("a=1&", 1000) + "a=1", "<QueryDict: {}>", web.ErrTooManyFields},
	{"too big", "POST", "application/x-www-form-urlencoded", "a=" + strings.Repeat("x", int(web.DefaultMaxMemorySize)), "<QueryDict: {}>", web.ErrRequestDataTooBig},
}

func TestRequestForm(t *testing.T) {
	for _, tt := range formTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newReq(tt.method, "/", tt.ctype, tt.body, nil)
			form, err := r.Form()
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Fatalf("Form() error %v; want %v", err, tt.err)
			}
			if got := form.String(); got != tt.want {
				t.Errorf("Form() = %s; want %s", got, tt.want)
			}
			if files, ferr := r.Files(); files.Len() != 0 || ferr != err {
				t.Errorf("Files() = %d files, %v", files.Len(), ferr)
			}
			if again, err2 := r.Form(); again.String() != form.String() || err2 != err {
				t.Errorf("second Form() = %s, %v", again, err2)
			}
		})
	}
}

func TestRequestFormCharsetMessage(t *testing.T) {
	r := newReq("POST", "/", "application/x-www-form-urlencoded; charset=latin-1", "a=1", nil)
	_, err := r.Form()
	var he *web.HTTPError
	if !errors.As(err, &he) || he.Status != 400 ||
		he.Message != "HTTP requests with the 'application/x-www-form-urlencoded' content type must be UTF-8 encoded." {
		t.Errorf("Form() error %#v", err)
	}
	// Setting the encoding to UTF-8 lifts it, as in Django.
	r.SetEncoding("utf-8")
	if f, err := r.Form(); err != nil || f.Len() != 1 {
		t.Errorf("Form() after SetEncoding(utf-8) = %s, %v", f, err)
	}
	r.SetEncoding("latin-1")
	if _, err := r.Form(); !errors.Is(err, web.ErrBadRequest) {
		t.Errorf("Form() after SetEncoding(latin-1) error %v; want ErrBadRequest", err)
	}
}

// TestRequestFormInterplay is spec §15.4 for urlencoded bodies.
func TestRequestFormInterplay(t *testing.T) {
	const ct = "application/x-www-form-urlencoded"
	r := newReq("POST", "/", ct, "a=1", nil)
	if _, err := r.ReadLine(); err != nil {
		t.Fatal(err)
	}
	if f, err := r.Form(); err != nil || f.Len() != 0 {
		t.Errorf("Form() after ReadLine() = %s, %v; want empty", f, err)
	}

	r = newReq("POST", "/", ct, "a=1", nil)
	if f, err := r.Form(); err != nil || f.Len() != 1 {
		t.Fatalf("Form() = %s, %v", f, err)
	}
	if b, err := r.Body(); err != nil || string(b) != "a=1" {
		t.Errorf("Body() after an urlencoded Form() = %q, %v", b, err)
	}
}

func TestRequestCloseWithoutFiles(t *testing.T) {
	r := newReq("GET", "/", "", "", nil)
	if err := r.Close(); err != nil {
		t.Errorf("Close() = %v", err)
	}
}
