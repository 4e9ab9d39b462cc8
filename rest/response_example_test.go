package rest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
)

// A Response holds data until it is sent; a View sets the renderer. Outside
// a view, set it yourself.
func ExampleNewResponse() {
	resp := rest.NewResponse(map[string]any{"id": 7}, http.StatusCreated)
	resp.AcceptedRenderer = render.JSON{}
	resp.Data.(map[string]any)["name"] = "late change" // still unrendered
	rec := httptest.NewRecorder()
	if err := resp.Send(rec, httptest.NewRequest("POST", "/", nil)); err != nil {
		fmt.Println(err)
	}
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	// Output: 201 application/json {"id":7,"name":"late change"}
}

func ExampleResponse_Render() {
	resp := rest.NewResponse([]int{1, 2}, 0)
	resp.AcceptedRenderer = render.JSON{}
	resp.AcceptedMediaType = "application/json; indent=1"
	b, err := resp.Render()
	fmt.Printf("%s %v %s\n", b, err, resp.Header().Get("Content-Type"))
	// Output:
	// [
	//  1,
	//  2
	// ] <nil> application/json
}
