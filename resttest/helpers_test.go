package resttest_test

import (
	"encoding/json"
	"io"
	"net/http"
)

// echoed is what echo reports about the request it served.
type echoed struct {
	Method        string            `json:"method"`
	URI           string            `json:"uri"`
	Host          string            `json:"host"`
	TLS           bool              `json:"tls"`
	ContentType   string            `json:"content_type"`
	ContentLength int64             `json:"content_length"`
	Body          string            `json:"body"`
	Headers       map[string]string `json:"headers"`
	Cookie        string            `json:"cookie"`
}

// echo is a handler that answers a JSON description of the request.
var echo = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	e := echoed{
		Method:        r.Method,
		URI:           r.RequestURI,
		Host:          r.Host,
		TLS:           r.TLS != nil,
		ContentType:   r.Header.Get("Content-Type"),
		ContentLength: r.ContentLength,
		Body:          string(b),
		Headers:       map[string]string{},
		Cookie:        r.Header.Get("Cookie"),
	}
	for k := range r.Header {
		e.Headers[k] = r.Header.Get(k)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(e)
})

// mustEcho decodes the echo of a response.
func mustEcho(t interface {
	Helper()
	Fatalf(string, ...any)
}, body []byte) echoed {
	t.Helper()
	var e echoed
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("decoding echo %q: %v", body, err)
	}
	return e
}
