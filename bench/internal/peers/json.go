package peers

import (
	"context"
	"encoding/json"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
	"github.com/gofiber/fiber/v3"
	"github.com/labstack/echo/v5"
	rfrender "github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// Paths served by every JSON handler.
const (
	PathJSON  = "/json"  // the TechEmpower message
	PathItems = "/items" // the list of Items given to Handlers
	PathHTML  = "/html"  // the message negotiated against [JSON, HTML]
)

// Message is the TechEmpower JSON test's body: {"message":"Hello, World!"}.
type Message struct {
	Message string `json:"message"`
}

// Hello is the TechEmpower message.
const Hello = "Hello, World!"

// Owner is the nested struct of Item.
type Owner struct {
	ID       int64     `json:"id"`
	Username string    `json:"username"`
	JoinedAt time.Time `json:"joined_at"`
}

// Item is the element of BenchmarkJSONList: ten fields, a time and a nested
// struct among them.
type Item struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Active    bool      `json:"active"`
	Score     float64   `json:"score"`
	Rating    int       `json:"rating"`
	Tags      []string  `json:"tags"`
	CreatedAt time.Time `json:"created_at"`
	Owner     Owner     `json:"owner"`
	Note      string    `json:"note"`
}

// Items returns n deterministic Items.
func Items(n int) []Item {
	base := time.Date(2026, 1, 2, 3, 4, 5, 678000000, time.UTC)
	items := make([]Item, n)
	for i := range items {
		id := strconv.Itoa(i)
		items[i] = Item{
			ID:        int64(i + 1),
			Name:      "item " + id,
			Email:     "user" + id + "@example.com",
			Active:    i%2 == 0,
			Score:     float64(i) * 1.25,
			Rating:    i % 5,
			Tags:      []string{"alpha", "beta"},
			CreatedAt: base.Add(time.Duration(i) * time.Minute),
			Owner:     Owner{ID: int64(i%7 + 1), Username: "owner" + strconv.Itoa(i%7), JoinedAt: base},
			Note:      "a short note",
		}
	}
	return items
}

// Handler is one implementation of the JSON endpoints.
type Handler struct {
	// Name is the sub-benchmark and server name.
	Name string
	// Handler serves PathJSON and PathItems (and, where the framework
	// negotiates HTML, PathHTML).
	http.Handler
	// HTML reports whether Handler serves PathHTML.
	HTML bool
}

// htmlPage is the page of the negotiated HTML path (BenchmarkNegotiatedBrowser).
const htmlPage = `<!DOCTYPE html><html><head><title>{{.Message}}</title></head><body><h1>{{.Message}}</h1></body></html>`

// Handlers returns the http.Handler implementations of BenchmarkJSON and
// BenchmarkJSONList, each serving items at PathItems, in the order.
// Each is its framework's router with the routes registered the way its
// documentation shows.
//
// "restframe" is the budget entry: a full rest.View with [JSON,
// TemplateHTML] renderers served by web.Server.Handle, negotiating every
// request. "restframe-web" is the web layer alone (web.Handle +
// web.JSONResponse, Django's JsonResponse bytes), not the budget entry.
func Handlers(items []Item) []Handler {
	return []Handler{
		{Name: "nethttp", Handler: netHTTPHandler(items), HTML: true},
		{Name: "restframe", Handler: restHandler(items), HTML: true},
		{Name: "restframe-web", Handler: webHandler(items)},
		{Name: "gin", Handler: ginHandler(items)},
		{Name: "gin-negotiate", Handler: ginNegotiateHandler(items), HTML: true},
		{Name: "echo", Handler: echoHandler(items)},
		{Name: "chi", Handler: chiHandler(items)},
		{Name: "huma", Handler: humaHandler(items)},
	}
}

// netHTTPHandler is plain net/http + encoding/json, as TechEmpower's Go
// "std" entry writes it. PathHTML renders the page without negotiating:
// the floor for a negotiated HTML response.
func netHTTPHandler(items []Item) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+PathJSON, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(Message{Message: Hello})
	})
	mux.HandleFunc("GET "+PathItems, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(items)
	})
	tmpl := template.Must(template.New("page").Parse(htmlPage))
	mux.HandleFunc("GET "+PathHTML, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		tmpl.Execute(w, Message{Message: Hello})
	})
	return mux
}

// webHandler is restframe's web layer without the rest layer: Django's
// JsonResponse through the web.Handle adapter.
func webHandler(items []Item) http.Handler {
	settings := &web.Settings{AllowedHosts: []string{"example.com", "127.0.0.1", "localhost"}}
	srv := &web.Server{Settings: settings}
	mux := http.NewServeMux()
	mux.Handle("GET "+PathJSON, srv.Handle(func(*web.Request) (web.Response, error) {
		return web.NewJSONResponse(Message{Message: Hello})
	}))
	mux.Handle("GET "+PathItems, srv.Handle(func(*web.Request) (web.Response, error) {
		return web.NewJSONResponseWith(items, web.JSONOptions{AllowNonObject: true})
	}))
	return mux
}

