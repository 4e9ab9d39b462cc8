package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/internal/hdr"
)

// goldenCase is one line of testdata/conformance/golden.jsonl (see its
// README.md).
type goldenCase struct {
	ID              string                     `json:"id"`
	Method          string                     `json:"method"`
	Path            string                     `json:"path"`
	Headers         orderedHeaders             `json:"headers"`
	Body            *string                    `json:"body"`
	Secure          bool                       `json:"secure"`
	Templates       string                     `json:"templates"`
	Status          int                        `json:"status"`
	ResponseHeaders map[string]json.RawMessage `json:"response_headers"`
	ResponseBody    *string                    `json:"response_body"`
	BodyKind        string                     `json:"body_kind"`
	Tags            []string                   `json:"tags"`
	Streaming       bool                       `json:"streaming"`
}

// orderedHeaders keeps the request headers in the order recorded.
type orderedHeaders [][2]string

// UnmarshalJSON decodes a JSON object keeping the order of its members.
func (h *orderedHeaders) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		var v string
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*h = append(*h, [2]string{k.(string), v})
	}
	_, err := dec.Token()
	return err
}

// tag is the first tag of the case, "untagged" when it has none.
func (c *goldenCase) tag() string {
	if len(c.Tags) == 0 {
		return "untagged"
	}
	return c.Tags[0]
}

// header returns the golden response header name (case-insensitively) as
// its values; ok is false when the golden response does not have it.
func (c *goldenCase) header(name string) (vals []string, ok bool) {
	for k, raw := range c.ResponseHeaders {
		if !strings.EqualFold(k, name) {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return []string{s}, true
		}
		var l []string
		if json.Unmarshal(raw, &l) == nil {
			return l, true
		}
		return nil, true
	}
	return nil, false
}

// wantBody returns the golden body bytes.
func (c *goldenCase) wantBody(t *testing.T) []byte {
	t.Helper()
	switch c.BodyKind {
	case "empty":
		return nil
	case "base64":
		b, err := base64.StdEncoding.DecodeString(*c.ResponseBody)
		if err != nil {
			t.Fatalf("bad base64 body: %v", err)
		}
		return b
	}
	if c.ResponseBody == nil {
		return nil
	}
	return []byte(*c.ResponseBody)
}

// comparedHeaders are the response headers compared with the golden ones,
// when the golden response has them or must not have them.
// quiet discards the app's error logs in tests.
var quiet = slog.New(slog.DiscardHandler)

var comparedHeaders = []string{
	"Content-Type", "Content-Length", "Allow", "Vary", "Location", "Cache-Control",
	"Content-Disposition", "WWW-Authenticate", "Retry-After", "Set-Cookie",
	"X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "X-Custom",
	"X-Latin", "X-Unicode", "Expires", "Last-Modified",
}

// liveGetHeaders are the headers of divergences.json's headers_like_live_get.
var liveGetHeaders = []string{
	"Content-Type", "Allow", "Vary", "Cache-Control", "Location",
	"Content-Disposition", "WWW-Authenticate", "Retry-After", "Set-Cookie",
}

// divergenceRule is a rule of divergences.json.
type divergenceRule struct {
	Status             json.RawMessage `json:"status"`
	StatusIn           []int           `json:"status_in"`
	StatusNot          []int           `json:"status_not"`
	EmptyBody          bool            `json:"empty_body"`
	BodyMustNotContain []string        `json:"body_must_not_contain"`
	BodyMustNotEqual   []string        `json:"body_must_not_equal"`
	ContentTypeFamily  string          `json:"content_type_family"`
	HeadersLikeLiveGet bool            `json:"headers_like_live_get"`
}

// divergences is divergences.json: the rules and the cases they replace.
type divergences struct {
	Rules map[string]divergenceRule `json:"rules"`
	Cases []struct {
		ID     string `json:"id"`
		Rule   string `json:"rule"`
		Reason string `json:"reason"`
	} `json:"cases"`
}

