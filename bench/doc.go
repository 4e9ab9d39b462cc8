// Package bench holds restframe's side-by-side benchmarks against plain
// net/http and the Go peers (gin, echo, chi, huma, fiber,
// elnormous/contenttype). It is a separate module, so that the peers never
// enter restframe's own go.mod; the benchmarks are in bench_test.go, the
// loopback throughput servers in cmd/servers, and cmd/report turns the raw
// output into RESULTS.md. See README.md.
package bench
