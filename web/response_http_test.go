package web_test

import (
	"errors"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/web"
)

func TestNewHTTPResponse(t *testing.T) {
	r := web.NewHTTPResponse("<p>hi</p>")
	if got, want := r.Status(), 200; got != want {
		t.Errorf("Status() = %d; want %d", got, want)
	}
	if got, want := r.Header().Get("Content-Type"), "text/html; charset=utf-8"; got != want {
		t.Errorf("Content-Type = %q; want %q", got, want)
	}
	if got, want := string(r.Content()), "<p>hi</p>"; got != want {
		t.Errorf("Content() = %q; want %q", got, want)
	}
	if got, want := r.String(), `<HttpResponse status_code=200, "text/html; charset=utf-8">`; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	if got, want := r.ReasonPhrase(), "OK"; got != want {
		t.Errorf("ReasonPhrase() = %q; want %q", got, want)
	}
	b := web.NewHTTPResponseBytes([]byte{0xff})
	if got := b.Content(); len(got) != 1 || got[0] != 0xff {
		t.Errorf("NewHTTPResponseBytes content = %q", got)
	}
}

// fruits is an iterator, for content that Django consumes at once.
func fruits(yield func(string) bool) {
	_ = yield("apple,") && yield("pear")
}

var httpResponseWithTests = []struct {
	name    string
	content any
	opts    web.ResponseOptions
	status  int
	headers [][2]string // all headers, in order
	body    string
	err     error
}{
	{name: "defaults", content: "x", status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "x"},
	{name: "latin-1 content type encodes", content: "café", opts: web.ResponseOptions{ContentType: "text/plain; charset=latin-1"}, status: 200,
		headers: [][2]string{{"Content-Type", "text/plain; charset=latin-1"}}, body: "caf\xe9"},
	{name: "charset goes into the default type", content: "é", opts: web.ResponseOptions{Charset: "iso-8859-1"}, status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=iso-8859-1"}}, body: "\xe9"},
	{name: "charset not inserted into an explicit type", content: "é", opts: web.ResponseOptions{ContentType: "text/plain", Charset: "latin-1"}, status: 200,
		headers: [][2]string{{"Content-Type", "text/plain"}}, body: "\xe9"},
	{name: "headers first then content type", content: "body", opts: web.ResponseOptions{Header: http.Header{"X-A": {"1"}}}, status: 200,
		headers: [][2]string{{"X-A", "1"}, {"Content-Type", "text/html; charset=utf-8"}}, body: "body"},
	{name: "content type from headers", content: "{}", opts: web.ResponseOptions{Status: 201, Header: http.Header{"content-type": {"application/json"}, "X-B": {"1", "2"}}}, status: 201,
		headers: [][2]string{{"X-B", "1"}, {"X-B", "2"}, {"Content-Type", "application/json"}}, body: "{}"},
	{name: "status and reason", content: nil, opts: web.ResponseOptions{Status: 418, Reason: "Short And Stout"}, status: 418,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}},
	{name: "status 599", opts: web.ResponseOptions{Status: 599}, status: 599,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}},
	{name: "iterable consumed", content: []any{"a", []byte("b"), 3, 1.5, true, nil}, status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "ab31.5True"},
	{name: "iter.Seq", content: iter.Seq[string](fruits), status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "apple,pear"},
	{name: "strings", content: []string{"a", "b"}, status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "ab"},
	{name: "int", content: 123, status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "123"},
	{name: "float repr", content: 1e16, status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "1e+16"},
	{name: "stringer", content: time.March, status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "March"},
	{name: "error value", content: errors.New("boom"), status: 200,
		headers: [][2]string{{"Content-Type", "text/html; charset=utf-8"}}, body: "boom"},

	{name: "status 600", opts: web.ResponseOptions{Status: 600}, err: web.ErrInvalidStatus},
	{name: "status 99", opts: web.ResponseOptions{Status: 99}, err: web.ErrInvalidStatus},
	{name: "content type twice", opts: web.ResponseOptions{ContentType: "text/plain", Header: http.Header{"Content-Type": {"text/html"}}}, err: web.ErrContentTypeConflict},
	{name: "newline in header", opts: web.ResponseOptions{Header: http.Header{"X-N": {"a\nb"}}}, err: web.ErrBadHeader},
	{name: "newline in content type", opts: web.ResponseOptions{ContentType: "text/plain\r\nX-Evil: 1"}, err: web.ErrBadHeader},
	{name: "unencodable", content: "☃", opts: web.ResponseOptions{Charset: "latin-1"}, err: web.ErrUnicode},
	{name: "unknown charset", content: "x", opts: web.ResponseOptions{Charset: "klingon"}, err: web.ErrUnknownEncoding},
}

