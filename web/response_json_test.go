package web_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/restframe/restframe/web"
)

var jsonResponseTests = []struct {
	name string
	data any
	opts web.JSONOptions
	body string
	err  error
}{
	{"dict", web.JSONObject{{"a", 1}, {"b", []any{1.5, nil, true}}}, web.JSONOptions{}, `{"a": 1, "b": [1.5, null, true]}`, nil},
	{"docs foo", map[string]string{"foo": "bar"}, web.JSONOptions{}, `{"foo": "bar"}`, nil},
	{"struct", struct {
		A int `json:"a"`
	}{1}, web.JSONOptions{}, `{"a": 1}`, nil},
	{"list unsafe", []int{1, 2}, web.JSONOptions{AllowNonObject: true}, `[1, 2]`, nil},
	{"null unsafe", nil, web.JSONOptions{AllowNonObject: true}, `null`, nil},
	{"non ascii", map[string]string{"u": "café"}, web.JSONOptions{}, `{"u": "caf\u00e9"}`, nil},
	{"dumps params", web.JSONObject{{"u", "café"}, {"a", []int{1}}}, web.JSONOptions{RawUnicode: true, Indent: 2}, "{\n  \"u\": \"café\",\n  \"a\": [\n    1\n  ]\n}", nil},
	{"list safe", []int{1, 2}, web.JSONOptions{}, "", web.ErrNonObjectJSON},
	{"null safe", nil, web.JSONOptions{}, "", web.ErrNonObjectJSON},
	{"nil map safe", map[string]int(nil), web.JSONOptions{}, "", web.ErrNonObjectJSON},
	{"string safe", "x", web.JSONOptions{}, "", web.ErrNonObjectJSON},
	{"unsupported", map[string]any{"c": make(chan int)}, web.JSONOptions{}, "", web.ErrJSONUnsupported},
}

func TestJSONResponse(t *testing.T) {
	for _, tt := range jsonResponseTests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := web.NewJSONResponseWith(tt.data, tt.opts)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("NewJSONResponseWith(%#v) error = %v; want %v", tt.data, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewJSONResponseWith(%#v) error: %v", tt.data, err)
			}
			if got := string(r.Content()); got != tt.body {
				t.Errorf("NewJSONResponseWith(%#v) body = %q; want %q", tt.data, got, tt.body)
			}
			if got := r.Header().Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type = %q; want application/json", got)
			}
		})
	}
}

func TestJSONResponseSend(t *testing.T) {
	r, err := web.NewJSONResponse(map[string]any{"ok": true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.String(), `<JsonResponse status_code=200, "application/json">`; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	if _, err := web.NewJSONResponse([]int{1}); err == nil || err.Error() != "web: in order to allow non-dict objects to be serialized set the safe parameter to False (JSONOptions.AllowNonObject)" {
		t.Errorf("NewJSONResponse(list) error = %v", err)
	}
	h := sendHandler(t, func(*http.Request) (sender, error) {
		r, err := web.NewJSONResponse(map[string]any{"ok": true})
		if err == nil {
			r.StatusCode = http.StatusCreated
		}
		return r, err
	})
	runWire(t, h, func(t *testing.T, c *http.Client, u string) {
		res, err := c.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body := make([]byte, 64)
		n, _ := res.Body.Read(body)
		checkResult(t, res.StatusCode, res.Header, string(body[:n]), 201,
			http.Header{"Content-Type": {"application/json"}, "Content-Length": {"12"}}, `{"ok": true}`)
	})
}
