package resttest_test

import (
	"net/url"
	"testing"
	"unicode/utf8"

	"github.com/restframe/restframe/resttest"
)

// FuzzRequestFactoryQuery checks that query data round-trips through the
// query string the factory builds, and that no path makes New panic.
func FuzzRequestFactoryQuery(f *testing.F) {
	for _, tt := range factoryTests {
		f.Add(tt.req.Path, "k", "v")
	}
	for _, tt := range queryTests {
		if s, ok := tt.data.(string); ok {
			f.Add("/", s, s)
		}
	}
	f.Add("/a?b=c", "é &=+", "%zz")
	f.Fuzz(func(t *testing.T, path, key, value string) {
		_, _ = resttest.RequestFactory{}.New(resttest.Request{Method: "POST", Path: path, Data: value, ContentType: "text/plain"})
		req, err := resttest.RequestFactory{}.Get("/q", map[string]string{key: value})
		if err != nil {
			t.Fatalf("Get(/q, {%q: %q}) error: %v", key, value, err)
		}
		if key == "" || !utf8.ValidString(key) || !utf8.ValidString(value) {
			return
		}
		got, err := url.ParseQuery(req.URL.RawQuery)
		if err != nil {
			t.Fatalf("ParseQuery(%q) error: %v", req.URL.RawQuery, err)
		}
		if len(got) != 1 || len(got[key]) != 1 || got[key][0] != value {
			t.Errorf("Get(/q, {%q: %q}) query %q parses as %v", key, value, req.URL.RawQuery, got)
		}
	})
}
