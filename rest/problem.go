package rest

import (
	"net/http"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// Problem is an RFC 9457 problem details object (§3.1 members type, title,
// status, detail, instance), with two extension members (§3.2): code, the
// DRF code of a single detail, and errors, the DRF detail of a
// ValidationError (a list, or an object of fields). It is the data of the
// responses of ProblemDetailsHandler and renders in the negotiated format.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code,omitempty"`
	Errors   any    `json:"errors,omitempty"`
}

// NewProblem returns the problem details of e: type "about:blank" (RFC
// 9457 §4.2.1), the status text as title, e's message as detail
// ("Invalid input." for a list or object detail, which goes to Errors)
// and, for a single detail, its code.
func NewProblem(e *Error) *Problem {
	p := &Problem{Type: "about:blank", Title: http.StatusText(e.Status), Status: e.Status}
	if p.Title == "" {
		p.Title = "Error"
	}
	switch d := e.Detail.(type) {
	case ErrorDetail:
		p.Detail, p.Code = d.Message, d.Code
	case []any, map[string]any, web.JSONObject:
		p.Errors = e.Detail
		if e.Code == CodeInvalid {
			p.Detail = DetailInvalid
		} else {
			p.Detail = detailMessage(e.Detail)
		}
	default:
		p.Detail = detailMessage(e.Detail)
	}
	return p
}

// ProblemDetailsHandler is an ExceptionHandler that answers RFC 9457
// problem details instead of DRF's bodies: the errors DefaultExceptionHandler
// handles become a Response whose Data is a *Problem, with the same status
// and headers; Instance is the request path. The data is rendered by the
// negotiated renderer; when that renderer is JSON or XML, the Content-Type
// becomes application/problem+json or application/problem+xml (see
// ProblemContentType). Select it with Settings.ExceptionHandler.
func ProblemDetailsHandler(err error, ctx *ExceptionContext) *Response {
	e := AsError(err)
	if e == nil {
		return nil
	}
	p := NewProblem(e)
	var rd render.Renderer
	if ctx != nil && ctx.Request != nil {
		if ctx.Request.Request != nil {
			p.Instance = ctx.Request.Path()
		}
		rd = ctx.Request.AcceptedRenderer()
	}
	if rd == nil && ctx != nil && ctx.View != nil {
		rd = firstRenderer(ctx.View)
	}
	r := NewResponse(p, e.Status)
	copyErrorHeader(r, e)
	r.Exception = true
	if rd != nil {
		r.ContentType = ProblemContentType(rd)
	}
	return r
}

// firstRenderer is the renderer a view falls back to when negotiation
// failed: its first.
func firstRenderer(v *View) render.Renderer {
	rs := v.Renderers
	if rs == nil {
		s := v.Settings
		if s == nil {
			s = DefaultSettings()
		}
		rs = s.renderers()
	}
	if len(rs) == 0 {
		return nil
	}
	return rs[0]
}

// ProblemContentType returns the problem details media type for what the
// renderer writes: "application/problem+json" for application/json,
// "application/problem+xml" for application/xml and text/xml (RFC 9457
// §6.1, appendix B), with the renderer's charset; "" for other renderers,
// whose own Content-Type is kept (an HTML error page stays text/html).
func ProblemContentType(r render.Renderer) string {
	info := r.Info()
	var mt string
	switch info.MediaType {
	case "application/json":
		mt = "application/problem+json"
	case "application/xml", "text/xml":
		mt = "application/problem+xml"
	default:
		return ""
	}
	if info.Charset != "" {
		mt += "; charset=" + info.Charset
	}
	return mt
}
