package web_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleRequest_AbsoluteURI() {
	req := httptest.NewRequest("GET", "https://example.com/music/bands/the_beatles/?print=true", nil)
	r := web.NewRequest(req, &web.Settings{AllowedHosts: []string{"example.com"}})
	for _, location := range []string{"", "/bands/", "../", "?page=2", "https://example2.com/bands/", "/café"} {
		uri, err := r.AbsoluteURI(location)
		fmt.Println(uri, err)
	}
	// Output:
	// https://example.com/music/bands/the_beatles/?print=true <nil>
	// https://example.com/bands/ <nil>
	// https://example.com/music/bands/ <nil>
	// https://example.com/music/bands/the_beatles/?page=2 <nil>
	// https://example2.com/bands/ <nil>
	// https://example.com/caf%C3%A9 <nil>
}

func ExampleRequest_FullPath() {
	req := httptest.NewRequest("GET", "/caf%C3%A9%20x/%3Bp?q=%E2%98%83", nil)
	r := web.NewRequest(req, nil)
	fmt.Println(r.PathInfo())
	fmt.Println(r.FullPath(false))
	fmt.Println(r.FullPath(true))
	// Output:
	// /café x/;p
	// /caf%C3%A9%20x/%3Bp?q=%E2%98%83
	// /caf%C3%A9%20x/%3Bp/?q=%E2%98%83
}