// rule returns the rule for the case id, nil when it has none.
func (d *divergences) rule(id string) (*divergenceRule, string) {
	for _, c := range d.Cases {
		if ok, _ := path.Match(c.ID, id); ok || c.ID == id {
			r, found := d.Rules[c.Rule]
			if !found {
				return nil, ""
			}
			return &r, c.Reason
		}
	}
	return nil, ""
}

// goDivergence is a divergence of restframe itself (not in
// divergences.json): the golden body is changed into the one restframe
// sends.
type goDivergence struct {
	reason string
	body   func(golden string) string
}

// goDivergences are restframe's own divergences from the recorded
// Django 3.2, asserted by case id.
var goDivergences = map[string]goDivergence{
	"echo.query_raw_unicode": {
		reason: "Django 3.2 under WSGI decodes QUERY_STRING as latin-1 and so double-encodes raw UTF-8 query bytes " +
			"in build_absolute_uri/get_full_path; restframe encodes the raw UTF-8 once, as Django under ASGI",
		body: func(s string) string {
			return strings.NewReplacer("%C3%A2%C2%98%C2%85", "%E2%98%85", "caf%C3%83%C2%A9", "caf%C3%A9").Replace(s)
		},
	},
	"querydict.raw_unicode": {
		reason: "Django 3.2 under WSGI reads QUERY_STRING as latin-1, so raw UTF-8 query bytes become mojibake in " +
			"META['QUERY_STRING'] and in a QueryDict built from it; restframe's Meta holds the raw UTF-8 (as Django under ASGI)",
		body: func(s string) string {
			return strings.NewReplacer(`\u00e2\u0098\u0085`, `\u2605`, "%C3%A2%C2%98%C2%85", "%E2%98%85").Replace(s)
		},
	},
	"echo.headers": {
		reason: `header names containing "_" are dropped from request.headers (current Django, and what WSGI servers do); ` +
			"and net/http does not keep the order of request header lines, so request.headers lists them sorted by name",
		body: func(s string) string {
			return sortEchoHeaders(strings.Replace(s, `, "X-Under-Score": "u"`, "", 1))
		},
	},
	"echo.xfp_ignored": {
		reason: "net/http does not keep the order of request header lines, so request.headers lists them sorted by name",
		body:   sortEchoHeaders,
	},
}

// wireLimits are the cases a real net/http server answers before any
// handler runs, so that only their status can be compared over the wire
// (TestGolden compares them in full).
var wireLimits = map[string]string{
	"host.09": "net/http's server refuses a Host with a space itself (400 \"malformed Host header\"), before the app's DisallowedHost page",
}

