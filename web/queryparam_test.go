package web

import (
	"testing"

	"github.com/restframe/restframe/internal/vectors"
)

// queryParamTests are DRF's replace_query_param(url, "k", "v w&é") and
// remove_query_param(url, "k"), checked against DRF 3.14 on Python 3.11.
var queryParamTests = []struct{ url, replaced, removed string }{
	{"/a?x=1&y=2", "/a?k=v+w%26%C3%A9&x=1&y=2", "/a?x=1&y=2"},
	{"/a", "/a?k=v+w%26%C3%A9", "/a"},
	{"HTTP://H/a?b=1#frag", "http://H/a?b=1&k=v+w%26%C3%A9#frag", "http://H/a?b=1#frag"},
	{"http:/a?b", "http:///a?b=&k=v+w%26%C3%A9", "http:///a?b="},
	{"//h/a?b=+x%20y&b=2&&c", "//h/a?b=+x+y&b=2&c=&k=v+w%26%C3%A9", "//h/a?b=+x+y&b=2&c="},
	{"/a?b=%ff&a=%e2%98", "/a?a=%EF%BF%BD&b=%EF%BF%BD&k=v+w%26%C3%A9", "/a?a=%EF%BF%BD&b=%EF%BF%BD"},
	{"mailto:x@y?z=1", "mailto:x@y?k=v+w%26%C3%A9&z=1", "mailto:x@y?z=1"},
	{"/a?", "/a?k=v+w%26%C3%A9", "/a"},
	{"/a#", "/a?k=v+w%26%C3%A9", "/a"},
	{"  /a?b=1", "/a?b=1&k=v+w%26%C3%A9", "/a?b=1"},
	{"1a:b?x", "1a:b?k=v+w%26%C3%A9&x=", "1a:b?x="},
	{"/a?z=1;y=2", "/a?k=v+w%26%C3%A9&z=1%3By%3D2", "/a?z=1%3By%3D2"},
	{"/a?%41=1&A=2", "/a?A=1&A=2&k=v+w%26%C3%A9", "/a?A=1&A=2"},
	{"/a?k=1&k=2&b=3", "/a?b=3&k=v+w%26%C3%A9", "/a?b=3"},
}

func TestReplaceQueryParam(t *testing.T) {
	for _, tt := range queryParamTests {
		if got := ReplaceQueryParam(tt.url, "k", "v w&é"); got != tt.replaced {
			t.Errorf("ReplaceQueryParam(%q, k, \"v w&é\") = %q; want %q", tt.url, got, tt.replaced)
		}
	}
}

func TestRemoveQueryParam(t *testing.T) {
	for _, tt := range queryParamTests {
		if got := RemoveQueryParam(tt.url, "k"); got != tt.removed {
			t.Errorf("RemoveQueryParam(%q, k) = %q; want %q", tt.url, got, tt.removed)
		}
	}
}

// pyReplacementTests are Python's UTF-8 decoding with errors="replace":
// one U+FFFD per maximal ill-formed subpart.
var pyReplacementTests = []struct{ in, want string }{
	{"\xe2\x98A", "\uFFFDA"},
	{"\xff\xfe", "\uFFFD\uFFFD"},
	{"\xe2\xe2\x98\x85", "\uFFFD★"},
	{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
	{"\xf0\x9f\x98", "\uFFFD"},
	{"\xf4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
	{"\xc3", "\uFFFD"},
	{"ok", "ok"},
}

func TestPythonUTF8Replace(t *testing.T) {
	for _, tt := range pyReplacementTests {
		if got := rqpValidUTF8([]byte(tt.in)); got != tt.want {
			t.Errorf("rqpValidUTF8(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestVectorsDRFReplaceQueryParam(t *testing.T) {
	for _, u := range vectors.Units(t, "drf_replace_query_param") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct{ URL, Key, Val string }
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := ReplaceQueryParam(in.URL, in.Key, in.Val); got != want {
				t.Errorf("ReplaceQueryParam(%q, %q, %q) = %q; want %q", in.URL, in.Key, in.Val, got, want)
			}
		})
	}
}

func TestVectorsDRFRemoveQueryParam(t *testing.T) {
	for _, u := range vectors.Units(t, "drf_remove_query_param") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct{ URL, Key string }
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := RemoveQueryParam(in.URL, in.Key); got != want {
				t.Errorf("RemoveQueryParam(%q, %q) = %q; want %q", in.URL, in.Key, got, want)
			}
		})
	}
}
