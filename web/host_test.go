package web

import (
	"context"
	"crypto/tls"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/internal/vectors"
)

// infoAddr is a net.Addr with a fixed text, standing for the local address
// a server accepted the connection on (Django's SERVER_NAME:SERVER_PORT).
type infoAddr string

func (a infoAddr) Network() string { return "tcp" }
func (a infoAddr) String() string  { return string(a) }

// newInfoRequest builds a server-side *http.Request for target (a path with
// an optional raw query), with the given Host header ("" for none).
func newInfoRequest(method, target, host string) *http.Request {
	path, query, _ := strings.Cut(target, "?")
	return &http.Request{
		Method:     method,
		URL:        &url.URL{Path: path, RawQuery: query},
		Host:       host,
		Header:     http.Header{},
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		RemoteAddr: "127.0.0.1:54321",
	}
}

// infoWithLocalAddr returns r with the server's local address set, as
// http.Server does.
func infoWithLocalAddr(r *http.Request, addr string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, infoAddr(addr)))
}

// infoWithTLS returns r as if received over TLS.
func infoWithTLS(r *http.Request) *http.Request {
	r.TLS = &tls.ConnectionState{}
	return r
}

var splitDomainPortTests = []struct {
	host, domain, port string
}{
	{"Example.COM", "example.com", ""},
	{"example.com:8000", "example.com", "8000"},
	{"example.com.:80", "example.com", "80"},
	{"example.com..", "example.com.", ""},
	{"[::1]:8080", "[::1]", "8080"},
	{"[::1]", "[::1]", ""},
	{"[::FFFF:127.0.0.1]:80", "[::ffff:127.0.0.1]", "80"},
	{"1.2.3.4:99999", "1.2.3.4", "99999"},
	{"256.256.256.256", "256.256.256.256", ""},
	{"a..b", "a..b", ""},
	{"-bad.com", "-bad.com", ""},
	{".", "", ""},
	{"\u212aey.com", "key.com", ""}, // Python lower-cases the Kelvin sign to "k"
	{"\u0130.com", "", ""},          // Python: "i̇.com", not a valid name
	{"exa_mple.com", "", ""},
	{"bad host", "", ""},
	{"", "", ""},
	{":80", "", ""},
	{"example.com:", "", ""},
	{"example.com:abc", "", ""},
	{"example.com:８０", "", ""},
	{"[::1", "", ""},
	{"[]", "", ""},
	{"[:]", "", ""},
	{"[abc]", "", ""},
	{"[::1]x", "", ""},
	{"exé.com", "", ""},
	{"example.com:80:80", "", ""},
	{"example.com\n", "", ""},
	{"[fe80::1%25lo]", "", ""},
}

func TestSplitDomainPort(t *testing.T) {
	for _, tt := range splitDomainPortTests {
		t.Run(tt.host, func(t *testing.T) {
			d, p := SplitDomainPort(tt.host)
			if d != tt.domain || p != tt.port {
				t.Errorf("SplitDomainPort(%q) = %q, %q; want %q, %q", tt.host, d, p, tt.domain, tt.port)
			}
		})
	}
}

var validateHostTests = []struct {
	host    string
	allowed []string
	want    bool
}{
	{"sub.example.com", []string{".example.com"}, true},
	{"example.com", []string{".example.com"}, true},
	{"badexample.com", []string{".example.com"}, false},
	{"example.com", []string{"EXAMPLE.COM"}, true},
	{"EXAMPLE.com:8080", []string{"example.COM"}, true},
	{"example.com", []string{"example.com."}, false},
	{"example.com.", []string{"example.com"}, true},
	{"example.com", []string{"example.com:80"}, false},
	{"[::1]", []string{"[::1]"}, true},
	{"[::1]:8000", []string{"[::1]"}, true},
	{"[::1]", []string{"::1"}, false},
	{"anything.org", []string{"*"}, true},
	{"bad host", []string{"*"}, false},
	{"", []string{"*"}, false},
	{"a.example.com", []string{"*.example.com"}, false},
	{"example.com", []string{""}, false},
	{"example.com", nil, false},
	{"example.com", []string{"other.com", ".example.com"}, true},
	{"key.com", []string{"\u212aEY.com"}, true}, // pattern lower-cased the Python way
	{"i.com", []string{"\u0130.com"}, false},
	{"example.com..", []string{"."}, true}, // Django: domain "example.com." ends with "."
}

