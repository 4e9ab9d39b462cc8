// Command snippets is restframe's demo server: a small code-snippets site
// served with the web package (Django's HTTP layer in Go).
//
//	go run ./cmd/snippets                 # http://127.0.0.1:8000/
//	go run ./cmd/snippets -addr 127.0.0.1:9000 -debug
//
// It shows a negotiated list (HTML for browsers, JSON for API clients), a
// form whose POST is read as a QueryDict, sessions in signed cookies that
// Django can read, a file download with Range support, a server-sent event
// stream, and the error mapping of the handler adapter.
package main

import (
	"context"
	"errors"
	"flag"
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
	debug := flag.Bool("debug", false, "show error details in responses (Django's DEBUG)")
	secret := flag.String("secret", "", "secret key for signed cookies (default: random per start)")
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
	app := newApp(newStore(seedSnippets()), settings, logger)

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
	logger.Info("snippets demo listening", "url", "http://"+ln.Addr().String()+"/")

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
