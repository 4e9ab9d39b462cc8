package rest

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// message is the TechEmpower JSON body.
type message struct {
	Message string `json:"message"`
}

// acceptAllocTests are the Accept headers of the JSON view's allocation
// guard: each negotiates the JSON renderer. Not claimed: an indent
// parameter (render parses the accepted media type's parameters) and, in
// DRF mode, a range with parameters (the accepted media type is built the
// way DRF builds it).
var acceptAllocTests = []struct {
	name    string
	accept  *string // nil: absent
	rfcOnly bool
}{
	{"json", ptr("application/json"), false},
	{"star", ptr("*/*"), false},
	{"absent", nil, false},
	{"q values", ptr("text/html;q=0.1, application/json;q=0.9"), true},
}

// TestViewJSONAllocs guards the claim that a negotiated JSON view (a full
// rest.View with [JSON, TemplateHTML] served by web.Server) allocates only
// the Response its handler makes: the web and rest Requests, the render
// buffer, the Allow and Vary headers and the Content-Length are reused or
// shared.
func TestViewJSONAllocs(t *testing.T) {
	if allocGuardsOff {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	html, err := render.NewTemplateHTML(render.TemplateHTMLConfig{
		Templates:    template.Must(template.New("page").Parse(`<h1>{{.Message}}</h1>`)),
		TemplateName: "page",
	})
	if err != nil {
		t.Fatal(err)
	}
	data := any(message{Message: "Hello, World!"})
	for _, mode := range []mediatype.Mode{mediatype.ModeRFC, mediatype.ModeDRF} {
		s := DefaultSettings()
		s.Negotiation = mode
		for _, respond := range []bool{false, true} {
			v := &View{
				Settings:  s,
				Renderers: []render.Renderer{render.JSON{}, html},
				Get: func(r *Request) (*Response, error) {
					if respond {
						return r.Respond(data, http.StatusOK), nil
					}
					return NewResponse(data, http.StatusOK), nil
				},
			}
			// NewResponse allocates the Response; Respond nothing.
			want, how := 1.0, "NewResponse"
			if respond {
				want, how = 0, "Respond"
			}
			srv := &web.Server{Settings: &web.Settings{AllowedHosts: []string{"*"}}}
			h := srv.Handle(v.Handler())
			for _, tt := range acceptAllocTests {
				if tt.rfcOnly && mode != mediatype.ModeRFC {
					continue
				}
				t.Run(mode.String()+"/"+how+"/"+tt.name, func(t *testing.T) {
					req := httptest.NewRequest(http.MethodGet, "/json", nil)
					if tt.accept != nil {
						req.Header["Accept"] = []string{*tt.accept}
					}
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json" ||
						rec.Header().Get("Allow") != "GET, HEAD, OPTIONS" || rec.Header().Get("Vary") != "Accept" {
						t.Fatalf("GET /json (Accept %v) = %d %q; want a JSON 200 with Allow and Vary", tt.accept, rec.Code, rec.Header())
					}
					w := &discardWriter{h: http.Header{}}
					allocs := testing.AllocsPerRun(200, func() {
						clear(w.h)
						h.ServeHTTP(w, req)
					})
					if allocs > want {
						t.Errorf("a JSON view whose handler calls %s allocates %v times per request; want at most %v", how, allocs, want)
					}
				})
			}
		}
	}
}

// TestRespond checks where Respond's Response comes from: the Request's
// memory on the first call in a view, a new Response otherwise; and that
// the view serves it like any Response.
func TestRespond(t *testing.T) {
	var first, second *Response
	v := &View{Renderers: jsonHTML, Get: func(r *Request) (*Response, error) {
		first = r.Respond("a", http.StatusCreated)
		second = r.Respond("b", http.StatusAccepted)
		if first == second || first != &r.resp || second == &r.resp {
			t.Errorf("Respond twice = %p, %p (request's %p); want the request's, then a new one", first, second, &r.resp)
		}
		if first.Data != "a" || first.Status() != http.StatusCreated {
			t.Errorf("Respond(a, 201) = %v %d; want a 201", first.Data, first.Status())
		}
		return first, nil
	}}
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusCreated || rec.Body.String() != `"a"` || rec.Header().Get("Allow") != "GET, HEAD, OPTIONS" {
		t.Errorf("GET = %d %q %q; want 201 \"a\" with Allow", rec.Code, rec.Body, rec.Header())
	}
	if first.Data != nil || first.AcceptedRenderer != nil {
		t.Errorf("Respond's Response after Send = %+v; want it cleared for reuse", first)
	}

	outside := NewRequest(web.NewRequest(httptest.NewRequest(http.MethodGet, "/", nil), nil), nil, nil)
	if r := outside.Respond("x", 0); r == &outside.resp || r.Data != "x" || r.Status() != http.StatusOK {
		t.Errorf("Respond outside a view = %p %v %d; want a new Response with x and 200", r, r.Data, r.Status())
	}
}

// TestViewReusesRequest checks that the view's Request is cleared before
// it serves the next request: nothing negotiated, parsed or
// authenticated for one request is seen by the next.
func TestViewReusesRequest(t *testing.T) {
	var seen []string
	v := &View{Renderers: jsonHTML, Get: func(r *Request) (*Response, error) {
		if r.dataDone || r.data != nil {
			seen = append(seen, "data from an earlier request")
		}
		if _, err := r.Data(); err != nil {
			return nil, err
		}
		seen = append(seen, r.AcceptedMediaType())
		return NewResponse("x", http.StatusOK), nil
	}}
	for _, accept := range []string{"application/json", "text/html", "*/*; indent=4"} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Header.Set("Accept", accept)
		v.ServeHTTP(httptest.NewRecorder(), req)
	}
	want := []string{"application/json", "text/html", "application/json; indent=4"}
	if len(seen) != len(want) {
		t.Fatalf("seen = %q; want %q", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("request %d saw %q; want %q", i, seen[i], want[i])
		}
	}
}

