package rest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
)

// show serves one request and prints the status, the headers that matter
// and the body.
func show(h http.Handler, method, target, accept string) {
	req := httptest.NewRequest(method, target, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), rec.Body)
}

// A function view: DRF's @api_view(["GET", "POST"]).
func ExampleAPIView() {
	hello := rest.APIView([]string{"GET", "POST"}, func(r *rest.Request) (*rest.Response, error) {
		return rest.NewResponse(map[string]any{"message": "Hello, " + r.Method() + "!"}, http.StatusOK), nil
	})
	show(hello, "GET", "/hello", "")
	show(hello, "POST", "/hello", "")
	show(hello, "PUT", "/hello", "")
	// Output:
	// 200 application/json {"message":"Hello, GET!"}
	// 200 application/json {"message":"Hello, POST!"}
	// 405 application/json {"detail":"Method \"PUT\" not allowed."}
}

// A method-struct view with two renderers: the client chooses with Accept,
// ?format= or a format suffix.
func ExampleView() {
	users := &rest.View{
		Name:      "User List",
		Renderers: []render.Renderer{render.JSON{}, render.PlainText{}},
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse([]string{"alice", "bob"}, http.StatusOK), nil
		},
	}
	h := rest.FormatSuffixHandler(users)
	show(h, "GET", "/users", "")
	show(h, "GET", "/users", "text/plain")
	show(h, "GET", "/users.txt", "")
	show(h, "GET", "/users?format=json", "application/json; indent=2")
	show(h, "GET", "/users", "image/png")
	// Output:
	// 200 application/json ["alice","bob"]
	// 200 text/plain; charset=utf-8 alice
	// bob
	// 200 text/plain; charset=utf-8 alice
	// bob
	// 200 application/json [
	//   "alice",
	//   "bob"
	// ]
	// 406 application/json {"detail":"Could not satisfy the request Accept header."}
}

// Handlers return errors; the exception handler renders them in the
// negotiated format with DRF's bodies. Other errors are a 500 that does not
// show them.
func ExampleView_errors() {
	snippets := map[string]string{"1": "print('hi')"}
	v := &rest.View{
		Get: func(r *rest.Request) (*rest.Response, error) {
			code, ok := snippets[r.PathValue("id")]
			if !ok {
				return nil, rest.NotFound("No such snippet.")
			}
			return rest.NewResponse(map[string]any{"code": code}, http.StatusOK), nil
		},
		Post: func(r *rest.Request) (*rest.Response, error) {
			return nil, rest.ValidationError(map[string]any{"code": []string{"This field is required."}})
		},
		Delete: func(r *rest.Request) (*rest.Response, error) {
			return nil, fmt.Errorf("database is down")
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/snippets/{id}", v)
	show(mux, "GET", "/snippets/1", "")
	show(mux, "GET", "/snippets/2", "")
	show(mux, "POST", "/snippets/1", "")
	req := httptest.NewRequest("DELETE", "/snippets/1", nil)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	fmt.Println(rec.Code, strings.Contains(rec.Body.String(), "database"))
	// Output:
	// 200 application/json {"code":"print('hi')"}
	// 404 application/json {"detail":"No such snippet."}
	// 400 application/json {"code":["This field is required."]}
	// 500 false
}

// OPTIONS answers the view's metadata.
func ExampleView_options() {
	v := &rest.View{Name: "Ping", Description: "Answers pong.", Get: func(*rest.Request) (*rest.Response, error) {
		return rest.NewResponse("pong", http.StatusOK), nil
	}}
	req := httptest.NewRequest("OPTIONS", "/ping", nil)
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, req)
	fmt.Println(rec.Header().Get("Allow"))
	fmt.Println(rec.Body)
	// Output:
	// GET, HEAD, OPTIONS
	// {"name":"Ping","description":"Answers pong.","renders":["application/json"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}
}

// DefaultSettings are DRF's defaults; change a copy and give it to views.
func ExampleDefaultSettings() {
	s := rest.DefaultSettings()
	s.Renderers = append(s.Renderers, render.PlainText{})
	v := &rest.View{Settings: s, Get: func(*rest.Request) (*rest.Response, error) {
		return rest.NewResponse("ok", http.StatusOK), nil
	}}
	req := httptest.NewRequest("GET", "/", nil)
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, req)
	fmt.Println(rec.Header().Get("Vary"), rec.Body)
	// Output: Accept "ok"
}
