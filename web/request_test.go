package web

import (
	"net/http"
	"testing"
)

var requestStringTests = []struct {
	method, path, query, want string
}{
	{"GET", "/x/", "", "<Request: GET '/x/'>"},
	{"post", "/a b/", "q=1", "<Request: POST '/a%20b/?q=1'>"},
	{"", "/", "", "<Request: GET '/'>"},
	{"GET", "/it's", "", `<Request: GET "/it's">`},
}

func TestRequestString(t *testing.T) {
	for _, tt := range requestStringTests {
		t.Run(tt.want, func(t *testing.T) {
			req := newInfoRequest(tt.method, "/", "example.com")
			req.URL.Path, req.URL.RawQuery = tt.path, tt.query
			if got := NewRequest(req, nil).String(); got != tt.want {
				t.Errorf("String() = %s; want %s", got, tt.want)
			}
		})
	}
	var nilReq *Request
	if got := nilReq.String(); got != "<Request>" {
		t.Errorf("(*Request)(nil).String() = %s; want <Request>", got)
	}
}

type infoUser string

func (u infoUser) Username() string      { return string(u) }
func (u infoUser) IsAuthenticated() bool { return u != "" }

func TestRequestRouteAndAttachments(t *testing.T) {
	mux := http.NewServeMux()
	var r *Request
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, req *http.Request) {
		r = NewRequest(req, nil)
	})
	mux.ServeHTTP(nil, newInfoRequest("GET", "/users/42", "example.com"))
	if r == nil {
		t.Fatal("handler not called")
	}
	if got := r.Pattern(); got != "GET /users/{id}" {
		t.Errorf("Pattern() = %q; want %q", got, "GET /users/{id}")
	}
	if got := r.PathValue("id"); got != "42" {
		t.Errorf("PathValue(%q) = %q; want %q", "id", got, "42")
	}
	if got := r.PathValue("nope"); got != "" {
		t.Errorf("PathValue(%q) = %q; want empty", "nope", got)
	}
	if r.Session() != nil || r.User() != nil {
		t.Errorf("fresh request has a session or user")
	}
	s := &Session{}
	r.SetSession(s)
	r.SetUser(infoUser("ann"))
	if r.Session() != s || r.User().Username() != "ann" {
		t.Errorf("Session()/User() do not return what was set")
	}
	if r.Method() != "GET" || r.HTTP() == nil || r.Settings() == nil {
		t.Errorf("Method() = %q, HTTP() = %v, Settings() = %v", r.Method(), r.HTTP(), r.Settings())
	}
}
