package bench_test

import (
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/restframe/restframe/bench/internal/peers"
)

// TestHandlers checks that every handler of the JSON benchmarks answers
// the same thing: a 200 with a JSON content type and the same decoded body.
func TestHandlers(t *testing.T) {
	items := peers.Items(3)
	for _, h := range peers.Handlers(items) {
		t.Run(h.Name, func(t *testing.T) {
			var msg peers.Message
			get(t, h, peers.PathJSON, "application/json", "application/json", &msg)
			if msg.Message != peers.Hello {
				t.Errorf("GET %s message = %q; want %q", peers.PathJSON, msg.Message, peers.Hello)
			}
			var got []peers.Item
			get(t, h, peers.PathItems, "application/json", "application/json", &got)
			if !reflect.DeepEqual(got, items) {
				t.Errorf("GET %s = %+v; want %+v", peers.PathItems, got, items)
			}
			if h.HTML {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest("GET", peers.PathHTML, nil)
				req.Header.Set("Accept", peers.AcceptChrome)
				h.ServeHTTP(rec, req)
				if ct := rec.Header().Get("Content-Type"); rec.Code != 200 || !strings.HasPrefix(ct, "text/html") ||
					!strings.Contains(rec.Body.String(), "<h1>Hello, World!</h1>") {
					t.Errorf("GET %s (Chrome) = %d %q %q; want 200 text/html with the page", peers.PathHTML, rec.Code, ct, rec.Body)
				}
			}
		})
	}
}

func get(t *testing.T, h peers.Handler, path, accept, wantType string, v any) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Accept", accept)
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("GET %s = %d; want 200 (body %q)", path, rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, wantType) {
		t.Errorf("GET %s Content-Type = %q; want %s", path, ct, wantType)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s body %q: %v", path, rec.Body, err)
	}
}

// TestNegotiatePicks checks restframe's choices against RFC 9110 §12.5.1
// and logs what each peer picks (go test -v -run TestNegotiatePicks).
func TestNegotiatePicks(t *testing.T) {
	for _, impl := range peers.Negotiators() {
		for _, h := range peers.Headers {
			negotiate, err := impl.Prepare(h.Accept)
			if err != nil {
				t.Fatalf("%s: %v", impl.Name, err)
			}
			got := negotiate()
			if strings.HasPrefix(impl.Name, "restframe") && got != h.Want {
				t.Errorf("%s: Negotiate(%q) = %q; want %q", impl.Name, h.Accept, got, h.Want)
			}
			if got != h.Want {
				t.Logf("%s/%s picks %q (RFC 9110: %q)", impl.Name, h.Name, got, h.Want)
			}
		}
	}
}
