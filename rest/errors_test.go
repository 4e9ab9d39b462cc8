package rest_test

import (
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"reflect"
	"testing"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// vectorErrors builds, for each api_exception vector id, the Go call that
// matches the vector's constructed_as.
var vectorErrors = map[string]func() *rest.Error{
	"api_exception.not_found":      func() *rest.Error { return rest.NotFound() },
	"api_exception.validation_str": func() *rest.Error { return rest.ValidationError("bad") },
	"api_exception.validation_dict": func() *rest.Error {
		return rest.ValidationError(web.JSONObject{
			{Key: "a", Value: []string{"x"}},
			{Key: "b", Value: "y"},
			{Key: "c", Value: map[string]any{"d": []any{"e"}}},
		})
	},
	"api_exception.validation_tuple": func() *rest.Error { return rest.ValidationError([]string{"a", "b"}) },
	"api_exception.validation_code": func() *rest.Error {
		return rest.ValidationError(rest.ErrorDetail{Message: "bad", Code: "c1"})
	},
	"api_exception.method":           func() *rest.Error { return rest.MethodNotAllowed("PUT") },
	"api_exception.throttled_1":      func() *rest.Error { return rest.Throttled(1) },
	"api_exception.throttled_0_4":    func() *rest.Error { return rest.Throttled(0.4) },
	"api_exception.throttled_none":   func() *rest.Error { return rest.Throttled(-1) },
	"api_exception.throttled_detail": func() *rest.Error { return rest.Throttled(3, "Slow down.") },
	"api_exception.unsupported":      func() *rest.Error { return rest.UnsupportedMediaType("a/b") },
	"api_exception.api_exception":    func() *rest.Error { return rest.APIException(nil, "") },
	"api_exception.not_acceptable":   func() *rest.Error { return rest.NotAcceptable() },
}

// jsonValue round-trips v through web.DumpJSON and encoding/json, for comparing structures
// with recorded JSON regardless of Go types.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	b, err := web.DumpJSON(v, web.JSONOptions{})
	if err != nil {
		t.Fatalf("web.DumpJSON(%#v): %v", v, err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", b, err)
	}
	return out
}

func TestVectorsAPIException(t *testing.T) {
	for _, u := range vectors.Units(t, "api_exception") {
		t.Run(u.ID, func(t *testing.T) {
			mk, ok := vectorErrors[u.ID]
			if !ok {
				t.Fatalf("no constructor for vector %s", u.ID)
			}
			var want struct {
				StatusCode  int             `json:"status_code"`
				Detail      json.RawMessage `json:"detail"`
				Str         string          `json:"str"`
				Codes       json.RawMessage `json:"codes"`
				FullDetails json.RawMessage `json:"full_details"`
				Wait        *float64        `json:"wait"`
			}
			vectors.Decode(t, u.Output, &want)
			e := mk()
			if e.Status != want.StatusCode {
				t.Errorf("Status = %d; want %d", e.Status, want.StatusCode)
			}
			check := func(name string, got any, raw json.RawMessage) {
				t.Helper()
				var w any
				if err := json.Unmarshal(raw, &w); err != nil {
					t.Fatal(err)
				}
				if g := jsonValue(t, got); !reflect.DeepEqual(g, w) {
					t.Errorf("%s = %v; want %v", name, g, w)
				}
			}
			check("Detail", e.Detail, want.Detail)
			check("Codes()", e.Codes(), want.Codes)
			check("FullDetails()", e.FullDetails(), want.FullDetails)
			if got := e.String(); got != want.Str {
				t.Errorf("String() = %q; want %q", got, want.Str)
			}
			switch {
			case (e.Wait == nil) != (want.Wait == nil):
				t.Errorf("Wait = %v; want %v", e.Wait, want.Wait)
			case e.Wait != nil && *e.Wait != *want.Wait:
				t.Errorf("Wait = %v; want %v", *e.Wait, *want.Wait)
			}
		})
	}
}

// defaultTests pins the status, default detail and code of every
// constructor (spec §5.4).
var defaultTests = []struct {
	name   string
	err    *rest.Error
	status int
	detail string
	code   string
}{
	{"APIException", rest.APIException(nil, ""), 500, "A server error occurred.", "error"},
	{"ParseError", rest.ParseError(), 400, "Malformed request.", "parse_error"},
	{"AuthenticationFailed", rest.AuthenticationFailed(), 401, "Incorrect authentication credentials.", "authentication_failed"},
	{"NotAuthenticated", rest.NotAuthenticated(), 401, "Authentication credentials were not provided.", "not_authenticated"},
	{"PermissionDenied", rest.PermissionDenied(), 403, "You do not have permission to perform this action.", "permission_denied"},
	{"NotFound", rest.NotFound(), 404, "Not found.", "not_found"},
	{"MethodNotAllowed", rest.MethodNotAllowed("BREW"), 405, `Method "BREW" not allowed.`, "method_not_allowed"},
	{"NotAcceptable", rest.NotAcceptable(), 406, "Could not satisfy the request Accept header.", "not_acceptable"},
	{"UnsupportedMediaType", rest.UnsupportedMediaType(""), 415, `Unsupported media type "" in request.`, "unsupported_media_type"},
	{"Throttled", rest.Throttled(-1), 429, "Request was throttled.", "throttled"},
	{"Throttled0", rest.Throttled(0), 429, "Request was throttled. Expected available in 0 seconds.", "throttled"},
	{"Throttled2.2", rest.Throttled(2.2), 429, "Request was throttled. Expected available in 3 seconds.", "throttled"},
	{"NotFoundCustom", rest.NotFound("No snippet 7."), 404, "No snippet 7.", "not_found"},
	{"NewError", rest.NewError(http.StatusConflict, nil, "conflict"), 409, "Conflict", "conflict"},
	{"NewErrorCode", rest.NewError(http.StatusTeapot, "short and stout", ""), 418, "short and stout", "error"},
	{"APIExceptionCode", rest.APIException("down", "maintenance"), 500, "down", "maintenance"},
}

func TestDefaults(t *testing.T) {
	for _, tt := range defaultTests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := tt.err.Detail.(rest.ErrorDetail)
			if !ok {
				t.Fatalf("%s: Detail = %#v; want an ErrorDetail", tt.name, tt.err.Detail)
			}
			if tt.err.Status != tt.status || d.Message != tt.detail || d.Code != tt.code || tt.err.Codes() != tt.code {
				t.Errorf("%s = %d %q %q; want %d %q %q", tt.name, tt.err.Status, d.Message, d.Code, tt.status, tt.detail, tt.code)
			}
			if got := tt.err.Error(); got != tt.detail {
				t.Errorf("%s.Error() = %q; want %q", tt.name, got, tt.detail)
			}
		})
	}
}

