package rest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// asErrorTests is the mapping table of the default exception handler.
var asErrorTests = []struct {
	name   string
	err    error
	status int    // 0: unhandled (nil)
	body   string // the rendered data
	header string // Retry-After or WWW-Authenticate, "" for none
}{
	{"nil", nil, 0, "", ""},
	{"plain", errors.New("boom"), 0, "", ""},
	{"canceled", context.Canceled, 0, "", ""},
	{"server HTTPError", &web.HTTPError{Status: 502}, 0, "", ""},
	{"rest error", rest.NotFound(), 404, `{"detail":"Not found."}`, ""},
	{"wrapped", fmt.Errorf("loading: %w", rest.PermissionDenied()), 403, `{"detail":"You do not have permission to perform this action."}`, ""},
	{"validation list", rest.ValidationError("bad"), 400, `["bad"]`, ""},
	{"validation map", rest.ValidationError(map[string]any{"name": []string{"This field is required."}}), 400, `{"name":["This field is required."]}`, ""},
	{"throttled", rest.Throttled(2.2), 429, `{"detail":"Request was throttled. Expected available in 3 seconds."}`, "3"},
	{"parse", &parse.Error{Kind: parse.ErrParse, Detail: "JSON parse error - Expecting value: line 1 column 1 (char 0)"}, 400, `{"detail":"JSON parse error - Expecting value: line 1 column 1 (char 0)"}`, ""},
	{"unsupported", &parse.Error{Kind: parse.ErrUnsupportedMediaType, Detail: `Unsupported media type "text/plain" in request.`, MediaType: "text/plain"}, 415, `{"detail":"Unsupported media type \"text/plain\" in request."}`, ""},
	{"web not found", web.ErrNotFound, 404, `{"detail":"Not found."}`, ""},
	{"web not found message", &web.HTTPError{Status: 404, Message: "No such snippet.", Err: web.ErrNotFound}, 404, `{"detail":"No such snippet."}`, ""},
	{"web permission", fmt.Errorf("x: %w", web.ErrPermissionDenied), 403, `{"detail":"You do not have permission to perform this action."}`, ""},
	{"web cross origin", web.ErrCrossOrigin, 403, `{"detail":"You do not have permission to perform this action."}`, ""},
	{"web too big", web.ErrRequestDataTooBig, 413, `{"detail":"Request Entity Too Large"}`, ""},
	{"web too many fields", web.ErrTooManyFields, 400, `{"detail":"Bad Request"}`, ""},
	{"web HTTPError", &web.HTTPError{Status: 409, Message: "Version mismatch."}, 409, `{"detail":"Version mismatch."}`, ""},
	{"web not authenticated", &web.HTTPError{Status: 401, Message: "Authentication credentials were not provided.", Header: http.Header{"Www-Authenticate": {"Bearer"}}, Err: web.ErrNotAuthenticated}, 401, `{"detail":"Authentication credentials were not provided."}`, "Bearer"},
}

// renderData renders data as the JSON renderer does.
func renderData(t *testing.T, data any) string {
	t.Helper()
	var b []byte
	w := writerFunc(func(p []byte) (int, error) { b = append(b, p...); return len(p), nil })
	if err := (render.JSON{}).Render(w, data, nil); err != nil {
		t.Fatalf("render %#v: %v", data, err)
	}
	return string(b)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestDefaultExceptionHandler(t *testing.T) {
	for _, tt := range asErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			resp := rest.DefaultExceptionHandler(tt.err, nil)
			if tt.status == 0 {
				if resp != nil {
					t.Fatalf("DefaultExceptionHandler(%v) = %d %v; want nil", tt.err, resp.Status(), resp.Data)
				}
				return
			}
			if resp == nil {
				t.Fatalf("DefaultExceptionHandler(%v) = nil; want %d", tt.err, tt.status)
			}
			if resp.Status() != tt.status || !resp.Exception {
				t.Errorf("DefaultExceptionHandler(%v) status = %d, exception = %v; want %d", tt.err, resp.Status(), resp.Exception, tt.status)
			}
			if got := renderData(t, resp.Data); got != tt.body {
				t.Errorf("DefaultExceptionHandler(%v) body = %s; want %s", tt.err, got, tt.body)
			}
			h := resp.Header().Get("Retry-After") + resp.Header().Get("Www-Authenticate")
			if h != tt.header {
				t.Errorf("DefaultExceptionHandler(%v) header = %q; want %q", tt.err, h, tt.header)
			}
			if e := rest.AsError(tt.err); e == nil || !errors.Is(e, tt.err) && !errors.Is(tt.err, e) {
				t.Errorf("AsError(%v) lost the cause", tt.err)
			}
		})
	}
}

func TestErrorResponseRetryAfterFromWait(t *testing.T) {
	w := 5.0
	e := &rest.Error{Status: 429, Detail: rest.ErrorDetail{Message: "slow", Code: "throttled"}, Wait: &w}
	if got := rest.ErrorResponse(e).Header().Get("Retry-After"); got != "5" {
		t.Errorf("Retry-After = %q; want 5", got)
	}
}

var problemTests = []struct {
	name string
	err  error
	body string
	ct   string
}{
	{"not found", rest.NotFound(), `{"type":"about:blank","title":"Not Found","status":404,"detail":"Not found.","instance":"/things/","code":"not_found"}`, "application/problem+json"},
	{"validation", rest.ValidationError(map[string]any{"name": "required"}), `{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid input.","instance":"/things/","errors":{"name":"required"}}`, "application/problem+json"},
}

func TestProblemDetailsHandler(t *testing.T) {
	for _, tt := range problemTests {
		t.Run(tt.name, func(t *testing.T) {
			v := &rest.View{Renderers: []render.Renderer{render.JSON{}}}
			resp := rest.ProblemDetailsHandler(tt.err, &rest.ExceptionContext{Request: newRequest("GET", ""), View: v})
			if got := renderData(t, resp.Data); got != tt.body {
				t.Errorf("ProblemDetailsHandler(%v) = %s; want %s", tt.err, got, tt.body)
			}
			if resp.ContentType != tt.ct {
				t.Errorf("ProblemDetailsHandler(%v) ContentType = %q; want %q", tt.err, resp.ContentType, tt.ct)
			}
		})
	}
	if rest.ProblemDetailsHandler(errors.New("x"), nil) != nil {
		t.Error("ProblemDetailsHandler handled a plain error")
	}
	if got := rest.ProblemContentType(render.PlainText{}); got != "" {
		t.Errorf("ProblemContentType(PlainText) = %q; want \"\"", got)
	}
}
