package rest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// exServe sends one request to h through httptest and prints the status and
// the Content-Type on one line, then the body if there is one; accept and
// contentType are sent when not empty.
func exServe(h http.Handler, method, target, accept, contentType, body string) {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(strings.TrimSpace(strconv.Itoa(rec.Code) + " " + rec.Header().Get("Content-Type")))
	if body := strings.TrimSpace(rec.Body.String()); body != "" {
		fmt.Println(body)
	}
}

// A function view is DRF's @api_view: one handler for the methods listed.
// Request.Data parses the body with the view's parsers (JSON, form and
// multipart by default); a malformed body is a 400 in DRF's words and a
// method not listed a 405.
func Example_functionView() {
	greet := rest.APIView([]string{"GET", "POST"}, func(r *rest.Request) (*rest.Response, error) {
		if r.Method() == http.MethodGet {
			return rest.NewResponse(map[string]any{"message": "Hello, world!"}, http.StatusOK), nil
		}
		data, err := r.Data()
		if err != nil {
			return nil, err // 400, 413 or 415
		}
		body, ok := data.(map[string]any) // a JSON object
		if !ok {
			return nil, rest.ValidationError("Send a JSON object.")
		}
		return rest.NewResponse(map[string]any{"message": fmt.Sprintf("Hello, %v!", body["name"])}, http.StatusCreated), nil
	})

	exServe(greet, "GET", "/greet", "", "", "")
	exServe(greet, "POST", "/greet", "", "application/json", `{"name": "Gopher"}`)
	exServe(greet, "POST", "/greet", "", "application/json", `{"name": `)
	exServe(greet, "POST", "/greet", "", "application/x-www-form-urlencoded", "name=Gopher")
	exServe(greet, "DELETE", "/greet", "", "", "")
	// Output:
	// 200 application/json
	// {"message":"Hello, world!"}
	// 201 application/json
	// {"message":"Hello, Gopher!"}
	// 400 application/json
	// {"detail":"JSON parse error - Expecting value: line 1 column 10 (char 9)"}
	// 400 application/json
	// ["Send a JSON object."]
	// 405 application/json
	// {"detail":"Method \"DELETE\" not allowed."}
}

// exTodos is a tiny concurrency-safe store for the struct view example.
type exTodos struct {
	mu    sync.Mutex
	items []string
}

// A struct view is DRF's APIView: one handler per method. The Allow header
// lists the methods that have one, OPTIONS answers the view's metadata and
// HEAD is answered by Get.
func Example_structView() {
	todos := &exTodos{items: []string{"write docs"}}
	v := &rest.View{
		Name:        "Todo List",
		Description: "The things to do.",
		Get: func(r *rest.Request) (*rest.Response, error) {
			todos.mu.Lock()
			defer todos.mu.Unlock()
			return rest.NewResponse(append([]string{}, todos.items...), http.StatusOK), nil
		},
		Post: func(r *rest.Request) (*rest.Response, error) {
			data, err := r.Data()
			if err != nil {
				return nil, err
			}
			form, _ := data.(web.QueryDict) // a urlencoded form
			item, _ := form.Get("item")
			if item == "" {
				return nil, rest.ValidationError(map[string]any{"item": []string{"This field is required."}})
			}
			todos.mu.Lock()
			todos.items = append(todos.items, item)
			n := len(todos.items)
			todos.mu.Unlock()
			resp := rest.NewResponse(item, http.StatusCreated)
			resp.Header().Set("Location", "/todos/"+strconv.Itoa(n))
			return resp, nil
		},
		Delete: func(r *rest.Request) (*rest.Response, error) {
			todos.mu.Lock()
			todos.items = nil
			todos.mu.Unlock()
			return rest.NewResponse(nil, http.StatusNoContent), nil
		},
	}
	const form = "application/x-www-form-urlencoded"
	exServe(v, "POST", "/todos", "", form, "item=test+it")
	exServe(v, "POST", "/todos", "", form, "")
	exServe(v, "GET", "/todos", "", "", "")
	exServe(v, "PUT", "/todos", "", "", "")
	exServe(v, "DELETE", "/todos", "", "", "")
	exServe(v, "GET", "/todos", "", "", "")

	req := httptest.NewRequest("OPTIONS", "/todos", nil)
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Allow"))
	fmt.Println(rec.Body)
	// Output:
	// 201 application/json
	// "test it"
	// 400 application/json
	// {"item":["This field is required."]}
	// 200 application/json
	// ["write docs","test it"]
	// 405 application/json
	// {"detail":"Method \"PUT\" not allowed."}
	// 204
	// 200 application/json
	// []
	// 200 GET, POST, DELETE, HEAD, OPTIONS
	// {"name":"Todo List","description":"The things to do.","renders":["application/json"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}
}

// A template view serves HTML pages from the same endpoint as the JSON API:
// TemplateHTML renders the response data with the view's template, and its
// error pages ({status}.html, then api_exception.html) with the error data.
// Browsers ask for text/html; API clients get the first renderer, JSON.
// In a real program the templates come from an embed.FS.
func Example_templateView() {
	pages, err := render.NewTemplateHTML(render.TemplateHTMLConfig{FS: fstest.MapFS{
		"user_detail.html": {Data: []byte(`<h1>{{.name}}</h1><p>{{.bio}}</p>`)},
		"404.html":         {Data: []byte(`<h1>Nobody here</h1><p>{{.detail}}</p>`)},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	users := map[string]map[string]string{"alice": {"name": "Alice", "bio": "Writes <Go>."}}
	v := &rest.View{
		Renderers:     []render.Renderer{render.JSON{}, pages},
		TemplateNames: []string{"user_detail.html"},
		Get: func(r *rest.Request) (*rest.Response, error) {
			u, ok := users[r.PathValue("name")]
			if !ok {
				return nil, rest.NotFound()
			}
			return rest.NewResponse(u, http.StatusOK), nil
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/users/{name}", v)
	h := rest.FormatSuffixHandler(mux, "json", "html")

	exServe(h, "GET", "/users/alice", "", "", "")
	exServe(h, "GET", "/users/alice", "text/html,application/xhtml+xml,*/*;q=0.8", "", "")
	exServe(h, "GET", "/users/alice?format=html", "", "", "")
	exServe(h, "GET", "/users/alice.json", "", "", "")
	exServe(h, "GET", "/users/bob.html", "", "", "")
	// Output:
	// 200 application/json
	// {"bio":"Writes <Go>.","name":"Alice"}
	// 200 text/html; charset=utf-8
	// <h1>Alice</h1><p>Writes &lt;Go&gt;.</p>
	// 200 text/html; charset=utf-8
	// <h1>Alice</h1><p>Writes &lt;Go&gt;.</p>
	// 200 application/json
	// {"bio":"Writes <Go>.","name":"Alice"}
	// 404 text/html; charset=utf-8
	// <h1>Nobody here</h1><p>Not found.</p>
}
