package web_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/restframe/restframe/web"
)

func ExampleStatusOf() {
	errs := []error{
		nil,
		web.ErrNotFound,
		fmt.Errorf("loading snippet 7: %w", web.ErrNotFound),
		web.ErrPermissionDenied,
		web.ErrTooManyFields,
		web.ErrRequestDataTooBig,
		&web.HTTPError{Status: http.StatusConflict, Message: "already exists"},
		errors.New("database is down"),
	}
	for _, err := range errs {
		fmt.Println(web.StatusOf(err), err)
	}
	// Output:
	// 200 <nil>
	// 404 web: not found
	// 404 loading snippet 7: web: not found
	// 403 web: permission denied
	// 400 web: the number of GET/POST parameters exceeded the maximum number of fields
	// 413 web: request body exceeded the maximum memory size
	// 409 already exists
	// 500 database is down
}
