package web_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleRequest_Headers() {
	req := httptest.NewRequest("GET", "http://example.com/", nil)
	req.Header.Set("User-Agent", "Mozilla/5.0")
	req.Header.Set("X-Custom-Header", "v1")
	h := web.NewRequest(req, nil).Headers()
	fmt.Println(h.Get("user-agent"))
	fmt.Println(h.Get("X_Custom_Header"))
	fmt.Println(h.Has("HOST"), h.Has("Accept"))
	for name, value := range h.All() {
		fmt.Printf("%s: %s\n", name, value)
	}
	// Output:
	// Mozilla/5.0
	// v1
	// true false
	// Host: example.com
	// User-Agent: Mozilla/5.0
	// X-Custom-Header: v1
}

func ExampleRequest_Meta() {
	req := httptest.NewRequest("POST", "http://example.com/submit?a=1", nil)
	req.Header.Set("X-Bender", "bite")
	req.Header.Set("Content-Type", "text/plain")
	meta := web.NewRequest(req, nil).Meta()
	for _, k := range []string{"REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "HTTP_HOST", "HTTP_X_BENDER", "CONTENT_TYPE", "REMOTE_ADDR"} {
		fmt.Printf("%s=%s\n", k, meta[k])
	}
	// Output:
	// REQUEST_METHOD=POST
	// PATH_INFO=/submit
	// QUERY_STRING=a=1
	// HTTP_HOST=example.com
	// HTTP_X_BENDER=bite
	// CONTENT_TYPE=text/plain
	// REMOTE_ADDR=192.0.2.1
}
