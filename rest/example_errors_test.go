package rest_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// exFailing is a view whose GET fails the way ?fail= says.
func exFailing(settings *rest.Settings) *rest.View {
	return &rest.View{
		Settings: settings,
		Get: func(r *rest.Request) (*rest.Response, error) {
			q, err := r.QueryParams()
			if err != nil {
				return nil, err
			}
			fail, _ := q.Get("fail")
			switch fail {
			case "notfound":
				return nil, rest.NotFound()
			case "invalid":
				return nil, rest.ValidationError(web.JSONObject{
					{Key: "title", Value: []string{"This field is required."}},
					{Key: "code", Value: []string{"This field may not be blank."}},
				})
			case "denied":
				return nil, fmt.Errorf("snippet 7: %w", web.ErrPermissionDenied) // Django's PermissionDenied
			case "throttled":
				return nil, rest.Throttled(1.5)
			case "locked":
				return nil, errSnippetLocked
			case "db":
				return nil, errors.New("db: connection refused") // never shown
			}
			return rest.NewResponse("ok", http.StatusOK), nil
		},
	}
}

// errSnippetLocked is an application error that the default exception handler
// does not know: a 500 unless a custom handler maps it.
var errSnippetLocked = errors.New("snippets: snippet is locked")

// Handlers return errors. The view's exception handler turns DRF's
// exceptions (NotFound, ValidationError, Throttled ...) and the web
// layer's errors into DRF's bodies in the negotiated format; any other error
// is a 500 that does not show it.
func Example_errors() {
	v := exFailing(nil)
	for _, fail := range []string{"notfound", "invalid", "denied", "throttled", "db"} {
		exServe(v, "GET", "/?fail="+fail, "", "", "")
	}
	// The error body is negotiated like any other.
	exServe(v, "GET", "/?fail=notfound", "application/json; indent=2", "", "")
	// Output:
	// 404 application/json
	// {"detail":"Not found."}
	// 400 application/json
	// {"title":["This field is required."],"code":["This field may not be blank."]}
	// 403 application/json
	// {"detail":"You do not have permission to perform this action."}
	// 429 application/json
	// {"detail":"Request was throttled. Expected available in 2 seconds."}
	// 500 text/plain; charset=utf-8
	// Internal Server Error
	// 404 application/json
	// {
	//   "detail": "Not found."
	// }
}

// A custom exception handler is DRF's EXCEPTION_HANDLER: here it maps an
// application error to 423 Locked and adds the status code to every error
// body, as the example in DRF's documentation does.
func Example_customExceptionHandler() {
	settings := rest.DefaultSettings()
	settings.ExceptionHandler = func(err error, ctx *rest.ExceptionContext) *rest.Response {
		if errors.Is(err, errSnippetLocked) {
			err = rest.NewError(http.StatusLocked, "This snippet is locked.", "locked")
		}
		resp := rest.DefaultExceptionHandler(err, ctx)
		if resp == nil {
			return nil // unhandled: a 500 without internals
		}
		if body, ok := resp.Data.(map[string]any); ok {
			body["status_code"] = resp.Status()
		}
		return resp
	}
	v := exFailing(settings)
	exServe(v, "GET", "/?fail=locked", "", "", "")
	exServe(v, "GET", "/?fail=notfound", "", "", "")
	exServe(v, "GET", "/?fail=db", "", "", "")
	// Output:
	// 423 application/json
	// {"detail":"This snippet is locked.","status_code":423}
	// 404 application/json
	// {"detail":"Not found.","status_code":404}
	// 500 text/plain; charset=utf-8
	// Internal Server Error
}

// ProblemDetailsHandler answers RFC 9457 problem details instead of DRF's
// bodies: application/problem+json from the JSON renderer, with DRF's code
// and the field errors of a ValidationError as extension members.
// Renderers other than JSON and XML keep their own Content-Type.
func Example_problemDetails() {
	settings := rest.DefaultSettings()
	settings.ExceptionHandler = rest.ProblemDetailsHandler
	settings.Renderers = []render.Renderer{render.JSON{}, render.PlainText{}}
	v := exFailing(settings)
	exServe(v, "GET", "/snippets/7?fail=notfound", "", "", "")
	exServe(v, "GET", "/snippets/7?fail=invalid", "", "", "")
	exServe(v, "GET", "/snippets/7?fail=throttled", "text/plain", "", "")
	// Output:
	// 404 application/problem+json
	// {"type":"about:blank","title":"Not Found","status":404,"detail":"Not found.","instance":"/snippets/7","code":"not_found"}
	// 400 application/problem+json
	// {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input.","instance":"/snippets/7","errors":{"title":["This field is required."],"code":["This field may not be blank."]}}
	// 429 text/plain; charset=utf-8
	// {"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Request was throttled. Expected available in 2 seconds.","instance":"/snippets/7","code":"throttled"}
}
