package parse_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// newRequest returns a *web.Request for method with the Content-Type ct
// (none when "") and body, with settings s (nil for the defaults).
func newRequest(method, ct, body string, s *web.Settings) *web.Request {
	hr := httptest.NewRequest(method, "/", strings.NewReader(body))
	if ct != "" {
		hr.Header.Set("Content-Type", ct)
	}
	return web.NewRequest(hr, s)
}

// newStreamRequest is newRequest with a body of unknown length, as a
// chunked request has.
func newStreamRequest(method, ct, body string, s *web.Settings) *web.Request {
	hr := httptest.NewRequest(method, "/", io.MultiReader(strings.NewReader(body)))
	if ct != "" {
		hr.Header.Set("Content-Type", ct)
	}
	return web.NewRequest(hr, s)
}

// detailOf returns the Detail of a *parse.Error in err's chain, or "".
func detailOf(err error) string {
	var pe *parse.Error
	if errors.As(err, &pe) {
		return pe.Detail
	}
	return ""
}

// checkParseError fails unless err is a *parse.Error matching
// parse.ErrParse with the detail want.
func checkParseError(t *testing.T, name string, err error, want string) {
	t.Helper()
	if !errors.Is(err, parse.ErrParse) {
		t.Fatalf("%s: err = %v; want a parse.ErrParse", name, err)
	}
	if got := detailOf(err); got != want {
		t.Fatalf("%s: detail = %q; want %q", name, got, want)
	}
	if got := web.StatusOf(err); got != http.StatusBadRequest {
		t.Fatalf("%s: web.StatusOf = %d; want 400", name, got)
	}
}
