package web_test

import (
	"bytes"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// The -update flag rewrites the golden files under testdata/responses. It is
// registered here unless another test file of the package already did.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
	return true
}()

// goldenUpdate reports whether -update was given.
func goldenUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// MustMatchGolden compares got with testdata/responses/<name>.golden, or
// rewrites the file with -update.
func MustMatchGolden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", "responses", name+".golden")
	if goldenUpdate() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s: got\n%q\nwant\n%q", path, got, want)
	}
}

// wireMode is one way of serving a response over the network.
type wireMode struct {
	name  string
	http2 bool
}

var wireModes = []wireMode{{"http1", false}, {"http2", true}}

// runWire calls fn once over HTTP/1.1 and once over HTTP/2 (TLS), with a
// client and the base URL of a test server running h.
func runWire(t *testing.T, h http.Handler, fn func(t *testing.T, c *http.Client, url string)) {
	t.Helper()
	for _, m := range wireModes {
		t.Run(m.name, func(t *testing.T) {
			srv := httptest.NewUnstartedServer(h)
			if m.http2 {
				srv.EnableHTTP2 = true
				srv.StartTLS()
			} else {
				srv.Start()
			}
			defer srv.Close()
			fn(t, srv.Client(), srv.URL)
		})
	}
}

// sendHandler serves the response that mk builds for each request, failing
// the test when Send fails.
func sendHandler(tb testing.TB, mk func(r *http.Request) (sender, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := mk(r)
		if err != nil {
			tb.Errorf("building the response: %v", err)
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if err := resp.Send(w, r); err != nil {
			tb.Errorf("Send: %v", err)
		}
	})
}

// sender is web.Response without the need to import it here.
type sender interface {
	Send(w http.ResponseWriter, r *http.Request) error
}

// record sends resp for req through an httptest.ResponseRecorder.
func record(tb testing.TB, resp sender, req *http.Request) *httptest.ResponseRecorder {
	tb.Helper()
	rec := httptest.NewRecorder()
	if err := resp.Send(rec, req); err != nil {
		tb.Fatalf("Send: %v", err)
	}
	return rec
}
