package rest

import (
	"bytes"
	"errors"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// Request is DRF's Request: the *web.Request of Django's HttpRequest (every
// method of which it keeps) with what the API view adds: the body parsed
// lazily by the view's parsers (Data), the authenticated user (User, Auth)
// and the outcome of content negotiation (AcceptedRenderer,
// AcceptedMediaType). Views make one per request; NewRequest makes one
// outside a view (tests). A Request is used by one goroutine at a time.
//
// The Request a View gives to its handler, like the *web.Request inside it,
// is valid until the response has been sent: the view then reuses it for a
// later request (see web.Server, "Request lifetime"). Handlers,
// authenticators, permissions and exception handlers must not keep it, nor
// use it from a goroutine that outlives the request.
type Request struct {
	*web.Request
	requestState

	// Kept when the Request is reused: the storage of the Response's
	// RendererContext (reset by the view's finalization, keeping the
	// renderers' memory) and the render buffer of the Response (up to
	// maxPooledBuffer).
	ctx render.Context
	buf bytes.Buffer

	spare bool // kept in a web.Request's Spare slot, not in the pool
}

// requestState is the part of a Request cleared when it is reused.
type requestState struct {
	parsers        []parse.Parser
	authenticators []Authenticator

	data     any
	dataErr  error
	dataDone bool

	user          web.User
	auth          any
	authenticator Authenticator
	authErr       error
	authDone      bool

	renderer  render.Renderer
	mediaType string

	// plan is the view's plan for the renderer of its Response, set by
	// the finalization; it holds only while the Response's
	// AcceptedRenderer is that renderer (middleware may replace it).
	plan *renderPlan

	pooled    bool     // made by a View, reused once its Response is sent
	responded bool     // Respond gave out resp
	resp      Response // the memory of Respond's Response
}

// NewRequest returns DRF's Request(request, parsers, authenticators): r
// with the parsers that Data uses and the authenticators that User tries.
// Nil parsers mean parse.Defaults().
func NewRequest(r *web.Request, parsers []parse.Parser, authenticators []Authenticator) *Request {
	if parsers == nil {
		parsers = parse.Defaults()
	}
	req := &Request{Request: r}
	req.parsers, req.authenticators = parsers, authenticators
	return req
}

// Data is DRF's request.data: the body parsed by the first parser whose
// media type matches the Content-Type (parse.Body), once; later calls return
// the same result. A request without a body gives empty data (an empty
// map[string]any, or an empty web.QueryDict for form media types).
//
// A body in an unsupported media type is an *Error UnsupportedMediaType
// (415), a malformed body an *Error ParseError (400) with DRF's detail (the
// *parse.Error is its Err); the web layer's limits keep their errors
// (web.ErrRequestDataTooBig, 413; web.ErrTooManyFields, 400). On error the
// data is empty, as in DRF, and the error is returned by every call.
func (r *Request) Data() (any, error) {
	if r.dataDone {
		return r.data, r.dataErr
	}
	r.dataDone = true
	data, err := parse.Body(r.Request, r.parsers)
	if err != nil {
		r.data, r.dataErr = map[string]any{}, bodyError(err)
		return r.data, r.dataErr
	}
	r.data = data
	return data, nil
}

// bodyError turns a *parse.Error into DRF's ParseError or
// UnsupportedMediaType; other errors are returned unchanged.
func bodyError(err error) error {
	var pe *parse.Error
	if !errors.As(err, &pe) {
		return err
	}
	var e *Error
	if errors.Is(pe, parse.ErrUnsupportedMediaType) {
		e = UnsupportedMediaType(pe.MediaType, pe.Detail)
	} else {
		e = ParseError(pe.Detail)
	}
	e.Err = err
	return e
}

// QueryParams is DRF's request.query_params: Django's request.GET
// (web.Request.Query).
func (r *Request) QueryParams() (web.QueryDict, error) { return r.Request.Query() }

// Authenticate is DRF's Request._authenticate: it tries the authenticators
// in order and keeps the first user one of them returns. It runs once; the
// view calls it before the permission checks, so that an authenticator's
// error (AuthenticationFailed) becomes the response. With no
// authenticator succeeding the user is web.AnonymousUser and Auth is nil;
// with no authenticators at all the user is the web request's (set by web
// middleware), or web.AnonymousUser. A user forced with ForceAuthenticate
// wins over all of them, as in DRF. The user is also set on the web
// request (web.Request.SetUser).
func (r *Request) Authenticate() error {
	if r.authDone {
		return r.authErr
	}
	r.authDone = true
	if u, auth, ok := Forced(r.HTTP().Context()); ok {
		r.authenticator, r.auth = ForcedAuthentication{}, auth
		r.setUser(u)
		return nil
	}
	if len(r.authenticators) == 0 {
		if u := r.Request.User(); u != nil {
			r.user = u
		} else {
			r.setUser(web.AnonymousUser{})
		}
		return nil
	}
	for _, a := range r.authenticators {
		u, auth, err := a.Authenticate(r)
		if err != nil {
			r.setUser(web.AnonymousUser{})
			r.authErr = err
			return err
		}
		if u != nil {
			r.authenticator, r.auth = a, auth
			r.setUser(u)
			return nil
		}
	}
	r.setUser(web.AnonymousUser{})
	return nil
}

func (r *Request) setUser(u web.User) {
	r.user = u
	r.Request.SetUser(u)
}

// User is DRF's request.user: the authenticated user, or
// web.AnonymousUser. It authenticates on first use (see Authenticate; an
// authentication error gives the anonymous user here).
func (r *Request) User() web.User {
	_ = r.Authenticate()
	return r.user
}

// SetUser sets the user (DRF's request.user = ...), on the web request too,
// and marks the request authenticated by no authenticator.
func (r *Request) SetUser(u web.User) {
	r.authDone, r.authErr = true, nil
	r.setUser(u)
}

// Auth is DRF's request.auth: what the successful authenticator returned
// besides the user (a token, a session key), or nil.
func (r *Request) Auth() any {
	_ = r.Authenticate()
	return r.auth
}

// SuccessfulAuthenticator is DRF's request.successful_authenticator: the
// authenticator that authenticated the request, or nil.
func (r *Request) SuccessfulAuthenticator() Authenticator {
	_ = r.Authenticate()
	return r.authenticator
}

// Authenticators returns the authenticators of the request's view (DRF's
// request.authenticators). The slice must not be changed.
func (r *Request) Authenticators() []Authenticator { return r.authenticators }

// AcceptedRenderer is DRF's request.accepted_renderer: the renderer content
// negotiation chose, nil before negotiation or when it failed.
func (r *Request) AcceptedRenderer() render.Renderer { return r.renderer }

// AcceptedMediaType is DRF's request.accepted_media_type: the negotiated
// media type with its parameters, "" before negotiation or when it failed.
func (r *Request) AcceptedMediaType() string { return r.mediaType }
