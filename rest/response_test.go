package rest

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/internal/hdr"
	"github.com/restframe/restframe/render"
)

// failingRenderer writes part of its output, then fails.
var failingRenderer = render.Func{
	Spec: render.Info{MediaType: "application/json", Format: "json"},
	Fn: func(w io.Writer, _ any, _ *render.Context) error {
		w.Write([]byte(`{"half":`))
		return errors.New("boom")
	},
}

var responseSendTests = []struct {
	name        string
	resp        func() *Response
	method      string
	wantStatus  int
	wantType    string // "-" for absent
	wantBody    string
	wantLength  string // "-" for absent
	wantErr     bool
	wantWritten bool
}{
	{
		name:       "json",
		resp:       func() *Response { return withRenderer(NewResponse(map[string]any{"a": 1}, 0), render.JSON{}, "") },
		wantStatus: 200, wantType: "application/json", wantBody: `{"a":1}`, wantLength: "7",
	},
	{
		name:       "charset renderer",
		resp:       func() *Response { return withRenderer(NewResponse("hi", 201), render.PlainText{}, "") },
		wantStatus: 201, wantType: "text/plain; charset=utf-8", wantBody: "hi", wantLength: "2",
	},
	{
		name: "explicit content type wins",
		resp: func() *Response {
			r := withRenderer(NewResponse([]byte{1, 2}, 0), render.Image{}, "image/png")
			r.ContentType = "image/png"
			return r
		},
		wantStatus: 200, wantType: "image/png", wantBody: "\x01\x02", wantLength: "2",
	},
	{
		name:       "nil data: no body, no content type",
		resp:       func() *Response { return withRenderer(NewResponse(nil, 0), render.JSON{}, "") },
		wantStatus: 200, wantType: "-", wantBody: "", wantLength: "0",
	},
	{
		name:       "204: no body, no content type",
		resp:       func() *Response { return withRenderer(NewResponse(map[string]any{"a": 1}, 204), render.JSON{}, "") },
		wantStatus: 204, wantType: "-", wantBody: "", wantLength: "-",
	},
	{
		name:       "empty string keeps the content type of a text renderer",
		resp:       func() *Response { return withRenderer(NewResponse("", 0), render.StaticHTML{}, "") },
		wantStatus: 200, wantType: "text/html; charset=utf-8", wantBody: "", wantLength: "0",
	},
	{
		name:       "empty bytes drop the content type of a binary renderer",
		resp:       func() *Response { return withRenderer(NewResponse([]byte{}, 0), render.Binary{}, "") },
		wantStatus: 200, wantType: "-", wantBody: "", wantLength: "0",
	},
	{
		name: "header content type replaced",
		resp: func() *Response {
			r := withRenderer(NewResponse(1, 0), render.JSON{}, "")
			r.Header().Set("Content-Type", "x/forced")
			return r
		},
		wantStatus: 200, wantType: "application/json", wantBody: "1", wantLength: "1",
	},
	{
		name: "indent from the accepted media type",
		resp: func() *Response {
			return withRenderer(NewResponse([]any{1}, 0), render.JSON{}, "application/json; indent=2")
		},
		wantStatus: 200, wantType: "application/json", wantBody: "[\n  1\n]", wantLength: "7",
	},
	{
		name:       "HEAD: headers without body",
		resp:       func() *Response { return withRenderer(NewResponse(map[string]any{"a": 1}, 0), render.JSON{}, "") },
		method:     "HEAD",
		wantStatus: 200, wantType: "application/json", wantBody: "", wantLength: "7",
	},
	{
		name:    "render error: nothing written",
		resp:    func() *Response { return withRenderer(NewResponse(1, 0), failingRenderer, "") },
		wantErr: true,
	},
	{
		name:    "not finalized",
		resp:    func() *Response { return NewResponse(1, 0) },
		wantErr: true,
	},
	{
		name: "exception data a binary renderer cannot render falls back",
		resp: func() *Response {
			r := withRenderer(NewResponse(map[string]any{"detail": "Not found."}, 404), render.Binary{}, "")
			r.Exception, r.fallback = true, render.JSON{}
			return r
		},
		wantStatus: 404, wantType: "application/json", wantBody: `{"detail":"Not found."}`, wantLength: "23",
	},
}

func withRenderer(r *Response, rd render.Renderer, mediaType string) *Response {
	r.AcceptedRenderer = rd
	r.AcceptedMediaType = mediaType
	return r
}

func TestResponseSend(t *testing.T) {
	for _, tt := range responseSendTests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			rec := httptest.NewRecorder()
			err := tt.resp().Send(rec, httptest.NewRequest(method, "/", nil))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Send = nil; want an error")
				}
				if rec.Body.Len() != 0 || len(rec.Header()) != 0 || rec.Code != 200 || rec.Flushed {
					t.Errorf("Send failed after writing: %d %v %q", rec.Code, rec.Header(), rec.Body)
				}
				return
			}
			if err != nil {
				t.Fatalf("Send = %v", err)
			}
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d; want %d", rec.Code, tt.wantStatus)
			}
			// The headers a client of net/http's server receives.
			hdr.AddServerLength(rec.Header(), rec.Code, rec.Body.Len(), method == http.MethodHead, rec.Flushed)
			if got := headerOrDash(rec.Header(), "Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q; want %q", got, tt.wantType)
			}
			if got := headerOrDash(rec.Header(), "Content-Length"); got != tt.wantLength {
				t.Errorf("Content-Length = %q; want %q", got, tt.wantLength)
			}
			if got := rec.Body.String(); got != tt.wantBody {
				t.Errorf("body = %q; want %q", got, tt.wantBody)
			}
		})
	}
}

func headerOrDash(h http.Header, name string) string {
	if v, ok := h[name]; ok {
		return v[0]
	}
	return "-"
}

func TestResponseRender(t *testing.T) {
	r := withRenderer(NewResponse(map[string]any{"a": "é"}, 0), render.JSON{EnsureASCII: true}, "")
	b, err := r.Render()
	if err != nil || string(b) != `{"a":"\u00e9"}` {
		t.Errorf("Render() = %q, %v; want %q", b, err, `{"a":"\u00e9"}`)
	}
	if got := r.Header().Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type after Render = %q; want application/json", got)
	}
	if _, err := NewResponse(1, 0).Render(); !errors.Is(err, ErrNotFinalized) {
		t.Errorf("Render() without renderer = %v; want ErrNotFinalized", err)
	}
	r = withRenderer(NewResponse(nil, 0), render.JSON{}, "")
	r.Header().Set("Content-Type", "application/json")
	if b, err := r.Render(); err != nil || len(b) != 0 || r.HasHeader("Content-Type") {
		t.Errorf("Render() of nil = %q, %v, Content-Type %v; want empty, nil, none", b, err, r.HasHeader("Content-Type"))
	}
}

func TestResponseContextStatus(t *testing.T) {
	var got *render.Context
	spy := render.Func{
		Spec: render.Info{MediaType: "text/html", Format: "html", Charset: "utf-8"},
		Fn: func(w io.Writer, _ any, ctx *render.Context) error {
			got = ctx
			return nil
		},
	}
	r := withRenderer(NewResponse("x", 418), spy, "text/html; q=1")
	r.TemplateName = "t.html"
	r.Exception = true
	if _, err := r.Render(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Status != 418 || got.AcceptedMediaType != "text/html; q=1" || got.TemplateName != "t.html" || got.Exception == nil {
		t.Errorf("render context = %+v; want status 418, the media type, the template and an exception", got)
	}
}
