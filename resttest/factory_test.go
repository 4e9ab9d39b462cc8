package resttest_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/resttest"
	"github.com/restframe/restframe/web"
)

const multipartType = "multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8"

// factoryTests cover every method with every format.
var factoryTests = []struct {
	name    string
	factory resttest.RequestFactory
	req     resttest.Request
	// want
	method, uri, contentType, body string
}{
	{"get", resttest.RequestFactory{}, resttest.Request{Path: "/a", Data: map[string]string{"x": "1"}},
		"GET", "/a?x=1", "", ""},
	{"get path query", resttest.RequestFactory{}, resttest.Request{Method: "GET", Path: "/a?y=2"},
		"GET", "/a?y=2", "", ""},
	{"get data replaces path query", resttest.RequestFactory{}, resttest.Request{Method: "GET", Path: "/a?y=2", Data: url.Values{"x": {"1", "2"}}},
		"GET", "/a?x=1&x=2", "", ""},
	{"get empty data keeps path query", resttest.RequestFactory{}, resttest.Request{Method: "GET", Path: "/a?y=2", Data: map[string]string{}},
		"GET", "/a?y=2", "", ""},
	{"head", resttest.RequestFactory{}, resttest.Request{Method: "HEAD", Path: "/a", Data: "raw=1&b"},
		"HEAD", "/a?raw=1&b", "", ""},
	{"empty path", resttest.RequestFactory{}, resttest.Request{Method: "GET"},
		"GET", "/", "", ""},
	{"post multipart default", resttest.RequestFactory{}, resttest.Request{Method: "POST", Path: "/p", Data: map[string]any{"a": 1}},
		"POST", "/p", multipartType,
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--BoUnDaRyStRiNg--\r\n"},
	{"post json factory format", resttest.RequestFactory{Format: "json"}, resttest.Request{Method: "POST", Path: "/p?q=1", Data: map[string]any{"a": []int{1, 2}}},
		"POST", "/p?q=1", "application/json", `{"a":[1,2]}`},
	{"put json request format", resttest.RequestFactory{}, resttest.Request{Method: "PUT", Path: "/p", Data: map[string]any{"a": "é"}, Format: "json"},
		"PUT", "/p", "application/json", `{"a":"é"}`},
	{"patch multipart request format", resttest.RequestFactory{Format: "json"}, resttest.Request{Method: "PATCH", Path: "/p", Data: web.JSONObject{{Key: "b", Value: true}}, Format: "multipart"},
		"PATCH", "/p", multipartType,
		"--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nTrue\r\n--BoUnDaRyStRiNg--\r\n"},
	{"delete no data", resttest.RequestFactory{}, resttest.Request{Method: "DELETE", Path: "/p/1"},
		"DELETE", "/p/1", "", ""},
	{"options json", resttest.RequestFactory{Format: "json"}, resttest.Request{Method: "OPTIONS", Path: "/p", Data: []any{1}},
		"OPTIONS", "/p", "application/json", `[1]`},
	{"raw string body", resttest.RequestFactory{}, resttest.Request{Method: "POST", Path: "/p", Data: "a,b", ContentType: "text/csv"},
		"POST", "/p", "text/csv", "a,b"},
	{"raw reader body", resttest.RequestFactory{}, resttest.Request{Method: "POST", Path: "/p", Data: strings.NewReader("xyz"), ContentType: "application/octet-stream"},
		"POST", "/p", "application/octet-stream", "xyz"},
	{"content type without data", resttest.RequestFactory{}, resttest.Request{Method: "POST", Path: "/p", ContentType: "application/json"},
		"POST", "/p", "application/json", ""},
	{"format with nil data", resttest.RequestFactory{}, resttest.Request{Method: "POST", Path: "/p", Format: "nope", ContentType: "text/plain"},
		"POST", "/p", "text/plain", ""},
	{"lower-case method", resttest.RequestFactory{Format: "json"}, resttest.Request{Method: "patch", Path: "/p", Data: map[string]any{}},
		"PATCH", "/p", "application/json", `{}`},
	{"escaped path", resttest.RequestFactory{}, resttest.Request{Method: "GET", Path: "/a%2Fb/c%20d"},
		"GET", "/a%2Fb/c%20d", "", ""},
	{"custom renderer", resttest.RequestFactory{Renderers: []render.Renderer{render.PlainText{}}, Format: "txt"},
		resttest.Request{Method: "POST", Path: "/p", Data: "hello"},
		"POST", "/p", "text/plain; charset=utf-8", "hello"},
}

func TestRequestFactoryNew(t *testing.T) {
	for _, tt := range factoryTests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := tt.factory.New(tt.req)
			if err != nil {
				t.Fatalf("New(%+v) error: %v", tt.req, err)
			}
			if req.Method != tt.method {
				t.Errorf("New(%+v).Method = %q; want %q", tt.req, req.Method, tt.method)
			}
			if got := req.URL.RequestURI(); got != tt.uri {
				t.Errorf("New(%+v).URL.RequestURI() = %q; want %q", tt.req, got, tt.uri)
			}
			if req.RequestURI != tt.uri {
				t.Errorf("New(%+v).RequestURI = %q; want %q", tt.req, req.RequestURI, tt.uri)
			}
			if got := req.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("New(%+v) Content-Type = %q; want %q", tt.req, got, tt.contentType)
			}
			body, _ := io.ReadAll(req.Body)
			if string(body) != tt.body {
				t.Errorf("New(%+v) body = %q; want %q", tt.req, body, tt.body)
			}
			if req.ContentLength != int64(len(tt.body)) {
				t.Errorf("New(%+v).ContentLength = %d; want %d", tt.req, req.ContentLength, len(tt.body))
			}
			if cl := req.Header.Get("Content-Length"); (cl != "") != (tt.body != "") {
				t.Errorf("New(%+v) Content-Length header = %q with body %q", tt.req, cl, tt.body)
			}
			rc, err := req.GetBody()
			if err != nil {
				t.Fatalf("GetBody: %v", err)
			}
			again, _ := io.ReadAll(rc)
			if !bytes.Equal(again, body) {
				t.Errorf("GetBody() = %q; want %q", again, body)
			}
			if req.Host != resttest.DefaultHost || req.RemoteAddr != resttest.RemoteAddr || req.TLS != nil || req.Proto != "HTTP/1.1" {
				t.Errorf("New(%+v) Host, RemoteAddr, TLS, Proto = %q, %q, %v, %q", tt.req, req.Host, req.RemoteAddr, req.TLS, req.Proto)
			}
			if req.URL.Host != "" || req.URL.Scheme != "" {
				t.Errorf("New(%+v).URL = %v; want a server request's path-only URL", tt.req, req.URL)
			}
		})
	}
}

