package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/restframe/restframe/web"
)

// config is the command line of the app.
type config struct {
	// templates is the template variant: "full", "exc_only" or "none".
	templates string
	// now is the app's clock; nil means time.Now.
	now func() time.Time
	// logger receives the app's errors; nil means slog.Default().
	logger *slog.Logger
}

// clock returns the app's clock.
func (c config) clock() func() time.Time {
	if c.now == nil {
		return time.Now
	}
	return c.now
}

// newApp builds the reference app: the DRF routes (drf.go), the plain Django
// routes (django.go), Django's middleware and error pages (django_middleware.go).
func newApp(cfg config) (http.Handler, error) {
	switch cfg.templates {
	case "full", "exc_only", "none":
	default:
		return nil, fmt.Errorf("unknown template variant %q (want full, exc_only or none)", cfg.templates)
	}
	srv := &web.Server{
		Settings:      webSettings(cfg),
		Middleware:    djangoMiddleware(cfg),
		ErrorResponse: djangoErrorResponse(cfg),
		Logger:        cfg.logger,
	}
	mux := http.NewServeMux()
	if err := registerDjango(mux, cfg); err != nil {
		return nil, err
	}
	// Anything that no route answers is Django's handler404.
	notFound := srv.Handle(func(*web.Request) (web.Response, error) { return nil, web.ErrNotFound })
	if err := registerDRF(mux, srv, cfg, notFound); err != nil {
		return nil, err
	}
	return mux, nil
}