var retryAfterTests = []struct {
	wait float64
	want string // "" for no header
}{
	{-1, ""},
	{math.NaN(), ""},
	{0, ""},
	{0.001, "1"},
	{1, "1"},
	{59.5, "60"},
	{math.Inf(1), "4611686018427387904"},
}

func TestThrottledRetryAfter(t *testing.T) {
	for _, tt := range retryAfterTests {
		e := rest.Throttled(tt.wait)
		if got := e.Header.Get("Retry-After"); got != tt.want {
			t.Errorf("Throttled(%v) Retry-After = %q; want %q", tt.wait, got, tt.want)
		}
	}
}

var normalizeTests = []struct {
	name   string
	detail any
	str    string
	json   string
}{
	{"string", "bad", "[ErrorDetail(string='bad', code='invalid')]", `["bad"]`},
	{"nil", nil, "[ErrorDetail(string='Invalid input.', code='invalid')]", `["Invalid input."]`},
	{"quote", "it's", `[ErrorDetail(string="it's", code='invalid')]`, `["it's"]`},
	{"error", errors.New("boom"), "[ErrorDetail(string='boom', code='invalid')]", `["boom"]`},
	{"int", 7, "[ErrorDetail(string='7', code='invalid')]", `["7"]`},
	{"bool", true, "[ErrorDetail(string='True', code='invalid')]", `["True"]`},
	{"errordetail ptr", &rest.ErrorDetail{Message: "p"}, "[ErrorDetail(string='p', code='invalid')]", `["p"]`},
	{"list of details", []rest.ErrorDetail{{Message: "a", Code: "x"}}, "[ErrorDetail(string='a', code='x')]", `["a"]`},
	{"map", map[string]string{"b": "2", "a": "1"},
		"{'a': ErrorDetail(string='1', code='invalid'), 'b': ErrorDetail(string='2', code='invalid')}", `{"a":"1","b":"2"}`},
	{"map of lists", map[string][]string{"f": {"x", "y"}},
		"{'f': [ErrorDetail(string='x', code='invalid'), ErrorDetail(string='y', code='invalid')]}", `{"f":["x","y"]}`},
	{"ordered", web.JSONObject{{Key: "z", Value: "1"}, {Key: "a", Value: []any{"2"}}},
		"{'z': ErrorDetail(string='1', code='invalid'), 'a': [ErrorDetail(string='2', code='invalid')]}", `{"z":"1","a":["2"]}`},
	{"nested any", map[string]any{"n": map[string]any{"m": []any{nil}}},
		"{'n': {'m': [ErrorDetail(string='None', code='invalid')]}}", `{"n":{"m":["None"]}}`},
}

func TestValidationErrorNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		t.Run(tt.name, func(t *testing.T) {
			e := rest.ValidationError(tt.detail)
			if got := e.String(); got != tt.str {
				t.Errorf("ValidationError(%#v).String() = %s; want %s", tt.detail, got, tt.str)
			}
			var w any
			if err := json.Unmarshal([]byte(tt.json), &w); err != nil {
				t.Fatal(err)
			}
			if got := jsonValue(t, e.Detail); !reflect.DeepEqual(got, w) {
				t.Errorf("ValidationError(%#v).Detail = %v; want %s", tt.detail, got, tt.json)
			}
		})
	}
}

func TestErrorAsHTTPError(t *testing.T) {
	err := error(rest.Throttled(2))
	var he *web.HTTPError
	if !errors.As(err, &he) {
		t.Fatal("errors.As(Throttled, *web.HTTPError) = false")
	}
	if he.Status != 429 || he.Message != "Request was throttled. Expected available in 2 seconds." || he.Header.Get("Retry-After") != "2" {
		t.Errorf("HTTPError = %+v", he)
	}
	if got := web.StatusOf(rest.NotFound()); got != 404 {
		t.Errorf("web.StatusOf(NotFound()) = %d; want 404", got)
	}
	cause := errors.New("db down")
	e := rest.APIException(nil, "")
	e.Err = cause
	if !errors.Is(e, cause) || e.Error() != "A server error occurred.: db down" {
		t.Errorf("Error() = %q, Is(cause) = %v", e.Error(), errors.Is(e, cause))
	}
}

func TestErrorDetailRepr(t *testing.T) {
	tests := []struct {
		d    rest.ErrorDetail
		want string
	}{
		{rest.ErrorDetail{Message: "a\nb", Code: "c"}, `ErrorDetail(string='a\nb', code='c')`},
		{rest.ErrorDetail{Message: "x"}, `ErrorDetail(string='x', code=None)`},
		{rest.ErrorDetail{Message: "é\x00"}, `ErrorDetail(string='é\x00', code=None)`},
	}
	for _, tt := range tests {
		if got := tt.d.GoString(); got != tt.want {
			t.Errorf("%q.GoString() = %s; want %s", tt.d.Message, got, tt.want)
		}
	}
}
