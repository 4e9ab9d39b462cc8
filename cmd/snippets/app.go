package main

import (
	"crypto/rand"
	"embed"
	"encoding/hex"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// templateFiles are the HTML pages of the API (render.TemplateHTML): one
// template per view, and the error pages 404.html and api_exception.html
// that DRF's TemplateHTMLRenderer looks for.
//
//go:embed templates/*.html
var templateFiles embed.FS

// options configure the demo; the zero value of each field is usable.
type options struct {
	// Web are Django's settings (allowed hosts, DEBUG, the secret key of
	// the session cookies). If nil, the zero web.Settings, which allow no
	// host.
	Web *web.Settings
	// Logger receives the server's errors. If nil, slog.Default().
	Logger *slog.Logger
	// ProblemDetails answers errors as RFC 9457 problem details
	// (rest.ProblemDetailsHandler) instead of DRF's {"detail": ...}.
	ProblemDetails bool
	// Now is the clock that dates new snippets. If nil, time.Now.
	Now func() time.Time
}

// app holds the demo's state, its API settings and its renderers.
type app struct {
	store  *store
	now    func() time.Time
	server *web.Server
	// api are the REST_FRAMEWORK settings shared by every view: JSON first
	// (what curl and API clients get for "Accept: */*"), then the HTML
	// pages (what browsers get: they ask for text/html by name).
	api *rest.Settings
}

func newApp(st *store, opts options) (*app, error) {
	pages, err := fs.Sub(templateFiles, "templates")
	if err != nil {
		return nil, err
	}
	html, err := render.NewTemplateHTML(render.TemplateHTMLConfig{FS: pages})
	if err != nil {
		return nil, err
	}
	api := &rest.Settings{Renderers: []render.Renderer{render.JSON{}, html}}
	if opts.ProblemDetails {
		api.ExceptionHandler = rest.ProblemDetailsHandler
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &app{
		store: st,
		now:   now,
		api:   api,
		server: &web.Server{
			Settings: opts.Web,
			Logger:   opts.Logger,
			Middleware: []web.Middleware{
				web.SecurityHeaders(web.SecurityOptions{}),
				web.HostValidation(),
				(&web.CrossOriginProtection{}).Handler,
				web.Sessions(web.SessionOptions{}),
			},
		},
	}, nil
}

// routes returns the demo's URL table: an http.ServeMux behind the format
// suffix wrapper, so that "/snippets.json" and "/snippets/1.json" reach
// "/snippets/" and "/snippets/1/" with the format "json" (DRF's
// format_suffix_patterns). The API views route on the path alone and
// answer every method themselves: 405 with Allow, OPTIONS, HEAD.
func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	h := a.server.Handle
	mux.Handle("/{$}", h(a.rootView().Handler()))
	mux.Handle("/snippets/{$}", h(a.listView().Handler()))
	mux.Handle("/snippets/{id}/{$}", h(a.detailView().Handler()))
	mux.Handle("GET /snippets/{id}/raw", h(a.raw))
	mux.Handle("GET /events", h(a.events))
	return rest.FormatSuffix{AppendSlash: true}.Handler(mux)
}

// page is the data of the HTML templates. The JSON renderer never sees
// it: the views build it only when the HTML renderer was negotiated.
type page struct {
	Root      string // the site's absolute URL, for the curl lines
	Flash     string // a one-time message kept in the session
	Visits    int64  // visits of the home page in this session
	Snippets  []Snippet
	Snippet   Snippet
	Errors    []string          // "field: message" lines of an invalid form
	Form      map[string]string // the form's values
	Languages []string          // the choices of the language field
}

// wantsHTML reports whether content negotiation chose the HTML pages for
// this request (DRF's request.accepted_renderer.format == "html").
func wantsHTML(r *rest.Request) bool {
	rd := r.AcceptedRenderer()
	return rd != nil && rd.Info().Format == "html"
}

// popFlash returns the session's one-time message and removes it.
func popFlash(r *rest.Request) string {
	s := r.Session()
	flash, _ := s.GetString("flash")
	if flash != "" {
		s.Delete("flash")
	}
	return flash
}

// rootView is DRF's api_root: the links of the API as JSON, the home page
// as HTML.
func (a *app) rootView() *rest.View {
	return &rest.View{
		Name:          "Api Root",
		Description:   "The entry point of the snippets API.",
		Settings:      a.api,
		TemplateNames: []string{"index.html"},
		Get:           a.root,
	}
}

func (a *app) root(r *rest.Request) (*rest.Response, error) {
	snippets, err := r.AbsoluteURI("/snippets/")
	if err != nil {
		return nil, err
	}
	if !wantsHTML(r) {
		events, err := r.AbsoluteURI("/events")
		if err != nil {
			return nil, err
		}
		links := web.JSONObject{{Key: "snippets", Value: snippets}, {Key: "events", Value: events}}
		return rest.NewResponse(links, http.StatusOK), nil
	}
	s := r.Session()
	visits, _ := s.GetInt("visits")
	visits++
	s.Set("visits", visits)
	return rest.NewResponse(&page{
		Root:   strings.TrimSuffix(snippets, "snippets/"),
		Flash:  popFlash(r),
		Visits: visits,
	}, http.StatusOK), nil
}

// listView is the list and create endpoint (DRF's ListCreateAPIView).
func (a *app) listView() *rest.View {
	return &rest.View{
		Name: "Snippet List",
		Description: `All snippets, oldest first.

POST a JSON object or a form with title, code and language to add one.`,
		Settings:      a.api,
		TemplateNames: []string{"snippet_list.html"},
		Get:           a.list,
		Post:          a.create,
	}
}

func (a *app) list(r *rest.Request) (*rest.Response, error) {
	snippets := a.store.list()
	if wantsHTML(r) {
		return rest.NewResponse(&page{
			Snippets:  snippets,
			Flash:     popFlash(r),
			Form:      map[string]string{"language": defaultLanguage},
			Languages: languages,
		}, http.StatusOK), nil
	}
	return rest.NewResponse(web.JSONObject{
		{Key: "count", Value: len(snippets)},
		{Key: "results", Value: snippets},
	}, http.StatusOK), nil
}

// create adds a snippet from a JSON or form body: 201 with the snippet and
// its Location for API clients; for a browser's form, a redirect to the new
// snippet (Post/Redirect/Get) or the form again with its errors.
func (a *app) create(r *rest.Request) (*rest.Response, error) {
	data, err := r.Data()
	if err != nil {
		return nil, err // 400 malformed, 413 too large, 415 unsupported
	}
	in, errs := validateSnippet(data, false)
	if errs != nil {
		if wantsHTML(r) {
			return rest.NewResponse(&page{
				Snippets:  a.store.list(),
				Errors:    errorLines(errs),
				Form:      formValues(data),
				Languages: languages,
			}, http.StatusBadRequest), nil
		}
		return nil, rest.ValidationError(errs)
	}
	sn := Snippet{Created: a.now().UTC()}
	in.apply(&sn)
	sn = a.store.add(sn)
	location := snippetPath(sn.ID)
	if wantsHTML(r) {
		r.Session().Set("flash", "Created snippet "+strconv.Itoa(sn.ID)+".")
		resp := rest.NewResponse(&page{Snippet: sn}, http.StatusSeeOther)
		resp.TemplateName = "snippet_detail.html"
		resp.Header().Set("Location", location)
		return resp, nil
	}
	resp := rest.NewResponse(sn, http.StatusCreated)
	resp.Header().Set("Location", location)
	return resp, nil
}

// formValues are the submitted fields, to fill the form in again.
func formValues(data any) map[string]string {
	var q web.QueryDict
	switch d := data.(type) {
	case web.QueryDict:
		q = d
	case parse.Data:
		q = d.Fields
	default:
		return nil
	}
	values := make(map[string]string, 3)
	for _, name := range []string{"title", "code", "language"} {
		values[name], _ = q.Get(name)
	}
	return values
}

// detailView is the retrieve, update and delete endpoint (DRF's
// RetrieveUpdateDestroyAPIView).
func (a *app) detailView() *rest.View {
	return &rest.View{
		Name: "Snippet Detail",
		Description: `One snippet.

PUT replaces its title, code and language; PATCH changes the fields it names.`,
		Settings:      a.api,
		TemplateNames: []string{"snippet_detail.html"},
		Get:           a.retrieve,
		Put:           a.update(false),
		Patch:         a.update(true),
		Delete:        a.destroy,
	}
}

func snippetPath(id int) string { return "/snippets/" + strconv.Itoa(id) + "/" }

// snippetID reads the id of the URL; one that is not a number is a 404,
// as Django's <int:pk> converter does not match it.
func snippetID(r *rest.Request) (int, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil || id < 1 {
		return 0, rest.NotFound()
	}
	return id, nil
}

// lookup is DRF's get_object: the snippet of the URL, or NotFound.
func (a *app) lookup(r *rest.Request) (Snippet, error) {
	id, err := snippetID(r)
	if err != nil {
		return Snippet{}, err
	}
	sn, ok := a.store.get(id)
	if !ok {
		return Snippet{}, rest.NotFound()
	}
	return sn, nil
}

// detail answers one snippet: its JSON, or its page.
func detail(r *rest.Request, sn Snippet) *rest.Response {
	if wantsHTML(r) {
		return rest.NewResponse(&page{Snippet: sn, Flash: popFlash(r)}, http.StatusOK)
	}
	return rest.NewResponse(sn, http.StatusOK)
}

func (a *app) retrieve(r *rest.Request) (*rest.Response, error) {
	sn, err := a.lookup(r)
	if err != nil {
		return nil, err
	}
	return detail(r, sn), nil
}

// update is PUT (every field required) or, with partial, PATCH. As in
// DRF the snippet is looked up before the body is read: a missing snippet
// is a 404 whatever the body.
func (a *app) update(partial bool) rest.Handler {
	return func(r *rest.Request) (*rest.Response, error) {
		sn, err := a.lookup(r)
		if err != nil {
			return nil, err
		}
		data, err := r.Data()
		if err != nil {
			return nil, err
		}
		in, errs := validateSnippet(data, partial)
		if errs != nil {
			return nil, rest.ValidationError(errs)
		}
		sn, ok := a.store.update(sn.ID, in.apply)
		if !ok { // deleted meanwhile
			return nil, rest.NotFound()
		}
		return detail(r, sn), nil
	}
}

func (a *app) destroy(r *rest.Request) (*rest.Response, error) {
	id, err := snippetID(r)
	if err != nil {
		return nil, err
	}
	if !a.store.delete(id) {
		return nil, rest.NotFound()
	}
	return rest.NewResponse(nil, http.StatusNoContent), nil
}

// raw serves the code as a file with the web layer's FileResponse: Range
// requests, conditional GET and ?download=1 for an attachment.
func (a *app) raw(r *web.Request) (web.Response, error) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		return nil, web.ErrNotFound
	}
	sn, ok := a.store.get(id)
	if !ok {
		return nil, web.ErrNotFound
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
			ev := web.Event{ID: strconv.Itoa(i), Event: "tick", Data: a.now().UTC().Format(time.RFC3339)}
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
	case "rust":
		return ".rs"
	case "sql":
		return ".sql"
	}
	return ".txt"
}

func randomKey() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
