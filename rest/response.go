package rest

import (
	"bytes"
	"errors"
	"net/http"
	"sync"

	"github.com/restframe/restframe/internal/hdr"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// Errors of Response.
var (
	// ErrNotFinalized is DRF's assertion ".accepted_renderer not set on
	// Response": a Response rendered or sent without a renderer, that is,
	// outside a View (set AcceptedRenderer yourself there). It is a
	// programming error: the web adapter answers 500.
	ErrNotFinalized = errors.New("rest: .accepted_renderer not set on Response")
	// ErrNilResponse is returned (and answered with a 500) when a Handler
	// returns a nil *Response with a nil error.
	ErrNilResponse = errors.New("rest: handler returned a nil Response and a nil error")
)

// errResponseException stands for the error of a Response marked Exception
// by its creator rather than by the exception handler.
var errResponseException = errors.New("rest: error response")

// maxPooledBuffer is the largest render buffer kept for reuse; bigger ones
// are left to the garbage collector so that one huge response does not pin
// its memory.
const maxPooledBuffer = 64 << 10

// bufferPool holds the render buffers of Send.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Response is DRF's Response: a response whose body is unrendered Data until
// it is sent. A View negotiates a renderer for it (finalization sets
// AcceptedRenderer, AcceptedMediaType and RendererContext) and middleware can
// still read and replace Data afterwards; Send renders it once, into a pooled
// buffer, before the status line and headers are written, so that a render
// error becomes a clean 500 instead of a half-written 200.
//
// It implements web.Response; status, headers and cookies are those of the
// embedded web.BaseResponse (Django's HttpResponseBase).
//
// # Content-Type and empty bodies
//
// As in DRF (spec §3.7–3.9): ContentType, when set, is sent verbatim;
// otherwise the renderer's declared media type, with "; charset=<charset>"
// when the renderer has a charset (never the negotiated media type with its
// parameters). A Content-Type set in the headers is always replaced. There is
// no body and no Content-Type when Data is nil and the renderer writes
// nothing, when a renderer without a charset (DRF's bytes renderers, such as
// JSON) writes nothing, and for 204 No Content and 304 Not Modified, which
// are never rendered. A text renderer that writes nothing sends an empty body
// that keeps its Content-Type. A HEAD request gets the headers of the GET
// response, Content-Length included, without the body.
//
// # Content-Length
//
// Every response with a body reaches the client with its Content-Length,
// as Django's CommonMiddleware sets it. Send puts it in the header map for
// HEAD requests and for bodies over 2 KiB; a smaller body is written whole
// before the handler returns, and net/http's servers (HTTP/1 and HTTP/2)
// then add its Content-Length themselves, from their own buffer, which costs
// less than a header-map entry. A writer that is not a server's, such as
// httptest.ResponseRecorder, therefore shows no Content-Length for a small
// body; resttest.Record adds it as the server would.
type Response struct {
	web.BaseResponse

	// Data is the unrendered data (DRF's response.data).
	Data any
	// TemplateName is DRF's template_name: the template an HTML renderer
	// uses for this response, before the renderer's and the view's.
	TemplateName string
	// ContentType is DRF's content_type: when set, the Content-Type sent
	// verbatim, whatever the renderer (an image/* renderer's real type).
	ContentType string
	// Exception is DRF's response.exception: the response describes an
	// error. The view sets it on the responses of the exception handler;
	// HTML renderers then use their error templates.
	Exception bool

	// AcceptedRenderer is the renderer chosen by content negotiation
	// (DRF's accepted_renderer); the view sets it during finalization.
	AcceptedRenderer render.Renderer
	// AcceptedMediaType is the negotiated media type with its parameters
	// (DRF's accepted_media_type), e.g. "application/json; indent=4".
	AcceptedMediaType string
	// RendererContext is what the renderer is told besides the data (DRF's
	// renderer_context). The one a View sets lives until the response is
	// sent: Send then sets RendererContext to nil. Send fills in its Status, Header and
	// AcceptedMediaType from the response before rendering (Header only for
	// renderers from outside package render: none of render's reads it, and
	// the header map is then not made for them); a nil RendererContext
	// means an empty one.
	RendererContext *render.Context

	err      error           // the error behind an exception response
	fallback render.Renderer // renders error data the accepted renderer cannot
	owner    *compiled       // the view that finalized the response
	// req is the view's Request, released to owner by Send. It holds the
	// storage of RendererContext and the precomputed Content-Type, so that
	// the Response stays small (it is the one allocation of a view).
	req *Request
}

// NewResponse returns a Response holding data with the given status: DRF's
// Response(data, status). A status of 0 means 200.
func NewResponse(data any, status int) *Response {
	r := &Response{Data: data}
	r.StatusCode = status
	return r
}

// Respond is NewResponse for the Response a view's handler returns, made
// without allocating: its memory belongs to the Request, and the view
// reuses it for a later request once it has been sent (see Request), as it
// reuses the Request. Use it for the common
//
//	return r.Respond(data, http.StatusOK), nil
//
// and NewResponse for a Response that outlives the request (kept, cached,
// or sent more than once). Only the first call of a request, on a Request
// made by a View, gives the reused memory; later calls, and calls on a
// Request made with NewRequest, return NewResponse(data, status).
func (r *Request) Respond(data any, status int) *Response {
	if !r.pooled || r.responded {
		return NewResponse(data, status)
	}
	r.responded = true
	// resp is zero: the Request is cleared when released.
	r.resp.Data, r.resp.StatusCode = data, status
	return &r.resp
}

// context returns the render context for the response as it is now, for
// renderer.
func (r *Response) context(renderer render.Renderer) *render.Context {
	ctx := r.RendererContext
	if ctx == nil {
		ctx = new(render.Context)
	}
	ctx.Status = r.Status()
	r.setContextHeader(ctx, renderer)
	if r.AcceptedMediaType != "" || ctx.AcceptedMediaType == "" {
		ctx.AcceptedMediaType = r.AcceptedMediaType
	}
	if r.TemplateName != "" {
		ctx.TemplateName = r.TemplateName
	}
	if r.Exception && ctx.Exception == nil {
		ctx.Exception = r.err
		if ctx.Exception == nil {
			ctx.Exception = errResponseException
		}
	}
	return ctx
}

// setContextHeader sets ctx.Header to the response's headers, unless the
// renderer is one of package render's, none of which reads them: then the
// header map is not made for it (the headers a view sets, Allow and Vary,
// are kept outside the map until someone asks for it).
func (r *Response) setContextHeader(ctx *render.Context, renderer render.Renderer) {
	switch renderer.(type) {
	case render.JSON, *render.TemplateHTML, render.StaticHTML, render.PlainText,
		render.Binary, render.Image, render.MultiPart:
		return
	}
	ctx.Header = r.Header()
}

// bodiless reports whether the status forbids a body (RFC 9110 §15.3.5,
// §15.4.5).
func bodiless(status int) bool {
	return status == http.StatusNoContent || status == http.StatusNotModified
}

// rendered is the outcome of renderInto.
type rendered struct {
	renderer render.Renderer // the renderer that rendered
	fallback bool            // it is r.fallback, not AcceptedRenderer
	plan     *renderPlan     // the view's plan for renderer, if any
	keep     bool            // the Content-Type is sent
}

// renderInto renders the response into buf.
func (r *Response) renderInto(buf *bytes.Buffer) (rendered, error) {
	out := rendered{renderer: r.AcceptedRenderer}
	if out.renderer == nil {
		return out, ErrNotFinalized
	}
	j, isJSON := out.renderer.(render.JSON)
	out.plan = r.plan(out.renderer, j, isJSON)
	if bodiless(r.Status()) {
		return out, nil
	}
	ctx := r.context(out.renderer)
	var err error
	if isJSON {
		// The commonest renderer encodes straight into the buffer's
		// memory, without an intermediate copy; the buffer adopts the
		// memory when the encoder had to grow it.
		var b []byte
		if b, err = j.Append(buf.AvailableBuffer(), r.Data, ctx); err == nil {
			*buf = *bytes.NewBuffer(b)
		}
	} else {
		err = out.renderer.Render(buf, r.Data, ctx)
	}
	if err != nil && r.Exception && r.fallback != nil && errors.Is(err, render.ErrUnsupportedData) {
		// A binary or custom renderer cannot show the error data: use the
		// text renderer the view chose, so that the client reads the error.
		buf.Reset()
		out.renderer, out.fallback, out.plan = r.fallback, true, nil
		r.setContextHeader(ctx, out.renderer)
		err = out.renderer.Render(buf, r.Data, ctx)
	}
	if err != nil {
		buf.Reset()
		return out, err
	}
	out.keep = buf.Len() > 0 || (r.Data != nil && out.renderer.Info().Charset != "")
	return out, nil
}

// plan returns the view's plan for renderer (j when isJSON), nil when there
// is none: a Response not made by a View, or an AcceptedRenderer replaced
// after the view's finalization by one the plan is not for.
func (r *Response) plan(renderer render.Renderer, j render.JSON, isJSON bool) *renderPlan {
	if r.req == nil || r.req.plan == nil {
		return nil
	}
	p := r.req.plan
	if isJSON {
		// A JSON's Content-Type is its media type alone: comparing that
		// is cheaper than comparing the renderers.
		if p.json != nil && j.MediaType == p.json.MediaType {
			return p
		}
		return nil
	}
	if p.holds(renderer) {
		return p
	}
	return nil
}

// contentType returns the Content-Type header value for out.
func (r *Response) contentType(out rendered) []string {
	switch {
	case r.ContentType != "":
		return []string{r.ContentType}
	case out.plan != nil:
		return out.plan.ct
	}
	return []string{out.renderer.Info().ContentType()}
}

// Render renders Data with the accepted renderer and returns the bytes
// (DRF's rendered_content). It sets the Content-Type header as Send would
// (see Response) and may be called more than once; Send renders again.
// Without an AcceptedRenderer it returns ErrNotFinalized.
func (r *Response) Render() ([]byte, error) {
	var buf bytes.Buffer
	out, err := r.renderInto(&buf)
	if err != nil {
		return nil, err
	}
	if out.keep {
		r.Header()["Content-Type"] = r.contentType(out)
	} else {
		r.DelHeader("Content-Type")
	}
	return buf.Bytes(), nil
}

// Send renders the response and writes it to w: web.Response's Send. The
// data is rendered into a pooled buffer first; a render error is returned
// before anything is written, so that the adapter answers 500. For HEAD
// requests the body is not written.
func (r *Response) Send(w http.ResponseWriter, req *http.Request) error {
	if r.req != nil {
		// The view's Request is no longer needed: the handler has returned
		// and the data is rendered below.
		defer r.releaseRequest()
	}
	var buf *bytes.Buffer
	if r.req != nil {
		buf = &r.req.buf // reused with the Request
	} else {
		buf = bufferPool.Get().(*bytes.Buffer)
		defer func() {
			if buf.Cap() <= maxPooledBuffer {
				buf.Reset()
				bufferPool.Put(buf)
			}
		}()
	}
	out, err := r.renderInto(buf)
	if err != nil {
		return err
	}
	if err := r.CopyHeader(w); err != nil {
		return err
	}
	h := w.Header()
	if out.keep {
		h["Content-Type"] = r.contentType(out)
	} else {
		delete(h, "Content-Type")
	}
	status := r.Status()
	head := req != nil && req.Method == http.MethodHead
	switch n := buf.Len(); {
	case bodiless(status):
		delete(h, "Content-Length")
	case head || !hdr.ServerAddsLength(n, false):
		// The server would not add it: a HEAD body is not written.
		h["Content-Length"] = hdr.ContentLength(n)
	default:
		// net/http's servers add the Content-Length of a body this small,
		// written whole before the handler returns, from their own buffer:
		// cheaper than a header-map entry (or a look-up in it). A value
		// the response's headers carried is corrected.
		if r.HasHeader("Content-Length") {
			h["Content-Length"] = hdr.ContentLength(n)
		}
	}
	w.WriteHeader(status)
	if buf.Len() == 0 || head {
		return nil
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// releaseRequest gives the view's Request back for reuse.
func (r *Response) releaseRequest() {
	req := r.req
	if r.RendererContext == &req.ctx {
		r.RendererContext = nil
	}
	r.req = nil
	r.owner.release(req)
}

var _ web.Response = (*Response)(nil)
