package parse_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

var errorTests = []struct {
	name    string
	err     *parse.Error
	status  int
	message string
}{
	{"parse", &parse.Error{Kind: parse.ErrParse, Detail: "JSON parse error - Expecting value: line 1 column 1 (char 0)"},
		http.StatusBadRequest, "parse: JSON parse error - Expecting value: line 1 column 1 (char 0)"},
	{"unsupported", &parse.Error{Kind: parse.ErrUnsupportedMediaType, Detail: `Unsupported media type "text/plain" in request.`, MediaType: "text/plain"},
		http.StatusUnsupportedMediaType, `parse: Unsupported media type "text/plain" in request.`},
}

func TestError(t *testing.T) {
	cause := errors.New("cause")
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			e := *tt.err
			e.Err = cause
			err := fmt.Errorf("wrapped: %w", &e)
			if got := e.Error(); got != tt.message {
				t.Errorf("Error() = %q; want %q", got, tt.message)
			}
			if got := e.Status(); got != tt.status {
				t.Errorf("Status() = %d; want %d", got, tt.status)
			}
			if !errors.Is(err, e.Kind) || !errors.Is(err, cause) {
				t.Errorf("errors.Is(%v, kind, cause) = false", err)
			}
			other := parse.ErrParse
			if e.Kind == parse.ErrParse {
				other = parse.ErrUnsupportedMediaType
			}
			if errors.Is(err, other) {
				t.Errorf("errors.Is(%v, %v) = true", err, other)
			}
			var he *web.HTTPError
			if !errors.As(err, &he) || he.Status != tt.status || he.Message != e.Detail || he.Err != cause {
				t.Errorf("errors.As(*web.HTTPError) = %+v; want status %d and the detail", he, tt.status)
			}
			if got := web.StatusOf(err); got != tt.status {
				t.Errorf("web.StatusOf = %d; want %d", got, tt.status)
			}
			var pe *parse.Error
			if !errors.As(err, &pe) || pe != &e {
				t.Errorf("errors.As(*parse.Error) = %v", pe)
			}
		})
	}
}

// TestErrorZero: an Error with no Kind matches no kind and is a 400.
func TestErrorZero(t *testing.T) {
	e := &parse.Error{}
	if errors.Is(e, parse.ErrParse) || errors.Is(e, parse.ErrUnsupportedMediaType) || errors.Is(e, nil) {
		t.Error("zero Error matches a kind")
	}
	if e.Status() != http.StatusBadRequest {
		t.Errorf("zero Error Status() = %d; want 400", e.Status())
	}
	var target *int
	if e.As(&target) {
		t.Error("As(**int) = true")
	}
}