func TestValidateHost(t *testing.T) {
	for _, tt := range validateHostTests {
		t.Run(tt.host, func(t *testing.T) {
			if got := ValidateHost(tt.host, tt.allowed); got != tt.want {
				t.Errorf("ValidateHost(%q, %q) = %v; want %v", tt.host, tt.allowed, got, tt.want)
			}
		})
	}
}

func TestValidateHostAllocs(t *testing.T) {
	allowed := []string{"api.example.org", ".example.com", "[::1]", "localhost"}
	for _, host := range []string{"WWW.Example.com:8443", "[::1]:80", "evil.com", "bad host"} {
		if n := testing.AllocsPerRun(100, func() { ValidateHost(host, allowed) }); n != 0 {
			t.Errorf("ValidateHost(%q) allocates %v times; want 0", host, n)
		}
	}
}

func TestHostAllocs(t *testing.T) {
	s := &Settings{AllowedHosts: []string{"api.example.org", ".example.com"}}
	req := newInfoRequest("GET", "/", "WWW.Example.com:8443")
	r := NewRequest(req, s)
	n := testing.AllocsPerRun(100, func() {
		r.info.done = 0
		if _, err := r.Host(); err != nil {
			t.Fatal(err)
		}
	})
	if n != 0 {
		t.Errorf("Request.Host allocates %v times; want 0", n)
	}
	s.UseXForwardedHost = true
	req.Header.Set("X-Forwarded-Host", "sub.example.com")
	n = testing.AllocsPerRun(100, func() {
		r.info.done = 0
		if _, err := r.Host(); err != nil {
			t.Fatal(err)
		}
	})
	if n != 0 {
		t.Errorf("Request.Host (X-Forwarded-Host) allocates %v times; want 0", n)
	}
}

func BenchmarkHost(b *testing.B) {
	s := &Settings{AllowedHosts: []string{"api.example.org", ".example.net", ".example.com", "[::1]", "*.ignored.com"}}
	b.Run("allowed", func(b *testing.B) {
		r := NewRequest(newInfoRequest("GET", "/", "www.Example.com:8443"), s)
		b.ReportAllocs()
		for b.Loop() {
			r.info.done = 0
			if _, err := r.Host(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ValidateHost", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !ValidateHost("www.Example.com:8443", s.AllowedHosts) {
				b.Fatal("not allowed")
			}
		}
	})
}

