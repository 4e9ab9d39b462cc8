package main

import (
	"bufio"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

// newTestServer serves the demo over a real listener, with a cookie jar so
// the session carries over.
func newTestServer(t *testing.T) (*httptest.Server, *http.Client) {
	t.Helper()
	settings := &web.Settings{AllowedHosts: []string{"127.0.0.1"}, SecretKey: "test-secret"}
	a := newApp(newStore(seedSnippets()), settings, slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv := httptest.NewServer(a.routes())
	t.Cleanup(srv.Close)
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := srv.Client()
	c.Jar = jar
	return srv, c
}

func do(t *testing.T, c *http.Client, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func get(t *testing.T, c *http.Client, u, accept string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return do(t, c, req)
}

func TestRoutes(t *testing.T) {
	srv, c := newTestServer(t)
	tests := []struct {
		name, path, accept string
		status             int
		contentType        string
		bodyHas            string
	}{
		{"index", "/", "", 200, "text/html; charset=utf-8", "Visits this session: 1"},
		{"list json", "/snippets/", "application/json", 200, "application/json", `"count": 2`},
		{"list browser", "/snippets/", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 200, "text/html; charset=utf-8", "<h1>Snippets</h1>"},
		{"detail", "/snippets/1/", "", 200, "application/json", `"title": "hello"`},
		{"missing", "/snippets/99/", "", 404, "", ""},
		{"not a number", "/snippets/x/", "", 404, "", ""},
		{"raw", "/snippets/2/raw", "", 200, "text/plain; charset=utf-8", "func(r *web.Request)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, c, srv.URL+tt.path, tt.accept)
			if resp.StatusCode != tt.status {
				t.Fatalf("GET %s: status %d; want %d (body %q)", tt.path, resp.StatusCode, tt.status, body)
			}
			if tt.contentType != "" && resp.Header.Get("Content-Type") != tt.contentType {
				t.Errorf("GET %s: Content-Type %q; want %q", tt.path, resp.Header.Get("Content-Type"), tt.contentType)
			}
			if !strings.Contains(body, tt.bodyHas) {
				t.Errorf("GET %s: body %q lacks %q", tt.path, body, tt.bodyHas)
			}
			if got := resp.Header.Get("X-Frame-Options"); got != "DENY" {
				t.Errorf("GET %s: X-Frame-Options %q; want DENY", tt.path, got)
			}
		})
	}
}

func TestCreateAndSession(t *testing.T) {
	srv, c := newTestServer(t)
	form := url.Values{"title": {"loop"}, "code": {"for {}"}, "language": {"go"}}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/snippets/", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body := do(t, c, req) // follows the redirect to /
	if resp.StatusCode != 200 || !strings.Contains(body, "Created snippet 3.") {
		t.Fatalf("POST form: %d %q; want the index with the flash message", resp.StatusCode, body)
	}
	_, body = get(t, c, srv.URL+"/", "")
	if !strings.Contains(body, "Visits this session: 2") || strings.Contains(body, "Created snippet") {
		t.Errorf("second visit: body lacks the session counter or still shows the flash: %q", body)
	}
	_, body = get(t, c, srv.URL+"/snippets/3/", "")
	var sn Snippet
	if err := json.Unmarshal([]byte(body), &sn); err != nil || sn.Title != "loop" || sn.Language != "go" {
		t.Errorf("GET /snippets/3/ = %q (%v); want the created snippet", body, err)
	}
}

func TestCreateInvalid(t *testing.T) {
	srv, c := newTestServer(t)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/snippets/", strings.NewReader("title="))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body := do(t, c, req)
	if resp.StatusCode != 400 || !strings.Contains(body, "code: This field is required.") {
		t.Errorf("POST empty form: %d %q; want 400 with the field errors", resp.StatusCode, body)
	}
}

func TestCrossSitePostRefused(t *testing.T) {
	srv, c := newTestServer(t)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/snippets/", strings.NewReader("title=x&code=y"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, _ := do(t, c, req)
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d; want 403", resp.StatusCode)
	}
}

func TestDelete(t *testing.T) {
	srv, c := newTestServer(t)
	req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/snippets/1/", nil)
	if resp, _ := do(t, c, req); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE: status %d; want 204", resp.StatusCode)
	}
	if resp, _ := get(t, c, srv.URL+"/snippets/1/", ""); resp.StatusCode != 404 {
		t.Errorf("GET after DELETE: status %d; want 404", resp.StatusCode)
	}
}

func TestRawRangeAndDownload(t *testing.T) {
	srv, c := newTestServer(t)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/snippets/1/raw", nil)
	req.Header.Set("Range", "bytes=0-4")
	resp, body := do(t, c, req)
	if resp.StatusCode != http.StatusPartialContent || body != "print" {
		t.Errorf("Range bytes=0-4: %d %q; want 206 \"print\"", resp.StatusCode, body)
	}
	resp, _ = get(t, c, srv.URL+"/snippets/1/raw?download=1", "")
	if got, want := resp.Header.Get("Content-Disposition"), `attachment; filename="hello.py"`; got != want {
		t.Errorf("download: Content-Disposition %q; want %q", got, want)
	}
}

func TestEventsStream(t *testing.T) {
	srv, c := newTestServer(t)
	resp, err := c.Get(srv.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q; want text/event-stream", ct)
	}
	// The first event arrives at once (flushed per chunk), without waiting
	// for the stream to end.
	sc := bufio.NewScanner(resp.Body)
	var lines []string
	for sc.Scan() && sc.Text() != "" {
		lines = append(lines, sc.Text())
	}
	if len(lines) < 3 || lines[0] != "id: 1" || lines[1] != "event: tick" || !strings.HasPrefix(lines[2], "data: ") {
		t.Errorf("first event = %q; want id, event and data lines", lines)
	}
}

func TestDisallowedHost(t *testing.T) {
	srv, c := newTestServer(t)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	req.Host = "evil.example"
	if resp, _ := do(t, c, req); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("Host evil.example: status %d; want 400", resp.StatusCode)
	}
}
