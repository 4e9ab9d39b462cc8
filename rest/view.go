package rest

import (
	"bytes"
	"net/http"
	"reflect"
	"strings"
	"sync"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// Handler is an API view's method handler: DRF's get/post/... methods of an
// APIView, or an @api_view function. It returns a Response with unrendered
// data, or an error that the view's exception handler turns into one
// (return *Error values such as NotFound() for DRF's exceptions).
type Handler func(r *Request) (*Response, error)

// View is DRF's APIView: a method-struct view whose Get, Post, Put, Patch
// and Delete fields handle those methods. HEAD is answered by Get (without
// the body), OPTIONS with the view's metadata (SimpleMetadata) unless
// Options is set; other methods get 405 Method Not Allowed. The Allow header
// lists the methods set, in Django's order (GET, POST, PUT, PATCH, DELETE,
// HEAD, OPTIONS), on every response.
//
// For each request, as DRF's dispatch does (spec §6): the format of a URL
// suffix or ?format= filters the renderers (404 when none has it), the
// Accept header chooses among them (406 when none is acceptable), the
// authenticators run (Settings.Authenticators), the permissions and the
// throttles (Settings.Throttles) are checked, and the method's handler is
// called. Any error on the way goes to the
// exception handler, whose Response is finalized like the handler's: the
// negotiated renderer (the first renderer for the 404 and 406 of
// negotiation, spec §6.7), the accepted media type, the renderer context,
// Allow, and Vary: Accept when the view has more than one renderer. A
// NotAuthenticated or AuthenticationFailed error becomes a 401 with the
// WWW-Authenticate challenge of the first authenticator, or a 403 when it
// has none (spec §6.10). An error the exception handler leaves unhandled
// (nil Response) is returned to the web adapter, which logs it and answers
// 500 without internals.
//
// The data is rendered late, when the web adapter sends the Response, so
// web middleware can still change Response.Data.
//
// Build the handler once with Handler (or serve the View, an http.Handler,
// directly); the View must not be changed afterwards.
//
//	v := &rest.View{
//		Name: "Snippet List",
//		Get: func(r *rest.Request) (*rest.Response, error) {
//			return rest.NewResponse(snippets, http.StatusOK), nil
//		},
//	}
//	mux.Handle("/snippets", rest.FormatSuffixHandler(v))
type View struct {
	// Name and Description are DRF's get_view_name and
	// get_view_description: shown by OPTIONS and by HTML renderers.
	Name, Description string

	// Get, Post, Put, Patch and Delete handle their methods; nil means
	// not allowed.
	Get, Post, Put, Patch, Delete Handler
	// Options replaces the metadata response of OPTIONS (DRF's options
	// method); nil means SimpleMetadata.
	Options Handler

	// Settings are the API settings; nil means DefaultSettings().
	Settings *Settings
	// Renderers, Parsers, Authenticators and Permissions override those of
	// Settings when not nil (DRF's renderer_classes, parser_classes,
	// authentication_classes, permission_classes).
	Renderers      []render.Renderer
	Parsers        []parse.Parser
	Authenticators []Authenticator
	Permissions    []Permission
	// Throttles overrides Settings.Throttles when not nil (DRF's
	// throttle_classes).
	Throttles []Throttle
	// TemplateNames is DRF's get_template_names(): the templates an HTML
	// renderer falls back to when neither the response nor the renderer
	// names one.
	TemplateNames []string

	// headUnlisted keeps HEAD out of Allow: APIView without "HEAD" in
	// its methods, as DRF's @api_view lists only the methods given.
	headUnlisted bool

	once sync.Once
	http http.Handler
}

// APIView is DRF's @api_view(methods) decorator: a View whose listed
// methods are all handled by h. Methods are case-insensitive; nil or empty
// means GET only, as in DRF. OPTIONS is always answered (with the metadata
// unless "OPTIONS" is listed); HEAD follows GET — a DESIGN divergence: DRF's
// function views answer HEAD with 405. The Allow header lists the methods
// given and OPTIONS, as DRF's does: HEAD only when listed.
//
// The view's Name is DRF's name for the function: ViewName of h's name
// ("snippetList" gives "Snippet List"), "" for a function literal.
//
// A method other than GET, POST, PUT, PATCH, DELETE, HEAD and OPTIONS is a
// programming error and makes APIView panic, as DRF's assertions fail at
// import time.
func APIView(methods []string, h Handler) *View {
	v := &View{Name: funcViewName(h), headUnlisted: true}
	if len(methods) == 0 {
		methods = []string{http.MethodGet}
	}
	for _, m := range methods {
		switch strings.ToUpper(m) {
		case http.MethodGet:
			v.Get = h
		case http.MethodHead:
			v.Get, v.headUnlisted = h, false
		case http.MethodPost:
			v.Post = h
		case http.MethodPut:
			v.Put = h
		case http.MethodPatch:
			v.Patch = h
		case http.MethodDelete:
			v.Delete = h
		case http.MethodOptions:
			v.Options = h
		default:
			panic("rest: APIView: unsupported method " + m)
		}
	}
	return v
}

// Handler returns the web.Handler serving the view: serve it with
// web.Server.Handle(v.Handler()). The settings, renderers and negotiators
// are resolved here, once. It panics when the view cannot negotiate (no
// renderers, or a renderer whose media type does not parse), a programming
// error found at start-up.
func (v *View) Handler() web.Handler {
	c, err := v.compile()
	if err != nil {
		panic(err)
	}
	return c.serve
}

// ServeHTTP serves the view through a zero web.Server (no middleware,
// zero web.Settings), built on first use: the quick way to mount a View on
// a router. Use web.Server.Handle(v.Handler()) for settings and middleware.
func (v *View) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v.once.Do(func() { v.http = (&web.Server{}).Handle(v.Handler()) })
	v.http.ServeHTTP(w, r)
}

