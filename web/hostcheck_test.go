package web_test

import (
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

var hostCheckTests = []struct {
	name     string
	settings web.Settings
	host     string
	ok       bool
}{
	{"exact", web.Settings{AllowedHosts: []string{"example.com"}}, "example.com", true},
	{"exact with port", web.Settings{AllowedHosts: []string{"example.com"}}, "example.com:8080", true},
	{"case", web.Settings{AllowedHosts: []string{"example.com"}}, "EXAMPLE.com", true},
	{"other", web.Settings{AllowedHosts: []string{"example.com"}}, "evil.com", false},
	{"subdomain pattern", web.Settings{AllowedHosts: []string{".example.com"}}, "api.example.com", true},
	{"subdomain pattern, apex", web.Settings{AllowedHosts: []string{".example.com"}}, "example.com", true},
	{"suffix trick", web.Settings{AllowedHosts: []string{".example.com"}}, "evilexample.com", false},
	{"wildcard", web.Settings{AllowedHosts: []string{"*"}}, "anything.test", true},
	{"empty list", web.Settings{}, "example.com", false},
	{"debug localhost", web.Settings{Debug: true}, "localhost:8000", true},
	{"debug other", web.Settings{Debug: true}, "example.com", false},
	{"invalid host", web.Settings{AllowedHosts: []string{"*"}}, "exa mple.com", false},
}

func TestCheckHost(t *testing.T) {
	for _, tt := range hostCheckTests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.Host = tt.host
			err := web.CheckHost(req, &tt.settings)
			if (err == nil) != tt.ok {
				t.Errorf("CheckHost(%q) = %v; want ok=%v", tt.host, err, tt.ok)
			}
			if err != nil && (!errors.Is(err, web.ErrDisallowedHost) || web.StatusOf(err) != 400) {
				t.Errorf("CheckHost(%q) = %v; want an ErrDisallowedHost (400)", tt.host, err)
			}
		})
	}
}

func TestHostValidation(t *testing.T) {
	for _, tt := range hostCheckTests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			logger, logs := MustLogger(t)
			srv := &web.Server{Settings: &tt.settings, Logger: logger, Middleware: []web.Middleware{web.HostValidation()}}
			h := srv.Handle(func(*web.Request) (web.Response, error) {
				called = true
				return text(200, "ok"), nil
			})
			req := httptest.NewRequest("GET", "/", nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			wantStatus, wantBody := 200, "ok"
			if !tt.ok {
				wantStatus, wantBody = 400, "Bad Request\n"
			}
			body := rec.Body.String()
			if tt.settings.Debug && !tt.ok {
				body, _, _ = strings.Cut(body, "\n\n") // Debug adds the cause
				body += "\n"
			}
			if rec.Code != wantStatus || body != wantBody || called != tt.ok {
				t.Errorf("Host %q: %d %q (view called: %v); want %d %q", tt.host, rec.Code, rec.Body, called, wantStatus, wantBody)
			}
			if !tt.ok && !strings.Contains(logs.String(), "Invalid HTTP_HOST header") {
				t.Errorf("log = %q; want Django's DisallowedHost message", logs.String())
			}
		})
	}
}