// headerList returns every header of r in SerializeHeaders order.
func headerList(r interface{ SerializeHeaders() []byte }) [][2]string {
	var out [][2]string
	s := string(r.SerializeHeaders())
	if s == "" {
		return nil
	}
	for _, line := range strings.Split(s, "\r\n") {
		k, v, _ := strings.Cut(line, ": ")
		out = append(out, [2]string{k, v})
	}
	return out
}

func TestNewHTTPResponseWith(t *testing.T) {
	for _, tt := range httpResponseWithTests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := web.NewHTTPResponseWith(tt.content, tt.opts)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("NewHTTPResponseWith(%#v, %+v) error = %v; want %v", tt.content, tt.opts, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewHTTPResponseWith(%#v, %+v) error: %v", tt.content, tt.opts, err)
			}
			if r.Status() != tt.status {
				t.Errorf("Status() = %d; want %d", r.Status(), tt.status)
			}
			if got := headerList(r); !slices.Equal(got, tt.headers) {
				t.Errorf("headers = %q; want %q", got, tt.headers)
			}
			if got := string(r.Content()); got != tt.body {
				t.Errorf("Content() = %q; want %q", got, tt.body)
			}
		})
	}
}

func TestHTTPResponseReason(t *testing.T) {
	tests := []struct {
		status int
		reason string
		want   string
	}{
		{200, "", "OK"},
		{599, "", "Unknown Status Code"},
		{306, "", "Unknown Status Code"},
		{414, "", "Request-URI Too Long"},
		{418, "", "I'm a Teapot"},
		{413, "", "Request Entity Too Large"},
		{422, "", "Unprocessable Entity"},
		{404, "Nope", "Nope"},
	}
	for _, tt := range tests {
		r := web.NewHTTPResponse("")
		r.StatusCode, r.Reason = tt.status, tt.reason
		if got := r.ReasonPhrase(); got != tt.want {
			t.Errorf("ReasonPhrase() with status %d, reason %q = %q; want %q", tt.status, tt.reason, got, tt.want)
		}
	}
	r := web.NewHTTPResponse("")
	if err := r.SetStatus(1000); !errors.Is(err, web.ErrInvalidStatus) || r.Status() != 200 {
		t.Errorf("SetStatus(1000) = %v, status %d; want ErrInvalidStatus, 200", err, r.Status())
	}
	if err := r.SetStatus(201); err != nil || r.Status() != 201 {
		t.Errorf("SetStatus(201) = %v, status %d; want nil, 201", err, r.Status())
	}
}

// charsetTests is Django's test_charset_detection matrix.
var charsetTests = []struct {
	contentType, override, want string
}{
	{"text/html; charset=utf-8", "", "utf-8"},
	{"text/html", "iso-8859-1", "iso-8859-1"},
	{"text/plain; charset=utf-8", "iso-8859-1", "iso-8859-1"},
	{"text/plain; charset=iso-8859-1", "", "iso-8859-1"},
	{`text/plain; charset="iso-8859-1"`, "", "iso-8859-1"},
	{"text/plain; charset=", "", "utf-8"},
	{"text/plain", "", "utf-8"},
	{"text/plain;CHARSET=latin-1 ;x=y", "", "latin-1"},
	{"text/plain; xcharset=latin-1", "", "utf-8"},
	{"text/plain; charset=;charset=ascii", "", "ascii"},
	{"", "", "utf-8"},
}