// loadGolden reads golden.jsonl and divergences.json.
func loadGolden(t *testing.T) ([]*goldenCase, *divergences) {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/conformance/golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var cases []*goldenCase
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		c := new(goldenCase)
		if err := json.Unmarshal(sc.Bytes(), c); err != nil {
			t.Fatalf("golden.jsonl: %v", err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	draw, err := os.ReadFile("../../testdata/conformance/divergences.json")
	if err != nil {
		t.Fatal(err)
	}
	d := new(divergences)
	if err := json.Unmarshal(draw, d); err != nil {
		t.Fatalf("divergences.json: %v", err)
	}
	return cases, d
}

// matchCount returns how many case ids the glob matches.
func matchCount(cases []*goldenCase, glob string) (int, error) {
	n := 0
	for _, c := range cases {
		ok, err := path.Match(glob, c.ID)
		if err != nil {
			return 0, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// frozen is the recording clock of the golden cases.
func frozen() time.Time { return time.Unix(1700000000, 0).UTC() }

// rawRequest returns the recorded request as bytes on the wire: the raw
// path and header bytes and a Content-Length for a body. A case without a
// Host header is sent as HTTP/1.0, which may omit it (RFC 9112 §3.2), so
// that the server falls back to its own name as Django does.
func rawRequest(c *goldenCase, method string) string {
	hasHost, hasLen := false, false
	for _, h := range c.Headers {
		switch strings.ToLower(h[0]) {
		case "host":
			hasHost = true
		case "content-length":
			hasLen = true
		}
	}
	var b strings.Builder
	if hasHost {
		b.WriteString(method + " " + c.Path + " HTTP/1.1\r\n")
	} else {
		b.WriteString(method + " " + c.Path + " HTTP/1.0\r\n")
	}
	for _, h := range c.Headers {
		b.WriteString(h[0] + ": " + h[1] + "\r\n")
	}
	body := ""
	if c.Body != nil {
		body = *c.Body
	}
	if body != "" && !hasLen {
		b.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return b.String()
}

// exchange is a response as the client sees it.
type exchange struct {
	Code   int
	Header http.Header
	Body   []byte
	// Wire is set for responses read from a real server.
	Wire bool
}

// transport sends the request of case c with method and returns the
// response.
type transport func(t *testing.T, c *goldenCase, method string) exchange

// inProcess serves the recorded request with app as net/http's server
// reads it (RemoteAddr 127.0.0.1, TLS when secure, the local address
// testserver:80 or :443), through a ResponseRecorder; as on the wire, HEAD
// responses lose their body and a small body gets the Content-Length the
// server adds.
func inProcess(app http.Handler) transport {
	return func(t *testing.T, c *goldenCase, method string) exchange {
		t.Helper()
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(rawRequest(c, method))))
		if err != nil {
			t.Fatalf("building request %q: %v", c.Path, err)
		}
		r.RemoteAddr = "127.0.0.1:40000"
		r.RequestURI = c.Path
		if c.Secure {
			r.TLS = &tls.ConnectionState{}
		}
		w := httptest.NewRecorder()
		asRecorded(app).ServeHTTP(w, r)
		header := w.Result().Header
		// The Content-Length net/http's server adds to a small body.
		hdr.AddServerLength(header, w.Code, w.Body.Len(), method == http.MethodHead, w.Flushed)
		if method == http.MethodHead {
			w.Body.Reset()
		}
		return exchange{Code: w.Code, Header: header, Body: w.Body.Bytes()}
	}
}

// overTheWire sends the raw request bytes to a real net/http server (a TLS
// one when the case is secure) and reads the response.
func overTheWire(plain, secure *httptest.Server) transport {
	return func(t *testing.T, c *goldenCase, method string) exchange {
		t.Helper()
		var conn net.Conn
		var err error
		if c.Secure {
			conn, err = tls.Dial("tcp", secure.Listener.Addr().String(), &tls.Config{InsecureSkipVerify: true})
		} else {
			conn, err = net.Dial("tcp", plain.Listener.Addr().String())
		}
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := io.WriteString(conn, rawRequest(c, method)); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
		if err != nil {
			t.Fatalf("reading the response: %v", err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("reading the body: %v", err)
		}
		if resp.ContentLength >= 0 && resp.Header.Get("Content-Length") == "" && method != http.MethodHead && bodyAllowed(resp.StatusCode) {
			t.Errorf("%s %s: no Content-Length header", method, c.Path)
		}
		return exchange{Code: resp.StatusCode, Header: resp.Header, Body: body, Wire: true}
	}
}

func TestGolden(t *testing.T) {
	cases, div := loadGolden(t)
	apps := map[string]http.Handler{}
	for _, v := range []string{"full", "exc_only", "none"} {
		h, err := newApp(config{templates: v, now: frozen, logger: quiet})
		if err != nil {
			t.Fatalf("newApp(%s): %v", v, err)
		}
		apps[v] = h
	}
	ids := map[string]bool{}
	for _, c := range cases {
		ids[c.ID] = true
	}
	unused := 0
	for _, d := range div.Cases {
		if !ids[d.ID] {
			if n, _ := matchCount(cases, d.ID); n == 0 {
				unused++ // a case of the full recording, not in this golden.jsonl
			}
		}
	}
	for id := range goDivergences {
		if !ids[id] {
			t.Errorf("goDivergences names %q, which is no golden case", id)
		}
	}
	type count struct{ pass, total int }
	counts := map[string]*count{}
	pending := 0
	for _, c := range cases {
		if c.BodyKind == "browsable_api" {
			pending++
			continue
		}
		app := apps[c.Templates]
		if app == nil {
			t.Errorf("%s: unknown template variant %q", c.ID, c.Templates)
			continue
		}
		ran := false
		ok := t.Run(c.ID, func(t *testing.T) {
			ran = true
			runGolden(t, inProcess(app), c, div)
		})
		if !ran {
			continue // filtered out by -run
		}
		n := counts[c.tag()]
		if n == nil {
			n = new(count)
			counts[c.tag()] = n
		}
		n.total++
		if ok {
			n.pass++
		}
	}
	tags := make([]string, 0, len(counts))
	for k := range counts {
		tags = append(tags, k)
	}
	sort.Strings(tags)
	var sum strings.Builder
	all := count{}
	for _, k := range tags {
		sum.WriteString(" " + k + " " + strconv.Itoa(counts[k].pass) + "/" + strconv.Itoa(counts[k].total) + ";")
		all.pass += counts[k].pass
		all.total += counts[k].total
	}
	t.Logf("golden: %d/%d passed;%s browsable_api pending: %d (divergences.json entries without a case: %d)",
		all.pass, all.total, sum.String(), pending, unused)
}

// TestGoldenWire replays the cases of TestGolden over TCP against real
// net/http servers (TLS for the secure cases), which add what a recorder
// does not: header validation, Content-Length and body suppression by
// status, HEAD handling.
func TestGoldenWire(t *testing.T) {
	if testing.Short() {
		t.Skip("over the wire: skipped in -short mode")
	}
	cases, div := loadGolden(t)
	type pair struct{ plain, secure *httptest.Server }
	servers := map[string]pair{}
	for _, v := range []string{"full", "exc_only", "none"} {
		h, err := newApp(config{templates: v, now: frozen, logger: quiet})
		if err != nil {
			t.Fatalf("newApp(%s): %v", v, err)
		}
		p := pair{httptest.NewServer(asRecorded(h)), httptest.NewTLSServer(asRecorded(h))}
		defer p.plain.Close()
		defer p.secure.Close()
		servers[v] = p
	}
	pass, total := 0, 0
	for _, c := range cases {
		p, found := servers[c.Templates]
		if c.BodyKind == "browsable_api" || !found {
			continue
		}
		ran := false
		ok := t.Run(c.ID, func(t *testing.T) {
			ran = true
			runGolden(t, overTheWire(p.plain, p.secure), c, div)
		})
		if ran {
			total++
			if ok {
				pass++
			}
		}
	}
	t.Logf("golden over the wire: %d/%d passed", pass, total)
}

// recordingAddr is the local address of the recording's server: Django's
// test client sets SERVER_NAME testserver and SERVER_PORT 80, or 443 when
// secure.
type recordingAddr string

// Network returns "tcp".
func (recordingAddr) Network() string { return "tcp" }

// String returns the address.
func (a recordingAddr) String() string { return string(a) }

// asRecorded makes h see the recording's server address (testserver:80,
// or testserver:443 with TLS) instead of the test server's, so that the
// requests without a Host fall back to the recorded SERVER_NAME.
func asRecorded(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, localAddr(r))))
	})
}

