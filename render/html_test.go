package render_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var errNotFound = errors.New("not found")

// mustTemplateHTML builds a TemplateHTML over testdata/templates/<dir>.
func mustTemplateHTML(tb testing.TB, dir string, c render.TemplateHTMLConfig) *render.TemplateHTML {
	tb.Helper()
	if dir != "" {
		c.FS = os.DirFS(filepath.Join("testdata", "templates", dir))
	}
	if c.Funcs == nil {
		c.Funcs = template.FuncMap{"shout": strings.ToUpper}
	}
	r, err := render.NewTemplateHTML(c)
	if err != nil {
		tb.Fatalf("NewTemplateHTML(%s) error = %v", dir, err)
	}
	return r
}

// oracleUser is the USER of the DRF reference app (views.py).
var oracleUser = map[string]any{
	"id":       1,
	"username": "alice",
	"email":    "alice@example.com",
	"bio":      "<b>bold</b> & \"quoted\" \u2605",
	"tags":     []any{"a", "b<c"},
}

// checkGolden compares a rendered page, preceded by its Content-Type, with
// testdata/golden/<name>.txt, or rewrites that file with -update.
func checkGolden(t *testing.T, name string, info render.Info, body []byte) {
	t.Helper()
	got := "Content-Type: " + info.ContentType() + "\n\n" + string(body)
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s:\n%s\nwant (golden)\n%s", name, got, want)
	}
}

// htmlGoldenTests render pages and error pages; the outputs are in
// testdata/golden.
var htmlGoldenTests = []struct {
	name string
	r    func(testing.TB) render.Renderer
	ctx  *render.Context
	data any
}{
	{"template_user_django_escapes", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{DjangoEscapes: true})
	}, &render.Context{TemplateName: "user_detail.html"}, map[string]any{"user": oracleUser}},
	{"template_user_go_escapes", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{})
	}, &render.Context{TemplateName: "user_detail.html"}, map[string]any{"user": oracleUser}},
	{"template_user_object", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{TemplateName: "user_detail.html", DjangoEscapes: true})
	}, nil, web.JSONObject{{Key: "user", Value: web.JSONObject{{Key: "username", Value: "bob"}, {Key: "tags", Value: []any{"t<1>", "t2"}}}}}},
	{"template_partials_funcs", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "extra", render.TemplateHTMLConfig{})
	}, &render.Context{ViewTemplateNames: []string{"missing.html", "list.html"}}, map[string]any{"items": []map[string]string{{"name": "a+b", "note": "<i>"}, {"name": "c"}}}},
	{"error_404_full", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{DjangoEscapes: true})
	}, &render.Context{Status: 404, Exception: errNotFound, TemplateName: "user_detail.html"}, map[string]any{"detail": "Not found."}},
	{"error_403_full", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{DjangoEscapes: true})
	}, &render.Context{Status: 403, Exception: errNotFound}, web.JSONObject{{Key: "detail", Value: "You do not have permission to perform this action."}}},
	{"error_404_exc_only", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "exc_only", render.TemplateHTMLConfig{})
	}, &render.Context{Status: 404, Exception: errNotFound}, map[string]any{"detail": "Not found."}},
	{"error_400_validation_dict", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "exc_only", render.TemplateHTMLConfig{})
	}, &render.Context{Status: 400, Exception: errNotFound}, map[string][]string{"name": {"This field is required."}}},
	{"error_400_validation_list", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "extra", render.TemplateHTMLConfig{ExceptionTemplateNames: []string{"errors.html"}})
	}, &render.Context{Status: 400, Exception: errNotFound}, []any{"First error.", "Second <error>."}},
	{"error_404_none", func(testing.TB) render.Renderer { return &render.TemplateHTML{} }, &render.Context{Status: 404, Exception: errNotFound}, map[string]any{"detail": "Not found."}},
	{"error_418_none", func(testing.TB) render.Renderer { return render.StaticHTML{} }, &render.Context{Status: 418, Exception: errNotFound}, nil},
	{"error_299_none", func(testing.TB) render.Renderer { return render.StaticHTML{} }, &render.Context{Status: 299, Exception: errNotFound}, nil},
	{"static_html", func(testing.TB) render.Renderer { return render.StaticHTML{} }, nil, "<html><body><h1>Static \u2605 HTML</h1><p>a &amp; b</p></body></html>"},
	{"static_error_404_full", func(tb testing.TB) render.Renderer {
		return render.StaticHTML{Templates: mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{})}
	}, &render.Context{Status: 404, Exception: errNotFound}, map[string]any{"detail": "Not found."}},
}

