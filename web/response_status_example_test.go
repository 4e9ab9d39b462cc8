package web_test

import (
	"fmt"

	"github.com/restframe/restframe/web"
)

func ExampleNewBadRequest() {
	show(web.NewBadRequest("Request data invalid."))
	// Output:
	// 400 Bad Request
	// Content-Length: 21
	// Content-Type: text/html; charset=utf-8
	//
	// Request data invalid.
}

func ExampleNewNotFound() {
	r := web.NewNotFound("<h1>Page not found</h1>")
	fmt.Println(r)
	// Output:
	// <HttpResponseNotFound status_code=404, "text/html; charset=utf-8">
}

func ExampleNewForbidden() {
	fmt.Println(web.NewForbidden("no"))
	// Output:
	// <HttpResponseForbidden status_code=403, "text/html; charset=utf-8">
}

func ExampleNewGone() {
	fmt.Println(web.NewGone(""))
	// Output:
	// <HttpResponseGone status_code=410, "text/html; charset=utf-8">
}

func ExampleNewServerError() {
	fmt.Println(web.NewServerError("<h1>Server Error (500)</h1>"))
	// Output:
	// <HttpResponseServerError status_code=500, "text/html; charset=utf-8">
}

func ExampleNewNotModified() {
	r := web.NewNotModified()
	fmt.Println(r)
	fmt.Println(r.SetText("x"))
	show(r)
	// Output:
	// <HttpResponseNotModified status_code=304>
	// web: you cannot set content to a 304 (Not Modified) response
	// 304 Not Modified
}

func ExampleNewNotAllowed() {
	r := web.NewNotAllowed("GET", "POST")
	fmt.Println(r)
	show(r)
	// Output:
	// <HttpResponseNotAllowed [GET, POST] status_code=405, "text/html; charset=utf-8">
	// 405 Method Not Allowed
	// Allow: GET, POST
	// Content-Length: 0
	// Content-Type: text/html; charset=utf-8
}

func ExampleReasonPhrase() {
	fmt.Println(web.ReasonPhrase(404))
	fmt.Println(web.ReasonPhrase(418))
	fmt.Printf("%q\n", web.ReasonPhrase(599))
	// Output:
	// Not Found
	// I'm a Teapot
	// ""
}
