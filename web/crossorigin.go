package web

import (
	"fmt"
	"net/http"
	"net/url"
)

// CrossOriginOptions configure a CrossOriginProtection.
type CrossOriginOptions struct {
	// TrustedOrigins are Origin header values, "scheme://host[:port]",
	// whose unsafe requests are allowed although cross-origin: Django's
	// CSRF_TRUSTED_ORIGINS, compared exactly (no wildcards). Default none.
	TrustedOrigins []string
	// BypassPatterns are http.ServeMux patterns ("POST /webhooks/{id}",
	// "/api/") whose requests skip the check. Only requests matching a
	// pattern directly bypass it, not those ServeMux would redirect.
	// Default none. Use them only for endpoints that authenticate without
	// cookies.
	BypassPatterns []string
}

// CrossOriginProtection refuses unsafe cross-origin browser requests, the
// modern replacement for Django's CsrfViewMiddleware token check. It applies
// the algorithm of Go 1.25's http.CrossOriginProtection (and works on Go
// 1.24, which this module supports):
//
//   - GET, HEAD and OPTIONS, the safe methods of RFC 9110 §9.2.1, are
//     always allowed: they must not change state;
//   - Sec-Fetch-Site "same-origin" or "none" (Fetch Metadata) is allowed,
//     any other value is cross-origin;
//   - without Sec-Fetch-Site, an Origin header (RFC 6454 §7) whose host
//     differs from the request's Host is cross-origin;
//   - a request with neither header is allowed: it is same-origin, or it
//     does not come from a browser;
//   - a cross-origin request is still allowed when its Origin is trusted or
//     it matches a bypass pattern.
//
// The Origin fallback compares with the Host header of the connection, not
// the X-Forwarded-Host that Settings.UseXForwardedHost trusts; it only
// matters for browsers older than 2023, which lack Sec-Fetch-Site.
//
// The zero value, and a nil pointer, are valid: no trusted origins and no
// bypass patterns. A CrossOriginProtection is safe for concurrent use.
type CrossOriginProtection struct {
	trusted []string
	bypass  *http.ServeMux
}

// bypassMarker is the handler registered for bypass patterns; matching is
// recognised by identity.
type bypassMarker struct{}

func (*bypassMarker) ServeHTTP(http.ResponseWriter, *http.Request) {}

// NewCrossOriginProtection validates o and returns the protection it
// describes. A trusted origin with no scheme or host, or with a path, query
// or fragment, is ErrTrustedOrigin; a pattern ServeMux refuses is
// ErrBypassPattern.
func NewCrossOriginProtection(o CrossOriginOptions) (*CrossOriginProtection, error) {
	c := &CrossOriginProtection{}
	for _, origin := range o.TrustedOrigins {
		u, err := url.Parse(origin)
		switch {
		case err != nil:
			return nil, fmt.Errorf("%w %q: %v", ErrTrustedOrigin, origin, err)
		case u.Scheme == "" || u.Host == "":
			return nil, fmt.Errorf("%w %q: scheme and host are required", ErrTrustedOrigin, origin)
		case u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil:
			return nil, fmt.Errorf("%w %q: path, query, fragment and user are not allowed", ErrTrustedOrigin, origin)
		}
		c.trusted = append(c.trusted, origin)
	}
	if len(o.BypassPatterns) > 0 {
		c.bypass = http.NewServeMux()
		marker := &bypassMarker{}
		for _, p := range o.BypassPatterns {
			if err := handlePattern(c.bypass, p, marker); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

// handlePattern registers p, turning ServeMux's panic into an error.
func handlePattern(mux *http.ServeMux, p string, h http.Handler) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w %q: %v", ErrBypassPattern, p, v)
		}
	}()
	mux.Handle(p, h)
	return nil
}

// Check is the pure form: it returns ErrCrossOrigin when r is an unsafe
// cross-origin browser request that is neither trusted nor bypassed, and
// nil otherwise.
func (c *CrossOriginProtection) Check(r *http.Request) error {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return nil
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "":
		// Fall back to Origin.
	case "same-origin", "none":
		return nil
	default:
		if c.exempt(r) {
			return nil
		}
		return ErrCrossOrigin
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return nil
	}
	if u, err := url.Parse(origin); err == nil && u.Host == r.Host {
		// Same host; the scheme is unknown from Host alone (HSTS closes
		// the HTTP→HTTPS gap), as in net/http.
		return nil
	}
	if c.exempt(r) {
		return nil
	}
	return ErrCrossOrigin
}

// exempt reports whether a cross-origin request is trusted or bypassed.
func (c *CrossOriginProtection) exempt(r *http.Request) bool {
	if c == nil {
		return false
	}
	if c.bypass != nil {
		if h, _ := c.bypass.Handler(r); h != nil {
			if _, ok := h.(*bypassMarker); ok {
				return true
			}
		}
	}
	if origin := r.Header.Get("Origin"); origin != "" {
		for _, t := range c.trusted {
			if t == origin {
				return true
			}
		}
	}
	return false
}

// Handler is the middleware form (a Middleware): a refused request gets a
// 403 whose body says "Forbidden: cross-origin request refused"; next is
// not called.
func (c *CrossOriginProtection) Handler(next Handler) Handler {
	return func(r *Request) (Response, error) {
		if err := c.Check(r.HTTP()); err != nil {
			return nil, &HTTPError{
				Status:  http.StatusForbidden,
				Message: "Forbidden: cross-origin request refused",
				Err:     err,
			}
		}
		return next(r)
	}
}
