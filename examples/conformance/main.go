// Command conformance serves the reference app of testdata/conformance
// (ROUTES.md) with restframe, in DRF-compatible negotiation mode, so that the
// responses recorded from Django REST framework 3.14 and Django 3.2
// (golden.jsonl) can be replayed against it:
//
//	go run ./examples/conformance -addr 127.0.0.1:8765 -templates full -now 1700000000
//
// -templates selects the template variant (full, exc_only or none) and -now
// freezes the app's clock (Unix seconds) at the recording time. The user
// alice with password secret exists for /whoami.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8765", "listen address")
	templates := flag.String("templates", "full", "template variant: full, exc_only or none")
	now := flag.Int64("now", 0, "freeze the clock at this Unix time (0: real time)")
	flag.Parse()

	cfg := config{templates: *templates}
	if *now != 0 {
		t := time.Unix(*now, 0).UTC()
		cfg.now = func() time.Time { return t }
	}
	h, err := newApp(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(2)
	}
	log.Printf("conformance app (templates %s) on http://%s/", cfg.templates, *addr)
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
