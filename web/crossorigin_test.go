package web_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/restframe/restframe/web"
)

var crossOriginOptions = web.CrossOriginOptions{
	TrustedOrigins: []string{"https://partner.example"},
	BypassPatterns: []string{"POST /webhooks/{id}", "/hooks/"},
}

var crossOriginTests = []struct {
	name    string
	method  string
	target  string
	site    string // Sec-Fetch-Site
	origin  string
	refused bool
}{
	{"get cross-site", "GET", "/", "cross-site", "https://evil.example", false},
	{"head cross-site", "HEAD", "/", "cross-site", "https://evil.example", false},
	{"options cross-site", "OPTIONS", "/", "cross-site", "https://evil.example", false},
	{"post no headers", "POST", "/", "", "", false},
	{"post same-origin", "POST", "/", "same-origin", "", false},
	{"post user initiated", "POST", "/", "none", "", false},
	{"post cross-site", "POST", "/", "cross-site", "https://evil.example", true},
	{"post same-site", "POST", "/", "same-site", "https://sub.example.com", true},
	{"put cross-site", "PUT", "/", "cross-site", "", true},
	{"delete cross-site", "DELETE", "/", "cross-site", "", true},
	{"patch cross-site", "PATCH", "/", "cross-site", "", true},
	{"old browser same host", "POST", "/", "", "http://example.com", false},
	{"old browser other host", "POST", "/", "", "http://evil.example", true},
	{"old browser other port", "POST", "/", "", "http://example.com:8080", true},
	{"null origin", "POST", "/", "", "null", true},
	{"trusted origin", "POST", "/", "cross-site", "https://partner.example", false},
	{"trusted origin, old browser", "POST", "/", "", "https://partner.example", false},
	{"trusted origin is exact", "POST", "/", "cross-site", "http://partner.example", true},
	{"bypass pattern", "POST", "/webhooks/7", "cross-site", "https://evil.example", false},
	{"bypass pattern method", "PUT", "/webhooks/7", "cross-site", "https://evil.example", true},
	{"bypass pattern deeper", "POST", "/webhooks/7/x", "cross-site", "https://evil.example", true},
	{"bypass subtree", "DELETE", "/hooks/a/b", "cross-site", "", false},
	{"bypass redirect is not a match", "POST", "/hooks", "cross-site", "", true},
}

func TestCrossOriginCheck(t *testing.T) {
	c, err := web.NewCrossOriginProtection(crossOriginOptions)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range crossOriginTests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "http://example.com"+tt.target, nil)
			if tt.site != "" {
				req.Header.Set("Sec-Fetch-Site", tt.site)
			}
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			err := c.Check(req)
			if (err != nil) != tt.refused {
				t.Errorf("Check(%s %s) = %v; want refused=%v", tt.method, tt.target, err, tt.refused)
			}
			if err != nil && (!errors.Is(err, web.ErrCrossOrigin) || web.StatusOf(err) != 403) {
				t.Errorf("Check(%s %s) = %v; want ErrCrossOrigin (403)", tt.method, tt.target, err)
			}
		})
	}
}

func TestCrossOriginZeroValue(t *testing.T) {
	req := httptest.NewRequest("POST", "http://example.com/", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	for _, c := range []*web.CrossOriginProtection{nil, {}} {
		if err := c.Check(req); !errors.Is(err, web.ErrCrossOrigin) {
			t.Errorf("(%v).Check(cross-site POST) = %v; want ErrCrossOrigin", c, err)
		}
	}
}

var badCrossOriginOptions = []struct {
	name string
	opts web.CrossOriginOptions
	want error
}{
	{"no scheme", web.CrossOriginOptions{TrustedOrigins: []string{"example.com"}}, web.ErrTrustedOrigin},
	{"path", web.CrossOriginOptions{TrustedOrigins: []string{"https://example.com/"}}, web.ErrTrustedOrigin},
	{"query", web.CrossOriginOptions{TrustedOrigins: []string{"https://example.com?a"}}, web.ErrTrustedOrigin},
	{"user", web.CrossOriginOptions{TrustedOrigins: []string{"https://u@example.com"}}, web.ErrTrustedOrigin},
	{"unparsable", web.CrossOriginOptions{TrustedOrigins: []string{"https://[::1"}}, web.ErrTrustedOrigin},
	{"bad pattern", web.CrossOriginOptions{BypassPatterns: []string{"POST /{id"}}, web.ErrBypassPattern},
	{"conflicting patterns", web.CrossOriginOptions{BypassPatterns: []string{"/a/", "/a/"}}, web.ErrBypassPattern},
}

func TestNewCrossOriginProtectionErrors(t *testing.T) {
	for _, tt := range badCrossOriginOptions {
		if c, err := web.NewCrossOriginProtection(tt.opts); c != nil || !errors.Is(err, tt.want) {
			t.Errorf("%s: NewCrossOriginProtection(%+v) = %v, %v; want %v", tt.name, tt.opts, c, err, tt.want)
		}
	}
}

func TestCrossOriginMiddleware(t *testing.T) {
	c, err := web.NewCrossOriginProtection(web.CrossOriginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	logger, _ := MustLogger(t)
	h := (&web.Server{Logger: logger, Middleware: []web.Middleware{c.Handler}}).Handle(
		func(r *web.Request) (web.Response, error) { return text(200, r.HTTP().Method+" done"), nil })
	run(t, func(t *testing.T, do func(http.Handler, *http.Request) result) {
		for _, tt := range []struct {
			method, site string
			status       int
			body         string
		}{
			{"POST", "same-origin", 200, "POST done"},
			{"POST", "", 200, "POST done"},
			{"POST", "cross-site", 403, "Forbidden: cross-origin request refused\n"},
			{"GET", "cross-site", 200, "GET done"},
		} {
			req := httptest.NewRequest(tt.method, "/form", nil)
			if tt.site != "" {
				req.Header.Set("Sec-Fetch-Site", tt.site)
			}
			if res := do(h, req); res.status != tt.status || res.body != tt.body {
				t.Errorf("%s Sec-Fetch-Site=%q: %d %q; want %d %q", tt.method, tt.site, res.status, res.body, tt.status, tt.body)
			}
		}
	})
}

func FuzzCrossOriginCheck(f *testing.F) {
	for _, tt := range crossOriginTests {
		f.Add(tt.method, tt.target, tt.site, tt.origin, "example.com")
	}
	c, err := web.NewCrossOriginProtection(crossOriginOptions)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, method, path, site, origin, host string) {
		req := &http.Request{
			Method: method,
			URL:    &url.URL{Path: path},
			Host:   host,
			Header: http.Header{"Sec-Fetch-Site": {site}, "Origin": {origin}},
		}
		err := c.Check(req)
		switch method {
		case "GET", "HEAD", "OPTIONS":
			if err != nil {
				t.Errorf("Check(%s) = %v; safe methods pass", method, err)
			}
		}
		if err != nil && !errors.Is(err, web.ErrCrossOrigin) {
			t.Errorf("Check = %v; want ErrCrossOrigin", err)
		}
		if (site == "same-origin" || site == "none") && err != nil {
			t.Errorf("Check(Sec-Fetch-Site=%q) = %v", site, err)
		}
	})
}
