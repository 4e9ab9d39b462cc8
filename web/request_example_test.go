package web_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleNewRequest() {
	req := httptest.NewRequest("GET", "/music/bands/the_beatles/?print=true", nil)
	r := web.NewRequest(req, &web.Settings{ScriptName: "/minfo"})
	fmt.Println(r)
	fmt.Println(r.Method(), r.Path(), r.PathInfo())
	fmt.Println(r.FullPath(false))
	fmt.Println(r.FullPathInfo(false))
	// Output:
	// <Request: GET '/minfo/music/bands/the_beatles/?print=true'>
	// GET /minfo/music/bands/the_beatles/ /music/bands/the_beatles/
	// /minfo/music/bands/the_beatles/?print=true
	// /music/bands/the_beatles/?print=true
}