// TestRequestFactoryMethods checks that every method helper sends its
// method, with data as query (GET, HEAD) or body (the others).
func TestRequestFactoryMethods(t *testing.T) {
	f := resttest.RequestFactory{Format: "json"}
	data := map[string]any{"k": "v"}
	tests := []struct {
		method string
		fn     func(string, any) (*http.Request, error)
		query  bool
	}{
		{"GET", f.Get, true},
		{"HEAD", f.Head, true},
		{"POST", f.Post, false},
		{"PUT", f.Put, false},
		{"PATCH", f.Patch, false},
		{"DELETE", f.Delete, false},
		{"OPTIONS", f.Options, false},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			req, err := tt.fn("/m", data)
			if err != nil {
				t.Fatalf("%s error: %v", tt.method, err)
			}
			body, _ := io.ReadAll(req.Body)
			wantURI, wantBody := "/m", `{"k":"v"}`
			if tt.query {
				wantURI, wantBody = "/m?k=v", ""
			}
			if req.Method != tt.method || req.RequestURI != wantURI || string(body) != wantBody {
				t.Errorf("%s(/m) = %s %s %q; want %s %s %q", tt.method, req.Method, req.RequestURI, body, tt.method, wantURI, wantBody)
			}
		})
	}
}

var queryTests = []struct {
	name string
	data any
	want string
}{
	{"nil", nil, ""},
	{"string", "a=1&a=2", "a=1&a=2"},
	{"url.Values sorted", url.Values{"b": {"2"}, "a": {"1", "3"}}, "a=1&a=3&b=2"},
	{"map[string][]string", map[string][]string{"z": {"x y"}}, "z=x+y"},
	{"map[string]string", map[string]string{"é": "ü&"}, "%C3%A9=%C3%BC%26"},
	{"map[string]any", map[string]any{"b": true, "f": 1.0, "n": 3, "l": []int{1, 2}}, "b=True&f=1.0&l=1&l=2&n=3"},
	{"params keep order", []web.Param{{Key: "z", Value: "1"}, {Key: "a", Value: "2"}}, "z=1&a=2"},
	{"json object keeps order", web.JSONObject{{Key: "z", Value: 1}, {Key: "a", Value: "x"}}, "z=1&a=x"},
	{"query dict", mustQueryDict("z=1&a=2&z=3"), "z=1&z=3&a=2"},
	{"mutable query dict", mutableQueryDict(), "k=v"},
}

