package web

import (
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/vectors"
)

var reqPathTests = []struct {
	name                 string
	urlPath, scriptName  string
	wantInfo, wantPath   string
	wantFull, wantInfoFP string // FullPath(true), FullPathInfo(false)
	query                string
}{
	{name: "root", urlPath: "/", wantInfo: "/", wantPath: "/", wantFull: "/", wantInfoFP: "/"},
	{name: "empty", urlPath: "", wantInfo: "/", wantPath: "/", wantFull: "/", wantInfoFP: "/"},
	{name: "no slash", urlPath: "/a/b", wantInfo: "/a/b", wantPath: "/a/b", wantFull: "/a/b/", wantInfoFP: "/a/b"},
	{name: "mounted, not stripped", urlPath: "/api/users/", scriptName: "/api", wantInfo: "/users/", wantPath: "/api/users/",
		wantFull: "/api/users/", wantInfoFP: "/users/"},
	{name: "mounted, stripped by StripPrefix", urlPath: "/users/", scriptName: "/api/", wantInfo: "/users/", wantPath: "/api/users/",
		wantFull: "/api/users/", wantInfoFP: "/users/"},
	{name: "mount root itself", urlPath: "/api", scriptName: "/api", wantInfo: "/", wantPath: "/api/",
		wantFull: "/api/", wantInfoFP: "/"},
	{name: "prefix is not a segment", urlPath: "/apiary", scriptName: "/api", wantInfo: "/apiary", wantPath: "/api/apiary",
		wantFull: "/api/apiary/", wantInfoFP: "/apiary"},
	{name: "escaping", urlPath: "/café x/;p?", query: "q=☃ &r=%20", wantInfo: "/café x/;p?", wantPath: "/café x/;p?",
		wantFull: "/caf%C3%A9%20x/%3Bp%3F/?q=%E2%98%83%20&r=%20", wantInfoFP: "/caf%C3%A9%20x/%3Bp%3F?q=%E2%98%83%20&r=%20"},
	{name: "django awful path", urlPath: "/;some/?awful/=path/foo:bar/", query: ";some=query&+query=string",
		wantInfo: "/;some/?awful/=path/foo:bar/", wantPath: "/;some/?awful/=path/foo:bar/",
		wantFull: "/%3Bsome/%3Fawful/%3Dpath/foo:bar/?;some=query&+query=string", wantInfoFP: "/%3Bsome/%3Fawful/%3Dpath/foo:bar/?;some=query&+query=string"},
	{name: "django fragment", urlPath: "/foo#bar", query: "baz#quux", wantInfo: "/foo#bar", wantPath: "/foo#bar",
		wantFull: "/foo%23bar/?baz#quux", wantInfoFP: "/foo%23bar?baz#quux"},
	{name: "broken utf-8", urlPath: "/a\xffb\xe2\x82", wantInfo: "/a%FFb%E2%82", wantPath: "/a%FFb%E2%82",
		wantFull: "/a%25FFb%25E2%2582/", wantInfoFP: "/a%25FFb%25E2%2582"},
	{name: "percent and control", urlPath: "/50%\r\n", query: "a=\x01b", wantInfo: "/50%\r\n", wantPath: "/50%\r\n",
		wantFull: "/50%25%0D%0A/?a=%01b", wantInfoFP: "/50%25%0D%0A?a=%01b"},
}

func TestRequestPaths(t *testing.T) {
	for _, tt := range reqPathTests {
		t.Run(tt.name, func(t *testing.T) {
			req := newInfoRequest("GET", "/", "example.com")
			req.URL.Path, req.URL.RawQuery = tt.urlPath, tt.query
			r := NewRequest(req, &Settings{ScriptName: tt.scriptName})
			if got := r.PathInfo(); got != tt.wantInfo {
				t.Errorf("PathInfo() = %q; want %q", got, tt.wantInfo)
			}
			if got := r.Path(); got != tt.wantPath {
				t.Errorf("Path() = %q; want %q", got, tt.wantPath)
			}
			if got := r.FullPath(true); got != tt.wantFull {
				t.Errorf("FullPath(true) = %q; want %q", got, tt.wantFull)
			}
			if got := r.FullPathInfo(false); got != tt.wantInfoFP {
				t.Errorf("FullPathInfo(false) = %q; want %q", got, tt.wantInfoFP)
			}
			if got := r.ScriptName(); got != tt.scriptName {
				t.Errorf("ScriptName() = %q; want %q", got, tt.scriptName)
			}
		})
	}
}

