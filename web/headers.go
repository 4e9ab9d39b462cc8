package web

import (
	"iter"
	"net/http"
	"net/textproto"
	"slices"
	"strings"
)

// Headers is Django's HttpRequest.headers (HttpHeaders): a read-only,
// case-insensitive view of the request headers in which "_" and "-" are the
// same, so Get("X_Custom_Header"), Get("x-custom-header") and
// Get("X-Custom-Header") agree. The Host header (which net/http keeps in
// http.Request.Host) is included.
//
// Header names that contain "_" on the wire are left out, as Django's
// runserver and ASGI handler drop them: otherwise "X_Forwarded_For" would be
// indistinguishable from "X-Forwarded-For" behind a proxy that only strips
// the latter. A header sent more than once reads as its values joined with
// "," (Cookie: with "; "), as WSGI servers and Django's ASGI handler present
// it.
//
// The zero value is an empty view.
type Headers struct {
	h    http.Header
	host string
}

// Headers returns the request's headers view: Django's request.headers.
func (r *Request) Headers() Headers {
	return Headers{h: r.req.Header, host: r.req.Host}
}

// headerLookupKey turns a Django-style header name (any case, "_" or "-")
// into the canonical http.Header key.
func headerLookupKey(name string) string {
	if strings.IndexByte(name, '_') >= 0 {
		name = strings.ReplaceAll(name, "_", "-")
	}
	return textproto.CanonicalMIMEHeaderKey(name)
}

// Get returns the header's value (repeated headers joined, see Headers), ""
// when it is absent: Django's request.headers.get(name, "").
func (h Headers) Get(name string) string {
	v, _ := h.Lookup(name)
	return v
}

// Lookup returns the header's value and whether the header is present:
// Django's request.headers[name] (a KeyError when absent).
func (h Headers) Lookup(name string) (string, bool) {
	key := headerLookupKey(name)
	if key == "Host" {
		return h.host, h.host != ""
	}
	v, ok := h.h[key]
	if !ok {
		return "", false
	}
	if len(v) > 1 && key == "Cookie" {
		return strings.Join(v, "; "), true
	}
	s, _ := headerJoined(h.h, key)
	return s, true
}

// Values returns the header's values as received, one per header line,
// without joining them (nil when absent). The slice is the request's own:
// do not modify it.
func (h Headers) Values(name string) []string {
	key := headerLookupKey(name)
	if key == "Host" {
		if h.host == "" {
			return nil
		}
		return []string{h.host}
	}
	return h.h[key]
}

// Has reports whether the header is present: Django's name in
// request.headers.
func (h Headers) Has(name string) bool {
	_, ok := h.Lookup(name)
	return ok
}

// Len is the number of distinct headers in the view.
func (h Headers) Len() int {
	n := 0
	for k := range h.h {
		if headerVisible(k) {
			n++
		}
	}
	if h.host != "" {
		n++
	}
	return n
}

// All yields each header name (in http.Header's canonical form, like
// Django's title-cased "X-Custom-Header") and its joined value, sorted by
// name.
func (h Headers) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		keys := make([]string, 0, len(h.h)+1)
		for k := range h.h {
			if headerVisible(k) {
				keys = append(keys, k)
			}
		}
		if h.host != "" {
			keys = append(keys, "Host")
		}
		slices.Sort(keys)
		for _, k := range keys {
			v, _ := h.Lookup(k)
			if !yield(k, v) {
				return
			}
		}
	}
}

// headerVisible reports whether a header key of http.Header belongs in the
// Django views: not one whose name has "_" (see Headers), and not a Host
// key left in the map by hand (http.Request.Host is authoritative).
func headerVisible(key string) bool {
	return key != "Host" && strings.IndexByte(key, '_') < 0
}
