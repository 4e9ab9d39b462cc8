package web_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleHostValidation() {
	srv := &web.Server{
		Settings:   &web.Settings{AllowedHosts: []string{"example.com", ".api.example.com"}},
		Logger:     slog.New(slog.DiscardHandler),
		Middleware: []web.Middleware{web.HostValidation()},
	}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		host, _ := r.Host()
		return web.NewHTTPResponse("served for " + host), nil
	})
	for _, host := range []string{"example.com", "v2.api.example.com:8443", "attacker.test"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Printf("%s: %d %q\n", host, rec.Code, rec.Body)
	}
	// Output:
	// example.com: 200 "served for example.com"
	// v2.api.example.com:8443: 200 "served for v2.api.example.com:8443"
	// attacker.test: 400 "Bad Request\n"
}

func ExampleCheckHost() {
	settings := &web.Settings{AllowedHosts: []string{"example.com"}}
	req := httptest.NewRequest("GET", "/", nil)
	req.Host = "evil.test"
	err := web.CheckHost(req, settings)
	fmt.Println(errors.Is(err, web.ErrDisallowedHost), web.StatusOf(err))
	fmt.Println(err)
	// Output:
	// true 400
	// Invalid HTTP_HOST header: 'evil.test'. You may need to add 'evil.test' to ALLOWED_HOSTS.
}
