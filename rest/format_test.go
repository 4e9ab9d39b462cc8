package rest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

var splitFormatSuffixTests = []struct {
	path, base, format string
	ok                 bool
}{
	{"/items.json", "/items", "json", true},
	{"/items.json/", "/items", "json", true},
	{"/a/b/things/5.api", "/a/b/things/5", "api", true},
	{"/items.mp3", "/items", "mp3", true},
	{"/items/.json", "/items/.json", "", false},
	{"/items.JSON", "/items.JSON", "", false},
	{"/items.", "/items.", "", false},
	{"/items", "/items", "", false},
	{"/items/", "/items/", "", false},
	{"/", "/", "", false},
	{"", "", "", false},
	{".json", ".json", "", false},
	{"/a.b/c", "/a.b/c", "", false},
	{"/items.js-on", "/items.js-on", "", false},
}

func TestSplitFormatSuffix(t *testing.T) {
	for _, tt := range splitFormatSuffixTests {
		t.Run(tt.path, func(t *testing.T) {
			base, format, ok := SplitFormatSuffix(tt.path)
			if base != tt.base || format != tt.format || ok != tt.ok {
				t.Errorf("SplitFormatSuffix(%q) = %q, %q, %v; want %q, %q, %v", tt.path, base, format, ok, tt.base, tt.format, tt.ok)
			}
		})
	}
}

var formatSuffixHandlerTests = []struct {
	name        string
	fs          FormatSuffix
	target      string
	wantStatus  int
	wantPath    string
	wantRawPath string
	wantFormat  string
}{
	{"plain", FormatSuffix{}, "/items", 200, "/items", "", ""},
	{"suffix", FormatSuffix{}, "/items.json", 200, "/items", "", "json"},
	{"suffix slash", FormatSuffix{}, "/items.json/", 200, "/items", "", "json"},
	{"append slash", FormatSuffix{AppendSlash: true}, "/items.json", 200, "/items/", "", "json"},
	{"allowed", FormatSuffix{Allowed: []string{"json", "html"}}, "/a.html/", 200, "/a", "", "html"},
	{"not allowed", FormatSuffix{Allowed: []string{"json", "html"}}, "/a.xml", 404, "", "", ""},
	{"kwarg", FormatSuffix{Kwarg: "fmt"}, "/a.csv", 200, "/a", "", "csv"},
	{"raw path", FormatSuffix{}, "/a%2Fb.json", 200, "/a/b", "/a%2Fb", "json"},
	{"no suffix after slash", FormatSuffix{}, "/items/.json", 200, "/items/.json", "", ""},
}

func TestFormatSuffixHandler(t *testing.T) {
	for _, tt := range formatSuffixHandlerTests {
		t.Run(tt.name, func(t *testing.T) {
			var gotPath, gotRaw, gotFormat string
			kwarg := tt.fs.Kwarg
			if kwarg == "" {
				kwarg = "format"
			}
			h := tt.fs.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				gotPath, gotRaw, gotFormat = r.URL.Path, r.URL.RawPath, r.PathValue(kwarg)
			}))
			req := httptest.NewRequest("GET", tt.target, nil)
			origPath := req.URL.Path
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Fatalf("GET %s: status %d; want %d", tt.target, rec.Code, tt.wantStatus)
			}
			if tt.wantStatus != 200 {
				return
			}
			if gotPath != tt.wantPath || gotRaw != tt.wantRawPath || gotFormat != tt.wantFormat {
				t.Errorf("GET %s: path %q raw %q format %q; want %q %q %q", tt.target, gotPath, gotRaw, gotFormat, tt.wantPath, tt.wantRawPath, tt.wantFormat)
			}
			if req.URL.Path != origPath || req.PathValue(kwarg) != "" {
				t.Errorf("GET %s: the original request was modified", tt.target)
			}
		})
	}
}

func TestFormatSuffixHandlerWithServeMux(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(r.PathValue("id") + " " + r.PathValue("format")))
	})
	h := FormatSuffixHandler(mux, "json", "api")
	for target, want := range map[string]string{
		"/items/5":      "5 ",
		"/items/5.json": "5 json",
		"/items/5.api/": "5 api",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if got := rec.Body.String(); got != want {
			t.Errorf("GET %s = %q; want %q", target, got, want)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/items/5.xml", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("GET /items/5.xml: status %d; want 404", rec.Code)
	}
}

func FuzzSplitFormatSuffix(f *testing.F) {
	for _, tt := range splitFormatSuffixTests {
		f.Add(tt.path)
	}
	f.Fuzz(func(t *testing.T, path string) {
		base, format, ok := SplitFormatSuffix(path)
		if !ok {
			if base != path || format != "" {
				t.Fatalf("SplitFormatSuffix(%q) = %q, %q, false; want the path unchanged", path, base, format)
			}
			return
		}
		if format == "" || base == "" {
			t.Fatalf("SplitFormatSuffix(%q) = %q, %q, true: empty part", path, base, format)
		}
		if p := base + "." + format; p != path && p+"/" != path {
			t.Fatalf("SplitFormatSuffix(%q) = %q, %q: does not rebuild the path", path, base, format)
		}
	})
}
