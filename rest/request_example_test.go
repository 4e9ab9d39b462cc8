package rest_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// A Request outside a view, as a test builds one: its body is parsed by
// the parsers given, on first use of Data.
func ExampleNewRequest() {
	hr := httptest.NewRequest("POST", "/snippets/", strings.NewReader(`{"title":"hello"}`))
	hr.Header.Set("Content-Type", "application/json")
	wr := web.NewRequest(hr, nil)
	defer wr.Close()
	r := rest.NewRequest(wr, []parse.Parser{parse.JSON{}}, nil)
	data, err := r.Data()
	fmt.Println(data, err, r.User().IsAuthenticated())
	// Output: map[title:hello] <nil> false
}
