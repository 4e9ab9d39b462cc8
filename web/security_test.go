package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/web"
)

var securityTests = []struct {
	name   string
	opts   web.SecurityOptions
	target string      // request URL; https:// makes a TLS request
	preset http.Header // headers the view sets
	err    error       // the view's error
	want   map[string]string
	status int
}{
	{
		name: "defaults", target: "http://example.com/",
		want: map[string]string{
			"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
			"Referrer-Policy": "same-origin", "Cross-Origin-Opener-Policy": "same-origin",
			"Strict-Transport-Security": "",
		},
	},
	{
		name: "view headers win", target: "http://example.com/",
		preset: http.Header{
			"X-Frame-Options": {"SAMEORIGIN"}, "Referrer-Policy": {"no-referrer"},
			"X-Content-Type-Options": {"other"}, "Cross-Origin-Opener-Policy": {"unsafe-none"},
		},
		want: map[string]string{
			"X-Frame-Options": "SAMEORIGIN", "Referrer-Policy": "no-referrer",
			"X-Content-Type-Options": "other", "Cross-Origin-Opener-Policy": "unsafe-none",
		},
	},
	{
		name: "custom values", target: "http://example.com/",
		opts: web.SecurityOptions{
			FrameOptions: "SAMEORIGIN", ReferrerPolicy: " no-referrer , strict-origin-when-cross-origin ",
			CrossOriginOpenerPolicy: "same-origin-allow-popups",
		},
		want: map[string]string{
			"X-Frame-Options": "SAMEORIGIN", "Referrer-Policy": "no-referrer,strict-origin-when-cross-origin",
			"Cross-Origin-Opener-Policy": "same-origin-allow-popups", "X-Content-Type-Options": "nosniff",
		},
	},
	{
		name: "all off", target: "http://example.com/",
		opts: web.SecurityOptions{
			FrameOptions: web.NoHeader, ContentTypeOptions: web.NoHeader,
			ReferrerPolicy: web.NoHeader, CrossOriginOpenerPolicy: web.NoHeader,
		},
		want: map[string]string{
			"X-Frame-Options": "", "X-Content-Type-Options": "",
			"Referrer-Policy": "", "Cross-Origin-Opener-Policy": "",
		},
	},
	{
		name: "hsts on https", target: "https://example.com/",
		opts: web.SecurityOptions{HSTSSeconds: 31536000, HSTSIncludeSubdomains: true, HSTSPreload: true},
		want: map[string]string{"Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload"},
	},
	{
		name: "hsts plain", target: "https://example.com/",
		opts: web.SecurityOptions{HSTSSeconds: 3600},
		want: map[string]string{"Strict-Transport-Security": "max-age=3600"},
	},
	{
		name: "no hsts on http", target: "http://example.com/",
		opts: web.SecurityOptions{HSTSSeconds: 3600},
		want: map[string]string{"Strict-Transport-Security": ""},
	},
	{
		name: "view hsts wins", target: "https://example.com/",
		opts:   web.SecurityOptions{HSTSSeconds: 3600},
		preset: http.Header{"Strict-Transport-Security": {"max-age=0"}},
		want:   map[string]string{"Strict-Transport-Security": "max-age=0"},
	},
	{
		name: "error responses too", target: "http://example.com/", err: web.ErrNotFound, status: 404,
		want: map[string]string{"X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"},
	},
	{
		name: "bad value", target: "http://example.com/", status: 500,
		opts: web.SecurityOptions{FrameOptions: "DENY\r\nSet-Cookie: a=b"},
		want: map[string]string{"X-Frame-Options": "", "Set-Cookie": ""},
	},
}

func TestSecurityHeaders(t *testing.T) {
	for _, tt := range securityTests {
		t.Run(tt.name, func(t *testing.T) {
			logger, _ := MustLogger(t)
			srv := &web.Server{Logger: logger, Middleware: []web.Middleware{web.SecurityHeaders(tt.opts)}}
			h := srv.Handle(func(*web.Request) (web.Response, error) {
				if tt.err != nil {
					return nil, tt.err
				}
				resp := text(200, "ok")
				for k, v := range tt.preset {
					resp.Header()[k] = v
				}
				return resp, nil
			})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", tt.target, nil))
			status := tt.status
			if status == 0 {
				status = 200
			}
			if rec.Code != status {
				t.Errorf("status = %d; want %d", rec.Code, status)
			}
			for name, want := range tt.want {
				if got := rec.Header().Get(name); got != want {
					t.Errorf("%s = %q; want %q", name, got, want)
				}
			}
		})
	}
}

func TestSecurityHeadersOverTheWire(t *testing.T) {
	h := (&web.Server{Middleware: []web.Middleware{web.SecurityHeaders(web.SecurityOptions{HSTSSeconds: 60})}}).Handle(
		func(*web.Request) (web.Response, error) { return text(200, "ok"), nil })
	run(t, func(t *testing.T, do func(http.Handler, *http.Request) result) {
		res := do(h, httptest.NewRequest("GET", "/", nil))
		if res.header.Get("X-Frame-Options") != "DENY" || res.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("headers = %v", res.header)
		}
	})
}