func TestHTTPResponseCharset(t *testing.T) {
	for _, tt := range charsetTests {
		r := web.NewHTTPResponse("")
		if err := r.SetHeader("Content-Type", tt.contentType); err != nil {
			t.Fatal(err)
		}
		r.CharsetOverride = tt.override
		if got := r.Charset(); got != tt.want {
			t.Errorf("Charset() with Content-Type %q, override %q = %q; want %q", tt.contentType, tt.override, got, tt.want)
		}
	}
}

// setHeaderTests are Django's header value rules (spec 16.6).
var setHeaderTests = []struct {
	name, value, want string
	err               error
}{
	{"X-U", "☃ snow", "=?utf-8?b?4piDIHNub3c=?=", nil},
	{"X-U", "†", "=?utf-8?b?4oCg?=", nil},
	{"X-U", "abcdefghijklmnop†", "=?utf-8?q?abcdefghijklmnop=E2=80=A0?=", nil},
	{"X-U", "hello world this is long ☃", "=?utf-8?q?hello_world_this_is_long_=E2=98=83?=", nil},
	{"X-L", "café", "café", nil},
	{"X-T", "a\tb\x00c", "a\tb\x00c", nil},
	{"X-N", "a\nb", "", web.ErrBadHeader},
	{"X-N", "a\rb", "", web.ErrBadHeader},
	{"X\nN", "a", "", web.ErrBadHeader},
	{"X N", "a", "", web.ErrBadHeader},
	{"Ä", "a", "", web.ErrBadHeader},
}

func TestSetHeader(t *testing.T) {
	for _, tt := range setHeaderTests {
		r := web.NewHTTPResponse("")
		err := r.SetHeader(tt.name, tt.value)
		if !errors.Is(err, tt.err) {
			t.Errorf("SetHeader(%q, %q) = %v; want %v", tt.name, tt.value, err, tt.err)
			continue
		}
		if got := r.Header().Get(tt.name); err == nil && got != tt.want {
			t.Errorf("SetHeader(%q, %q) stored %q; want %q", tt.name, tt.value, got, tt.want)
		}
	}
}

func TestHeaderOrder(t *testing.T) {
	r := web.NewHTTPResponse("")
	for _, h := range [][2]string{{"x-foo", "1"}, {"X-Bar", "2"}, {"X-FOO", "3"}} {
		if err := r.SetHeader(h[0], h[1]); err != nil {
			t.Fatal(err)
		}
	}
	r.Header().Set("A-Direct", "4")
	want := "Content-Type: text/html; charset=utf-8\r\nX-Foo: 3\r\nX-Bar: 2\r\nA-Direct: 4"
	if got := string(r.SerializeHeaders()); got != want {
		t.Errorf("SerializeHeaders() = %q; want %q", got, want)
	}
	// Deleting and setting again moves a header to the end, as in Django.
	r.DelHeader("x-foo")
	r.DelHeader("X-Missing")
	if err := r.SetHeader("X-Foo", "5"); err != nil {
		t.Fatal(err)
	}
	want = "Content-Type: text/html; charset=utf-8\r\nX-Bar: 2\r\nX-Foo: 5\r\nA-Direct: 4"
	if got := string(r.SerializeHeaders()); got != want {
		t.Errorf("after DelHeader, SerializeHeaders() = %q; want %q", got, want)
	}
	if !r.HasHeader("x-bar") || r.HasHeader("x-missing") {
		t.Errorf("HasHeader is not case-insensitive")
	}
}

