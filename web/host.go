package web

import (
	"net"
	"net/http"
	"net/textproto"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/pyrepr"
)

// Host validation: Django's split_domain_port, validate_host and
// HttpRequest.get_host (django/http/request.py).
//
// Trust model: the Host header (and X-Forwarded-Host, when
// Settings.UseXForwardedHost says a proxy sets it) is chosen by the client.
// Request.Host returns it only when its domain is in Settings.AllowedHosts,
// an explicit allow-list; an empty list allows nothing (except the DEBUG
// localhost default). Nothing here allocates on the accepting path.

// SplitDomainPort is Django's split_domain_port: it splits a Host header
// value into its lower-cased domain and its port. The whole host must match
// Django's grammar (RFC 1034/1035 names, RFC 3986 §3.2.2 bracketed IPv6
// literals):
//
//	([a-z0-9.-]+ | \[[a-f0-9]*:[a-f0-9.:]+\]) (:[0-9]+)?
//
// after lower-casing; otherwise both results are empty. One trailing dot is
// removed from the domain; IPv6 literals keep their brackets; the port is
// not range-checked ("1.2.3.4:99999" gives port "99999").
func SplitDomainPort(host string) (domain, port string) {
	d, p, ok := splitHostRaw(host)
	if !ok {
		return "", ""
	}
	return hostLowerASCII(d), p
}

// ValidateHost reports whether host, a Host header value such as
// "Example.com:8000" or "[::1]:80", is allowed by the patterns: Django's
// split_domain_port followed by validate_host, which is how get_host
// decides. A host whose domain is not valid (see SplitDomainPort) is never
// allowed. Patterns are matched case-insensitively against the domain, the
// port being ignored:
//
//   - "*" allows any valid host;
//   - ".example.com" allows example.com and every subdomain of it;
//   - anything else must equal the domain ("example.com" allows
//     "EXAMPLE.COM:8080" and "example.com." but not "sub.example.com";
//     "*.example.com" is not a wildcard, and a pattern with a port or a
//     trailing dot never matches). An empty pattern never matches.
//
// ValidateHost does not allocate for ASCII input.
func ValidateHost(host string, allowed []string) bool {
	domain, _, ok := splitHostRaw(host)
	return ok && validateDomain(domain, allowed)
}

// validateDomain is Django's validate_host for a domain returned by
// splitHostRaw (ASCII, any case, port-free).
func validateDomain(domain string, patterns []string) bool {
	if domain == "" {
		return false
	}
	for _, p := range patterns {
		if p == "*" || isSameDomain(domain, p) {
			return true
		}
	}
	return false
}

// isSameDomain is Django's django.utils.http.is_same_domain, comparing
// case-insensitively instead of lower-casing both sides.
func isSameDomain(domain, pattern string) bool {
	if pattern == "" {
		return false
	}
	for i := 0; i < len(pattern); i++ {
		if pattern[i] >= utf8.RuneSelf {
			// Python's str.lower: the Kelvin sign is the only non-ASCII
			// character that lowers to ASCII ("k"); a pattern with any other
			// non-ASCII character can never equal an ASCII domain.
			pattern = hostPythonLower(pattern)
			break
		}
	}
	if pattern[0] == '.' {
		if len(domain) >= len(pattern) && asciiEqualFold(domain[len(domain)-len(pattern):], pattern) {
			return true
		}
		if asciiEqualFold(domain, pattern[1:]) {
			return true
		}
	}
	return asciiEqualFold(domain, pattern)
}

// splitHostRaw checks host against Django's host grammar and returns its
// domain (one trailing dot removed) and port as substrings of host, in the
// case they were given. Non-ASCII input is first lower-cased the way
// Python's str.lower does (the Kelvin sign becomes "k"; anything else
// non-ASCII fails the grammar).
func splitHostRaw(host string) (domain, port string, ok bool) {
	for i := 0; i < len(host); i++ {
		if host[i] >= utf8.RuneSelf {
			host = hostPythonLower(host)
			for j := 0; j < len(host); j++ {
				if host[j] >= utf8.RuneSelf {
					return "", "", false
				}
			}
			break
		}
	}
	n := len(host)
	if n == 0 {
		return "", "", false
	}
	i := 0
	if host[0] == '[' {
		// \[[a-f0-9]*:[a-f0-9.:]+\]
		i = 1
		for i < n && isHexFold(host[i]) {
			i++
		}
		if i >= n || host[i] != ':' {
			return "", "", false
		}
		i++
		start := i
		for i < n && (isHexFold(host[i]) || host[i] == '.' || host[i] == ':') {
			i++
		}
		if i == start || i >= n || host[i] != ']' {
			return "", "", false
		}
		i++
	} else {
		// [a-z0-9.-]+
		for i < n && isDomainByte(host[i]) {
			i++
		}
		if i == 0 {
			return "", "", false
		}
	}
	domain = host[:i]
	if rest := host[i:]; rest != "" {
		// (?::([0-9]+))?
		if rest[0] != ':' || len(rest) == 1 {
			return "", "", false
		}
		for j := 1; j < len(rest); j++ {
			if rest[j] < '0' || rest[j] > '9' {
				return "", "", false
			}
		}
		port = rest[1:]
	}
	domain = strings.TrimSuffix(domain, ".")
	return domain, port, true
}

func isDomainByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
}

func isHexFold(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// asciiEqualFold reports whether a and b are equal under ASCII case folding.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// hostLowerASCII lower-cases ASCII letters, returning s itself when it has
// none to change.
func hostLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// hostPythonLower lower-cases s as far as host matching needs Python's
// str.lower: ASCII letters, and the Kelvin sign (U+212A), the one non-ASCII
// character whose lower case is ASCII. Other characters are kept, and stay
// non-ASCII (Go's strings.ToLower would turn U+0130 into "i"; Python gives
// "i̇").
func hostPythonLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u212a':
			b.WriteByte('k')
		case 'A' <= r && r <= 'Z':
			b.WriteByte(byte(r) + 'a' - 'A')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HostError is Django's DisallowedHost raised by get_host: the host a
// request names is not valid or not in Settings.AllowedHosts. It wraps
// ErrDisallowedHost (a kind of ErrSuspiciousOperation, so StatusOf gives
// 400). Its message is Django's, which is meant for the server log; the
// client should see only "Bad Request".
type HostError struct {
	// Host is the raw host the request named (Host, X-Forwarded-Host or the
	// server name and port), as received.
	Host string
	// Domain is the lower-cased domain of Host, "" when Host is not a valid
	// host name.
	Domain string
}

// Error returns Django's message: "Invalid HTTP_HOST header: 'x'. You may
// need to add 'x' to ALLOWED_HOSTS." or, when the domain is not valid,
// "Invalid HTTP_HOST header: 'x'. The domain name provided is not valid
// according to RFC 1034/1035."
func (e *HostError) Error() string {
	msg := "Invalid HTTP_HOST header: " + pyrepr.Str(e.Host) + "."
	if e.Domain != "" {
		return msg + " You may need to add " + pyrepr.Str(e.Domain) + " to ALLOWED_HOSTS."
	}
	return msg + " The domain name provided is not valid according to RFC 1034/1035."
}

// Unwrap returns ErrDisallowedHost.
func (e *HostError) Unwrap() error { return ErrDisallowedHost }

// Host is Django's HttpRequest.get_host: the host the client asked for,
// exactly as sent (original case, with its port), once its domain passes
// ValidateHost against Settings.AllowedHosts (with Django's DEBUG default of
// ".localhost", "127.0.0.1" and "[::1]" when the list is empty). The raw
// host is, in order:
//
//  1. X-Forwarded-Host, when Settings.UseXForwardedHost is on and the header
//     is present (a list such as "a.com, b.com" is not split: it is
//     invalid);
//  2. the Host header (http.Request.Host; the request-target's authority
//     for absolute-form and HTTP/2 requests);
//  3. the server's name and port (the connection's local address, see
//     ServerName), the port omitted when it is 80 for http or 443 for
//     https (PEP 3333).
//
// A disallowed host gives a *HostError wrapping ErrDisallowedHost. The
// result is computed once per request; the accepting path does not
// allocate.
func (r *Request) Host() (string, error) {
	if r.info.done&doneHost == 0 {
		r.info.host, r.info.hostErr = r.validHost()
		r.info.done |= doneHost
	}
	return r.info.host, r.info.hostErr
}

func (r *Request) validHost() (string, error) {
	host := r.rawHost()
	domain, _, ok := splitHostRaw(host)
	if ok && validateDomain(domain, r.settings.allowedHosts()) {
		return host, nil
	}
	e := &HostError{Host: host}
	if ok {
		e.Domain = hostLowerASCII(domain)
	}
	return "", e
}

// rawHost is Django's _get_raw_host.
func (r *Request) rawHost() string {
	if r.settings.UseXForwardedHost {
		if v, ok := headerJoined(r.req.Header, "X-Forwarded-Host"); ok {
			return v
		}
	}
	if r.req.Host != "" {
		return r.req.Host
	}
	name := r.ServerName()
	port := r.Port()
	def := "80"
	if r.IsSecure() {
		def = "443"
	}
	if port == def {
		return name
	}
	return name + ":" + port
}

// headerJoined returns the values of a header present in h (canonical name)
// joined with "," as WSGI servers and Django's ASGI handler present a
// repeated header, and whether it was present at all (an empty value
// counts). A single value is returned without allocating.
func headerJoined(h http.Header, canonical string) (string, bool) {
	v, ok := h[canonical]
	switch {
	case !ok:
		return "", false
	case len(v) == 0:
		return "", true
	case len(v) == 1:
		return v[0], true
	}
	return strings.Join(v, ","), true
}

// Port is Django's HttpRequest.get_port: X-Forwarded-Port when
// Settings.UseXForwardedPort is on and the header is present, else the
// server port (see ServerPort). Always a string, not validated.
func (r *Request) Port() string {
	if r.settings.UseXForwardedPort {
		if v, ok := headerJoined(r.req.Header, "X-Forwarded-Port"); ok {
			return v
		}
	}
	return r.ServerPort()
}

// ServerName is the WSGI SERVER_NAME: the host part of the local address
// the connection was accepted on (http.LocalAddrContextKey; IPv6 addresses
// in brackets), "" when the request did not come through an http.Server.
// Request.Host falls back to it when the request names no host.
func (r *Request) ServerName() string {
	r.serverAddr()
	return r.info.serverName
}

// ServerPort is the WSGI SERVER_PORT: the port of the local address the
// connection was accepted on, or, when the request did not come through an
// http.Server, "443" for a TLS connection and "80" otherwise.
func (r *Request) ServerPort() string {
	r.serverAddr()
	return r.info.serverPort
}

func (r *Request) serverAddr() {
	if r.info.done&doneServer != 0 {
		return
	}
	r.info.done |= doneServer
	if a, ok := r.req.Context().Value(http.LocalAddrContextKey).(net.Addr); ok && a != nil {
		if h, p, err := net.SplitHostPort(a.String()); err == nil {
			if strings.IndexByte(h, ':') >= 0 {
				h = "[" + h + "]"
			}
			r.info.serverName, r.info.serverPort = h, p
		}
	}
	if r.info.serverPort == "" {
		r.info.serverPort = "80"
		if r.req.TLS != nil {
			r.info.serverPort = "443"
		}
	}
}

// Scheme is Django's HttpRequest.scheme: "https" or "http". When
// Settings.SecureProxySSLHeader is set and its header is present, the
// scheme is "https" exactly when the part of the header before the first
// comma, trimmed, equals the configured value (Django 5.2+; "https, http"
// is https). Otherwise it is the connection's: "https" for TLS.
func (r *Request) Scheme() string {
	if ph := r.settings.SecureProxySSLHeader; ph != nil && ph.Name != "" {
		if v, ok := r.req.Header[proxyHeaderKey(ph.Name)]; ok {
			first := ""
			if len(v) > 0 {
				first = v[0]
			}
			if i := strings.IndexByte(first, ','); i >= 0 {
				first = first[:i]
			}
			if strings.TrimFunc(first, isPythonSpace) == ph.Value {
				return "https"
			}
			return "http"
		}
	}
	return r.connScheme()
}

// connScheme is WSGI's wsgi.url_scheme: the connection's own scheme.
func (r *Request) connScheme() string {
	if r.req.TLS != nil {
		return "https"
	}
	return "http"
}

// proxyHeaderKey returns the canonical header key of a
// SecureProxySSLHeader name, accepting Django's META spelling too
// ("HTTP_X_FORWARDED_PROTO" is "X-Forwarded-Proto"). A name that is already
// canonical costs nothing.
func proxyHeaderKey(name string) string {
	if rest, ok := strings.CutPrefix(name, "HTTP_"); ok {
		name = strings.ReplaceAll(rest, "_", "-")
	}
	return textproto.CanonicalMIMEHeaderKey(name)
}

// IsSecure is Django's HttpRequest.is_secure: Scheme() == "https".
func (r *Request) IsSecure() bool { return r.Scheme() == "https" }

// isPythonSpace reports what Python's str.strip() removes: Unicode white
// space and the separators U+001C–U+001F.
func isPythonSpace(r rune) bool {
	return unicode.IsSpace(r) || 0x1c <= r && r <= 0x1f
}
