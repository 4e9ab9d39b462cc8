// Package render holds Django REST framework's renderers for Go: the
// [Renderer] interface that turns a response's unrendered data into bytes
// of one media type, and the built-in renderers.
//
// A renderer is picked by content negotiation (package rest, with package
// mediatype) among the renderers a view offers, and called once, late, with
// the data the view returned and a [Context] describing the request and the
// response. Package render knows nothing of views: whatever a renderer
// needs arrives as plain fields of the Context.
//
// # Which renderer to pick
//
//   - [JSON] (application/json) for APIs: DRF's JSONRenderer, byte for byte,
//     indentation on request ("Accept: application/json; indent=4"). Put it
//     first in a view's list so that clients sending "*/*" get JSON.
//   - [TemplateHTML] (text/html) to serve web pages from API endpoints:
//     html/template templates from an fs.FS, HTML error pages
//     ({status}.html, api_exception.html, "404 Not Found").
//   - [StaticHTML] (text/html) for HTML the view renders itself.
//   - [PlainText] (text/plain) for text; errors come out readable.
//   - [Binary] for files of one type (application/pdf, image/jpeg) and
//     [Image] for "image/*" with the real type set by the view.
//   - [MultiPart] only to build multipart/form-data test requests (the test
//     client uses it); it is not a response renderer.
//   - [Func] for your own, in a few lines.
//
// Every renderer is a small value whose zero value (or NewTemplateHTML
// result) is ready and safe for concurrent use.
//
// # Info, Content-Type and empty bodies
//
// [Info] is DRF's media_type, format, charset and render_style. The caller
// sends Content-Type Info.ContentType() unless the response names its own
// (spec §3.7); the negotiated media type with its parameters is only passed
// to the renderer, never sent.
//
// A renderer that writes nothing, as JSON does for nil data (DRF's b""),
// means "no body": the caller then removes the Content-Type, as DRF does for
// Response(None) and 204 responses (spec §3.9). An HTML or text renderer
// writing an empty string is an empty body that keeps its Content-Type.
//
// Render may write part of its output before failing; callers render into
// a buffer (package rest uses a pooled one) and discard it on error, so that
// a render error becomes a clean 500 rather than a half-written 200. A
// render error is always a server-side fault: nothing a client sends makes
// a renderer fail (a bad indent parameter is ignored, as DRF ignores it).
//
// # The Context
//
// [Context] carries DRF's renderer_context and accepted_media_type: the
// *web.Request, the accepted media type with its parameters (read them with
// [Context.Param]; [Context.Indentation] is DRF's get_indent), the response
// status and headers, the view's name, description and allowed methods, the
// error being rendered (Context.Exception: HTML renderers switch to error
// pages) and the template names. A nil *Context is valid and means the zero
// Context.
//
// # Writing your own renderer
//
// Implement Info and Render, or fill a [Func]:
//
//	csv := render.Func{
//		Spec: render.Info{MediaType: "text/csv", Format: "csv", Charset: "utf-8"},
//		Fn: func(w io.Writer, data any, ctx *render.Context) error {
//			rows, ok := data.([][]string)
//			if !ok {
//				return fmt.Errorf("%w: %T", render.ErrUnsupportedData, data)
//			}
//			return csv.NewWriter(w).WriteAll(rows)
//		},
//	}
//
// Set Charset to "" for binary formats and Binary to true when the bytes
// are not text (the browsable API then shows their size instead). Return
// [ErrUnsupportedData] for data you cannot render, such as an error map
// given to a binary renderer: the caller can fall back to a text renderer.
// Read parameters of the accepted media type with ctx.Param to vary the
// output ("application/json; nested=true").
//
// # Where restframe differs from DRF
//
// Error responses never show Python-style dumps: PlainText writes the
// detail text, binary renderers refuse the error data instead of sending
// its keys as bytes, and TemplateHTML renders its error template for a
// list of validation errors (DRF 3.14 fails with a 500 there). Go maps have
// no order, so JSON writes them sorted by key, as encoding/json does;
// web.JSONObject keeps the order of a Python dict.
//
// # Security
//
// TemplateHTML escapes everything its templates print (html/template's
// contextual escaping). StaticHTML and the binary renderers send data
// unchanged: never give them text that came from a client. JSON does not
// escape <, > and & (DRF does not either); the application/json
// Content-Type, and the X-Content-Type-Options: nosniff header that the
// web package's security middleware sets, keep browsers from reading it as
// HTML.
package render
