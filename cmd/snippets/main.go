// Command snippets is restframe's demo server: a small code-snippets API
// built with the rest package (Django REST framework's views, negotiated
// responses and exceptions) on the web package (Django's HTTP layer).
//
//	go run ./cmd/snippets                 # serves http://127.0.0.1:8000/
//	go run ./cmd/snippets -addr 127.0.0.1:9000 -debug -problem-details
//
// Every API URL answers JSON to API clients and an HTML page to browsers,
// chosen by the Accept header, by ?format=json|html, or by a format suffix:
//
//	GET                /                     API root (JSON) or home page (HTML)
//	GET, POST          /snippets/            list, create (JSON or form body)
//	GET, PUT, PATCH,   /snippets/{id}/       retrieve, replace, change, delete
//	DELETE
//	GET                /snippets.json, /snippets/1.json, /snippets/1.html
//	GET                /snippets/{id}/raw    the code as a file (Range, ?download=1)
//	GET                /events               server-sent events, a clock
//
// Try it with curl:
//
//	curl -i http://127.0.0.1:8000/snippets/                        # JSON
//	curl -i -H 'Accept: text/html' http://127.0.0.1:8000/snippets/ # HTML
//	curl -i http://127.0.0.1:8000/snippets/1.html                  # HTML, by suffix
//	curl -i -H 'Accept: image/png' http://127.0.0.1:8000/snippets/ # 406
//	curl -i -d title=hi -d code='print(1)' http://127.0.0.1:8000/snippets/
//	curl -i -X PATCH -H 'Content-Type: application/json' \
//	     -d '{"title": ""}' http://127.0.0.1:8000/snippets/1/    # 400, DRF's field errors
//	curl -i -X OPTIONS http://127.0.0.1:8000/snippets/             # metadata
//
// It also shows sessions in signed cookies that Django can read (a visit
// counter and one-time messages), the cross-origin protection of unsafe
// methods, host validation, a file download with Range support and a
// server-sent event stream. Snippets live in memory and are lost on exit.
//
// Flags:
//
//	-addr             address to listen on (default 127.0.0.1:8000)
//	-debug            show error details in 500 responses (Django's DEBUG)
//	-secret           key of the signed session cookies (default: random per start)
//	-problem-details  answer errors as RFC 9457 problem details
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/restframe/restframe/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on")
	debug := flag.Bool("debug", false, "show error details in 500 responses (Django's DEBUG)")
	secret := flag.String("secret", "", "secret key for signed cookies (default: random per start)")
	problems := flag.Bool("problem-details", false, "answer errors as RFC 9457 problem details")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	key := *secret
	if key == "" {
		key = randomKey()
	}
	settings := &web.Settings{
		AllowedHosts: []string{"127.0.0.1", "localhost", "[::1]"},
		Debug:        *debug,
		SecretKey:    key,
	}
	app, err := newApp(newStore(seedSnippets()), options{Web: settings, Logger: logger, ProblemDetails: *problems})
	if err != nil {
		logger.Error("templates", "err", err)
		os.Exit(1)
	}

	srv := &http.Server{
		Addr:              *addr,
		Handler:           app.routes(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logger.Error("listen", "err", err)
		os.Exit(1)
	}
	fmt.Printf("restframe snippets demo on http://%s/ (Ctrl-C to stop)\n", ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("serve", "err", err)
		os.Exit(1)
	}
}
