package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

// A view's constant headers are built once and given to every response
// without copying or allocating.
func ExampleNewFixedHeader() {
	allow, err := web.NewFixedHeader(http.Header{
		"Allow": {"GET, HEAD, OPTIONS"},
		"vary":  {"Accept"},
	})
	if err != nil {
		panic(err)
	}
	h := web.Handle(func(r *web.Request) (web.Response, error) {
		resp := web.NewHTTPResponse("hello")
		resp.SetFixedHeader(allow)
		return resp, nil
	}, &web.Settings{AllowedHosts: []string{"example.com"}})

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://example.com/", nil))
	fmt.Println(rec.Header().Get("Allow"))
	fmt.Println(rec.Header().Get("Vary"))
	fmt.Println(allow.Get("vary"))
	// Output:
	// GET, HEAD, OPTIONS
	// Accept
	// Accept
}
