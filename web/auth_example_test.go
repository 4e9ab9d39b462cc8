package web_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/web"
)

// apiUser is a User of the examples.
type apiUser struct{ name string }

func (u apiUser) Username() string      { return u.name }
func (u apiUser) IsAuthenticated() bool { return true }

func ExampleAuthentication() {
	tokens := map[string]string{"9944b09199c62bcf": "ada"}
	authenticate := func(r *web.Request) (web.User, error) {
		token, ok := strings.CutPrefix(r.HTTP().Header.Get("Authorization"), "Token ")
		if !ok {
			return nil, nil // anonymous
		}
		if name, ok := tokens[token]; ok {
			return apiUser{name}, nil
		}
		return nil, &web.HTTPError{
			Status:  http.StatusUnauthorized,
			Message: "Invalid token.",
			Header:  http.Header{"Www-Authenticate": {"Token"}},
		}
	}
	srv := &web.Server{
		Logger:     slog.New(slog.DiscardHandler),
		Middleware: []web.Middleware{web.Authentication(authenticate)},
	}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		if !r.User().IsAuthenticated() {
			return web.NewHTTPResponse("hello, stranger"), nil
		}
		return web.NewHTTPResponse("hello, " + r.User().Username()), nil
	})
	for _, auth := range []string{"", "Token 9944b09199c62bcf", "Token forged"} {
		req := httptest.NewRequest("GET", "/", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		fmt.Printf("%d %q [%s]\n", rec.Code, rec.Body, rec.Header().Get("Www-Authenticate"))
	}
	// Output:
	// 200 "hello, stranger" []
	// 200 "hello, ada" []
	// 401 "Invalid token.\n" [Token]
}

func ExampleRequireAuthenticated() {
	srv := &web.Server{
		Logger: slog.New(slog.DiscardHandler),
		Middleware: []web.Middleware{
			web.Authentication(func(*web.Request) (web.User, error) { return nil, nil }), // nobody logs in
			web.RequireAuthenticated(`Bearer realm="api"`),
		},
	}
	h := srv.Handle(func(*web.Request) (web.Response, error) { return web.NewHTTPResponse("secret"), nil })
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	fmt.Println(rec.Code, rec.Header().Get("Www-Authenticate"))
	fmt.Print(rec.Body)
	// Output:
	// 401 Bearer realm="api"
	// Authentication credentials were not provided.
}

func ExampleAnonymousUser() {
	var u web.User = web.AnonymousUser{}
	fmt.Printf("%q %v\n", u.Username(), u.IsAuthenticated())
	// Output:
	// "" false
}
