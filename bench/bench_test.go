package bench_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/restframe/restframe/bench/internal/peers"
	"github.com/restframe/restframe/signing"
	"github.com/restframe/restframe/web"
)

// discardWriter is the reusable http.ResponseWriter of the handler
// benchmarks: it keeps the headers (reset before each request), the status
// and the number of body bytes, and throws the body away.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func newDiscardWriter() *discardWriter { return &discardWriter{h: make(http.Header)} }

func (w *discardWriter) Header() http.Header { return w.h }

func (w *discardWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *discardWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += len(p)
	return len(p), nil
}

func (w *discardWriter) WriteString(s string) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += len(s)
	return len(s), nil
}

func (w *discardWriter) reset() {
	clear(w.h)
	w.status = 0
	w.n = 0
}

var _ http.ResponseWriter = (*discardWriter)(nil)

// sink keeps results alive so the compiler cannot drop the work.
var sink string

// BenchmarkNegotiate compares Accept negotiation over [JSON, HTML]:
// BenchmarkNegotiate/<impl>/<header>.
func BenchmarkNegotiate(b *testing.B) {
	for _, impl := range peers.Negotiators() {
		b.Run(impl.Name, func(b *testing.B) {
			for _, h := range peers.Headers {
				b.Run(h.Name, func(b *testing.B) {
					negotiate, err := impl.Prepare(h.Accept)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportAllocs()
					for b.Loop() {
						sink = negotiate()
					}
				})
			}
		})
	}
}

// serveBench drives h.ServeHTTP with one reusable request and a
// discardWriter, after checking that the response is a 200 with a body.
func serveBench(b *testing.B, h http.Handler, path, accept string) {
	b.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Accept", accept)
	w := newDiscardWriter()
	h.ServeHTTP(w, req)
	if w.status != http.StatusOK || w.n == 0 {
		b.Fatalf("GET %s (Accept %q): status %d, %d body bytes; want 200 with a body", path, accept, w.status, w.n)
	}
	b.ReportAllocs()
	for b.Loop() {
		w.reset()
		h.ServeHTTP(w, req)
	}
}

// BenchmarkJSON is TechEmpower's JSON test through each framework's
// router: BenchmarkJSON/<impl>. The restframe entry is a full rest.View
// with [JSON, TemplateHTML] renderers served by web.Server, negotiating
// Accept: application/json; restframe-web is the web layer alone and
// gin-negotiate is gin's c.Negotiate path, the peer of a negotiated view.
func BenchmarkJSON(b *testing.B) {
	for _, h := range peers.Handlers(nil) {
		b.Run(h.Name, func(b *testing.B) {
			serveBench(b, h.Handler, peers.PathJSON, "application/json")
		})
	}
}

var listSizes = []int{10, 100, 1000}

// BenchmarkJSONList serves a list of n Items (ten fields, a time and a
// nested struct among them): BenchmarkJSONList/<impl>/n=<n>.
func BenchmarkJSONList(b *testing.B) {
	bySize := make([][]peers.Handler, len(listSizes))
	for i, n := range listSizes {
		bySize[i] = peers.Handlers(peers.Items(n))
	}
	for j, h := range bySize[0] {
		b.Run(h.Name, func(b *testing.B) {
			for i, n := range listSizes {
				b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
					serveBench(b, bySize[i][j].Handler, peers.PathItems, "application/json")
				})
			}
		})
	}
}

// BenchmarkNegotiatedBrowser is Chrome's Accept against a handler that
// offers [JSON, HTML] and so renders the HTML page:
// BenchmarkNegotiatedBrowser/<impl>. nethttp renders the template without
// negotiating; restframe's entry is its rest view with [JSON,
// TemplateHTML], which picks TemplateHTML for Chrome.
func BenchmarkNegotiatedBrowser(b *testing.B) {
	for _, h := range peers.Handlers(nil) {
		if !h.HTML {
			continue
		}
		b.Run(h.Name, func(b *testing.B) {
			serveBench(b, h.Handler, peers.PathHTML, peers.AcceptChrome)
		})
	}
}

// queries are the query strings of BenchmarkQueryDict.
var queries = []struct{ name, q string }{
	{"small", "page=2&format=json"},
	{"typical", "search=hello+world&ordering=-created_at&page=3&page_size=50&tag=go&tag=web&tag=django&since=2026-01-01T00%3A00%3A00Z"},
}

