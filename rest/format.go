package rest

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// FormatSuffix is DRF's format_suffix_patterns for any router (spec §8): an
// http.Handler wrapper that understands "/users.json" and "/users.json/",
// strips the suffix from the URL path and passes the format to the view as
// the path value Kwarg (http.Request.SetPathValue), where a View finds it
// (Settings.FormatSuffixKwarg). The router behind it then routes "/users"
// (or "/users/" with AppendSlash) as usual: http.ServeMux, chi, gorilla.
//
// A suffix is a "." followed by one or more lower-case ASCII letters or
// digits at the end of the last path segment, optionally followed by one "/",
// as DRF's `\.(?P<format>[a-z0-9]+)/?$`; "/users/.json", "/users.JSON" and
// "/users." carry no suffix and pass through unchanged. Beware that a dotted
// name in the last segment ("/users/john.doe") reads as a suffix; list the
// formats in Allowed to avoid that.
//
// The zero value accepts any suffix, under the path value "format".
type FormatSuffix struct {
	// Allowed lists the formats accepted as suffixes (DRF's allowed
	// argument). A request whose suffix is not listed gets NotFound. If
	// nil, any suffix is accepted: the view answers 404 for a format none
	// of its renderers has.
	Allowed []string
	// Kwarg is the path value that receives the format (DRF's
	// FORMAT_SUFFIX_KWARG). "" means DefaultFormatKey ("format").
	Kwarg string
	// AppendSlash makes the stripped path end with "/" ("/users.json"
	// becomes "/users/"), for routes written Django's way ("/users/{$}").
	// By default the path loses the suffix and any trailing slash
	// ("/users.json/" becomes "/users").
	AppendSlash bool
	// NotFound answers the requests whose suffix is not Allowed. If nil,
	// http.NotFound.
	NotFound http.Handler
}

// Handler returns h wrapped: requests with a format suffix reach h with the
// suffix removed from URL.Path (and URL.RawPath) and the format in the path
// value f.Kwarg; other requests reach h unchanged. The request is copied,
// never modified.
func (f FormatSuffix) Handler(h http.Handler) http.Handler {
	kwarg := f.Kwarg
	if kwarg == "" {
		kwarg = DefaultFormatKey
	}
	allowed := slices.Clone(f.Allowed)
	notFound := f.NotFound
	if notFound == nil {
		notFound = http.HandlerFunc(http.NotFound)
	}
	appendSlash := f.AppendSlash
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		base, format, ok := SplitFormatSuffix(r.URL.Path)
		if !ok {
			h.ServeHTTP(w, r)
			return
		}
		if allowed != nil && !slices.Contains(allowed, format) {
			notFound.ServeHTTP(w, r)
			return
		}
		if appendSlash {
			base += "/"
		}
		r2 := new(http.Request)
		*r2 = *r
		r2.URL = new(url.URL)
		*r2.URL = *r.URL
		r2.URL.Path = base
		if r.URL.RawPath != "" {
			if rb, rf, ok := SplitFormatSuffix(r.URL.RawPath); ok && rf == format {
				if appendSlash {
					rb += "/"
				}
				r2.URL.RawPath = rb
			} else {
				r2.URL.RawPath = ""
			}
		}
		r2.SetPathValue(kwarg, format)
		h.ServeHTTP(w, r2)
	})
}

// FormatSuffixHandler is shorthand for FormatSuffix{Allowed: allowed}.Handler(h):
// h with format suffixes understood; with no allowed formats, any suffix.
func FormatSuffixHandler(h http.Handler, allowed ...string) http.Handler {
	var a []string
	if len(allowed) > 0 {
		a = allowed
	}
	return FormatSuffix{Allowed: a}.Handler(h)
}

// SplitFormatSuffix splits a URL path with a format suffix into the path
// without it (and without a trailing slash) and the format:
// "/users.json/" gives ("/users", "json", true). ok is false when the path
// has no suffix (see FormatSuffix for the syntax).
func SplitFormatSuffix(path string) (base, format string, ok bool) {
	p := strings.TrimSuffix(path, "/")
	dot := strings.LastIndexByte(p, '.')
	if dot < 0 || dot == len(p)-1 {
		return path, "", false
	}
	for i := dot + 1; i < len(p); i++ {
		if c := p[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return path, "", false
		}
	}
	if dot == 0 || p[dot-1] == '/' {
		return path, "", false
	}
	return p[:dot], p[dot+1:], true
}