func mustQueryDict(s string) web.QueryDict {
	q, err := web.ParseQueryDict(s)
	if err != nil {
		panic(err)
	}
	return q
}

func mutableQueryDict() *web.MutableQueryDict {
	var m web.MutableQueryDict
	m.Set("k", "v")
	return &m
}

func TestRequestFactoryQuery(t *testing.T) {
	for _, tt := range queryTests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := resttest.RequestFactory{}.Get("/q", tt.data)
			if err != nil {
				t.Fatalf("Get(/q, %v) error: %v", tt.data, err)
			}
			if req.URL.RawQuery != tt.want {
				t.Errorf("Get(/q, %v) query = %q; want %q", tt.data, req.URL.RawQuery, tt.want)
			}
		})
	}
}

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

var factoryErrorTests = []struct {
	name    string
	factory resttest.RequestFactory
	req     resttest.Request
	want    error
}{
	{"bad path", resttest.RequestFactory{}, resttest.Request{Path: "http://[::1"}, resttest.ErrBadPath},
	{"format and content type", resttest.RequestFactory{}, resttest.Request{Method: "POST", Data: "x", Format: "json", ContentType: "text/plain"}, resttest.ErrFormatAndContentType},
	{"raw body of another type", resttest.RequestFactory{}, resttest.Request{Method: "POST", Data: 12, ContentType: "text/plain"}, resttest.ErrRawBody},
	{"raw body read error", resttest.RequestFactory{}, resttest.Request{Method: "POST", Data: errReader{}, ContentType: "text/plain"}, nil},
	{"unknown format", resttest.RequestFactory{}, resttest.Request{Method: "POST", Data: "x", Format: "yaml"}, resttest.ErrUnknownFormat},
	{"unknown default format", resttest.RequestFactory{Format: "xml"}, resttest.Request{Method: "POST", Data: "x"}, resttest.ErrUnknownFormat},
	{"renderers without json", resttest.RequestFactory{Renderers: []render.Renderer{render.MultiPart{}}}, resttest.Request{Method: "POST", Data: "x", Format: "json"}, resttest.ErrUnknownFormat},
	{"multipart nested map", resttest.RequestFactory{}, resttest.Request{Method: "POST", Data: map[string]any{"a": map[string]any{"b": 1}}}, render.ErrMultipartNested},
	{"multipart nil value", resttest.RequestFactory{}, resttest.Request{Method: "POST", Data: map[string]any{"a": nil}}, render.ErrMultipartNil},
	{"json NaN", resttest.RequestFactory{Format: "json"}, resttest.Request{Method: "POST", Data: map[string]any{"a": nan()}}, nil},
	{"query type", resttest.RequestFactory{}, resttest.Request{Method: "GET", Data: 42}, resttest.ErrQueryData},
	{"query nil value", resttest.RequestFactory{}, resttest.Request{Method: "GET", Data: map[string]any{"a": nil}}, resttest.ErrQueryData},
}

func nan() float64 {
	zero := 0.0
	return zero / zero
}

func TestRequestFactoryErrors(t *testing.T) {
	for _, tt := range factoryErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := tt.factory.New(tt.req)
			if err == nil {
				t.Fatalf("New(%+v) = %v, nil; want an error", tt.req, req)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("New(%+v) error = %v; want %v", tt.req, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "resttest: ") {
				t.Errorf("New(%+v) error = %q; want the resttest: prefix", tt.req, err)
			}
		})
	}
}