var reqHostTests = []struct {
	name     string
	host     string            // Host header; "" for none
	header   map[string]string // other request headers
	local    string            // local address; "" for none
	tls      bool
	settings Settings
	want     string
	wantErr  string
}{
	{name: "exact", host: "EXAMPLE.com", settings: Settings{AllowedHosts: []string{"example.com"}}, want: "EXAMPLE.com"},
	{name: "port kept", host: "example.com:8000", settings: Settings{AllowedHosts: []string{".example.com"}}, want: "example.com:8000"},
	{name: "not allowed", host: "evil.com", settings: Settings{AllowedHosts: []string{"example.com"}},
		wantErr: "Invalid HTTP_HOST header: 'evil.com'. You may need to add 'evil.com' to ALLOWED_HOSTS."},
	{name: "domain lower-cased in message", host: "Evil.COM:81", settings: Settings{AllowedHosts: []string{"example.com"}},
		wantErr: "Invalid HTTP_HOST header: 'Evil.COM:81'. You may need to add 'evil.com' to ALLOWED_HOSTS."},
	{name: "invalid domain", host: "bad_host", settings: Settings{AllowedHosts: []string{"*"}},
		wantErr: "Invalid HTTP_HOST header: 'bad_host'. The domain name provided is not valid according to RFC 1034/1035."},
	{name: "repr quoting", host: "it's", settings: Settings{AllowedHosts: []string{"*"}},
		wantErr: `Invalid HTTP_HOST header: "it's". The domain name provided is not valid according to RFC 1034/1035.`},
	{name: "debug default", host: "api.localhost:8000", settings: Settings{Debug: true}, want: "api.localhost:8000"},
	{name: "debug default ipv4", host: "127.0.0.1", settings: Settings{Debug: true}, want: "127.0.0.1"},
	{name: "debug with list", host: "localhost", settings: Settings{Debug: true, AllowedHosts: []string{"example.com"}},
		wantErr: "Invalid HTTP_HOST header: 'localhost'. You may need to add 'localhost' to ALLOWED_HOSTS."},
	{name: "empty list", host: "localhost", settings: Settings{},
		wantErr: "Invalid HTTP_HOST header: 'localhost'. You may need to add 'localhost' to ALLOWED_HOSTS."},
	{name: "xfh untrusted", host: "example.com", header: map[string]string{"X-Forwarded-Host": "evil.com"},
		settings: Settings{AllowedHosts: []string{"example.com"}}, want: "example.com"},
	{name: "xfh trusted", host: "evil.com", header: map[string]string{"X-Forwarded-Host": "example.com:8443"},
		settings: Settings{AllowedHosts: []string{"example.com"}, UseXForwardedHost: true}, want: "example.com:8443"},
	{name: "xfh list", host: "example.com", header: map[string]string{"X-Forwarded-Host": "example.com, other.com"},
		settings: Settings{AllowedHosts: []string{"*"}, UseXForwardedHost: true},
		wantErr:  "Invalid HTTP_HOST header: 'example.com, other.com'. The domain name provided is not valid according to RFC 1034/1035."},
	{name: "xfh empty present", host: "example.com", header: map[string]string{"X-Forwarded-Host": ""},
		settings: Settings{AllowedHosts: []string{"*"}, UseXForwardedHost: true},
		wantErr:  "Invalid HTTP_HOST header: ''. The domain name provided is not valid according to RFC 1034/1035."},
	{name: "server name", local: "example.com:80", settings: Settings{AllowedHosts: []string{"example.com"}}, want: "example.com"},
	{name: "server name port 443 over http", local: "example.com:443", settings: Settings{AllowedHosts: []string{"example.com"}}, want: "example.com:443"},
	{name: "server name port 443 over https", local: "example.com:443", tls: true, settings: Settings{AllowedHosts: []string{"example.com"}}, want: "example.com"},
	{name: "server name ipv6", local: "[::1]:8000", settings: Settings{Debug: true}, want: "[::1]:8000"},
	{name: "server port from x-forwarded-port", local: "example.com:8000", header: map[string]string{"X-Forwarded-Port": "80"},
		settings: Settings{AllowedHosts: []string{"example.com"}, UseXForwardedPort: true}, want: "example.com"},
	{name: "no host at all", settings: Settings{AllowedHosts: []string{"*"}},
		wantErr: "Invalid HTTP_HOST header: ''. The domain name provided is not valid according to RFC 1034/1035."},
}