// renderPlan is what a view works out once for one of its renderers, for
// the responses that end up rendered by it.
type renderPlan struct {
	renderer   render.Renderer
	info       render.Info
	comparable bool         // renderer's dynamic type is comparable
	ct         []string     // the Content-Type header value
	json       *render.JSON // the renderer when it is a JSON
}

func newRenderPlan(r render.Renderer) renderPlan {
	p := renderPlan{
		renderer:   r,
		info:       r.Info(),
		comparable: reflect.TypeOf(r).Comparable(),
	}
	p.ct = []string{p.info.ContentType()}
	if j, ok := r.(render.JSON); ok {
		p.json = &j
	}
	return p
}

// holds reports whether the plan is for renderer r: the same renderer, or
// one of the same uncomparable type (a render.Func) with the same Info.
func (p *renderPlan) holds(r render.Renderer) bool {
	if p.comparable {
		// No panic: the dynamic types differ or are both comparable.
		return r == p.renderer
	}
	return reflect.TypeOf(r) == reflect.TypeOf(p.renderer) && r.Info() == p.info
}

// compiled is a View resolved for serving.
type compiled struct {
	view           *View
	neg            *Negotiation
	parsers        []parse.Parser
	authenticators []Authenticator
	permissions    []Permission
	throttles      []Throttle
	excHandler     ExceptionHandler
	suffixKwarg    string
	override       string
	allowed        []string         // allowed methods, for the render context
	vary           bool             // Vary: Accept (more than one renderer)
	headers        *web.FixedHeader // Allow, and Vary: Accept when vary
	allowHeader    *web.FixedHeader // Allow alone
	plans          []renderPlan     // per renderer, in order
	fallback       render.Renderer
	metadata       web.JSONObject
	reqs           sync.Pool // *Request, reused once the response is sent
}

// newRequest returns a Request for wr: the one kept in wr's Spare slot
// when it is free (a web.Server's Request), else one from the pool.
func (c *compiled) newRequest(wr *web.Request) *Request {
	req := spareRequest(wr)
	if req == nil {
		req, _ = c.reqs.Get().(*Request)
		if req == nil {
			req = new(Request)
		}
	}
	req.Request, req.parsers, req.authenticators = wr, c.parsers, c.authenticators
	req.pooled = true
	return req
}

