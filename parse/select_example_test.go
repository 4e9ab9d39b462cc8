package parse_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

func ExampleSelect() {
	parsers := parse.Defaults() // JSON, Form, MultiPart
	for _, ct := range []string{
		"application/json; charset=utf-8",
		"APPLICATION/JSON",
		"multipart/form-data; boundary=x",
		"application/vnd.api+json",
		"",
	} {
		p, err := parse.Select(parsers, ct)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p.MediaType())
	}
	// Output:
	// application/json
	// application/json
	// multipart/form-data
	// parse: Unsupported media type "application/vnd.api+json" in request.
	// parse: Unsupported media type "" in request.
}

// ExampleBody is what a view does with DRF's request.data: parse with the
// view's parsers and switch on what came back.
func ExampleBody() {
	requests := []struct{ ct, body string }{
		{"application/json", `{"id": 1}`},
		{"application/x-www-form-urlencoded", "id=1"},
		{"application/json", ""}, // no body: empty data, not an error
		{"text/plain", "id=1"},
	}
	for _, req := range requests {
		hr := httptest.NewRequest("POST", "/", strings.NewReader(req.body))
		hr.Header.Set("Content-Type", req.ct)
		r := web.NewRequest(hr, nil)

		data, err := parse.Body(r, parse.Defaults())
		switch data := data.(type) {
		case map[string]any:
			fmt.Println("json:", data)
		case web.QueryDict:
			fmt.Println("form:", data)
		case parse.Data:
			fmt.Println("multipart:", data.Fields, data.Files.Len())
		default:
			fmt.Println(web.StatusOf(err), err)
		}
	}
	// Output:
	// json: map[id:1]
	// form: <QueryDict: {'id': ['1']}>
	// json: map[]
	// 415 parse: Unsupported media type "text/plain" in request.
}

func ExampleIsFormMediaType() {
	fmt.Println(parse.IsFormMediaType("multipart/form-data; boundary=x"))
	fmt.Println(parse.IsFormMediaType("application/json"))
	// Output:
	// true
	// false
}
