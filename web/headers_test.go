package web

import (
	"net/http"
	"testing"
)

func newHeadersRequest() *http.Request {
	req := newInfoRequest("GET", "/", "testserver")
	req.Header = http.Header{
		"X-Custom-Header": {"v1"},
		"X-Under_score":   {"u"}, // a name with "_" on the wire: dropped
		"User-Agent":      {"oracle/1.0"},
		"X-Multi":         {"a", "b"},
		"Cookie":          {"a=1", "b=2"},
		"Content-Type":    {"text/plain"},
		"Content-Length":  {"3"},
		"Host":            {"forged.example"}, // http.Request.Host wins
	}
	return req
}

var headersGetTests = []struct {
	name, want string
	ok         bool
}{
	{"X-Custom-Header", "v1", true},
	{"x-custom-header", "v1", true},
	{"X_Custom_Header", "v1", true},
	{"x_CUSTOM-header", "v1", true},
	{"HOST", "testserver", true},
	{"User-Agent", "oracle/1.0", true},
	{"X-Multi", "a,b", true},
	{"Cookie", "a=1; b=2", true},
	{"Content-Type", "text/plain", true},
	{"content_length", "3", true},
	{"X-Under-Score", "", false},
	{"X_Under_Score", "", false},
	{"X-Missing", "", false},
	{"", "", false},
}

func TestHeaders(t *testing.T) {
	h := NewRequest(newHeadersRequest(), nil).Headers()
	for _, tt := range headersGetTests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := h.Lookup(tt.name); got != tt.want || ok != tt.ok {
				t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
			}
			if got := h.Get(tt.name); got != tt.want {
				t.Errorf("Get(%q) = %q; want %q", tt.name, got, tt.want)
			}
			if got := h.Has(tt.name); got != tt.ok {
				t.Errorf("Has(%q) = %v; want %v", tt.name, got, tt.ok)
			}
		})
	}
	if got := h.Values("x_multi"); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("Values(%q) = %q; want [a b]", "x_multi", got)
	}
	if got := h.Values("host"); len(got) != 1 || got[0] != "testserver" {
		t.Errorf("Values(%q) = %q; want [testserver]", "host", got)
	}
	want := [][2]string{
		{"Content-Length", "3"}, {"Content-Type", "text/plain"}, {"Cookie", "a=1; b=2"}, {"Host", "testserver"},
		{"User-Agent", "oracle/1.0"}, {"X-Custom-Header", "v1"}, {"X-Multi", "a,b"},
	}
	var got [][2]string
	for k, v := range h.All() {
		got = append(got, [2]string{k, v})
	}
	if len(got) != len(want) || h.Len() != len(want) {
		t.Fatalf("All() = %q (Len %d); want %q", got, h.Len(), want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("All()[%d] = %q; want %q", i, got[i], want[i])
		}
	}
	for range h.All() {
		break // stopping early must not panic
	}
	var zero Headers
	if zero.Get("X") != "" || zero.Len() != 0 || zero.Has("Host") {
		t.Errorf("zero Headers is not empty")
	}
}

func TestMeta(t *testing.T) {
	req := infoWithLocalAddr(newHeadersRequest(), "10.0.0.1:8080")
	req.Method = "post"
	req.URL.Path, req.URL.RawQuery = "/api/x y", "a=1&b=%20"
	m := NewRequest(req, &Settings{ScriptName: "/api"}).Meta()
	want := map[string]string{
		"HTTP_X_CUSTOM_HEADER": "v1",
		"HTTP_USER_AGENT":      "oracle/1.0",
		"HTTP_X_MULTI":         "a,b",
		"HTTP_COOKIE":          "a=1; b=2",
		"HTTP_HOST":            "testserver",
		"CONTENT_TYPE":         "text/plain",
		"CONTENT_LENGTH":       "3",
		"REQUEST_METHOD":       "POST",
		"QUERY_STRING":         "a=1&b=%20",
		"PATH_INFO":            "/x y",
		"SCRIPT_NAME":          "/api",
		"SERVER_NAME":          "10.0.0.1",
		"SERVER_PORT":          "8080",
		"SERVER_PROTOCOL":      "HTTP/1.1",
		"REMOTE_ADDR":          "127.0.0.1",
		"REMOTE_PORT":          "54321",
		"wsgi.url_scheme":      "http",
	}
	for k, v := range want {
		if got, ok := m[k]; !ok || got != v {
			t.Errorf("Meta()[%q] = %q, %v; want %q", k, got, ok, v)
		}
	}
	for k := range m {
		if _, ok := want[k]; !ok {
			t.Errorf("Meta() has unexpected key %q = %q", k, m[k])
		}
	}
	req2 := newInfoRequest("PUT", "/", "")
	req2.ContentLength = 12
	m2 := NewRequest(infoWithTLS(req2), nil).Meta()
	if m2["CONTENT_LENGTH"] != "12" || m2["wsgi.url_scheme"] != "https" || m2["SERVER_PORT"] != "443" {
		t.Errorf("Meta() = %v; want CONTENT_LENGTH 12, https, port 443", m2)
	}
	if _, ok := m2["HTTP_HOST"]; ok {
		t.Errorf("Meta() has HTTP_HOST for a request without a host")
	}
}