func TestHTTPResponseFileInterface(t *testing.T) {
	r := web.NewHTTPResponse("")
	if _, err := r.Write([]byte("<p>a</p>")); err != nil {
		t.Fatal(err)
	}
	if n, err := r.WriteString("é"); err != nil || n != len("é") {
		t.Fatalf("WriteString = %d, %v", n, err)
	}
	if err := r.WriteLines("x", "y"); err != nil {
		t.Fatal(err)
	}
	var _ io.Writer = r
	var _ io.StringWriter = r
	if got, want := string(r.GetValue()), "<p>a</p>éxy"; got != want {
		t.Errorf("GetValue() = %q; want %q", got, want)
	}
	if got, want := r.Tell(), len("<p>a</p>éxy"); got != want {
		t.Errorf("Tell() = %d; want %d", got, want)
	}
	if got, err := r.Text(); err != nil || got != "<p>a</p>éxy" {
		t.Errorf("Text() = %q, %v", got, err)
	}
	if err := r.SetText("new"); err != nil || string(r.Content()) != "new" {
		t.Errorf("SetText: %v, content %q", err, r.Content())
	}

	// A latin-1 response encodes text written to it and decodes its body.
	l, err := web.NewHTTPResponseWith("", web.ResponseOptions{ContentType: "text/plain; charset=latin-1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.WriteString("café"); err != nil {
		t.Fatal(err)
	}
	if got, want := string(l.Content()), "caf\xe9"; got != want {
		t.Errorf("latin-1 content = %q; want %q", got, want)
	}
	if got, err := l.Text(); err != nil || got != "café" {
		t.Errorf("latin-1 Text() = %q, %v; want café", got, err)
	}
	if _, err := l.WriteString("☃"); !errors.Is(err, web.ErrUnicode) {
		t.Errorf("latin-1 WriteString(☃) = %v; want ErrUnicode", err)
	}

	// Undecodable content.
	bad := web.NewHTTPResponseBytes([]byte{0xff})
	if _, err := bad.Text(); !errors.Is(err, web.ErrUnicode) {
		t.Errorf("Text() of invalid UTF-8 = %v; want ErrUnicode", err)
	}
	bad.CharsetOverride = "ebcdic"
	if _, err := bad.Text(); !errors.Is(err, web.ErrUnknownEncoding) {
		t.Errorf("Text() with an unknown charset = %v; want ErrUnknownEncoding", err)
	}
}

// serializeGoldens are Django's serialize() of typical responses.
var serializeGoldens = []struct {
	name string
	mk   func() (interface{ Serialize() []byte }, error)
}{
	{"http_default", func() (interface{ Serialize() []byte }, error) { return web.NewHTTPResponse("<p>hello</p>"), nil }},
	{"http_headers", func() (interface{ Serialize() []byte }, error) {
		return web.NewHTTPResponseWith("body", web.ResponseOptions{Header: http.Header{"X-A": {"1"}}})
	}},
	{"http_latin1", func() (interface{ Serialize() []byte }, error) {
		return web.NewHTTPResponseWith("café", web.ResponseOptions{ContentType: "text/plain; charset=latin-1", Status: 201})
	}},
	{"not_found", func() (interface{ Serialize() []byte }, error) { return web.NewNotFound("<h1>Not Found</h1>"), nil }},
	{"not_modified", func() (interface{ Serialize() []byte }, error) { return web.NewNotModified(), nil }},
	{"not_allowed", func() (interface{ Serialize() []byte }, error) { return web.NewNotAllowed("GET", "POST"), nil }},
	{"redirect", func() (interface{ Serialize() []byte }, error) { return web.NewRedirect("/föö bar/?q=☃") }},
	{"json", func() (interface{ Serialize() []byte }, error) {
		return web.NewJSONResponse(web.JSONObject{{"a", 1}, {"b", []any{1.5, nil, true}}})
	}},
}

func TestSerializeGolden(t *testing.T) {
	for _, tt := range serializeGoldens {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.mk()
			if err != nil {
				t.Fatal(err)
			}
			MustMatchGolden(t, tt.name, r.Serialize())
		})
	}
	// Spec 16.7, verbatim.
	r, _ := web.NewHTTPResponseWith("body", web.ResponseOptions{Header: http.Header{"X-A": {"1"}}})
	if got, want := string(r.Serialize()), "X-A: 1\r\nContent-Type: text/html; charset=utf-8\r\n\r\nbody"; got != want {
		t.Errorf("Serialize() = %q; want %q", got, want)
	}
}

