package parse_test

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// ExampleError maps parser errors to responses the way the rest layer
// does: a *parse.Error carries the status and DRF's detail; the web
// layer's limits keep their own statuses.
func ExampleError() {
	small := &web.Settings{MaxMemorySize: 16}
	for _, req := range []struct{ ct, body string }{
		{"application/json", `{"a": tru}`},
		{"text/csv", "a,b"},
		{"application/json", `{"padding": "more than sixteen bytes"}`},
	} {
		hr := httptest.NewRequest("POST", "/", strings.NewReader(req.body))
		hr.Header.Set("Content-Type", req.ct)
		_, err := parse.Body(web.NewRequest(hr, small), parse.Defaults())

		var pe *parse.Error
		switch {
		case errors.As(err, &pe):
			fmt.Printf("%d {\"detail\": %q} parse_error=%v\n", pe.Status(), pe.Detail, errors.Is(err, parse.ErrParse))
		case errors.Is(err, web.ErrRequestDataTooBig):
			fmt.Println(web.StatusOf(err), "request too big")
		}
	}
	// Output:
	// 400 {"detail": "JSON parse error - Expecting value: line 1 column 7 (char 6)"} parse_error=true
	// 415 {"detail": "Unsupported media type \"text/csv\" in request."} parse_error=false
	// 413 request too big
}