// spareRequest returns the free Request kept in wr's Spare slot, storing
// a new one there when the slot is empty; nil when wr has no slot, when
// the slot holds something else, or when its Request is in use (a view
// called from another view's handler with the same web request).
func spareRequest(wr *web.Request) *Request {
	slot := wr.Spare()
	if slot == nil {
		return nil
	}
	if *slot == nil {
		req := &Request{spare: true}
		*slot = req
		return req
	}
	if req, ok := (*slot).(*Request); ok && !req.pooled {
		return req
	}
	return nil
}

// release clears req and keeps it for a later request: in its web
// request's Spare slot, or in the pool.
func (c *compiled) release(req *Request) {
	req.Request = nil
	req.requestState = requestState{}
	req.ctx.Reset()
	if req.buf.Cap() <= maxPooledBuffer {
		req.buf.Reset()
	} else {
		req.buf = bytes.Buffer{}
	}
	if !req.spare {
		c.reqs.Put(req)
	}
}

func (v *View) compile() (*compiled, error) {
	s := v.Settings
	if s == nil {
		s = DefaultSettings()
	}
	c := &compiled{
		view:           v,
		parsers:        v.Parsers,
		authenticators: v.Authenticators,
		permissions:    v.Permissions,
		throttles:      v.Throttles,
		excHandler:     s.exceptionHandler(),
		suffixKwarg:    s.suffixKwarg(),
		override:       s.formatOverride(),
	}
	renderers := v.Renderers
	if renderers == nil {
		renderers = s.renderers()
	}
	if c.parsers == nil {
		c.parsers = s.parsers()
	}
	if c.authenticators == nil {
		c.authenticators = s.Authenticators
	}
	if c.permissions == nil {
		c.permissions = s.Permissions
	}
	if c.throttles == nil {
		c.throttles = s.Throttles
	}
	var err error
	if c.neg, err = NewNegotiation(s.Negotiation, renderers); err != nil {
		return nil, err
	}
	if len(renderers) > 1 {
		c.vary = true
	}
	c.plans = make([]renderPlan, len(renderers))
	for i, r := range renderers {
		c.plans[i] = newRenderPlan(r)
		if c.fallback == nil && !r.Info().Binary {
			c.fallback = r
		}
	}
	if c.fallback == nil {
		c.fallback = render.PlainText{}
	}
	for _, m := range [...]struct {
		name string
		h    Handler
	}{
		{http.MethodGet, v.Get}, {http.MethodPost, v.Post}, {http.MethodPut, v.Put},
		{http.MethodPatch, v.Patch}, {http.MethodDelete, v.Delete},
	} {
		if m.h != nil {
			c.allowed = append(c.allowed, m.name)
		}
	}
	if v.Get != nil && !v.headUnlisted {
		c.allowed = append(c.allowed, http.MethodHead)
	}
	c.allowed = append(c.allowed, http.MethodOptions)
	allow := http.Header{"Allow": {strings.Join(c.allowed, ", ")}}
	if c.allowHeader, err = web.NewFixedHeader(allow); err != nil {
		return nil, err
	}
	c.headers = c.allowHeader
	if c.vary {
		allow["Vary"] = []string{"Accept"}
		if c.headers, err = web.NewFixedHeader(allow); err != nil {
			return nil, err
		}
	}
	c.metadata = SimpleMetadata(v.Name, v.Description, renderers, c.parsers)
	return c, nil
}

// handler returns the handler of method, nil when not allowed.
func (c *compiled) handler(method string) Handler {
	v := c.view
	switch method {
	case http.MethodGet, http.MethodHead:
		return v.Get
	case http.MethodPost:
		return v.Post
	case http.MethodPut:
		return v.Put
	case http.MethodPatch:
		return v.Patch
	case http.MethodDelete:
		return v.Delete
	case http.MethodOptions:
		if v.Options != nil {
			return v.Options
		}
		return c.options
	}
	return nil
}

