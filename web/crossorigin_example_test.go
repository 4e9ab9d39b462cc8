package web_test

import (
	"fmt"
	"log/slog"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleNewCrossOriginProtection() {
	cop, err := web.NewCrossOriginProtection(web.CrossOriginOptions{
		TrustedOrigins: []string{"https://admin.example.com"},
		BypassPatterns: []string{"POST /webhooks/{provider}"}, // authenticated by signature, not cookies
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := &web.Server{Logger: slog.New(slog.DiscardHandler), Middleware: []web.Middleware{cop.Handler}}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		return web.NewHTTPResponse("changed"), nil
	})
	for _, tt := range []struct{ method, path, site, origin string }{
		{"POST", "/posts", "same-origin", "https://example.com"},
		{"POST", "/posts", "cross-site", "https://evil.test"},
		{"GET", "/posts", "cross-site", "https://evil.test"},
		{"POST", "/posts", "same-site", "https://admin.example.com"},
		{"POST", "/webhooks/billing", "cross-site", "https://evil.test"},
	} {
		req := httptest.NewRequest(tt.method, "https://example.com"+tt.path, nil)
		req.Header.Set("Sec-Fetch-Site", tt.site)
		req.Header.Set("Origin", tt.origin)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Printf("%s %s from %s: %d\n", tt.method, tt.path, tt.origin, rec.Code)
	}
	// Output:
	// POST /posts from https://example.com: 200
	// POST /posts from https://evil.test: 403
	// GET /posts from https://evil.test: 200
	// POST /posts from https://admin.example.com: 200
	// POST /webhooks/billing from https://evil.test: 200
}

func ExampleCrossOriginProtection_Check() {
	var cop web.CrossOriginProtection // the zero value: nothing trusted
	req := httptest.NewRequest("POST", "http://example.com/transfer", nil)
	req.Header.Set("Origin", "http://evil.test") // an older browser: no Sec-Fetch-Site
	fmt.Println(cop.Check(req))
	req.Header.Set("Origin", "http://example.com")
	fmt.Println(cop.Check(req))
	// Output:
	// web: cross-origin request detected
	// <nil>
}
