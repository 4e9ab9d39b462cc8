package web_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

var redirectTests = []struct {
	to       string
	opts     web.RedirectOptions
	status   int
	location string
	err      string // the end of the error text; "" for success
}{
	{"/foo/", web.RedirectOptions{}, 302, "/foo/", ""},
	{"/foo/", web.RedirectOptions{PreserveRequest: true}, 307, "/foo/", ""},
	{"/foo/", web.RedirectOptions{Permanent: true}, 301, "/foo/", ""},
	{"/foo/", web.RedirectOptions{Permanent: true, PreserveRequest: true}, 308, "/foo/", ""},
	{"/föö bar/?q=☃", web.RedirectOptions{}, 302, "/f%C3%B6%C3%B6%20bar/?q=%E2%98%83", ""},
	{"/a%20b/", web.RedirectOptions{}, 302, "/a%20b/", ""},
	{"https://example.com/x", web.RedirectOptions{}, 302, "https://example.com/x", ""},
	{"HTTP://example.com/", web.RedirectOptions{}, 302, "HTTP://example.com/", ""},
	{"ftp://example.com/", web.RedirectOptions{}, 302, "ftp://example.com/", ""},
	{"//example.com/x", web.RedirectOptions{}, 302, "//example.com/x", ""},
	{"relative/path", web.RedirectOptions{}, 302, "relative/path", ""},
	{"?page=2", web.RedirectOptions{}, 302, "?page=2", ""},
	{"1javascript:alert(1)", web.RedirectOptions{}, 302, "1javascript:alert(1)", ""},
	{"javascript:alert(1)", web.RedirectOptions{}, 0, "", "Unsafe redirect to URL with protocol 'javascript'"},
	{"JavaScript:alert(1)", web.RedirectOptions{}, 0, "", "Unsafe redirect to URL with protocol 'javascript'"},
	{" \x01javascript:alert(1)", web.RedirectOptions{}, 0, "", "Unsafe redirect to URL with protocol 'javascript'"},
	{"java\tscr\nipt:alert(1)", web.RedirectOptions{}, 0, "", "Unsafe redirect to URL with protocol 'javascript'"},
	{"data:text/html,<script>", web.RedirectOptions{}, 0, "", "Unsafe redirect to URL with protocol 'data'"},
	{"mailto:a@example.com", web.RedirectOptions{}, 0, "", "Unsafe redirect to URL with protocol 'mailto'"},
	{"vbscript:x", web.RedirectOptions{Permanent: true}, 0, "", "Unsafe redirect to URL with protocol 'vbscript'"},
	{"/" + strings.Repeat("a", 16383), web.RedirectOptions{}, 302, "/" + strings.Repeat("a", 16383), ""},
	{"/" + strings.Repeat("a", 16384), web.RedirectOptions{}, 0, "", "Unsafe redirect exceeding 16384 characters"},
	{"/" + strings.Repeat("é", 3000), web.RedirectOptions{}, 0, "", "Unsafe redirect exceeding 16384 characters"},
	{"/abcdef", web.RedirectOptions{MaxLength: 5}, 0, "", "Unsafe redirect exceeding 5 characters"},
	{"/" + strings.Repeat("a", 20000), web.RedirectOptions{MaxLength: -1}, 302, "/" + strings.Repeat("a", 20000), ""},
}

func TestRedirect(t *testing.T) {
	for _, tt := range redirectTests {
		name := tt.to
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			r, err := web.NewRedirectWith(tt.to, tt.opts)
			if tt.err != "" {
				if !errors.Is(err, web.ErrDisallowedRedirect) || !strings.HasSuffix(err.Error(), tt.err) {
					t.Fatalf("NewRedirectWith(%q, %+v) error = %v; want ErrDisallowedRedirect ending %q", tt.to, tt.opts, err, tt.err)
				}
				if got := web.StatusOf(err); got != http.StatusBadRequest {
					t.Errorf("StatusOf(%v) = %d; want 400", err, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewRedirectWith(%q, %+v) error: %v", tt.to, tt.opts, err)
			}
			if r.Status() != tt.status || r.URL() != tt.location || r.Header().Get("Location") != tt.location {
				t.Errorf("NewRedirectWith(%q, %+v) = %d %q; want %d %q", tt.to, tt.opts, r.Status(), r.URL(), tt.status, tt.location)
			}
			if len(r.Content()) != 0 || r.Header().Get("Content-Type") != "text/html; charset=utf-8" {
				t.Errorf("body %q, Content-Type %q; want empty, text/html", r.Content(), r.Header().Get("Content-Type"))
			}
		})
	}
}

func TestRedirectConstructors(t *testing.T) {
	r, err := web.NewRedirect("/foo/")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.String(), `<HttpResponseRedirect status_code=302, "text/html; charset=utf-8", url="/foo/">`; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	p, err := web.NewPermanentRedirect("/bar/")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.String(), `<HttpResponsePermanentRedirect status_code=301, "text/html; charset=utf-8", url="/bar/">`; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	if _, err := web.NewPermanentRedirect("javascript:x"); !errors.Is(err, web.ErrDisallowedRedirect) {
		t.Errorf("NewPermanentRedirect(javascript:x) = %v; want ErrDisallowedRedirect", err)
	}

	// Over the wire the client sees the status and Location.
	h := sendHandler(t, func(*http.Request) (sender, error) { return web.NewRedirect("/föö/") })
	runWire(t, h, func(t *testing.T, c *http.Client, u string) {
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		res, err := c.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 302 || res.Header.Get("Location") != "/f%C3%B6%C3%B6/" {
			t.Errorf("got %d %q; want 302 /f%%C3%%B6%%C3%%B6/", res.StatusCode, res.Header.Get("Location"))
		}
	})
}

// FuzzRedirect checks that NewRedirectWith never panics, that the Location
// it accepts is a single header line, and that no accepted Location is seen
// by a URL parser as having a scheme other than http, https or ftp.
func FuzzRedirect(f *testing.F) {
	for _, tt := range redirectTests {
		if len(tt.to) < 200 {
			f.Add(tt.to)
		}
	}
	f.Add("\x00javascript:x")
	f.Add("jav&#x09;ascript:alert(1)")
	f.Fuzz(func(t *testing.T, to string) {
		r, err := web.NewRedirect(to)
		if err != nil {
			if !errors.Is(err, web.ErrDisallowedRedirect) {
				t.Fatalf("NewRedirect(%q) error %v does not wrap ErrDisallowedRedirect", to, err)
			}
			return
		}
		loc := r.URL()
		for i := 0; i < len(loc); i++ {
			if c := loc[i]; c <= ' ' || c >= 0x7f {
				t.Fatalf("NewRedirect(%q): Location %q has byte %#x", to, loc, c)
			}
		}
		if u, err := url.Parse(loc); err == nil {
			switch strings.ToLower(u.Scheme) {
			case "", "http", "https", "ftp":
			default:
				t.Fatalf("NewRedirect(%q) accepted Location %q with scheme %q", to, loc, u.Scheme)
			}
		}
		if len(loc) > web.DefaultMaxRedirectLength {
			t.Fatalf("NewRedirect(%q): Location of %d bytes", to, len(loc))
		}
	})
}
