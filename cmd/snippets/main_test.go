package main

import (
	"bufio"
	"bytes"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/restframe/restframe/web"
)

// browserAccept is what Chrome and Firefox send for a page.
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

// testNow is the frozen clock of the test server: new snippets are
// created at this time.
var testNow = time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)

// Bodies of the seeded snippets, as the JSON renderer writes them.
const (
	snippet1JSON = `{"id":1,"title":"hello","code":"print('hello, world')","language":"python","created":"2026-11-01T12:00:00Z"}`
	snippet2JSON = `{"id":2,"title":"handler","code":"func(r *rest.Request) (*rest.Response, error)","language":"go","created":"2026-11-01T13:00:00Z"}`
	listJSON     = `{"count":2,"results":[` + snippet1JSON + `,` + snippet2JSON + `]}`
	notFoundJSON = `{"detail":"Not found."}`
	allowList    = "GET, POST, HEAD, OPTIONS"
	allowDetail  = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"
)

// mustServer serves the demo over a real listener (httptest.Server), with
// a cookie jar so that the session carries over between requests.
func mustServer(t *testing.T, opts options) (*httptest.Server, *http.Client) {
	t.Helper()
	opts.Web = &web.Settings{AllowedHosts: []string{"127.0.0.1"}, SecretKey: "test-secret"}
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	opts.Now = func() time.Time { return testNow }
	a, err := newApp(newStore(seedSnippets()), opts)
	if err != nil {
		t.Fatal(err)
	}
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

// exchange is one request and what it should answer. A field left empty is
// not checked, except body, which is compared exactly when bodyIs is set.
type exchange struct {
	name        string
	method      string // "" means GET
	path        string
	accept      string
	contentType string
	body        string
	status      int
	wantType    string // Content-Type; "-" means none
	wantAllow   string
	wantVary    string
	wantBody    string // exact body when bodyIs, else a substring
	bodyIs      bool
}

// do sends an exchange's request and returns the response with its body.
func do(t *testing.T, c *http.Client, base string, ex exchange) (*http.Response, string) {
	t.Helper()
	method := ex.method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if ex.body != "" {
		body = strings.NewReader(ex.body)
	}
	req, err := http.NewRequest(method, base+ex.path, body)
	if err != nil {
		t.Fatal(err)
	}
	if ex.accept != "" {
		req.Header.Set("Accept", ex.accept)
	}
	if ex.contentType != "" {
		req.Header.Set("Content-Type", ex.contentType)
	}
	return send(t, c, req)
}

func send(t *testing.T, c *http.Client, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// check runs the exchanges in order against one server.
func check(t *testing.T, srv *httptest.Server, c *http.Client, exchanges []exchange) {
	t.Helper()
	for _, ex := range exchanges {
		t.Run(ex.name, func(t *testing.T) {
			resp, body := do(t, c, srv.URL, ex)
			label := ex.method + " " + ex.path
			if resp.StatusCode != ex.status {
				t.Fatalf("%s: status %d; want %d (body %q)", label, resp.StatusCode, ex.status, body)
			}
			ct, hasCT := resp.Header["Content-Type"]
			switch {
			case ex.wantType == "-" && hasCT:
				t.Errorf("%s: Content-Type %q; want none", label, ct)
			case ex.wantType != "" && ex.wantType != "-" && resp.Header.Get("Content-Type") != ex.wantType:
				t.Errorf("%s: Content-Type %q; want %q", label, resp.Header.Get("Content-Type"), ex.wantType)
			}
			if ex.wantAllow != "" && resp.Header.Get("Allow") != ex.wantAllow {
				t.Errorf("%s: Allow %q; want %q", label, resp.Header.Get("Allow"), ex.wantAllow)
			}
			if ex.wantVary != "" && resp.Header.Get("Vary") != ex.wantVary {
				t.Errorf("%s: Vary %q; want %q", label, resp.Header.Get("Vary"), ex.wantVary)
			}
			want := strings.ReplaceAll(ex.wantBody, "{{base}}", srv.URL)
			if ex.bodyIs && body != want {
				t.Errorf("%s: body\n%s\nwant\n%s", label, body, want)
			} else if !ex.bodyIs && !strings.Contains(body, want) {
				t.Errorf("%s: body %q lacks %q", label, body, want)
			}
			if got := resp.Header.Get("X-Frame-Options"); got != "DENY" {
				t.Errorf("%s: X-Frame-Options %q; want DENY", label, got)
			}
		})
	}
}

// negotiationTests ask the same URLs for JSON and for HTML, by Accept,
// by ?format= and by suffix.
var negotiationTests = []exchange{
	{name: "root curl", path: "/", status: 200, wantType: "application/json", wantVary: "Accept",
		wantBody: `{"snippets":"{{base}}/snippets/","events":"{{base}}/events"}`, bodyIs: true},
	{name: "root browser", path: "/", accept: browserAccept, status: 200, wantType: "text/html; charset=utf-8",
		wantBody: "Visits this session: 1"},
	{name: "root format json", path: "/?format=json", accept: browserAccept, status: 200, wantType: "application/json",
		wantBody: `{"snippets":"{{base}}/snippets/","events":"{{base}}/events"}`, bodyIs: true},

	{name: "list no Accept", path: "/snippets/", status: 200, wantType: "application/json",
		wantAllow: allowList, wantVary: "Accept", wantBody: listJSON, bodyIs: true},
	{name: "list json", path: "/snippets/", accept: "application/json", status: 200, wantType: "application/json",
		wantBody: listJSON, bodyIs: true},
	{name: "list browser", path: "/snippets/", accept: browserAccept, status: 200, wantType: "text/html; charset=utf-8",
		wantAllow: allowList, wantBody: `<h2><a href="/snippets/1/">hello</a> <small>(python)</small></h2>`},
	{name: "list html q", path: "/snippets/", accept: "application/json;q=0.5, text/html", status: 200,
		wantType: "text/html; charset=utf-8", wantBody: "<h1>Snippets</h1>"},
	{name: "list indent", path: "/snippets/", accept: "application/json; indent=2", status: 200,
		wantType: "application/json", wantBody: "{\n  \"count\": 2,\n  \"results\": [\n    {\n      \"id\": 1,"},
	{name: "list format html", path: "/snippets/?format=html", status: 200, wantType: "text/html; charset=utf-8",
		wantBody: "<h1>Snippets</h1>"},
	{name: "list format json", path: "/snippets/?format=json", accept: browserAccept, status: 200,
		wantType: "application/json", wantBody: listJSON, bodyIs: true},
	{name: "list suffix json", path: "/snippets.json", accept: browserAccept, status: 200,
		wantType: "application/json", wantAllow: allowList, wantBody: listJSON, bodyIs: true},
	{name: "list suffix json slash", path: "/snippets.json/", status: 200, wantType: "application/json",
		wantBody: listJSON, bodyIs: true},
	{name: "list suffix html", path: "/snippets.html", status: 200, wantType: "text/html; charset=utf-8",
		wantBody: "<h1>Snippets</h1>"},
	{name: "list unknown suffix", path: "/snippets.xml", status: 404, wantType: "application/json",
		wantBody: notFoundJSON, bodyIs: true},
	{name: "list unknown format", path: "/snippets/?format=yaml", status: 404, wantType: "application/json",
		wantBody: notFoundJSON, bodyIs: true},
	{name: "list 406", path: "/snippets/", accept: "image/png", status: 406, wantType: "application/json",
		wantAllow: allowList, wantVary: "Accept",
		wantBody: `{"detail":"Could not satisfy the request Accept header."}`, bodyIs: true},
	{name: "suffix does not bypass Accept", path: "/snippets.json", accept: "text/html", status: 406,
		wantType: "application/json", wantBody: `{"detail":"Could not satisfy the request Accept header."}`, bodyIs: true},

	{name: "detail json", path: "/snippets/1/", status: 200, wantType: "application/json",
		wantAllow: allowDetail, wantVary: "Accept", wantBody: snippet1JSON, bodyIs: true},
	{name: "detail browser", path: "/snippets/1/", accept: browserAccept, status: 200,
		wantType: "text/html; charset=utf-8", wantBody: "<pre><code>print(&#39;hello, world&#39;)</code></pre>"},
	{name: "detail suffix json", path: "/snippets/1.json", accept: browserAccept, status: 200,
		wantType: "application/json", wantBody: snippet1JSON, bodyIs: true},
	{name: "detail suffix html", path: "/snippets/2.html", status: 200, wantType: "text/html; charset=utf-8",
		wantBody: "<h1>handler <small>(go)</small></h1>"},
	{name: "detail format json", path: "/snippets/1/?format=json", accept: browserAccept, status: 200,
		wantType: "application/json", wantBody: snippet1JSON, bodyIs: true},
	{name: "detail no slash", path: "/snippets/1", status: 200, wantType: "application/json",
		wantBody: snippet1JSON, bodyIs: true}, // redirected to /snippets/1/

	{name: "missing", path: "/snippets/99/", status: 404, wantType: "application/json",
		wantAllow: allowDetail, wantBody: notFoundJSON, bodyIs: true},
	{name: "missing suffix", path: "/snippets/99.json", status: 404, wantType: "application/json",
		wantBody: notFoundJSON, bodyIs: true},
	{name: "not a number", path: "/snippets/x/", status: 404, wantType: "application/json",
		wantBody: notFoundJSON, bodyIs: true},
	{name: "missing browser", path: "/snippets/99/", accept: browserAccept, status: 404,
		wantType: "text/html; charset=utf-8", wantBody: "<h1>Not found</h1>\n<p>Not found.</p>"},

	{name: "raw", path: "/snippets/2/raw", status: 200, wantType: "text/plain; charset=utf-8",
		wantBody: "func(r *rest.Request) (*rest.Response, error)", bodyIs: true},
}

func TestE2ENegotiation(t *testing.T) {
	srv, c := mustServer(t, options{})
	check(t, srv, c, negotiationTests)
}

// methodTests cover the methods each view allows and refuses, OPTIONS and
// HEAD, and the errors of bad bodies, on an unchanged store.
var methodTests = []exchange{
	{name: "405 list", method: "DELETE", path: "/snippets/", status: 405, wantType: "application/json",
		wantAllow: allowList, wantBody: `{"detail":"Method \"DELETE\" not allowed."}`, bodyIs: true},
	{name: "405 detail", method: "POST", path: "/snippets/1/", status: 405, wantType: "application/json",
		wantAllow: allowDetail, wantBody: `{"detail":"Method \"POST\" not allowed."}`, bodyIs: true},
	{name: "405 root", method: "PUT", path: "/", status: 405, wantAllow: "GET, HEAD, OPTIONS",
		wantBody: `{"detail":"Method \"PUT\" not allowed."}`, bodyIs: true},
	{name: "405 browser", method: "DELETE", path: "/snippets/", accept: browserAccept, status: 405,
		wantType: "text/html; charset=utf-8", wantBody: `<p class="err">Method &#34;DELETE&#34; not allowed.</p>`},
	{name: "options list", method: "OPTIONS", path: "/snippets/", status: 200, wantType: "application/json",
		wantAllow: allowList, bodyIs: true,
		wantBody: `{"name":"Snippet List","description":"All snippets, oldest first.\n\nPOST a JSON object or a form with title, code and language to add one.",` +
			`"renders":["application/json","text/html"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}`},
	{name: "options detail", method: "OPTIONS", path: "/snippets/1.json", status: 200, wantType: "application/json",
		wantAllow: allowDetail, bodyIs: true,
		wantBody: `{"name":"Snippet Detail","description":"One snippet.\n\nPUT replaces its title, code and language; PATCH changes the fields it names.",` +
			`"renders":["application/json","text/html"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}`},
	{name: "head detail", method: "HEAD", path: "/snippets/1/", status: 200, wantType: "application/json",
		wantAllow: allowDetail, wantBody: "", bodyIs: true},

	{name: "create empty object", method: "POST", path: "/snippets/", contentType: "application/json", body: "{}",
		status: 400, wantType: "application/json", wantAllow: allowList, bodyIs: true,
		wantBody: `{"title":["This field is required."],"code":["This field is required."]}`},
	{name: "create wrong types", method: "POST", path: "/snippets/", contentType: "application/json",
		body: `{"title": "  ", "code": true, "language": "cobol"}`, status: 400, bodyIs: true,
		wantBody: `{"title":["This field may not be blank."],"code":["Not a valid string."],"language":["\"cobol\" is not a valid choice."]}`},
	{name: "create long title", method: "POST", path: "/snippets/", contentType: "application/json",
		body: `{"title": "` + strings.Repeat("é", maxTitle+1) + `", "code": "x", "language": null}`, status: 400, bodyIs: true,
		wantBody: `{"title":["Ensure this field has no more than 100 characters."],"language":["This field may not be null."]}`},
	{name: "create list", method: "POST", path: "/snippets/", contentType: "application/json", body: `[1, 2]`,
		status: 400, bodyIs: true, wantBody: `{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}`},
	{name: "create null", method: "POST", path: "/snippets/", contentType: "application/json", body: `null`,
		status: 400, bodyIs: true, wantBody: `{"non_field_errors":["No data provided"]}`},
	{name: "create no body", method: "POST", path: "/snippets/", status: 400, bodyIs: true,
		wantBody: `{"title":["This field is required."],"code":["This field is required."]}`},
	{name: "create empty form", method: "POST", path: "/snippets/", contentType: "application/x-www-form-urlencoded",
		body: "title=&code=", status: 400, bodyIs: true,
		wantBody: `{"title":["This field may not be blank."],"code":["This field may not be blank."]}`},
	{name: "create malformed", method: "POST", path: "/snippets/", contentType: "application/json", body: `{"title": `,
		status: 400, wantType: "application/json", bodyIs: true,
		wantBody: `{"detail":"JSON parse error - Expecting value: line 1 column 11 (char 10)"}`},
	{name: "create 415", method: "POST", path: "/snippets/", contentType: "text/plain", body: "hello",
		status: 415, wantType: "application/json", bodyIs: true,
		wantBody: `{"detail":"Unsupported media type \"text/plain\" in request."}`},
	{name: "put partial body", method: "PUT", path: "/snippets/1/", contentType: "application/json",
		body: `{"title": "x"}`, status: 400, wantAllow: allowDetail, bodyIs: true,
		wantBody: `{"code":["This field is required."]}`},
	{name: "patch blank", method: "PATCH", path: "/snippets/1.json", contentType: "application/json",
		body: `{"title": ""}`, status: 400, bodyIs: true, wantBody: `{"title":["This field may not be blank."]}`},
	{name: "put missing", method: "PUT", path: "/snippets/99/", contentType: "application/json",
		body: `{"title": "x", "code": "y"}`, status: 404, wantBody: notFoundJSON, bodyIs: true},
	{name: "patch missing before body", method: "PATCH", path: "/snippets/99/", contentType: "application/json",
		body: `{bad`, status: 404, wantBody: notFoundJSON, bodyIs: true},
	{name: "delete missing", method: "DELETE", path: "/snippets/99/", status: 404, wantBody: notFoundJSON, bodyIs: true},
	{name: "put errors as html", method: "PUT", path: "/snippets/1/?format=html", contentType: "application/json",
		body: `{"title": "x"}`, status: 400, wantType: "text/html; charset=utf-8",
		wantBody: "<li>code: This field is required.</li>"},
	{name: "unchanged", path: "/snippets/", status: 200, wantBody: listJSON, bodyIs: true},
}

func TestE2EMethods(t *testing.T) {
	srv, c := mustServer(t, options{})
	check(t, srv, c, methodTests)
}

// crudTests create, read, replace, change and delete snippets, in order.
var crudTests = []exchange{
	{name: "create json", method: "POST", path: "/snippets/", contentType: "application/json",
		body: `{"title": "loop", "code": "for {}", "language": "go"}`, status: 201, wantType: "application/json",
		wantBody: `{"id":3,"title":"loop","code":"for {}","language":"go","created":"2026-11-21T09:30:00Z"}`, bodyIs: true},
	{name: "read created", path: "/snippets/3/", status: 200,
		wantBody: `{"id":3,"title":"loop","code":"for {}","language":"go","created":"2026-11-21T09:30:00Z"}`, bodyIs: true},
	{name: "create form", method: "POST", path: "/snippets/", contentType: "application/x-www-form-urlencoded",
		body: "title=+hi+&code=print(1)", status: 201, wantType: "application/json",
		wantBody: `{"id":4,"title":"hi","code":"print(1)","language":"text","created":"2026-11-21T09:30:00Z"}`, bodyIs: true},
	{name: "replace", method: "PUT", path: "/snippets/3/", contentType: "application/json",
		body: `{"title": "loop forever", "code": "for {\n}"}`, status: 200,
		wantBody: `{"id":3,"title":"loop forever","code":"for {\n}","language":"text","created":"2026-11-21T09:30:00Z"}`, bodyIs: true},
	{name: "change", method: "PATCH", path: "/snippets/3.json", contentType: "application/json",
		body: `{"language": "rust"}`, status: 200,
		wantBody: `{"id":3,"title":"loop forever","code":"for {\n}","language":"rust","created":"2026-11-21T09:30:00Z"}`, bodyIs: true},
	{name: "change by form", method: "PATCH", path: "/snippets/3/", contentType: "application/x-www-form-urlencoded",
		body: "title=loop", status: 200,
		wantBody: `{"id":3,"title":"loop","code":"for {\n}","language":"rust","created":"2026-11-21T09:30:00Z"}`, bodyIs: true},
	{name: "change as html", method: "PATCH", path: "/snippets/3/", accept: "text/html",
		contentType: "application/json", body: `{}`, status: 200, wantType: "text/html; charset=utf-8",
		wantBody: "<h1>loop <small>(rust)</small></h1>"},
	{name: "listed", path: "/snippets/", status: 200, wantBody: `{"count":4,`},
	{name: "delete", method: "DELETE", path: "/snippets/3/", status: 204, wantType: "-", wantBody: "", bodyIs: true},
	{name: "gone", path: "/snippets/3/", status: 404, wantBody: notFoundJSON, bodyIs: true},
	{name: "delete again", method: "DELETE", path: "/snippets/3.json", status: 404, wantBody: notFoundJSON, bodyIs: true},
	{name: "count", path: "/snippets/", status: 200, wantBody: `{"count":3,`},
}

func TestE2ECRUD(t *testing.T) {
	srv, c := mustServer(t, options{})
	check(t, srv, c, crudTests)
}

func TestE2ECreateLocation(t *testing.T) {
	srv, c := mustServer(t, options{})
	resp, body := do(t, c, srv.URL, exchange{method: "POST", path: "/snippets/",
		contentType: "application/json", body: `{"title": "a", "code": "b"}`})
	if resp.StatusCode != 201 || resp.Header.Get("Location") != "/snippets/3/" {
		t.Fatalf("POST: %d Location %q (%s); want 201 /snippets/3/", resp.StatusCode, resp.Header.Get("Location"), body)
	}
}

func TestE2ECreateMultipart(t *testing.T) {
	srv, c := mustServer(t, options{})
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, f := range [][2]string{{"title", "upload"}, {"code", "SELECT 1;"}, {"language", "sql"}} {
		if err := w.WriteField(f[0], f[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	resp, body := do(t, c, srv.URL, exchange{method: "POST", path: "/snippets.json",
		contentType: w.FormDataContentType(), body: b.String()})
	want := `{"id":3,"title":"upload","code":"SELECT 1;","language":"sql","created":"2026-11-21T09:30:00Z"}`
	if resp.StatusCode != 201 || body != want {
		t.Errorf("POST multipart: %d %s; want 201 %s", resp.StatusCode, body, want)
	}
}

// A browser posts the form: it is redirected to the new snippet, whose page
// shows a one-time message from the session.
func TestE2EBrowserForm(t *testing.T) {
	srv, c := mustServer(t, options{})
	form := url.Values{"title": {"loop"}, "code": {"for {}"}, "language": {"go"}}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/snippets/", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", browserAccept)
	resp, body := send(t, c, req) // follows the 303 to /snippets/3/
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/snippets/3/" ||
		!strings.Contains(body, `<p class="flash">Created snippet 3.</p>`) {
		t.Fatalf("POST form: %d at %s, body %q; want the new snippet's page with the message", resp.StatusCode, resp.Request.URL.Path, body)
	}
	_, body = do(t, c, srv.URL, exchange{path: "/snippets/3/", accept: browserAccept})
	if strings.Contains(body, "Created snippet") || !strings.Contains(body, "<h1>loop <small>(go)</small></h1>") {
		t.Errorf("second visit: body still shows the message or lacks the snippet: %q", body)
	}
	for i := 1; i <= 2; i++ {
		_, body = do(t, c, srv.URL, exchange{path: "/", accept: browserAccept})
		if want := "Visits this session: " + strconv.Itoa(i); !strings.Contains(body, want) {
			t.Errorf("home page visit %d: body lacks %q", i, want)
		}
	}
}

// An invalid form comes back, with its errors and its values, as a 400.
func TestE2EBrowserFormInvalid(t *testing.T) {
	srv, c := mustServer(t, options{})
	resp, body := do(t, c, srv.URL, exchange{method: "POST", path: "/snippets/", accept: browserAccept,
		contentType: "application/x-www-form-urlencoded", body: "title=<b>keep</b>&code=&language=python"})
	if resp.StatusCode != 400 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("POST invalid form: %d %q; want 400 HTML", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		`<p class="err">code: This field may not be blank.</p>`,
		`value="&lt;b&gt;keep&lt;/b&gt;"`,
		`<option selected>python</option>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("POST invalid form: body lacks %q:\n%s", want, body)
		}
	}
}

// With -problem-details errors are RFC 9457 problem details.
func TestE2EProblemDetails(t *testing.T) {
	srv, c := mustServer(t, options{ProblemDetails: true})
	check(t, srv, c, []exchange{
		{name: "404", path: "/snippets/99/", status: 404, wantType: "application/problem+json", bodyIs: true,
			wantBody: `{"type":"about:blank","title":"Not Found","status":404,"detail":"Not found.","instance":"/snippets/99/","code":"not_found"}`},
		{name: "400", method: "POST", path: "/snippets/", contentType: "application/json", body: `{"code": "x"}`,
			status: 400, wantType: "application/problem+json", bodyIs: true,
			wantBody: `{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input.","instance":"/snippets/","errors":{"title":["This field is required."]}}`},
		{name: "html keeps pages", path: "/snippets/99/", accept: "text/html", status: 404,
			wantType: "text/html; charset=utf-8", wantBody: "<h1>Not found</h1>"},
	})
}

// Concurrent writers all land in the store (run with -race).
func TestE2EConcurrentWrites(t *testing.T) {
	srv, c := mustServer(t, options{})
	const n = 16
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := `{"title": "t` + strconv.Itoa(i) + `", "code": "c"}`
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/snippets/", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := c.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 201 {
				t.Errorf("POST %s: status %d; want 201", body, resp.StatusCode)
			}
			req, _ = http.NewRequest(http.MethodPatch, srv.URL+"/snippets/1/", strings.NewReader(`{"code": "x"}`))
			req.Header.Set("Content-Type", "application/json")
			if resp, err = c.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	_, body := do(t, c, srv.URL, exchange{path: "/snippets/"})
	if want := `{"count":` + strconv.Itoa(n+2) + `,`; !strings.HasPrefix(body, want) {
		t.Errorf("after %d concurrent creations: body %.40q; want prefix %q", n, body, want)
	}
}

func TestE2ECrossSitePostRefused(t *testing.T) {
	srv, c := mustServer(t, options{})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/snippets/", strings.NewReader("title=x&code=y"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, _ := send(t, c, req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d; want 403", resp.StatusCode)
	}
}

func TestE2ERawRangeAndDownload(t *testing.T) {
	srv, c := mustServer(t, options{})
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/snippets/1/raw", nil)
	req.Header.Set("Range", "bytes=0-4")
	resp, body := send(t, c, req)
	if resp.StatusCode != http.StatusPartialContent || body != "print" {
		t.Errorf("Range bytes=0-4: %d %q; want 206 \"print\"", resp.StatusCode, body)
	}
	resp, _ = do(t, c, srv.URL, exchange{path: "/snippets/1/raw?download=1"})
	if got, want := resp.Header.Get("Content-Disposition"), `attachment; filename="hello.py"`; got != want {
		t.Errorf("download: Content-Disposition %q; want %q", got, want)
	}
	if resp, _ = do(t, c, srv.URL, exchange{path: "/snippets/99/raw"}); resp.StatusCode != 404 {
		t.Errorf("GET /snippets/99/raw: status %d; want 404", resp.StatusCode)
	}
}

func TestE2EEventsStream(t *testing.T) {
	srv, c := mustServer(t, options{})
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
	want := []string{"id: 1", "event: tick", "data: 2026-11-21T09:30:00Z"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("first event = %q; want %q", lines, want)
	}
}

func TestE2EDisallowedHost(t *testing.T) {
	srv, c := mustServer(t, options{})
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/snippets/", nil)
	req.Host = "evil.example"
	if resp, _ := send(t, c, req); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("Host evil.example: status %d; want 400", resp.StatusCode)
	}
}
