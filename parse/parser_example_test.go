package parse_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// ExampleFunc writes a plain-text parser and puts it after DRF's defaults.
func ExampleFunc() {
	text := parse.Func{Type: "text/plain", Fn: func(r *web.Request, _ string) (any, error) {
		b, err := r.Body()
		return string(b), err
	}}
	parsers := append(parse.Defaults(), text)

	hr := httptest.NewRequest("POST", "/", strings.NewReader("hello"))
	hr.Header.Set("Content-Type", "text/plain; charset=utf-8")
	data, err := parse.Body(web.NewRequest(hr, nil), parsers)
	fmt.Printf("%q %v\n", data, err)
	// Output: "hello" <nil>
}

func ExampleDefaults() {
	for _, p := range parse.Defaults() {
		fmt.Println(p.MediaType())
	}
	// Output:
	// application/json
	// application/x-www-form-urlencoded
	// multipart/form-data
}
