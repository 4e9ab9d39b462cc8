package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"iter"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/restframe/restframe/web"
)

// app holds the demo's state and settings.
type app struct {
	store    *store
	settings *web.Settings
	server   *web.Server
	pages    *template.Template
}

func newApp(st *store, settings *web.Settings, logger *slog.Logger) *app {
	return &app{
		store:    st,
		settings: settings,
		server: &web.Server{
			Settings: settings,
			Logger:   logger,
			Middleware: []web.Middleware{
				web.SecurityHeaders(web.SecurityOptions{}),
				web.HostValidation(),
				(&web.CrossOriginProtection{}).Handler,
				web.Sessions(web.SessionOptions{}),
			},
		},
		pages: template.Must(template.New("index").Parse(indexHTML)),
	}
}

// routes returns the demo's URL table on an http.ServeMux.
func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	h := a.server.Handle
	mux.Handle("GET /{$}", h(a.index))
	mux.Handle("GET /snippets/{$}", h(a.list))
	mux.Handle("POST /snippets/{$}", h(a.create))
	mux.Handle("GET /snippets/{id}/{$}", h(a.detail))
	mux.Handle("DELETE /snippets/{id}/{$}", h(a.remove))
	mux.Handle("GET /snippets/{id}/raw", h(a.raw))
	mux.Handle("GET /events", h(a.events))
	return mux
}

// index renders the HTML page and counts the visitor's visits in the session.
func (a *app) index(r *web.Request) (web.Response, error) {
	s := r.Session()
	visits, _ := s.GetInt("visits")
	visits++
	s.Set("visits", visits)
	flash, _ := s.GetString("flash")
	s.Delete("flash")
	return a.page(http.StatusOK, pageData{Snippets: a.store.list(), Visits: visits, Flash: flash})
}

type pageData struct {
	Snippets []Snippet
	Visits   int64
	Flash    string
	Errors   []string
	Form     map[string]string
}

func (a *app) page(status int, d pageData) (web.Response, error) {
	var buf bytes.Buffer
	if err := a.pages.Execute(&buf, d); err != nil {
		return nil, err
	}
	return web.NewHTTPResponseWith(buf.Bytes(), web.ResponseOptions{Status: status})
}

// list answers the snippet list as HTML to browsers and JSON to API
// clients (Django's request.get_preferred_type).
func (a *app) list(r *web.Request) (web.Response, error) {
	snippets := a.store.list()
	if t, _ := r.PreferredType("application/json", "text/html"); t == "text/html" {
		return a.page(http.StatusOK, pageData{Snippets: snippets})
	}
	resp, err := web.NewJSONResponse(map[string]any{"count": len(snippets), "results": snippets})
	if err != nil {
		return nil, err
	}
	web.PatchVaryHeaders(resp.Header(), "Accept")
	return resp, nil
}

// create reads the form (a QueryDict) and redirects back to the index.
func (a *app) create(r *web.Request) (web.Response, error) {
	form, err := r.Form()
	if err != nil {
		return nil, err // limits and malformed bodies: 400/413
	}
	title, _ := form.Get("title")
	code, _ := form.Get("code")
	lang, _ := form.Get("language")
	title, code, lang = strings.TrimSpace(title), strings.TrimSpace(code), strings.TrimSpace(lang)
	var problems []string
	if title == "" {
		problems = append(problems, "title: This field is required.")
	}
	if code == "" {
		problems = append(problems, "code: This field is required.")
	}
	if len(title) > 100 {
		problems = append(problems, "title: Ensure this field has no more than 100 characters.")
	}
	if problems != nil {
		return a.page(http.StatusBadRequest, pageData{
			Snippets: a.store.list(),
			Errors:   problems,
			Form:     map[string]string{"title": title, "code": code, "language": lang},
		})
	}
	if lang == "" {
		lang = "text"
	}
	sn := a.store.add(Snippet{Title: title, Code: code, Language: lang, Created: time.Now().UTC()})
	r.Session().Set("flash", fmt.Sprintf("Created snippet %d.", sn.ID))
	return web.NewRedirect("/")
}

func (a *app) lookup(r *web.Request) (Snippet, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		return Snippet{}, web.ErrNotFound
	}
	sn, ok := a.store.get(id)
	if !ok {
		return Snippet{}, web.ErrNotFound
	}
	return sn, nil
}

func (a *app) detail(r *web.Request) (web.Response, error) {
	sn, err := a.lookup(r)
	if err != nil {
		return nil, err
	}
	return web.NewJSONResponse(sn)
}

func (a *app) remove(r *web.Request) (web.Response, error) {
	sn, err := a.lookup(r)
	if err != nil {
		return nil, err
	}
	a.store.delete(sn.ID)
	return web.NewHTTPResponseWith("", web.ResponseOptions{Status: http.StatusNoContent})
}

// raw serves the code as a file: Range requests, conditional GET and
// ?download=1 for an attachment.
func (a *app) raw(r *web.Request) (web.Response, error) {
	sn, err := a.lookup(r)
	if err != nil {
		return nil, err
	}
	q, err := r.Query()
	if err != nil {
		return nil, err
	}
	_, download := q.Get("download")
	resp := web.NewFileResponseWith(strings.NewReader(sn.Code), web.FileOptions{
		Filename:     sn.Title + extension(sn.Language),
		AsAttachment: download,
		ContentType:  "text/plain; charset=utf-8",
	})
	resp.ModTime = sn.Created
	return resp, nil
}

// events streams a clock as server-sent events, one per second, ten in all.
func (a *app) events(r *web.Request) (web.Response, error) {
	ctx := r.HTTP().Context()
	var seq iter.Seq[web.Event] = func(yield func(web.Event) bool) {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for i := 1; i <= 10; i++ {
			ev := web.Event{ID: strconv.Itoa(i), Event: "tick", Data: time.Now().UTC().Format(time.RFC3339)}
			if !yield(ev) {
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}
	return web.NewSSE(seq), nil
}

func extension(lang string) string {
	switch lang {
	case "go":
		return ".go"
	case "python":
		return ".py"
	case "javascript":
		return ".js"
	}
	return ".txt"
}

func randomKey() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

const indexHTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>restframe snippets</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}
pre{background:#f4f4f4;padding:.5rem;overflow:auto}.err{color:#b00}.flash{color:#070}</style></head>
<body>
<h1>Snippets</h1>
{{if .Visits}}<p>Visits this session: {{.Visits}}</p>{{end}}
{{with .Flash}}<p class="flash">{{.}}</p>{{end}}
{{range .Snippets}}
<article><h2>{{.Title}} <small>({{.Language}})</small></h2>
<pre><code>{{.Code}}</code></pre>
<p><a href="/snippets/{{.ID}}/">JSON</a> · <a href="/snippets/{{.ID}}/raw">raw</a> · <a href="/snippets/{{.ID}}/raw?download=1">download</a></p>
</article>
{{else}}<p>No snippets yet.</p>{{end}}
<h2>New snippet</h2>
{{range .Errors}}<p class="err">{{.}}</p>{{end}}
<form method="post" action="/snippets/">
<p><label>Title <input name="title" value="{{index .Form "title"}}"></label></p>
<p><label>Language <input name="language" value="{{index .Form "language"}}"></label></p>
<p><label>Code<br><textarea name="code" rows="6" cols="60">{{index .Form "code"}}</textarea></label></p>
<p><button>Save</button></p>
</form>
<p>API: <a href="/snippets/">/snippets/</a> (JSON for API clients, this page for browsers) · <a href="/events">/events</a> (server-sent events)</p>
</body></html>
`
