package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// fixedResponse is a response with constant headers and body, made once:
// what is left of a request's cost is the adapter's own.
type fixedResponse struct {
	BaseResponse
	body string
}

func (f *fixedResponse) Send(w http.ResponseWriter, r *http.Request) error {
	if err := f.WriteHeader(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, f.body)
	return err
}

// passThrough is a middleware that only calls next.
func passThrough(next Handler) Handler {
	return func(r *Request) (Response, error) { return next(r) }
}

var adapterAllocTests = []struct {
	name       string
	middleware []Middleware
}{
	{"bare", nil},
	{"middleware", []Middleware{passThrough, passThrough}},
}

// TestAdapterAllocs guards the claim that the adapter allocates nothing of
// its own: the Request, the writer wrapper and the fixed headers of a
// response cost no allocation per request.
func TestAdapterAllocs(t *testing.T) {
	if allocGuardsOff {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	fixed, err := NewFixedHeader(http.Header{"Content-Type": {"application/json"}, "Vary": {"Accept"}})
	if err != nil {
		t.Fatal(err)
	}
	resp := &fixedResponse{body: `{"message":"Hello, World!"}`}
	resp.SetFixedHeader(fixed)
	for _, tt := range adapterAllocTests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &Server{Settings: &Settings{AllowedHosts: []string{"*"}}, Middleware: tt.middleware}
			h := srv.Handle(func(r *Request) (Response, error) {
				if r.Method() != http.MethodGet {
					return nil, ErrBadRequest
				}
				return resp, nil
			})
			req := httptest.NewRequest(http.MethodGet, "/json", nil)
			w := &discardWriter{h: make(http.Header)}
			h.ServeHTTP(w, req)
			if got := w.h.Get("Vary"); got != "Accept" {
				t.Fatalf("Vary = %q; want Accept", got)
			}
			allocs := testing.AllocsPerRun(200, func() {
				clear(w.h)
				h.ServeHTTP(w, req)
			})
			if allocs != 0 {
				t.Errorf("serving a fixed response allocates %v times per request; want 0", allocs)
			}
		})
	}
}

// TestAdapterReusesRequest checks that a Request handed to a handler is
// cleared before the next request gets it: nothing of one request leaks
// into the next.
func TestAdapterReusesRequest(t *testing.T) {
	var seen []string
	h := Handle(func(r *Request) (Response, error) {
		if u := r.User(); u != nil {
			seen = append(seen, "user from an earlier request: "+u.Username())
		}
		r.SetUser(AnonymousUser{})
		q, err := r.Query()
		if err != nil {
			return nil, err
		}
		v, _ := q.Get("n")
		seen = append(seen, v)
		return NewHTTPResponse("ok"), nil
	}, &Settings{AllowedHosts: []string{"*"}})
	for _, n := range []string{"1", "2", "3"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/?n="+n, nil))
	}
	if got := len(seen); got != 3 || seen[0] != "1" || seen[1] != "2" || seen[2] != "3" {
		t.Errorf("queries seen = %q; want [1 2 3]", seen)
	}
}

// TestDjangoResponseAllocs guards the cost of Django's responses made per
// request: a JsonResponse is the response and its body (DumpJSON encodes
// in pooled memory and copies the result out; the field lists of a struct
// type are worked out once), and so is an HttpResponse (the string
// content converted to bytes). Their
// Content-Type is a shared fixed header, and the Content-Length Send
// writes is a shared value.
func TestDjangoResponseAllocs(t *testing.T) {
	if allocGuardsOff {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	type message struct {
		Message string `json:"message"`
	}
	tests := []struct {
		name   string
		handle Handler
		ct     string
		max    float64
	}{
		{"JsonResponse", func(*Request) (Response, error) {
			return NewJSONResponse(message{Message: "Hello, World!"})
		}, "application/json", 2},
		{"HttpResponse", func(*Request) (Response, error) {
			return NewHTTPResponse("Hello, World!"), nil
		}, defaultHTMLContentType, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Handle(tt.handle, &Settings{AllowedHosts: []string{"*"}})
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			w := &discardWriter{h: make(http.Header)}
			h.ServeHTTP(w, req)
			if got := w.h.Get("Content-Type"); got != tt.ct {
				t.Fatalf("Content-Type = %q; want %q", got, tt.ct)
			}
			allocs := testing.AllocsPerRun(200, func() {
				clear(w.h)
				h.ServeHTTP(w, req)
			})
			if allocs > tt.max {
				t.Errorf("serving a %s allocates %v times per request; want at most %v", tt.name, allocs, tt.max)
			}
		})
	}
}
