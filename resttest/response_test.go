package resttest_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"testing"

	"github.com/restframe/restframe/resttest"
)

// respond answers status, Content-Type and body.
func respond(status int, contentType, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	})
}

var bodyRemovalTests = []struct {
	name   string
	method string
	status int
	body   string
}{
	{"get 200 keeps", "GET", 200, "x"},
	{"post 201 keeps", "POST", 201, "x"},
	{"head 200 removed", "HEAD", 200, ""},
	{"get 204 removed", "GET", 204, ""},
	{"get 304 removed", "GET", 304, ""},
	{"get 404 keeps", "GET", 404, "x"},
}

func TestRecordBodyRemoval(t *testing.T) {
	for _, tt := range bodyRemovalTests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := resttest.RequestFactory{}.New(resttest.Request{Method: tt.method, Path: "/"})
			if err != nil {
				t.Fatal(err)
			}
			resp := resttest.Record(respond(tt.status, "text/plain", "x"), req)
			if resp.StatusCode != tt.status || resp.Text() != tt.body {
				t.Errorf("%s with %d = %d %q; want %d %q", tt.method, tt.status, resp.StatusCode, resp.Text(), tt.status, tt.body)
			}
			if resp.Request != req {
				t.Errorf("Response.Request is not the request served")
			}
		})
	}
}

var dataTests = []struct {
	name        string
	contentType string
	body        string
	want        any
	err         error
}{
	{"object", "application/json", `{"a":[1,"x",true,null]}`, map[string]any{"a": []any{1.0, "x", true, nil}}, nil},
	{"charset", "application/json; charset=utf-8", `"é"`, "é", nil},
	{"problem json", "application/problem+json", `{"status":404}`, map[string]any{"status": 404.0}, nil},
	{"vendor json", "application/vnd.api+json", `[]`, []any{}, nil},
	{"empty body", "application/json", ``, nil, nil},
	{"empty body of other type", "text/html", ``, nil, nil},
	{"html", "text/html; charset=utf-8", `<p>`, nil, resttest.ErrNotJSON},
	{"no content type", "", `{}`, nil, resttest.ErrNotJSON},
	{"bad content type", "application/", `{}`, nil, resttest.ErrNotJSON},
	{"malformed json", "application/json", `{"a":`, nil, nil},
	{"trailing data", "application/json", `{} {}`, nil, nil},
}

func TestResponseData(t *testing.T) {
	for _, tt := range dataTests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := resttest.RequestFactory{}.Get("/", nil)
			resp := resttest.Record(respond(200, tt.contentType, tt.body), req)
			got, err := resp.Data()
			wantErr := tt.err != nil || tt.name == "malformed json" || tt.name == "trailing data"
			if (err != nil) != wantErr || (tt.err != nil && !errors.Is(err, tt.err)) {
				t.Fatalf("Data() of %q %q error = %v; want %v", tt.contentType, tt.body, err, tt.err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Data() of %q %q = %#v; want %#v", tt.contentType, tt.body, got, tt.want)
			}
		})
	}
}

func TestResponseJSON(t *testing.T) {
	req, _ := resttest.RequestFactory{}.Get("/", nil)
	var v struct{ A int }
	resp := resttest.Record(respond(200, "text/plain", `{"A": 3}`), req)
	if err := resp.JSON(&v); err != nil || v.A != 3 {
		t.Errorf("JSON() = %v, %+v; want nil, {A:3} (any Content-Type)", err, v)
	}
	resp = resttest.Record(respond(204, "", ""), req)
	if err := resp.JSON(&v); !errors.Is(err, resttest.ErrEmptyBody) {
		t.Errorf("JSON() of 204 = %v; want ErrEmptyBody", err)
	}
	resp = resttest.Record(respond(200, "application/json", `{"A": "x"}`), req)
	if err := resp.JSON(&v); err == nil {
		t.Errorf("JSON() of a mistyped body = nil; want an error")
	}
}

func TestResponseHelpers(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "a", Value: "1", Path: "/x"})
		http.SetCookie(w, &http.Cookie{Name: "b", Value: "2"})
		http.Redirect(w, r, "/next", http.StatusSeeOther)
	})
	req, _ := resttest.RequestFactory{}.Post("/", nil)
	resp := resttest.Record(h, req)
	if got := resp.Location(); got != "/next" {
		t.Errorf("Location() = %q; want /next", got)
	}
	cookies := resp.Cookies()
	if got := fmt.Sprintf("%d %s %s %s", len(cookies), cookies[0].Name, cookies[0].Path, cookies[1].Name); got != "2 a /x b" {
		t.Errorf("Cookies() = %v; want a (Path=/x) and b", cookies)
	}
	res := resp.Result()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 303 || res.Status != "303 See Other" || string(body) != resp.Text() || res.Request != req ||
		res.ContentLength != int64(len(resp.Body)) {
		t.Errorf("Result() = %d %q %q; want 303 with the body", res.StatusCode, res.Status, body)
	}
	// Result gives a fresh body each time.
	body2, _ := io.ReadAll(resp.Result().Body)
	if string(body2) != string(body) {
		t.Errorf("second Result() body = %q; want %q", body2, body)
	}
	// A Response built by hand has a Result too.
	r := &resttest.Response{StatusCode: 200, Header: http.Header{}, Body: []byte("x")}
	if res := r.Result(); res.StatusCode != 200 || res.Status != "200 OK" {
		t.Errorf("Result() of a literal Response = %d %q", res.StatusCode, res.Status)
	}
}
