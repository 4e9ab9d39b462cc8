package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

// serverAddr is a local address as http.Server records it for a request.
type serverAddr string

func (a serverAddr) Network() string { return "tcp" }
func (a serverAddr) String() string  { return string(a) }

// djangoBehaviourTests cover what the golden cases do not: the APPEND_SLASH
// redirect keeping the query string and refusing sub-paths, the quoting of
// request_path on the 404 page, the built-in pages and a request without
// a Host header (answered with the server's name, as Django falls back to
// SERVER_NAME).
var djangoBehaviourTests = []struct {
	name      string
	templates string
	request   string // raw request, without the final blank line
	server    string // the connection's local address; "" for none
	status    int
	header    map[string]string
	body      string // a substring of the body
}{
	{"slash keeps query", "full", "POST /django/slash?x=1&y=%E2%98%85 HTTP/1.1\r\nHost: testserver", "",
		301, map[string]string{"Location": "/django/slash/?x=1&y=%E2%98%85", "X-Frame-Options": ""}, ""},
	{"slash sub-path", "full", "GET /django/slash/x HTTP/1.1\r\nHost: testserver", "",
		404, map[string]string{"Content-Type": "text/html; charset=utf-8"}, `<p class="path">/django/slash/x</p>`},
	{"404 path quoted", "full", "GET /caf%C3%A9%20'x%22 HTTP/1.1\r\nHost: testserver", "",
		404, map[string]string{"Content-Length": "196"}, `<p class="path">/caf%C3%A9%20%27x%22</p>`},
	{"404 built-in", "none", "GET /nope HTTP/1.1\r\nHost: testserver", "",
		404, map[string]string{"Content-Type": "text/html", "X-Frame-Options": "DENY"}, "<h1>Not Found</h1>"},
	{"bad host HEAD", "none", "HEAD /django/httpresponse HTTP/1.1\r\nHost: evil.com", "",
		400, map[string]string{"Content-Length": "", "X-Frame-Options": "", "Referrer-Policy": "same-origin"}, ""},
	{"no host", "full", "GET /django/echo HTTP/1.0", "testserver:80",
		200, map[string]string{"Content-Type": "application/json"}, `"get_host": "testserver", "get_port": "80"`},
	{"no host disallowed server", "full", "GET /django/echo HTTP/1.0", "10.0.0.1:8000",
		400, map[string]string{"Content-Type": "text/html"}, "Bad Request (400)"},
}

func TestDjangoBehaviour(t *testing.T) {
	apps := map[string]http.Handler{}
	for _, v := range []string{"full", "none"} {
		h, err := newApp(config{templates: v, now: frozen, logger: quiet})
		if err != nil {
			t.Fatalf("newApp(%s): %v", v, err)
		}
		apps[v] = h
	}
	for _, tt := range djangoBehaviourTests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(tt.request + "\r\n\r\n")))
			if err != nil {
				t.Fatal(err)
			}
			r.RemoteAddr = "127.0.0.1:40000"
			if tt.server != "" {
				r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, serverAddr(tt.server)))
			}
			w := httptest.NewRecorder()
			apps[tt.templates].ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Errorf("%q: status = %d; want %d (body %q)", tt.request, w.Code, tt.status, w.Body.String())
			}
			for name, want := range tt.header {
				if got := w.Header().Get(name); got != want {
					t.Errorf("%q: header %s = %q; want %q", tt.request, name, got, want)
				}
			}
			if !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("%q: body = %q; want it to contain %q", tt.request, w.Body.String(), tt.body)
			}
		})
	}
}

// sortEchoHeaders rewrites the "headers" member of a /django/echo body
// (dict(request.headers)) with its members sorted by name, the order
// restframe writes them in: net/http does not keep the order of the
// request's header lines, which Django's dict follows. It returns body
// unchanged when it has no such member.
func sortEchoHeaders(body string) string {
	const start, end = `"headers": {`, `}, "signed": `
	i := strings.Index(body, start)
	if i < 0 {
		return body
	}
	j := strings.Index(body[i:], end)
	if j < 0 {
		return body
	}
	obj := body[i+len(start)-1 : i+j+1]
	dec := json.NewDecoder(strings.NewReader(obj))
	if _, err := dec.Token(); err != nil {
		return body
	}
	var members web.JSONObject
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return body
		}
		var v string
		if err := dec.Decode(&v); err != nil {
			return body
		}
		members = append(members, web.JSONMember{Key: k.(string), Value: v})
	}
	slices.SortFunc(members, func(a, b web.JSONMember) int { return strings.Compare(a.Key, b.Key) })
	sorted, err := web.DumpJSON(members, web.JSONOptions{})
	if err != nil {
		return body
	}
	return body[:i+len(start)-1] + string(sorted) + body[i+j+1:]
}

// TestEchoHeadersOrderOnly checks that the echo cases whose request
// headers Django listed in wire order differ from restframe's body only by
// that order (see sortEchoHeaders).
func TestEchoHeadersOrderOnly(t *testing.T) {
	cases, _ := loadGolden(t)
	h, err := newApp(config{templates: "full", now: frozen, logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.ID != "echo.xfp_ignored" && c.ID != "echo.headers" {
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			want := *c.ResponseBody
			if d, ok := goDivergences[c.ID]; ok {
				want = d.body(want)
			}
			want = sortEchoHeaders(want)
			raw := c.Method + " " + c.Path + " HTTP/1.1\r\n"
			for _, kv := range c.Headers {
				raw += kv[0] + ": " + kv[1] + "\r\n"
			}
			r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw + "\r\n")))
			if err != nil {
				t.Fatal(err)
			}
			r.RemoteAddr = "127.0.0.1:40000"
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if got := w.Body.Bytes(); !bytes.Equal(got, []byte(want)) {
				t.Errorf("%s: body =\n%s\nwant\n%s", c.ID, got, want)
			}
		})
	}
}