// localAddr returns the recording's server address for r.
func localAddr(r *http.Request) net.Addr {
	if r.TLS != nil {
		return recordingAddr("testserver:443")
	}
	return recordingAddr("testserver:80")
}

// runGolden replays one case.
func runGolden(t *testing.T, do transport, c *goldenCase, div *divergences) {
	w := do(t, c, c.Method)
	got := w.Body
	if reason, ok := wireLimits[c.ID]; ok && w.Wire {
		t.Logf("over the wire, status only: %s", reason)
		if w.Code != c.Status {
			t.Errorf("%s %s: status = %d; want %d", c.Method, c.Path, w.Code, c.Status)
		}
		return
	}
	if rule, reason := div.rule(c.ID); rule != nil {
		t.Logf("divergence: %s", reason)
		checkRule(t, do, c, rule, w)
		return
	}
	want := c.wantBody(t)
	wantLen, lenOK := c.header("Content-Length")
	if d, ok := goDivergences[c.ID]; ok {
		t.Logf("divergence: %s", d.reason)
		want = []byte(d.body(string(want)))
		if lenOK {
			wantLen = []string{strconv.Itoa(len(want))}
		}
	}
	if w.Code != c.Status {
		t.Errorf("%s %s: status = %d; want %d (body %q)", c.Method, c.Path, w.Code, c.Status, trim(got))
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s %s: body =\n%q\nwant\n%q\n%s", c.Method, c.Path, trim(got), trim(want), firstDiff(got, want))
	}
	for _, name := range comparedHeaders {
		if name == "Content-Length" && (c.Streaming || !bodyAllowed(c.Status)) {
			// net/http never sends Content-Length with a 1xx or 204
			// (RFC 9110 §8.6) whatever the handler sets; Django's
			// CommonMiddleware adds "0".
			continue
		}
		want, ok := c.header(name)
		if name == "Content-Length" {
			want, ok = wantLen, lenOK
		}
		gotV := w.Header.Values(name)
		switch {
		case !ok && len(gotV) > 0 && name != "Content-Length":
			// net/http's server adds a Content-Length to every small
			// complete body (the in-process transport as well), even
			// where Django sent none (its DisallowedHost page).
			t.Errorf("%s %s: header %s = %q; want none", c.Method, c.Path, name, gotV)
		case ok && !slices.Equal(gotV, want):
			t.Errorf("%s %s: header %s = %q; want %q", c.Method, c.Path, name, gotV, want)
		}
	}
}