var hostTests = []struct {
	name             string
	factory          resttest.RequestFactory
	req              resttest.Request
	host, serverName string
	tls              bool
}{
	{"default", resttest.RequestFactory{}, resttest.Request{Path: "/"}, "testserver", "", false},
	{"factory host", resttest.RequestFactory{Host: "api.example.com:8000"}, resttest.Request{Path: "/"}, "api.example.com:8000", "", false},
	{"factory secure", resttest.RequestFactory{Secure: true, Host: "api.example.com:8443"}, resttest.Request{Path: "/"}, "api.example.com:8443", "api.example.com", true},
	{"request secure", resttest.RequestFactory{}, resttest.Request{Path: "/", Secure: true}, "testserver", "testserver", true},
	{"absolute https", resttest.RequestFactory{}, resttest.Request{Path: "https://other.test/x"}, "other.test", "other.test", true},
	{"host header", resttest.RequestFactory{Header: http.Header{"Host": {"a.test"}}}, resttest.Request{Path: "/", Header: http.Header{"host": {"b.test"}}, Secure: true}, "b.test", "b.test", true},
	{"absolute url wins over host header", resttest.RequestFactory{}, resttest.Request{Path: "http://c.test/", Header: http.Header{"Host": {"b.test"}}}, "c.test", "", false},
	{"absolute http overrides secure", resttest.RequestFactory{Secure: true}, resttest.Request{Path: "http://other.test/x"}, "other.test", "", false},
}

func TestRequestFactoryHost(t *testing.T) {
	for _, tt := range hostTests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := tt.factory.New(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if req.Host != tt.host || (req.TLS != nil) != tt.tls {
				t.Errorf("New(%+v) Host, TLS = %q, %v; want %q, %v", tt.req, req.Host, req.TLS != nil, tt.host, tt.tls)
			}
			if req.TLS != nil && req.TLS.ServerName != tt.serverName {
				t.Errorf("New(%+v).TLS.ServerName = %q; want %q", tt.req, req.TLS.ServerName, tt.serverName)
			}
			if req.Header.Get("Host") != "" {
				t.Errorf("New(%+v) left Host in the header map", tt.req)
			}
			if wr := web.NewRequest(req, nil); wr.IsSecure() != tt.tls {
				t.Errorf("web.Request.IsSecure() = %v; want %v", wr.IsSecure(), tt.tls)
			}
		})
	}
}

func TestRequestFactoryHeaders(t *testing.T) {
	f := resttest.RequestFactory{Header: http.Header{"accept": {"text/html"}, "X-Default": {"d"}}}
	req, err := f.New(resttest.Request{Path: "/", Header: http.Header{"Accept": {"application/json"}, "x-extra": {"1", "2"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := http.Header{"Accept": {"application/json"}, "X-Default": {"d"}, "X-Extra": {"1", "2"}}
	for k, vs := range want {
		if got := req.Header.Values(k); strings.Join(got, "|") != strings.Join(vs, "|") {
			t.Errorf("header %s = %q; want %q", k, got, vs)
		}
	}
	// The factory's header map is not shared with the request.
	req.Header.Set("X-Default", "changed")
	if f.Header.Get("X-Default") != "d" {
		t.Errorf("changing the request changed the factory's Header")
	}
}

func TestRequestFactoryContext(t *testing.T) {
	ctx := t.Context()
	req, err := resttest.RequestFactory{}.New(resttest.Request{Path: "/", Context: ctx})
	if err != nil {
		t.Fatal(err)
	}
	if req.Context() != ctx {
		t.Errorf("New(...).Context() is not the request's Context")
	}
	req, _ = resttest.RequestFactory{}.Get("/", nil)
	if req.Context() == nil {
		t.Errorf("Get(...).Context() = nil")
	}
}

// TestRequestFactoryParsed checks that the web layer parses what the
// factory encodes.
func TestRequestFactoryParsed(t *testing.T) {
	f := resttest.RequestFactory{}
	req, err := f.Post("/", map[string]any{"a": "1", "files": []any{
		web.NewUploadedFile("a.txt", []byte("A"), "text/plain"),
		strings.NewReader("B"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	wr := web.NewRequest(req, nil)
	form, err := wr.Form()
	if err != nil {
		t.Fatalf("Form() error: %v", err)
	}
	if v, _ := form.Get("a"); v != "1" {
		t.Errorf("Form().Get(a) = %q; want 1", v)
	}
	files, err := wr.Files()
	if err != nil {
		t.Fatal(err)
	}
	defer wr.Close()
	list := files.GetList("files")
	if len(list) != 2 || list[0].Name != "a.txt" || list[1].Name != "files" || list[1].ContentType != "application/octet-stream" {
		t.Errorf("Files().GetList(files) = %v; want a.txt and files", list)
	}
}