// BenchmarkQueryDict parses query strings with restframe's QueryDict
// (ordered, Django's rules) and with net/url's ParseQuery side by side:
// BenchmarkQueryDict/<impl>/<query>.
func BenchmarkQueryDict(b *testing.B) {
	b.Run("restframe", func(b *testing.B) {
		for _, q := range queries {
			b.Run(q.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := web.ParseQueryDict(q.q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
	b.Run("neturl", func(b *testing.B) {
		for _, q := range queries {
			b.Run(q.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := url.ParseQuery(q.q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
}

// allowedHosts is an ALLOWED_HOSTS with exact names and wildcards.
var allowedHosts = []string{"api.example.org", ".example.com", ".localhost", "127.0.0.1", "[::1]"}

var hosts = []struct {
	name, host string
	ok         bool
}{
	{"exact", "api.example.org", true},
	{"wildcard", "www.example.com:8000", true},
	{"disallowed", "evil.example.net", false},
}

// BenchmarkHost validates the Host header against AllowedHosts with
// wildcards: per request through web.Request.Host (a fresh Request each
// time, as each request gets one), and with the pure web.ValidateHost.
// BenchmarkHost/<form>/<case>.
func BenchmarkHost(b *testing.B) {
	s := &web.Settings{AllowedHosts: allowedHosts}
	b.Run("request", func(b *testing.B) {
		for _, h := range hosts {
			b.Run(h.name, func(b *testing.B) {
				req := httptest.NewRequest("GET", "/", nil)
				req.Host = h.host
				if _, err := web.NewRequest(req, s).Host(); (err == nil) != h.ok {
					b.Fatalf("Host() for %q: error %v; want ok=%v", h.host, err, h.ok)
				}
				b.ReportAllocs()
				for b.Loop() {
					sink, _ = web.NewRequest(req, s).Host()
				}
			})
		}
	})
	b.Run("validate", func(b *testing.B) {
		for _, h := range hosts {
			b.Run(h.name, func(b *testing.B) {
				if got := web.ValidateHost(h.host, allowedHosts); got != h.ok {
					b.Fatalf("ValidateHost(%q) = %v; want %v", h.host, got, h.ok)
				}
				b.ReportAllocs()
				for b.Loop() {
					web.ValidateHost(h.host, allowedHosts)
				}
			})
		}
	})
}

const (
	cookieKey   = "django-insecure-bench-key-0123456789abcdefghijklmnopqrstuvwxyz"
	cookieName  = "prefs"
	cookieValue = "theme=dark&lang=en"
)

// BenchmarkSignedCookie signs and verifies a Django signed cookie:
// with the signing package (sign, verify) and through the web layer
// (web-sign: BaseResponse.SetSignedCookie; web-verify: a fresh
// web.Request's SignedCookie, cookie header parsing included).
func BenchmarkSignedCookie(b *testing.B) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s := &web.Settings{SecretKey: cookieKey, Now: clock}
	signer := signing.CookieSigner(cookieKey, nil, cookieName, "", false)
	signer.Now = clock
	signed := signer.Sign(cookieValue)

	b.Run("sign", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sg := signing.CookieSigner(cookieKey, nil, cookieName, "", false)
			sg.Now = clock
			sink = sg.Sign(cookieValue)
		}
	})
	b.Run("verify", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			v, err := signing.UnsignCookie(cookieKey, nil, cookieName, "", signed, time.Hour, false, clock)
			if err != nil || v != cookieValue {
				b.Fatalf("UnsignCookie = %q, %v; want %q", v, err, cookieValue)
			}
		}
	})
	b.Run("web-sign", func(b *testing.B) {
		resp := web.NewHTTPResponse("")
		b.ReportAllocs()
		for b.Loop() {
			if err := resp.SetSignedCookie(s, cookieName, cookieValue, "", web.CookieOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("web-verify", func(b *testing.B) {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Cookie", "sessionid=abc; "+cookieName+"="+web.QuoteCookieValue(signed)+"; csrftoken=xyz")
		b.ReportAllocs()
		for b.Loop() {
			v, err := web.NewRequest(req, s).SignedCookie(cookieName, "", time.Hour)
			if err != nil || v != cookieValue {
				b.Fatalf("SignedCookie = %q, %v; want %q", v, err, cookieValue)
			}
		}
	})
}