// checkRule applies a divergences.json rule to the response.
func checkRule(t *testing.T, do transport, c *goldenCase, r *divergenceRule, w exchange) {
	body := string(w.Body)
	if len(r.Status) > 0 {
		want := c.Status
		if string(r.Status) != `"golden"` {
			if err := json.Unmarshal(r.Status, &want); err != nil {
				t.Fatalf("bad rule status %s", r.Status)
			}
		}
		if w.Code != want {
			t.Errorf("%s %s: status = %d; want %d (body %q)", c.Method, c.Path, w.Code, want, trim(w.Body))
		}
	}
	if len(r.StatusIn) > 0 && !slices.Contains(r.StatusIn, w.Code) {
		t.Errorf("%s %s: status = %d; want one of %v", c.Method, c.Path, w.Code, r.StatusIn)
	}
	if slices.Contains(r.StatusNot, w.Code) {
		t.Errorf("%s %s: status = %d; want none of %v", c.Method, c.Path, w.Code, r.StatusNot)
	}
	if r.EmptyBody && body != "" {
		t.Errorf("%s %s: body = %q; want empty", c.Method, c.Path, trim(w.Body))
	}
	for _, s := range r.BodyMustNotContain {
		if strings.Contains(body, s) {
			t.Errorf("%s %s: body %q contains %q", c.Method, c.Path, trim(w.Body), s)
		}
	}
	for _, s := range r.BodyMustNotEqual {
		if body == s {
			t.Errorf("%s %s: body = %q; must not be", c.Method, c.Path, body)
		}
	}
	if r.ContentTypeFamily != "" {
		ct := w.Header.Get("Content-Type")
		if fam, _, _ := strings.Cut(ct, "/"); fam != r.ContentTypeFamily {
			t.Errorf("%s %s: Content-Type = %q; want %s/*", c.Method, c.Path, ct, r.ContentTypeFamily)
		}
	}
	if r.HeadersLikeLiveGet {
		g := do(t, c, http.MethodGet)
		for _, name := range liveGetHeaders {
			got, want := w.Header.Values(name), g.Header.Values(name)
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: header %s = %q; want %q (as GET)", c.Method, c.Path, name, got, want)
			}
		}
	}
}

// bodyAllowed is net/http's bodyAllowedForStatus.
func bodyAllowed(status int) bool {
	return !(status >= 100 && status <= 199 || status == http.StatusNoContent || status == http.StatusNotModified)
}

// firstDiff describes where got and want first differ.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-60, 0)
	return "first difference at byte " + strconv.Itoa(i) + ": got …" + strconv.Quote(string(got[from:min(i+60, len(got))])) +
		"; want …" + strconv.Quote(string(want[from:min(i+60, len(want))]))
}

// trim shortens a body for failure messages.
func trim(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}