// restHandler is restframe's negotiated view: each path is a rest.View
// with [JSON, TemplateHTML] renderers (DRF's APIView with
// renderer_classes = [JSONRenderer, TemplateHTMLRenderer]) served by
// web.Server.Handle; the data is rendered by the negotiated renderer. The
// handler makes its Response with Request.Respond, the documented way for
// a Response that does not outlive the request (rest.NewResponse costs one
// allocation more).
func restHandler(items []Item) http.Handler {
	html, err := rfrender.NewTemplateHTML(rfrender.TemplateHTMLConfig{
		Templates:    template.Must(template.New("page").Parse(htmlPage)),
		TemplateName: "page",
	})
	if err != nil {
		panic(err)
	}
	renderers := []rfrender.Renderer{rfrender.JSON{}, html}
	settings := &web.Settings{AllowedHosts: []string{"example.com", "127.0.0.1", "localhost"}}
	srv := &web.Server{Settings: settings}
	view := func(data any) http.Handler {
		return srv.Handle((&rest.View{
			Renderers: renderers,
			Get: func(r *rest.Request) (*rest.Response, error) {
				return r.Respond(data, http.StatusOK), nil
			},
		}).Handler())
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+PathJSON, view(Message{Message: Hello}))
	mux.Handle("GET "+PathItems, view(items))
	mux.Handle("GET "+PathHTML, view(Message{Message: Hello}))
	return mux
}

// ginHandler is gin's c.JSON, as TechEmpower's gin entry writes it.
func ginHandler(items []Item) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET(PathJSON, func(c *gin.Context) { c.JSON(http.StatusOK, Message{Message: Hello}) })
	r.GET(PathItems, func(c *gin.Context) { c.JSON(http.StatusOK, items) })
	return r
}

// ginNegotiateHandler is gin's content-negotiated path, c.Negotiate over
// [JSON, HTML]: the peer of restframe's negotiated view.
func ginNegotiateHandler(items []Item) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.SetHTMLTemplate(template.Must(template.New("page").Parse(htmlPage)))
	offered := []string{binding.MIMEJSON, binding.MIMEHTML}
	r.GET(PathJSON, func(c *gin.Context) {
		c.Negotiate(http.StatusOK, gin.Negotiate{Offered: offered, HTMLName: "page", Data: Message{Message: Hello}})
	})
	r.GET(PathItems, func(c *gin.Context) {
		c.Negotiate(http.StatusOK, gin.Negotiate{Offered: offered, HTMLName: "page", Data: items})
	})
	r.GET(PathHTML, func(c *gin.Context) {
		c.Negotiate(http.StatusOK, gin.Negotiate{Offered: offered, HTMLName: "page", Data: Message{Message: Hello}})
	})
	return r
}

// echoHandler is echo v5's c.JSON.
func echoHandler(items []Item) http.Handler {
	e := echo.New()
	e.GET(PathJSON, func(c *echo.Context) error { return c.JSON(http.StatusOK, Message{Message: Hello}) })
	e.GET(PathItems, func(c *echo.Context) error { return c.JSON(http.StatusOK, items) })
	return e
}

// chiHandler is chi with go-chi/render's render.JSON.
func chiHandler(items []Item) http.Handler {
	r := chi.NewRouter()
	r.Get(PathJSON, func(w http.ResponseWriter, r *http.Request) { render.JSON(w, r, Message{Message: Hello}) })
	r.Get(PathItems, func(w http.ResponseWriter, r *http.Request) { render.JSON(w, r, items) })
	return r
}

type humaMessage struct {
	Body Message
}

type humaItems struct {
	Body []Item
}

// humaHandler is huma v2 on http.ServeMux (humago), which negotiates the
// response format from Accept. The default config's schema-link
// transformer (a Link header and a "$schema" member in every body) is
// removed so the body is the same as the others'.
func humaHandler(items []Item) http.Handler {
	mux := http.NewServeMux()
	config := huma.DefaultConfig("bench", "1.0.0")
	config.CreateHooks = nil
	api := humago.New(mux, config)
	huma.Get(api, PathJSON, func(context.Context, *struct{}) (*humaMessage, error) {
		return &humaMessage{Body: Message{Message: Hello}}, nil
	})
	huma.Get(api, PathItems, func(context.Context, *struct{}) (*humaItems, error) {
		return &humaItems{Body: items}, nil
	})
	return mux
}

// Fiber returns fiber v3's app serving PathJSON and PathItems with c.JSON
// (throughput test only: fiber is not an http.Handler).
func Fiber(items []Item) *fiber.App {
	app := fiber.New()
	app.Get(PathJSON, func(c fiber.Ctx) error { return c.JSON(Message{Message: Hello}) })
	app.Get(PathItems, func(c fiber.Ctx) error { return c.JSON(items) })
	return app
}
