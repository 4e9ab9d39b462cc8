package web_test

import (
	"errors"
	"testing"

	"github.com/restframe/restframe/web"
)

var statusFamilyTests = []struct {
	name   string
	r      *web.HTTPResponse
	status int
	repr   string
}{
	{"bad request", web.NewBadRequest("x"), 400, `<HttpResponseBadRequest status_code=400, "text/html; charset=utf-8">`},
	{"not found", web.NewNotFound("x"), 404, `<HttpResponseNotFound status_code=404, "text/html; charset=utf-8">`},
	{"forbidden", web.NewForbidden("x"), 403, `<HttpResponseForbidden status_code=403, "text/html; charset=utf-8">`},
	{"gone", web.NewGone("x"), 410, `<HttpResponseGone status_code=410, "text/html; charset=utf-8">`},
	{"server error", web.NewServerError("x"), 500, `<HttpResponseServerError status_code=500, "text/html; charset=utf-8">`},
	{"not allowed", web.NewNotAllowed("GET", "POST"), 405, `<HttpResponseNotAllowed [GET, POST] status_code=405, "text/html; charset=utf-8">`},
	{"not modified", web.NewNotModified(), 304, `<HttpResponseNotModified status_code=304>`},
}

func TestStatusFamily(t *testing.T) {
	for _, tt := range statusFamilyTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Status(); got != tt.status {
				t.Errorf("Status() = %d; want %d", got, tt.status)
			}
			if got := tt.r.String(); got != tt.repr {
				t.Errorf("String() = %q; want %q", got, tt.repr)
			}
		})
	}
	if got, want := web.NewNotAllowed("GET", "POST").Header().Get("Allow"), "GET, POST"; got != want {
		t.Errorf("NewNotAllowed Allow = %q; want %q", got, want)
	}
	if got, want := web.NewNotAllowed("POST", "GET", "OPTIONS").Header().Get("Allow"), "POST, GET, OPTIONS"; got != want {
		t.Errorf("NewNotAllowed keeps the order: Allow = %q; want %q", got, want)
	}
}

func TestNotModified(t *testing.T) {
	r := web.NewNotModified()
	if len(r.Header()) != 0 {
		t.Errorf("NewNotModified() headers = %v; want none", r.Header())
	}
	if err := r.SetText("x"); !errors.Is(err, web.ErrNotModifiedContent) {
		t.Errorf("SetText = %v; want ErrNotModifiedContent", err)
	}
	if err := r.SetContent([]byte("x")); !errors.Is(err, web.ErrNotModifiedContent) {
		t.Errorf("SetContent = %v; want ErrNotModifiedContent", err)
	}
	if _, err := r.Write([]byte("x")); !errors.Is(err, web.ErrNotModifiedContent) {
		t.Errorf("Write = %v; want ErrNotModifiedContent", err)
	}
	if _, err := r.WriteString("x"); !errors.Is(err, web.ErrNotModifiedContent) {
		t.Errorf("WriteString = %v; want ErrNotModifiedContent", err)
	}
	if err := r.SetText(""); err != nil {
		t.Errorf("SetText(\"\") = %v; want nil (empty content is allowed)", err)
	}
	if len(r.Content()) != 0 {
		t.Errorf("content = %q; want empty", r.Content())
	}
}

// reasonTests are Python 3.11's phrases where they differ from Go's, and a
// few where they agree.
var reasonTests = []struct {
	code int
	want string
}{
	{200, "OK"},
	{413, "Request Entity Too Large"},
	{414, "Request-URI Too Long"},
	{416, "Requested Range Not Satisfiable"},
	{418, "I'm a Teapot"},
	{422, "Unprocessable Entity"},
	{425, "Too Early"},
	{306, ""},
	{509, ""},
	{599, ""},
}

func TestReasonPhrase(t *testing.T) {
	for _, tt := range reasonTests {
		if got := web.ReasonPhrase(tt.code); got != tt.want {
			t.Errorf("ReasonPhrase(%d) = %q; want %q", tt.code, got, tt.want)
		}
	}
}
