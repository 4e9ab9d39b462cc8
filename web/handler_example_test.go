package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

// Chain composes middleware; the first listed is the outermost.
func ExampleChain() {
	trace := func(name string) web.Middleware {
		return func(next web.Handler) web.Handler {
			return func(r *web.Request) (web.Response, error) {
				fmt.Println("enter", name)
				resp, err := next(r)
				fmt.Println("leave", name)
				return resp, err
			}
		}
	}
	h := web.Chain(trace("outer"), trace("inner"))(func(*web.Request) (web.Response, error) {
		fmt.Println("view")
		return web.NewHTTPResponse("ok"), nil
	})
	resp, err := h(web.NewRequest(httptest.NewRequest("GET", "/", nil), nil))
	fmt.Println(resp.Base().Status(), err)
	// Output:
	// enter outer
	// enter inner
	// view
	// leave inner
	// leave outer
	// 200 <nil>
}

// A standard net/http middleware inside the chain.
func ExampleFromHTTP() {
	cors := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
			if r.Method == http.MethodOptions {
				w.WriteHeader(http.StatusNoContent) // a preflight: next is not called
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	srv := &web.Server{Middleware: []web.Middleware{web.FromHTTP(cors)}}
	h := srv.Handle(func(*web.Request) (web.Response, error) {
		return web.NewHTTPResponse(`{"id": 1}`), nil
	})
	for _, method := range []string{"OPTIONS", "GET"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, "/api/items/1", nil))
		fmt.Printf("%s %d %s %q\n", method, rec.Code, rec.Header().Get("Access-Control-Allow-Origin"), rec.Body)
	}
	// Output:
	// OPTIONS 204 https://app.example.com ""
	// GET 200 https://app.example.com "{\"id\": 1}"
}