// TestResponseAfterSend checks what a Response of a view keeps once sent:
// its data and headers stay, its RendererContext (which lived with the
// view's Request) is nil, and it can still be rendered.
func TestResponseAfterSend(t *testing.T) {
	var resp *Response
	v := &View{Renderers: jsonHTML, Get: func(*Request) (*Response, error) {
		resp = NewResponse(map[string]any{"a": 1}, http.StatusOK)
		return resp, nil
	}}
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if resp.RendererContext != nil {
		t.Errorf("RendererContext after Send = %+v; want nil", resp.RendererContext)
	}
	if got := resp.Header().Get("Allow"); got != "GET, HEAD, OPTIONS" {
		t.Errorf("Allow after Send = %q; want %q", got, "GET, HEAD, OPTIONS")
	}
	b, err := resp.Render()
	if err != nil || string(b) != rec.Body.String() {
		t.Errorf("Render() after Send = %q, %v; want %q", b, err, rec.Body)
	}
}

// TestSelectCommonAccept checks that the precomputed selections of the
// commonest Accept values are those the negotiator makes.
func TestSelectCommonAccept(t *testing.T) {
	lists := [][]render.Renderer{
		{render.JSON{}, render.StaticHTML{}},
		{render.StaticHTML{}, render.JSON{}},
		{render.JSON{}, render.JSON{MediaType: "application/vnd.example+json", Format: "vnd"}, render.PlainText{}},
		{render.Binary{}, render.JSON{}},
		{render.JSON{}, render.JSON{Format: "json2"}},
	}
	headers := []string{"*/*", "application/json", "text/html", "text/plain", "application/octet-stream",
		"application/vnd.example+json", "Application/JSON", "application/json; indent=4", "image/png"}
	for _, mode := range []mediatype.Mode{mediatype.ModeRFC, mediatype.ModeDRF} {
		for _, rs := range lists {
			n, err := NewNegotiation(mode, rs)
			if err != nil {
				t.Fatal(err)
			}
			want, wantErr := n.SelectAccept("*/*", "")
			got, err := n.Select(httptest.NewRequest("GET", "/", nil), "")
			if got != want || (err == nil) != (wantErr == nil) {
				t.Errorf("%v %d renderers: Select(no Accept) = %+v, %v; want %+v, %v", mode, len(rs), got, err, want, wantErr)
			}
			for _, accept := range headers {
				req := httptest.NewRequest("GET", "/", nil)
				req.Header["Accept"] = []string{accept}
				want, wantErr := n.SelectAccept(accept, "")
				got, err := n.Select(req, "")
				if got != want || (err == nil) != (wantErr == nil) {
					t.Errorf("%v %d renderers: Select(%q) = %+v, %v; want %+v, %v", mode, len(rs), accept, got, err, want, wantErr)
				}
			}
		}
	}
}
