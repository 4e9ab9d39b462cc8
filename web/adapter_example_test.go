package web_test

import (
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/restframe/restframe/web"
)

// A view returning an HTTPResponse, served through httptest.
func ExampleHandle() {
	hello := func(r *web.Request) (web.Response, error) {
		return web.NewHTTPResponse("<p>Hello, " + html.EscapeString(r.PathValue("name")) + "</p>"), nil
	}
	mux := http.NewServeMux()
	mux.Handle("GET /hello/{name}", web.Handle(hello, &web.Settings{AllowedHosts: []string{"127.0.0.1"}}))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := http.Get(srv.URL + "/hello/Ada")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Println(res.Status)
	fmt.Println(res.Header.Get("Content-Type"))
	fmt.Println(string(body))
	// Output:
	// 200 OK
	// text/html; charset=utf-8
	// <p>Hello, Ada</p>
}

// Errors become plain-text responses; the cause is logged, not shown.
func ExampleServer() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // keep the example's output stable
			}
			return a
		},
	}))
	srv := &web.Server{
		Settings:   &web.Settings{AllowedHosts: []string{"example.com"}},
		Logger:     logger,
		Middleware: []web.Middleware{web.HostValidation(), web.SecurityHeaders(web.SecurityOptions{})},
	}
	snippet := srv.Handle(func(r *web.Request) (web.Response, error) {
		switch r.PathValue("id") {
		case "1":
			return web.NewHTTPResponse("print('hello')"), nil
		case "2":
			return nil, fmt.Errorf("snippet 2: %w", web.ErrPermissionDenied)
		case "3":
			return nil, &web.HTTPError{Status: http.StatusConflict, Message: "snippet 3 is being edited"}
		}
		return nil, fmt.Errorf("loading snippet: %w", web.ErrNotFound)
	})
	mux := http.NewServeMux()
	mux.Handle("GET /snippets/{id}", snippet)

	for _, id := range []string{"1", "2", "3", "4"} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", "/snippets/"+id, nil))
		fmt.Printf("%d %q X-Frame-Options=%s\n", rec.Code, rec.Body, rec.Header().Get("X-Frame-Options"))
	}
	// Output:
	// 200 "print('hello')" X-Frame-Options=DENY
	// level=WARN msg="web: client error" method=GET path=/snippets/2 status=403 err="snippet 2: web: permission denied"
	// 403 "Forbidden\n" X-Frame-Options=DENY
	// level=WARN msg="web: client error" method=GET path=/snippets/3 status=409 err="snippet 3 is being edited"
	// 409 "snippet 3 is being edited\n" X-Frame-Options=DENY
	// level=WARN msg="web: client error" method=GET path=/snippets/4 status=404 err="loading snippet: web: not found"
	// 404 "Not Found\n" X-Frame-Options=DENY
}

// Handle reads the Server once: the same Server serves several views.
func ExampleServer_Handle() {
	srv := &web.Server{
		Logger:     slog.New(slog.DiscardHandler),
		Middleware: []web.Middleware{web.SecurityHeaders(web.SecurityOptions{FrameOptions: "SAMEORIGIN"})},
	}
	mux := http.NewServeMux()
	mux.Handle("GET /", srv.Handle(func(*web.Request) (web.Response, error) {
		return web.NewHTTPResponse("home"), nil
	}))
	mux.Handle("GET /boom", srv.Handle(func(*web.Request) (web.Response, error) {
		panic("unexpected state") // recovered: a 500, logged with its stack
	}))
	for _, path := range []string{"/", "/boom"} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		fmt.Println(path, rec.Code, strings.TrimSpace(rec.Body.String()), rec.Header().Get("X-Frame-Options"))
	}
	// Output:
	// / 200 home SAMEORIGIN
	// /boom 500 Internal Server Error SAMEORIGIN
}
