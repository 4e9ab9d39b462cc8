package rest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/restframe/restframe/rest"
)

// Respond makes the handler's Response in the request's memory: the view
// serves it without allocating and reuses it once it is sent.
func ExampleRequest_Respond() {
	v := &rest.View{Get: func(r *rest.Request) (*rest.Response, error) {
		return r.Respond(map[string]any{"message": "Hello, World!"}, http.StatusOK), nil
	}}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/hello", nil)
	req.Header.Set("Accept", "application/json")
	v.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(rec.Body)
	// Output:
	// 200 application/json
	// {"message":"Hello, World!"}
}
