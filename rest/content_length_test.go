package rest

import (
	"crypto/tls"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/hdr"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// TestSendContentLengthHeader checks where Send puts the Content-Length:
// in the header map for HEAD, for bodies the server would chunk and over
// a value the handler set; left to the server for small complete bodies.
func TestSendContentLengthHeader(t *testing.T) {
	tests := []struct {
		name    string
		method  string
		body    int    // length of the rendered string
		preset  string // Content-Length set on the Response
		wantMap string // the header map's value after Send; "-" when absent
	}{
		{name: "small body left to the server", method: "GET", body: 10, wantMap: "-"},
		{name: "empty body left to the server", method: "GET", body: 0, wantMap: "-"},
		{name: "buffered limit left to the server", method: "GET", body: hdr.ServerBuffered - 2, wantMap: "-"},
		{name: "beyond the server's buffer", method: "GET", body: hdr.ServerBuffered - 1, wantMap: strconv.Itoa(hdr.ServerBuffered + 1)},
		{name: "large body", method: "GET", body: 100000, wantMap: "100002"},
		{name: "head small", method: "HEAD", body: 10, wantMap: "12"},
		{name: "head empty", method: "HEAD", body: 0, wantMap: "2"},
		{name: "stale value corrected", method: "GET", body: 10, preset: "999", wantMap: "12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &Response{Data: strings.Repeat("x", tt.body)}
			resp.AcceptedRenderer = render.JSON{}
			resp.AcceptedMediaType = "application/json"
			if tt.preset != "" {
				resp.Header()["Content-Length"] = []string{tt.preset}
			}
			rec := httptest.NewRecorder()
			if err := resp.Send(rec, httptest.NewRequest(tt.method, "/", nil)); err != nil {
				t.Fatal(err)
			}
			if got := headerOrDash(rec.Header(), "Content-Length"); got != tt.wantMap {
				t.Errorf("header map Content-Length = %q; want %q", got, tt.wantMap)
			}
		})
	}
}

// TestSendContentLengthWire checks that every response reaches a client
// of net/http's HTTP/1.1 and HTTP/2 servers with its Content-Length, on
// both sides of the size Send leaves to the server.
func TestSendContentLengthWire(t *testing.T) {
	srv := &web.Server{Logger: discardLogger()}
	view := &View{
		Renderers: []render.Renderer{render.JSON{}},
		Get: func(r *Request) (*Response, error) {
			n, _ := strconv.Atoi(r.HTTP().URL.Query().Get("n"))
			return NewResponse(strings.Repeat("x", n), http.StatusOK), nil
		},
	}
	h := srv.Handle(view.Handler())
	h1 := httptest.NewServer(h)
	defer h1.Close()
	h2 := httptest.NewUnstartedServer(h)
	h2.EnableHTTP2 = true
	h2.StartTLS()
	defer h2.Close()
	for _, s := range []struct {
		name  string
		srv   *httptest.Server
		proto int
	}{{"HTTP/1.1", h1, 1}, {"HTTP/2", h2, 2}} {
		client := s.srv.Client()
		if s.proto == 2 {
			client.Transport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true, NextProtos: []string{"h2"}}
			client.Transport.(*http.Transport).ForceAttemptHTTP2 = true
		}
		for _, n := range []int{0, 10, hdr.ServerBuffered - 2, hdr.ServerBuffered - 1, 5000, 70000} {
			for _, method := range []string{"GET", "HEAD"} {
				t.Run(s.name+"/"+method+"/"+strconv.Itoa(n), func(t *testing.T) {
					req, _ := http.NewRequest(method, s.srv.URL+"/?n="+strconv.Itoa(n), nil)
					res, err := client.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					defer res.Body.Close()
					body, err := io.ReadAll(res.Body)
					if err != nil {
						t.Fatal(err)
					}
					if res.ProtoMajor != s.proto {
						t.Fatalf("protocol %s; want major %d", res.Proto, s.proto)
					}
					want := strconv.Itoa(n + 2)
					if got := res.Header.Get("Content-Length"); got != want {
						t.Errorf("Content-Length = %q; want %q (Transfer-Encoding %q)", got, want, res.TransferEncoding)
					}
					if method == "GET" && len(body) != n+2 {
						t.Errorf("body of %d bytes; want %d", len(body), n+2)
					}
				})
			}
		}
	}
}

// TestSendAfterMiddlewareChangesRenderer checks that a Response whose
// AcceptedRenderer middleware replaced after the view finalized it is sent
// as the new renderer renders it, Content-Type included (DRF reads
// accepted_renderer when rendering).
func TestSendAfterMiddlewareChangesRenderer(t *testing.T) {
	swap := func(to render.Renderer, mediaType string) web.Middleware {
		return func(next web.Handler) web.Handler {
			return func(r *web.Request) (web.Response, error) {
				resp, err := next(r)
				if rr, ok := resp.(*Response); ok {
					rr.AcceptedRenderer, rr.AcceptedMediaType = to, mediaType
				}
				return resp, err
			}
		}
	}
	view := &View{Renderers: []render.Renderer{render.JSON{}, render.PlainText{}}, Get: ok("hi")}
	for _, tt := range []struct {
		name     string
		to       render.Renderer
		media    string
		wantType string
		wantBody string
	}{
		{"json to text", render.PlainText{}, "text/plain", "text/plain; charset=utf-8", "hi"},
		{"json to another json", render.JSON{EnsureASCII: true, MediaType: "application/vnd.x+json"}, "application/vnd.x+json", "application/vnd.x+json", `"hi"`},
		{"json to func", render.Func{Spec: render.Info{MediaType: "text/csv", Format: "csv", Charset: "utf-8"}, Fn: func(w io.Writer, data any, _ *render.Context) error {
			_, err := io.WriteString(w, "csv:"+data.(string))
			return err
		}}, "text/csv", "text/csv; charset=utf-8", "csv:hi"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := &web.Server{Logger: discardLogger(), Middleware: []web.Middleware{swap(tt.to, tt.media)}}
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("Accept", "application/json")
			srv.Handle(view.Handler()).ServeHTTP(rec, req)
			if got := rec.Header().Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q; want %q", got, tt.wantType)
			}
			if got := rec.Body.String(); got != tt.wantBody {
				t.Errorf("body = %q; want %q", got, tt.wantBody)
			}
		})
	}
}
