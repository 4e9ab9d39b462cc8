package render

import (
	"fmt"
	"io"
)

// Info describes a renderer: DRF's BaseRenderer class attributes media_type,
// format, charset and render_style.
//
// The Content-Type of a rendered response is composed from it the way DRF's
// Response.rendered_content does (spec §3.7): the response's explicit
// content type if it has one, else MediaType followed by "; charset=" and
// Charset when Charset is not empty, else MediaType alone. The negotiated
// (accepted) media type is never used for the header.
type Info struct {
	// MediaType is DRF's media_type: what the renderer offers in content
	// negotiation, e.g. "application/json". It may be underspecified
	// ("image/*"); the response then names its real type explicitly.
	MediaType string
	// Format is DRF's format: the name used by ?format= and by format
	// suffixes (/users.json), e.g. "json".
	Format string
	// Charset is DRF's charset: "utf-8" for text formats; "" (DRF's None)
	// for JSON and binary formats, whose Content-Type carries no charset.
	Charset string
	// Binary is DRF's render_style = 'binary': the output is not text, and
	// the browsable API shows "[<n> bytes of binary content]" instead.
	Binary bool
}

// ContentType returns the Content-Type for a response rendered with this
// Info and no explicit content type: MediaType, plus "; charset=" and
// Charset when Charset is set (spec §3.7). It allocates only when Charset is
// set.
func (i Info) ContentType() string {
	if i.Charset == "" {
		return i.MediaType
	}
	return i.MediaType + "; charset=" + i.Charset
}

// Renderer turns a response's unrendered data into bytes of one media type:
// DRF's BaseRenderer. Info describes it; Render writes data to w.
//
// Render writes nothing for data that renders to DRF's empty bytes (the JSON
// renderer with nil data): the caller then sends no body and no
// Content-Type (spec §3.9). On error, w may have received part of the
// output; callers render into a buffer (as package rest does) and discard
// it, so that an error becomes a clean 500. ctx may be nil, meaning an empty
// Context. Renderers are safe for concurrent use.
type Renderer interface {
	Info() Info
	Render(w io.Writer, data any, ctx *Context) error
}

// RenderFunc is the signature of Renderer.Render: DRF's
// render(data, accepted_media_type, renderer_context), with the accepted
// media type inside ctx.
type RenderFunc func(w io.Writer, data any, ctx *Context) error

// Func is a Renderer made of an Info and a function: the one-line way to
// write a custom renderer, like subclassing DRF's BaseRenderer with
// media_type, format and render().
//
//	csv := render.Func{
//		Spec: render.Info{MediaType: "text/csv", Format: "csv", Charset: "utf-8"},
//		Fn:   writeCSV,
//	}
type Func struct {
	// Spec is what Info returns.
	Spec Info
	// Fn renders. A nil Fn makes Render return ErrNotImplemented (DRF's
	// NotImplementedError "Renderer class requires .render() to be
	// implemented").
	Fn RenderFunc
}

var _ Renderer = Func{}

// Info returns f.Spec.
func (f Func) Info() Info { return f.Spec }

// Render calls f.Fn(w, data, ctx).
func (f Func) Render(w io.Writer, data any, ctx *Context) error {
	if f.Fn == nil {
		return fmt.Errorf("%w (%s)", ErrNotImplemented, f.Spec.MediaType)
	}
	return f.Fn(w, data, ctx)
}
