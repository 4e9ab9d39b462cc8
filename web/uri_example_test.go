package web_test

import (
	"fmt"

	"github.com/restframe/restframe/web"
)

func ExampleIRIToURI() {
	fmt.Println(web.IRIToURI("/I ♥ Django/?q=é&r=%20#top"))
	// Output: /I%20%E2%99%A5%20Django/?q=%C3%A9&r=%20#top
}

func ExampleURIToIRI() {
	fmt.Println(web.URIToIRI("/I%20%E2%99%A5%20Django/%FF"))
	// Output: /I%20♥%20Django/%FF
}

func ExampleEscapeURIPath() {
	fmt.Println(web.EscapeURIPath("/café/a b;c=d?e#f"))
	// Output: /caf%C3%A9/a%20b%3Bc%3Dd%3Fe%23f
}

// Which one to pick: EscapeURIPath for a raw path (it escapes "%", "?" and
// "#"), IRIToURI for a whole URL or a path that may already be escaped.
func Example_uriWhichOne() {
	path := "/100% ☃?/"
	fmt.Println(web.EscapeURIPath(path))
	fmt.Println(web.IRIToURI("http://example.com/a%20b/☃?q=☃"))
	// Output:
	// /100%25%20%E2%98%83%3F/
	// http://example.com/a%20b/%E2%98%83?q=%E2%98%83
}