func TestHTMLGolden(t *testing.T) {
	for _, tt := range htmlGoldenTests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r(t)
			var buf bytes.Buffer
			if err := r.Render(&buf, tt.data, tt.ctx); err != nil {
				t.Fatalf("Render(%s) error = %v", tt.name, err)
			}
			checkGolden(t, tt.name, r.Info(), buf.Bytes())
		})
	}
}

// htmlRecordings are golden.jsonl cases (responses recorded from DRF) whose
// body TemplateHTML and StaticHTML must reproduce byte for byte, with the Go
// ports of the reference app's templates.
var htmlRecordings = []struct {
	id   string
	r    func(testing.TB) render.Renderer
	ctx  *render.Context
	data any
}{
	{"template_user.accept.html", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{DjangoEscapes: true})
	}, &render.Context{TemplateName: "user_detail.html"}, map[string]any{"user": oracleUser}},
	{"htmlerr.exc_only.template_user", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "exc_only", render.TemplateHTMLConfig{DjangoEscapes: true})
	}, &render.Context{TemplateName: "user_detail.html"}, map[string]any{"user": oracleUser}},
	{"template_user.accept.text_plain", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{DjangoEscapes: true})
	}, &render.Context{Status: 406, Exception: errNotFound}, map[string]any{"detail": "Could not satisfy the request Accept header."}},
	{"htmlerr.full.html.permission_denied", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{})
	}, &render.Context{Status: 403, Exception: errNotFound}, map[string]any{"detail": "You do not have permission to perform this action."}},
	{"htmlerr.full.html.throttled.q.wait_5", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{})
	}, &render.Context{Status: 429, Exception: errNotFound}, map[string]any{"detail": "Request was throttled. Expected available in 5 seconds."}},
	{"htmlerr.full.static_exc.not_found", func(tb testing.TB) render.Renderer {
		return render.StaticHTML{Templates: mustTemplateHTML(tb, "full", render.TemplateHTMLConfig{})}
	}, &render.Context{Status: 404, Exception: errNotFound}, map[string]any{"detail": "Not found."}},
	{"htmlerr.exc_only.html.not_found", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "exc_only", render.TemplateHTMLConfig{})
	}, &render.Context{Status: 404, Exception: errNotFound}, map[string]any{"detail": "Not found."}},
	{"htmlerr.exc_only.html.validation_dict", func(tb testing.TB) render.Renderer {
		return mustTemplateHTML(tb, "exc_only", render.TemplateHTMLConfig{})
	}, &render.Context{Status: 400, Exception: errNotFound}, map[string]any{"name": []any{"This field is required."}}},
	{"htmlerr.none.html.not_found", func(testing.TB) render.Renderer { return &render.TemplateHTML{} }, &render.Context{Status: 404, Exception: errNotFound}, map[string]any{"detail": "Not found."}},
	{"htmlerr.none.static_exc.permission_denied", func(testing.TB) render.Renderer { return render.StaticHTML{} }, &render.Context{Status: 403, Exception: errNotFound}, map[string]any{"detail": "x"}},
	{"static_html.accept.html", func(testing.TB) render.Renderer { return render.StaticHTML{} }, nil, "<html><body><h1>Static \u2605 HTML</h1><p>a &amp; b</p></body></html>"},
	{"plaintext.accept.star", func(testing.TB) render.Renderer { return render.PlainText{} }, nil, "hello \u2605 world\nsecond line"},
	{"static_html_multi.accept.json", func(testing.TB) render.Renderer { return render.JSON{} }, nil, "<html><body><h1>Static \u2605 HTML</h1><p>a &amp; b</p></body></html>"},
}

