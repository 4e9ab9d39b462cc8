package web_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleSecurityHeaders() {
	srv := &web.Server{Middleware: []web.Middleware{
		web.SecurityHeaders(web.SecurityOptions{HSTSSeconds: 31536000, HSTSIncludeSubdomains: true}),
	}}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		resp := web.NewHTTPResponse("embeddable")
		// A header the view sets is kept.
		if err := resp.SetHeader("X-Frame-Options", "SAMEORIGIN"); err != nil {
			return nil, err
		}
		return resp, nil
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "https://example.com/widget", nil))
	for _, name := range []string{"X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy", "Strict-Transport-Security"} {
		fmt.Printf("%s: %s\n", name, rec.Header().Get(name))
	}
	// Output:
	// X-Frame-Options: SAMEORIGIN
	// X-Content-Type-Options: nosniff
	// Referrer-Policy: same-origin
	// Cross-Origin-Opener-Policy: same-origin
	// Strict-Transport-Security: max-age=31536000; includeSubDomains
}