// absoluteURITests are spec §11.9's oracle examples (base path /a/b/, host
// testserver) and more.
var absoluteURITests = []struct {
	path, query, location, want string
}{
	{"/a/b/", "x=1", "", "http://testserver/a/b/?x=1"},
	{"/a/b/", "x=1", "/foo/", "http://testserver/foo/"},
	{"/a/b/", "x=1", "foo/", "http://testserver/a/b/foo/"},
	{"/a/b/", "x=1", "../foo", "http://testserver/a/foo"},
	{"/a/b/", "x=1", "?page=2", "http://testserver/a/b/?page=2"},
	{"/a/b/", "x=1", "#frag", "http://testserver/a/b/#frag"},
	{"/a/b/", "x=1", "?", "http://testserver/a/b/"}, // Django's build_absolute_uri("")
	{"/a/b/", "x=1", "https://other.com/x?y#z", "https://other.com/x?y#z"},
	{"/a/b/", "x=1", "//other.com/x", "http://other.com/x"},
	{"/a/b/", "x=1", "/foo/./bar/../baz", "http://testserver/foo/baz"},
	{"/a/b/", "x=1", "/café/☃?q=é", "http://testserver/caf%C3%A9/%E2%98%83?q=%C3%A9"},
	{"//evil.com/x", "", "", "http://testserver//evil.com/x"},
	{"/a/b/", "x=1", "mailto:a@b.com", "mailto:a@b.com"},
	{"/a/b/", "", ".", "http://testserver/a/b/"},
	{"/a/b/", "", "..", "http://testserver/a/"},
	{"/a/b/", "", "../../../..", "http://testserver/"},
	{"/a/b", "", "c", "http://testserver/a/c"},
	{"/a/b", "", "c;p?q#f", "http://testserver/a/c;p?q#f"},
	{"/a/b;p", "", ";q", "http://testserver/a/;q"},
	{"/a/b", "", "HTTP:c", "http://testserver/a/c"},
	{"/a/b", "", "ftp:c", "ftp:c"},
	{"/a/b", "", " /x y", "http://testserver%20/x%20y"}, // Django appends the location as is
	{"/a/b", "", "/x\r\ny", "http://testserver/x%0D%0Ay"},
	{"/a/b", "", "x\r\ny", "http://testserver/a/xy"}, // urljoin drops CR and LF
	{"/a//b/", "", "c//d/", "http://testserver/a/b/c/d/"},
}

func TestRequestAbsoluteURI(t *testing.T) {
	for _, tt := range absoluteURITests {
		t.Run(tt.path+"|"+tt.location, func(t *testing.T) {
			req := newInfoRequest("GET", "/", "testserver")
			req.URL.Path, req.URL.RawQuery = tt.path, tt.query
			got, err := NewRequest(req, &Settings{AllowedHosts: []string{"testserver"}}).AbsoluteURI(tt.location)
			if err != nil || got != tt.want {
				t.Errorf("AbsoluteURI(%q) = %q, %v; want %q", tt.location, got, err, tt.want)
			}
		})
	}
}

func TestRequestAbsoluteURIHost(t *testing.T) {
	req := newInfoRequest("GET", "/a", "evil.com")
	r := NewRequest(req, &Settings{AllowedHosts: []string{"example.com"}})
	if got, err := r.AbsoluteURI("/x"); err == nil {
		t.Errorf("AbsoluteURI(%q) = %q, nil; want a DisallowedHost error", "/x", got)
	}
	// An absolute location needs no host.
	if got, err := r.AbsoluteURI("https://example.com/x"); err != nil || got != "https://example.com/x" {
		t.Errorf("AbsoluteURI(%q) = %q, %v; want it unchanged", "https://example.com/x", got, err)
	}
	tls := NewRequest(infoWithTLS(newInfoRequest("GET", "/a", "example.com")), &Settings{AllowedHosts: []string{"example.com"}})
	if got, err := tls.AbsoluteURI("//cdn.example/z"); err != nil || got != "https://cdn.example/z" {
		t.Errorf("AbsoluteURI(%q) over TLS = %q, %v; want %q", "//cdn.example/z", got, err, "https://cdn.example/z")
	}
}

func TestVectorsBuildAbsoluteURI(t *testing.T) {
	for _, u := range vectors.Units(t, "build_absolute_uri") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Path, Host  string
				QueryString string  `json:"query_string"`
				Location    *string `json:"location"`
			}
			var want struct {
				BuildAbsoluteURI string `json:"build_absolute_uri"`
				GetFullPath      string `json:"get_full_path"`
			}
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			req := newInfoRequest("GET", "/", in.Host)
			req.URL.Path, req.URL.RawQuery = in.Path, in.QueryString
			r := NewRequest(req, &Settings{AllowedHosts: []string{in.Host}})
			loc := ""
			if in.Location != nil {
				if *in.Location == "" {
					t.Fatalf("vector passes an empty location; AbsoluteURI needs %q for it", "?")
				}
				loc = *in.Location
			}
			got, err := r.AbsoluteURI(loc)
			if err != nil || got != want.BuildAbsoluteURI {
				t.Errorf("AbsoluteURI(%q) = %q, %v; want %q", loc, got, err, want.BuildAbsoluteURI)
			}
			if got := r.FullPath(false); got != want.GetFullPath {
				t.Errorf("FullPath(false) = %q; want %q", got, want.GetFullPath)
			}
		})
	}
}

func FuzzAbsoluteURI(f *testing.F) {
	for _, tt := range absoluteURITests {
		f.Add(tt.path, tt.query, tt.location)
	}
	f.Fuzz(func(t *testing.T, path, query, location string) {
		req := newInfoRequest("GET", "/", "example.com:8000")
		req.URL.Path, req.URL.RawQuery = path, query
		r := NewRequest(req, &Settings{AllowedHosts: []string{"*"}, ScriptName: "/mnt"})
		for _, s := range []string{r.FullPath(true), r.FullPathInfo(false)} {
			if strings.ContainsAny(s, "\r\n ") {
				t.Fatalf("full path %q contains CR, LF or space", s)
			}
		}
		got, err := r.AbsoluteURI(location)
		if err != nil {
			t.Fatalf("AbsoluteURI(%q) error %v with an allowed host", location, err)
		}
		if strings.ContainsAny(got, "\r\n ") {
			t.Fatalf("AbsoluteURI(%q) = %q contains CR, LF or space", location, got)
		}
		if location == "" && !strings.HasPrefix(got, "http://example.com:8000/") {
			t.Fatalf("AbsoluteURI(\"\") = %q; want the request's own URI", got)
		}
	})
}
