package rest_test

import (
	"fmt"
	"net/http"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

func ExampleNotFound() {
	e := rest.NotFound()
	fmt.Println(e.Status, e.Detail, e.Codes())
	e = rest.NotFound("No snippet 7.")
	fmt.Println(e.Status, e.Detail)
	// Output:
	// 404 Not found. not_found
	// 404 No snippet 7.
}

func ExampleValidationError() {
	e := rest.ValidationError(web.JSONObject{
		{Key: "title", Value: []string{"This field is required."}},
		{Key: "code", Value: rest.ErrorDetail{Message: "Too long.", Code: "max_length"}},
	})
	fmt.Println(e.Status)
	fmt.Println(e)
	fmt.Println(rest.ValidationError("bad"))
	// Output:
	// 400
	// {'title': [ErrorDetail(string='This field is required.', code='invalid')], 'code': ErrorDetail(string='Too long.', code='max_length')}
	// [ErrorDetail(string='bad', code='invalid')]
}

func ExampleError_Codes() {
	e := rest.ValidationError(map[string]any{"age": []string{"Too young."}})
	fmt.Println(e.Codes())
	fmt.Println(renderDataExample(e.FullDetails()))
	// Output:
	// map[age:[invalid]]
	// {"age":[{"message":"Too young.","code":"invalid"}]}
}

func ExampleThrottled() {
	e := rest.Throttled(2.2)
	fmt.Println(e.Status, e.Detail, e.Header.Get("Retry-After"))
	fmt.Println(rest.Throttled(-1).Detail) // wait unknown
	// Output:
	// 429 Request was throttled. Expected available in 3 seconds. 3
	// Request was throttled.
}

func ExampleMethodNotAllowed() {
	fmt.Println(rest.MethodNotAllowed("BREW"))
	// Output: Method "BREW" not allowed.
}

func ExampleUnsupportedMediaType() {
	fmt.Println(rest.UnsupportedMediaType("text/plain"))
	// Output: Unsupported media type "text/plain" in request.
}

func ExampleNewError() {
	e := rest.NewError(http.StatusConflict, "Version mismatch.", "conflict")
	fmt.Println(e.Status, e.Detail, e.Codes())
	// Output: 409 Version mismatch. conflict
}

func ExampleAPIException() {
	e := rest.APIException(nil, "")
	fmt.Println(e.Status, e.Detail, e.Codes())
	// Output: 500 A server error occurred. error
}

func ExampleParseError() {
	fmt.Println(rest.ParseError())
	fmt.Println(rest.AuthenticationFailed())
	fmt.Println(rest.NotAuthenticated())
	fmt.Println(rest.PermissionDenied())
	fmt.Println(rest.NotAcceptable())
	// Output:
	// Malformed request.
	// Incorrect authentication credentials.
	// Authentication credentials were not provided.
	// You do not have permission to perform this action.
	// Could not satisfy the request Accept header.
}