func TestRequestHost(t *testing.T) {
	for _, tt := range reqHostTests {
		t.Run(tt.name, func(t *testing.T) {
			req := newInfoRequest("GET", "/", tt.host)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			if tt.local != "" {
				req = infoWithLocalAddr(req, tt.local)
			}
			if tt.tls {
				req = infoWithTLS(req)
			}
			s := tt.settings
			got, err := NewRequest(req, &s).Host()
			if tt.wantErr != "" {
				var he *HostError
				if !errors.As(err, &he) || err.Error() != tt.wantErr {
					t.Fatalf("Host() = %q, %v; want error %q", got, err, tt.wantErr)
				}
				if !errors.Is(err, ErrDisallowedHost) || !errors.Is(err, ErrSuspiciousOperation) || StatusOf(err) != http.StatusBadRequest {
					t.Errorf("Host() error %v does not match ErrDisallowedHost/ErrSuspiciousOperation (status %d)", err, StatusOf(err))
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Host() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

var reqSchemeTests = []struct {
	name   string
	tls    bool
	header map[string]string
	proxy  *ProxyHeader
	want   string
}{
	{name: "plain", want: "http"},
	{name: "tls", tls: true, want: "https"},
	{name: "untrusted proxy header", header: map[string]string{"X-Forwarded-Proto": "https"}, want: "http"},
	{name: "trusted https", header: map[string]string{"X-Forwarded-Proto": "https"}, proxy: &ProxyHeader{"X-Forwarded-Proto", "https"}, want: "https"},
	{name: "trusted http over tls", tls: true, header: map[string]string{"X-Forwarded-Proto": "http"}, proxy: &ProxyHeader{"X-Forwarded-Proto", "https"}, want: "http"},
	{name: "first of list", header: map[string]string{"X-Forwarded-Proto": " https , http"}, proxy: &ProxyHeader{"X-Forwarded-Proto", "https"}, want: "https"},
	{name: "second of list ignored", header: map[string]string{"X-Forwarded-Proto": "http, https"}, proxy: &ProxyHeader{"X-Forwarded-Proto", "https"}, want: "http"},
	{name: "python strip", header: map[string]string{"X-Forwarded-Proto": "\x1fhttps\t, http"}, proxy: &ProxyHeader{"X-Forwarded-Proto", "https"}, want: "https"},
	{name: "case-sensitive value", header: map[string]string{"X-Forwarded-Proto": "HTTPS"}, proxy: &ProxyHeader{"X-Forwarded-Proto", "https"}, want: "http"},
	{name: "absent header keeps connection", tls: true, proxy: &ProxyHeader{"X-Forwarded-Proto", "https"}, want: "https"},
	{name: "META spelling", header: map[string]string{"X-Forwarded-Proto": "https"}, proxy: &ProxyHeader{"HTTP_X_FORWARDED_PROTO", "https"}, want: "https"},
	{name: "lower-case name", header: map[string]string{"X-Forwarded-Proto": "https"}, proxy: &ProxyHeader{"x-forwarded-proto", "https"}, want: "https"},
}

func TestRequestScheme(t *testing.T) {
	for _, tt := range reqSchemeTests {
		t.Run(tt.name, func(t *testing.T) {
			req := newInfoRequest("GET", "/", "example.com")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			if tt.tls {
				req = infoWithTLS(req)
			}
			r := NewRequest(req, &Settings{SecureProxySSLHeader: tt.proxy})
			if got := r.Scheme(); got != tt.want {
				t.Errorf("Scheme() = %q; want %q", got, tt.want)
			}
			if got := r.IsSecure(); got != (tt.want == "https") {
				t.Errorf("IsSecure() = %v; want %v", got, tt.want == "https")
			}
		})
	}
}

var reqPortTests = []struct {
	name    string
	local   string
	tls     bool
	xfp     string
	trusted bool
	want    string
}{
	{name: "default http", want: "80"},
	{name: "default https", tls: true, want: "443"},
	{name: "local address", local: "10.0.0.1:8000", want: "8000"},
	{name: "x-forwarded-port ignored", local: "10.0.0.1:8000", xfp: "443", want: "8000"},
	{name: "x-forwarded-port trusted", local: "10.0.0.1:8000", xfp: "443", trusted: true, want: "443"},
	{name: "trusted but absent", local: "10.0.0.1:8000", trusted: true, want: "8000"},
}

func TestRequestPort(t *testing.T) {
	for _, tt := range reqPortTests {
		t.Run(tt.name, func(t *testing.T) {
			req := newInfoRequest("GET", "/", "example.com")
			if tt.local != "" {
				req = infoWithLocalAddr(req, tt.local)
			}
			if tt.tls {
				req = infoWithTLS(req)
			}
			if tt.xfp != "" {
				req.Header.Set("X-Forwarded-Port", tt.xfp)
			}
			r := NewRequest(req, &Settings{UseXForwardedPort: tt.trusted})
			if got := r.Port(); got != tt.want {
				t.Errorf("Port() = %q; want %q", got, tt.want)
			}
		})
	}
}

var reqReprTests = []struct{ in, want string }{
	{"/x/", "'/x/'"},
	{"it's", `"it's"`},
	{`it's "q"`, `'it\'s "q"'`},
	{"a\\b", `'a\\b'`},
	{"tab\there\r\n", `'tab\there\r\n'`},
	{"\x00\x7f", `'\x00\x7f'`},
	{"café ☃", "'café ☃'"},
	{"\u00a0\u00ad\u2028", `'\xa0\xad\u2028'`},
	{"\U000e0001", `'\U000e0001'`},
	{"\xff", `'\xff'`},
}

func TestReqRepr(t *testing.T) {
	for _, tt := range reqReprTests {
		if got := pyrepr.Str(tt.in); got != tt.want {
			t.Errorf("pyrepr.Str(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}

func TestVectorsSplitDomainPort(t *testing.T) {
	for _, u := range vectors.Units(t, "split_domain_port") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct{ Host string }
			var want [2]string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			d, p := SplitDomainPort(in.Host)
			if d != want[0] || p != want[1] {
				t.Errorf("SplitDomainPort(%q) = %q, %q; want %q, %q", in.Host, d, p, want[0], want[1])
			}
		})
	}
}

func TestVectorsValidateHost(t *testing.T) {
	for _, u := range vectors.Units(t, "validate_host") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Host         string
				Domain       string
				AllowedHosts []string `json:"allowed_hosts"`
			}
			var want bool
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if d, _ := SplitDomainPort(in.Host); d != in.Domain {
				t.Errorf("SplitDomainPort(%q) domain = %q; want %q", in.Host, d, in.Domain)
			}
			if got := ValidateHost(in.Host, in.AllowedHosts); got != want {
				t.Errorf("ValidateHost(%q, %q) = %v; want %v", in.Host, in.AllowedHosts, got, want)
			}
		})
	}
}

func TestVectorsGetHost(t *testing.T) {
	for _, u := range vectors.Units(t, "get_host") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				HTTPHost          *string  `json:"HTTP_HOST"`
				XForwardedHost    *string  `json:"X-Forwarded-Host"`
				ServerName        *string  `json:"SERVER_NAME"`
				ServerPort        *string  `json:"SERVER_PORT"`
				AllowedHosts      []string `json:"ALLOWED_HOSTS"`
				Debug             bool     `json:"DEBUG"`
				UseXForwardedHost bool     `json:"USE_X_FORWARDED_HOST"`
			}
			vectors.Decode(t, u.Input, &in)
			req := newInfoRequest("GET", "/", "")
			if in.HTTPHost != nil {
				req.Host = *in.HTTPHost
			}
			if in.XForwardedHost != nil {
				req.Header.Set("X-Forwarded-Host", *in.XForwardedHost)
			}
			if in.ServerName != nil {
				port := "80"
				if in.ServerPort != nil {
					port = *in.ServerPort
				}
				req = infoWithLocalAddr(req, *in.ServerName+":"+port)
			}
			s := &Settings{AllowedHosts: in.AllowedHosts, Debug: in.Debug, UseXForwardedHost: in.UseXForwardedHost}
			got, err := NewRequest(req, s).Host()
			var want string
			var wantErr struct{ Error, Message string }
			if u.Output[0] == '{' {
				vectors.Decode(t, u.Output, &wantErr)
				var he *HostError
				if wantErr.Error != "DisallowedHost" || !errors.As(err, &he) || err.Error() != wantErr.Message {
					t.Errorf("Host() = %q, %v; want %s %q", got, err, wantErr.Error, wantErr.Message)
				}
				return
			}
			vectors.Decode(t, u.Output, &want)
			if err != nil || got != want {
				t.Errorf("Host() = %q, %v; want %q", got, err, want)
			}
		})
	}
}

