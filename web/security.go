package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// NoHeader is the value that leaves a header (or a cookie attribute) out:
// given in SecurityOptions it omits that header (Django's setting = None),
// as SessionOptions.CookieSameSite it omits SameSite.
const NoHeader = "-"

// SecurityOptions configure SecurityHeaders: the settings of Django's
// SecurityMiddleware and XFrameOptionsMiddleware. The zero value gives
// Django's defaults: X-Frame-Options: DENY, X-Content-Type-Options: nosniff,
// Referrer-Policy: same-origin, Cross-Origin-Opener-Policy: same-origin and
// no Strict-Transport-Security.
type SecurityOptions struct {
	// FrameOptions is X_FRAME_OPTIONS, the X-Frame-Options value (RFC 7034):
	// "DENY" or "SAMEORIGIN". "" means "DENY"; NoHeader sends none.
	FrameOptions string
	// ContentTypeOptions is the X-Content-Type-Options value
	// (SECURE_CONTENT_TYPE_NOSNIFF). "" means "nosniff"; NoHeader sends
	// none.
	ContentTypeOptions string
	// ReferrerPolicy is SECURE_REFERRER_POLICY, the Referrer-Policy value:
	// one policy or a comma-separated list, the last one the browser knows
	// winning. Blanks around the commas are removed. "" means
	// "same-origin"; NoHeader sends none.
	ReferrerPolicy string
	// CrossOriginOpenerPolicy is SECURE_CROSS_ORIGIN_OPENER_POLICY (Django
	// 4.0+), the Cross-Origin-Opener-Policy value. "" means "same-origin";
	// NoHeader sends none.
	CrossOriginOpenerPolicy string
	// HSTSSeconds is SECURE_HSTS_SECONDS: when positive, responses to
	// secure requests (Request.IsSecure) carry
	// Strict-Transport-Security: max-age=HSTSSeconds (RFC 6797 §6.1).
	// Default 0: no header. Set it only once the whole site is on HTTPS.
	HSTSSeconds int
	// HSTSIncludeSubdomains is SECURE_HSTS_INCLUDE_SUBDOMAINS: add
	// "; includeSubDomains". Default false.
	HSTSIncludeSubdomains bool
	// HSTSPreload is SECURE_HSTS_PRELOAD: add "; preload". Default false.
	HSTSPreload bool
}

// securityHeader is one precomputed header of SecurityHeaders.
type securityHeader struct {
	name, value string
}

// SecurityHeaders returns middleware that adds security headers to every
// response: Django's SecurityMiddleware and XFrameOptionsMiddleware. A
// header the view (or inner middleware) already set is left as it is, so a
// view can allow framing with X-Frame-Options: SAMEORIGIN or choose its own
// Referrer-Policy. Strict-Transport-Security is added only on secure
// requests, and only when the response has none.
//
// A value containing CR or LF is refused (ErrBadHeader, inside an HTTPError
// with status 500): every request then fails, so the mistake shows at once.
func SecurityHeaders(o SecurityOptions) Middleware {
	headers, err := o.headers()
	if err != nil {
		// A configuration mistake, not bad input: a 500 (not ErrBadHeader's 400).
		err = &HTTPError{Status: http.StatusInternalServerError, Err: fmt.Errorf("web: SecurityOptions: %w", err)}
	}
	var hsts string
	if o.HSTSSeconds > 0 {
		hsts = "max-age=" + strconv.Itoa(o.HSTSSeconds)
		if o.HSTSIncludeSubdomains {
			hsts += "; includeSubDomains"
		}
		if o.HSTSPreload {
			hsts += "; preload"
		}
	}
	return func(next Handler) Handler {
		return func(r *Request) (Response, error) {
			if err != nil {
				return nil, err
			}
			resp, err := next(r)
			if resp == nil {
				return resp, err
			}
			b := resp.Base()
			h := b.Header()
			for _, sh := range headers {
				if _, ok := h[sh.name]; !ok {
					h[sh.name] = []string{sh.value}
				}
			}
			if hsts != "" && r.IsSecure() {
				if _, ok := h["Strict-Transport-Security"]; !ok {
					h["Strict-Transport-Security"] = []string{hsts}
				}
			}
			return resp, err
		}
	}
}

// headers returns the headers SecurityHeaders adds (keys canonical).
func (o SecurityOptions) headers() ([]securityHeader, error) {
	var out []securityHeader
	add := func(name, value, def string) error {
		switch value {
		case NoHeader:
			return nil
		case "":
			value = def
		}
		if err := checkHeader(name, value); err != nil {
			return err
		}
		out = append(out, securityHeader{name, value})
		return nil
	}
	referrer := o.ReferrerPolicy
	if referrer != "" && referrer != NoHeader {
		parts := strings.Split(referrer, ",")
		for i, p := range parts {
			parts[i] = strings.TrimSpace(p)
		}
		referrer = strings.Join(parts, ",")
	}
	for _, e := range [...]error{
		add("X-Frame-Options", o.FrameOptions, "DENY"),
		add("X-Content-Type-Options", o.ContentTypeOptions, "nosniff"),
		add("Referrer-Policy", referrer, "same-origin"),
		add("Cross-Origin-Opener-Policy", o.CrossOriginOpenerPolicy, "same-origin"),
	} {
		if e != nil {
			return nil, e
		}
	}
	return out, nil
}
