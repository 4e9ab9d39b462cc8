package rest_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// renderDataExample renders data with the JSON renderer.
func renderDataExample(data any) string {
	var b bytes.Buffer
	if err := (render.JSON{}).Render(&b, data, nil); err != nil {
		return err.Error()
	}
	return b.String()
}

func ExampleDefaultExceptionHandler() {
	for _, err := range []error{
		rest.NotFound(),
		rest.ValidationError(map[string]any{"title": []string{"This field is required."}}),
		rest.Throttled(30),
		web.ErrPermissionDenied,
		web.ErrRequestDataTooBig,
		errors.New("database is down"), // unhandled: the view answers 500
	} {
		resp := rest.DefaultExceptionHandler(err, nil)
		if resp == nil {
			fmt.Println("unhandled")
			continue
		}
		fmt.Println(resp.Status(), renderDataExample(resp.Data))
		if ra := resp.Header().Get("Retry-After"); ra != "" {
			fmt.Println("Retry-After:", ra)
		}
	}
	// Output:
	// 404 {"detail":"Not found."}
	// 400 {"title":["This field is required."]}
	// 429 {"detail":"Request was throttled. Expected available in 30 seconds."}
	// Retry-After: 30
	// 403 {"detail":"You do not have permission to perform this action."}
	// 413 {"detail":"Request Entity Too Large"}
	// unhandled
}

func ExampleProblemDetailsHandler() {
	ctx := &rest.ExceptionContext{View: &rest.View{Renderers: []render.Renderer{render.JSON{}}}}
	resp := rest.ProblemDetailsHandler(rest.NotFound("No snippet 7."), ctx)
	fmt.Println(resp.Status(), resp.ContentType)
	fmt.Println(renderDataExample(resp.Data))
	// Output:
	// 404 application/problem+json
	// {"type":"about:blank","title":"Not Found","status":404,"detail":"No snippet 7.","code":"not_found"}
}

func ExampleAsError() {
	e := rest.AsError(fmt.Errorf("loading snippet: %w", web.ErrNotFound))
	fmt.Println(e.Status, e.Detail)
	fmt.Println(rest.AsError(errors.New("boom")) == nil)
	// Output:
	// 404 Not found.
	// true
}

func ExampleNewProblem() {
	p := rest.NewProblem(rest.ValidationError("bad"))
	fmt.Println(renderDataExample(p))
	// Output: {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input.","errors":["bad"]}
}