// infoASCIICase returns s with ASCII letters upper-cased (upper) or
// lower-cased; other bytes are kept, so validity cannot change.
func infoASCIICase(s string, upper bool) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case upper && 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		case !upper && 'A' <= c && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

func FuzzHost(f *testing.F) {
	for _, tt := range splitDomainPortTests {
		f.Add(tt.host, ".example.com", false)
	}
	for _, tt := range validateHostTests {
		p := ""
		if len(tt.allowed) > 0 {
			p = tt.allowed[0]
		}
		f.Add(tt.host, p, true)
	}
	f.Fuzz(func(t *testing.T, host, pattern string, xfh bool) {
		domain, port := SplitDomainPort(host)
		if domain == "" && port != "" {
			t.Fatalf("SplitDomainPort(%q) = %q, %q: port without domain", host, domain, port)
		}
		allowed := []string{pattern}
		v := ValidateHost(host, allowed)
		if v != ValidateHost(infoASCIICase(host, true), allowed) || v != ValidateHost(infoASCIICase(host, false), allowed) ||
			v != ValidateHost(host, []string{infoASCIICase(pattern, true)}) {
			t.Fatalf("ValidateHost(%q, %q) = %v changes with ASCII case", host, pattern, v)
		}
		if domain != "" && !ValidateHost(host, []string{domain}) {
			t.Fatalf("ValidateHost(%q, [%q]) = false for its own domain", host, domain)
		}
		if domain != "" && !ValidateHost(host, []string{"*"}) {
			t.Fatalf("ValidateHost(%q, [*]) = false for a valid host", host)
		}
		req := newInfoRequest("GET", "/", host)
		if xfh {
			req.Header["X-Forwarded-Host"] = []string{host}
			req.Host = "example.com"
		}
		got, err := NewRequest(req, &Settings{AllowedHosts: allowed, UseXForwardedHost: xfh}).Host()
		if (err == nil) != v {
			t.Fatalf("Request.Host() with %q = %q, %v; ValidateHost = %v", host, got, err, v)
		}
		if err == nil && got != host {
			t.Fatalf("Request.Host() = %q; want the raw %q", got, host)
		}
		if err != nil {
			_ = err.Error()
		}
	})
}
