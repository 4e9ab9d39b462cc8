package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// discardWriter is a reusable ResponseWriter that drops the body.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteString(s string) (int, error) {
	return len(s), nil
}
func (d *discardWriter) WriteHeader(int) {}

// BenchmarkAdapter measures the handler adapter with the cheapest response
// and with a JSONResponse, against a plain http.HandlerFunc writing the
// same bytes.
func BenchmarkAdapter(b *testing.B) {
	settings := &Settings{AllowedHosts: []string{"*"}}
	msg := map[string]any{"message": "Hello, World!"}
	handlers := []struct {
		name string
		h    http.Handler
	}{
		{"nethttp", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"message": "Hello, World!"}`))
		})},
		{"HTTPResponse", Handle(func(r *Request) (Response, error) {
			return NewHTTPResponse(`{"message": "Hello, World!"}`), nil
		}, settings)},
		{"JSONResponse", Handle(func(r *Request) (Response, error) {
			return NewJSONResponse(msg)
		}, settings)},
	}
	req := httptest.NewRequest(http.MethodGet, "/json", nil)
	for _, tt := range handlers {
		b.Run(tt.name, func(b *testing.B) {
			w := &discardWriter{h: make(http.Header)}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				tt.h.ServeHTTP(w, req)
			}
		})
	}
}
