// Command servers serves one implementation of the loopback benchmarks on a
// loopback address until it gets SIGINT or SIGTERM; bench/load.sh starts one
// process per implementation, so that each has its own memory statistics.
//
//	servers -impl nethttp -addr 127.0.0.1:18081
//	servers -impl restframe -file /tmp/big.bin -addr 127.0.0.1:18091
//	servers -impl restframe -cpuprofile /tmp/rf.prof   # profile under wrk, stop with SIGINT
//
// JSON implementations (GET /json, GET /items with 100 items): nethttp,
// restframe (the rest view), restframe-web, gin, gin-negotiate, echo, chi,
// huma, fiber. File implementations (GET /file, with -file): restframe
// (web.FileResponse) and servefile (http.ServeFile). The address must be a
// loopback address.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v3"
	"github.com/restframe/restframe/bench/internal/peers"
	"github.com/restframe/restframe/web"
)

// listItems is the length of the list served at /items.
const listItems = 100

func main() {
	impl := flag.String("impl", "", "implementation to serve")
	addr := flag.String("addr", "127.0.0.1:18080", "loopback address to listen on")
	file := flag.String("file", "", "file served at /file by the file implementations")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "servers:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "servers:", err)
			os.Exit(1)
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	if err := run(*impl, *addr, *file); err != nil {
		fmt.Fprintln(os.Stderr, "servers:", err)
		os.Exit(1)
	}
}

func run(impl, addr, file string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("address %q is not a loopback address", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if impl == "fiber" {
		app := peers.Fiber(peers.Items(listItems))
		go func() {
			<-ctx.Done()
			app.ShutdownWithTimeout(5 * time.Second)
		}()
		return app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
	}

	h, err := handler(impl, file)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func handler(impl, file string) (http.Handler, error) {
	switch {
	case impl == "servefile" && file == "":
		return nil, fmt.Errorf("-impl %s needs -file", impl)
	case (impl == "restframe" || impl == "servefile") && file != "":
		mux := http.NewServeMux()
		mux.Handle("GET /file", fileHandler(impl, file))
		return mux, nil
	}
	for _, h := range peers.Handlers(peers.Items(listItems)) {
		if h.Name == impl {
			return h.Handler, nil
		}
	}
	return nil, fmt.Errorf("unknown -impl %q", impl)
}

// fileHandler serves file with restframe's FileResponse or with
// http.ServeFile.
func fileHandler(impl, file string) http.Handler {
	if impl == "servefile" {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.ServeFile(w, r, file)
		})
	}
	settings := &web.Settings{AllowedHosts: []string{"127.0.0.1", "localhost"}}
	return web.Handle(func(*web.Request) (web.Response, error) {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		return web.NewFileResponse(f), nil
	}, settings)
}