var httpSendTests = []struct {
	name       string
	mk         func() web.Response
	method     string
	status     int
	header     http.Header // expected values; an empty slice means absent
	body       string
	wantErr    error
	wireStatus int // status over the wire when it differs
}{
	{name: "get", mk: func() web.Response { return web.NewHTTPResponse("hello") }, method: "GET", status: 200,
		header: http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Length": {"5"}}, body: "hello"},
	{name: "head", mk: func() web.Response { return web.NewHTTPResponse("hello") }, method: "HEAD", status: 200,
		header: http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Length": {"5"}}},
	{name: "empty", mk: func() web.Response { return web.NewHTTPResponse("") }, method: "GET", status: 200,
		header: http.Header{"Content-Length": {"0"}}},
	{name: "204", mk: func() web.Response {
		r := web.NewHTTPResponse("ignored")
		r.StatusCode = 204
		return r
	}, method: "GET", status: 204, header: http.Header{"Content-Length": {}}},
	{name: "not modified", mk: func() web.Response { return web.NewNotModified() }, method: "GET", status: 304,
		header: http.Header{"Content-Length": {}, "Content-Type": {}}},
	{name: "cookie", mk: func() web.Response {
		r := web.NewNotFound("gone")
		if err := r.SetCookie("a", "b", web.CookieOptions{}); err != nil {
			panic(err)
		}
		return r
	}, method: "GET", status: 404, header: http.Header{"Set-Cookie": {"a=b; Path=/"}}, body: "gone"},
	{name: "bad header", mk: func() web.Response {
		r := web.NewHTTPResponse("x")
		r.Header().Set("X-Evil", "a\r\nb")
		return r
	}, method: "GET", wantErr: web.ErrBadHeader},
	{name: "bad status", mk: func() web.Response {
		r := web.NewHTTPResponse("x")
		r.StatusCode = 1000
		return r
	}, method: "GET", wantErr: web.ErrInvalidStatus},
}

func TestHTTPResponseSend(t *testing.T) {
	for _, tt := range httpSendTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			err := tt.mk().Send(rec, httptest.NewRequest(tt.method, "/", nil))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || rec.Code != 200 || len(rec.Header()) != 0 {
					t.Errorf("Send = %v (headers %v); want %v and nothing written", err, rec.Header(), tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			checkResult(t, rec.Code, rec.Header(), rec.Body.String(), tt.status, tt.header, tt.body)
		})
	}
	for _, tt := range httpSendTests {
		if tt.wantErr != nil {
			continue
		}
		t.Run("wire/"+tt.name, func(t *testing.T) {
			h := sendHandler(t, func(*http.Request) (sender, error) { return tt.mk(), nil })
			runWire(t, h, func(t *testing.T, c *http.Client, url string) {
				req, _ := http.NewRequest(tt.method, url, nil)
				res, err := c.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				body, _ := io.ReadAll(res.Body)
				checkResult(t, res.StatusCode, res.Header, string(body), tt.status, tt.header, tt.body)
			})
		})
	}
}

// checkResult compares a status, headers and body with what a test wants.
func checkResult(t *testing.T, status int, h http.Header, body string, wantStatus int, want http.Header, wantBody string) {
	t.Helper()
	if status != wantStatus {
		t.Errorf("status = %d; want %d", status, wantStatus)
	}
	for k, v := range want {
		if got := h.Values(k); !slices.Equal(got, v) {
			t.Errorf("header %s = %q; want %q", k, got, v)
		}
	}
	if body != wantBody {
		t.Errorf("body = %q; want %q", body, wantBody)
	}
}