// recordedBodies reads the response bodies and Content-Types of the
// golden.jsonl cases with the given ids.
func recordedBodies(tb testing.TB, ids map[string]bool) map[string][2]string {
	tb.Helper()
	f, err := os.Open(filepath.Join(vectors.Dir(), "golden.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string][2]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var c struct {
			ID              string            `json:"id"`
			ResponseBody    *string           `json:"response_body"`
			ResponseHeaders map[string]any    `json:"response_headers"`
			Extra           map[string]string `json:"-"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatal(err)
		}
		if ids[c.ID] && c.ResponseBody != nil {
			ct, _ := c.ResponseHeaders["Content-Type"].(string)
			out[c.ID] = [2]string{*c.ResponseBody, ct}
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestHTMLMatchesDRFRecordings(t *testing.T) {
	ids := map[string]bool{}
	for _, tt := range htmlRecordings {
		ids[tt.id] = true
	}
	recorded := recordedBodies(t, ids)
	for _, tt := range htmlRecordings {
		t.Run(tt.id, func(t *testing.T) {
			rec, ok := recorded[tt.id]
			if !ok {
				t.Fatalf("golden.jsonl has no case %s", tt.id)
			}
			r := tt.r(t)
			var buf bytes.Buffer
			if err := r.Render(&buf, tt.data, tt.ctx); err != nil {
				t.Fatalf("Render error = %v", err)
			}
			if buf.String() != rec[0] {
				t.Errorf("Render =\n%q\nDRF recorded\n%q", buf.String(), rec[0])
			}
			if ct := r.Info().ContentType(); ct != rec[1] {
				t.Errorf("Info().ContentType() = %q; DRF recorded %q", ct, rec[1])
			}
		})
	}
}

func TestTemplateHTMLErrors(t *testing.T) {
	full := mustTemplateHTML(t, "full", render.TemplateHTMLConfig{})
	tests := []struct {
		name string
		r    render.Renderer
		ctx  *render.Context
		data any
		want error
	}{
		{"no name", full, nil, map[string]any{}, render.ErrNoTemplateName},
		{"no name, empty context", full, &render.Context{}, map[string]any{}, render.ErrNoTemplateName},
		{"missing", full, &render.Context{TemplateName: "nope.html"}, map[string]any{}, render.ErrTemplateNotFound},
		{"missing view names", full, &render.Context{ViewTemplateNames: []string{"a.html", "b.html"}}, nil, render.ErrTemplateNotFound},
		{"zero renderer", &render.TemplateHTML{}, &render.Context{TemplateName: "user_detail.html"}, nil, render.ErrTemplateNotFound},
		{"static non-string", render.StaticHTML{}, nil, map[string]any{"a": 1}, render.ErrUnsupportedData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Render(&bytes.Buffer{}, tt.data, tt.ctx)
			if !errors.Is(err, tt.want) {
				t.Errorf("Render error = %v; want %v", err, tt.want)
			}
		})
	}
	// An execution error of the page is returned.
	r := mustTemplateHTML(t, "", render.TemplateHTMLConfig{FS: fstest.MapFS{"bad.html": {Data: []byte(`{{.a.b.c}}`)}}})
	if err := r.Render(&bytes.Buffer{}, map[string]any{"a": 1}, &render.Context{TemplateName: "bad.html"}); err == nil {
		t.Error("Render of a failing template: error = nil")
	}
}

func TestNewTemplateHTML(t *testing.T) {
	if _, err := render.NewTemplateHTML(render.TemplateHTMLConfig{FS: fstest.MapFS{"x.html": {Data: []byte("{{")}}}); err == nil || !strings.Contains(err.Error(), "x.html") {
		t.Errorf("NewTemplateHTML(bad template) error = %v; want one naming x.html", err)
	}
	// Only the configured extensions are parsed (notes.txt does not parse).
	r := mustTemplateHTML(t, "extra", render.TemplateHTMLConfig{})
	if r.Lookup("notes.txt") != nil || r.Lookup("partials/item.html") == nil {
		t.Errorf("Lookup: notes.txt parsed or partials/item.html missing")
	}
	if _, err := render.NewTemplateHTML(render.TemplateHTMLConfig{FS: os.DirFS("testdata/templates/extra"), Extensions: []string{".txt"}}); err == nil {
		t.Errorf("NewTemplateHTML(.txt) error = nil; want the parse error of notes.txt")
	}
	// A caller's set is cloned, not changed, and its templates are usable.
	base := template.Must(template.New("base.html").Parse(`[{{block "body" .}}default{{end}}]`))
	r, err := render.NewTemplateHTML(render.TemplateHTMLConfig{
		Templates: base,
		FS:        fstest.MapFS{"page.html": {Data: []byte(`{{define "body"}}page {{.}}{{end}}{{template "base.html" .}}`)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, "x", &render.Context{TemplateName: "page.html"}); err != nil || buf.String() != "[page x]" {
		t.Errorf("Render(page.html) = %q, %v; want %q", buf.String(), err, "[page x]")
	}
	buf.Reset()
	if err := base.Execute(&buf, "x"); err != nil || buf.String() != "[default]" {
		t.Errorf("caller's set changed: %q, %v", buf.String(), err)
	}
	// Templates alone, without FS.
	r, err = render.NewTemplateHTML(render.TemplateHTMLConfig{Templates: base, TemplateName: "base.html", MediaType: "application/xhtml+xml", Format: "xhtml"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Info(), (render.Info{MediaType: "application/xhtml+xml", Format: "xhtml", Charset: "utf-8"}); got != want {
		t.Errorf("Info() = %+v; want %+v", got, want)
	}
}

func TestHTMLInfo(t *testing.T) {
	want := render.Info{MediaType: "text/html", Format: "html", Charset: "utf-8"}
	if got := (&render.TemplateHTML{}).Info(); got != want {
		t.Errorf("TemplateHTML.Info() = %+v; want %+v", got, want)
	}
	if got := (render.StaticHTML{}).Info(); got != want {
		t.Errorf("StaticHTML.Info() = %+v; want %+v", got, want)
	}
	if got := want.ContentType(); got != "text/html; charset=utf-8" {
		t.Errorf("ContentType() = %q", got)
	}
}

func TestStaticHTMLData(t *testing.T) {
	tests := []struct {
		data any
		want string
	}{
		{nil, ""},
		{"", ""},
		{"<b>x</b>", "<b>x</b>"},
		{template.HTML("<i>"), "<i>"},
		{[]byte("<p>"), "<p>"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := (render.StaticHTML{}).Render(&buf, tt.data, nil); err != nil || buf.String() != tt.want {
			t.Errorf("StaticHTML.Render(%#v) = %q, %v; want %q", tt.data, buf.String(), err, tt.want)
		}
	}
}

func TestErrorPageText(t *testing.T) {
	// spec §4.3.4, observed on DRF 3.14 / Python 3.11.
	tests := map[int]string{
		200: "200 Ok", 226: "226 Im Used", 400: "400 Bad Request", 403: "403 Forbidden",
		404: "404 Not Found", 405: "405 Method Not Allowed", 406: "406 Not Acceptable",
		414: "414 Request-Uri Too Long", 418: "418 I'M A Teapot", 429: "429 Too Many Requests",
		500: "500 Internal Server Error", 505: "505 Http Version Not Supported", 299: "299 ",
	}
	for code, want := range tests {
		if got := render.ErrorPageText(code); got != want {
			t.Errorf("ErrorPageText(%d) = %q; want %q", code, got, want)
		}
	}
}