// options answers OPTIONS with the view's metadata.
func (c *compiled) options(*Request) (*Response, error) {
	return NewResponse(c.metadata, http.StatusOK), nil
}

// serve is the view's web.Handler.
//
// The Request it makes is reused for a later request once the Response has
// been sent (Response.Send releases it), or at once when the error is
// unhandled; see Request.
func (c *compiled) serve(wr *web.Request) (web.Response, error) {
	req := c.newRequest(wr)
	resp, index, err := c.dispatch(req)
	if err != nil {
		if resp, err = c.handleException(req, err); err != nil {
			c.release(req)
			return nil, err
		}
	}
	c.finalize(req, resp, index)
	return resp, nil
}

// dispatch is DRF's initial() and handler call.
// It returns the position of the negotiated renderer.
func (c *compiled) dispatch(req *Request) (*Response, int, error) {
	hr := req.HTTP()
	sel, err := c.neg.Select(hr, RequestFormat(hr, c.suffixKwarg, c.override))
	if err != nil {
		return nil, 0, err
	}
	req.renderer, req.mediaType = sel.Renderer, sel.MediaType
	if err := req.Authenticate(); err != nil {
		return nil, sel.Index, err
	}
	for _, p := range c.permissions {
		if !p.HasPermission(req, c.view) {
			return nil, sel.Index, c.permissionDenied(req, p)
		}
	}
	if err := checkThrottles(req, c.throttles); err != nil {
		return nil, sel.Index, err
	}
	h := c.handler(hr.Method)
	if h == nil {
		return nil, sel.Index, MethodNotAllowed(hr.Method)
	}
	resp, err := h(req)
	if err == nil && resp == nil {
		err = ErrNilResponse
	}
	return resp, sel.Index, err
}

// permissionDenied is DRF's permission_denied (PermissionDeniedFor), with
// the permission's message when it has a Message() string method.
func (c *compiled) permissionDenied(req *Request, p Permission) error {
	msg := ""
	if m, ok := p.(interface{ Message() string }); ok {
		msg = m.Message()
	}
	return PermissionDeniedFor(req, c.authenticators, msg)
}

// handleException is DRF's handle_exception: the challenge of the first
// authenticator for a 401 (WithAuthenticateHeader), then the exception
// handler. A nil Response leaves err unhandled.
func (c *compiled) handleException(req *Request, err error) (*Response, error) {
	err = WithAuthenticateHeader(err, req, c.authenticators)
	resp := c.excHandler(err, &ExceptionContext{Request: req, View: c.view})
	if resp == nil {
		return nil, err
	}
	resp.Exception, resp.err = true, err
	return resp, nil
}

// finalize is DRF's finalize_response.
func (c *compiled) finalize(req *Request, resp *Response, index int) {
	if req.renderer != nil {
		resp.AcceptedRenderer, resp.AcceptedMediaType = req.renderer, req.mediaType
	} else {
		fb := c.neg.Fallback()
		resp.AcceptedRenderer, resp.AcceptedMediaType, index = fb.Renderer, fb.MediaType, 0
	}
	req.plan = &c.plans[index]
	if resp.Exception {
		resp.fallback = c.fallback
	}
	v := c.view
	ctx := &req.ctx // reset when the Request was released
	ctx.Request = req.Request
	ctx.AcceptedMediaType = resp.AcceptedMediaType
	ctx.ViewName, ctx.ViewDescription = v.Name, v.Description
	ctx.AllowedMethods = c.allowed
	ctx.TemplateName = resp.TemplateName
	ctx.ViewTemplateNames = v.TemplateNames
	resp.RendererContext = ctx
	resp.owner, resp.req = c, req
	// The headers are precomputed and shared: no header map is made for a
	// response whose handler set no header.
	if c.vary && resp.HasHeader("Vary") {
		web.PatchVaryHeaders(resp.Header(), "Accept")
		resp.SetFixedHeader(c.allowHeader)
		return
	}
	resp.SetFixedHeader(c.headers)
}
