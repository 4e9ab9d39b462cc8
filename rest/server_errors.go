package rest

import (
	"github.com/restframe/restframe/web"
)

// ServerErrors returns a function for web.Server.ErrorResponse that answers
// the errors raised outside the API views — by web handlers, by web
// middleware (a disallowed host, a cross-origin refusal, a missing login)
// and for URLs no route matches (web.ErrNotFound) — as the views answer
// theirs: negotiated among the renderers of s (nil means DefaultSettings())
// with ?format= and the Accept header, turned into a Response by the
// exception handler of s, in DRF's words ({"detail":"Not found."}) or as
// problem details with ProblemDetailsHandler. A client error that cannot be
// negotiated (nothing acceptable) is rendered by the first renderer, as the
// 406 of a view is.
//
// Errors the exception handler leaves unhandled (server errors, panics,
// disconnected clients) get a nil Response, which keeps the web.Server's
// plain-text answer: their internals are never shown.
//
//	srv := &web.Server{Settings: ws, ErrorResponse: rest.ServerErrors(api)}
//
// It panics when s cannot negotiate (a renderer with an invalid media
// type), as View.Handler does.
func ServerErrors(s *Settings) func(*web.Request, error) web.Response {
	v := &View{Settings: s, Name: "Error"}
	c, err := v.compile()
	if err != nil {
		panic("rest: ServerErrors: " + err.Error())
	}
	return func(wr *web.Request, err error) web.Response {
		// No authenticators: the error may come from authentication
		// itself, and an error page does not need a user.
		req := &Request{Request: wr}
		req.parsers, req.authenticators = c.parsers, []Authenticator{}
		index := 0
		hr := wr.HTTP()
		if sel, nerr := c.neg.Select(hr, RequestFormat(hr, c.suffixKwarg, c.override)); nerr == nil {
			req.renderer, req.mediaType, index = sel.Renderer, sel.MediaType, sel.Index
		}
		resp, err := c.handleException(req, err)
		if err != nil || resp == nil {
			return nil
		}
		c.finalize(req, resp, index)
		delete(resp.Header(), "Allow") // the error is not the answer of a resource
		return resp
	}
}
