package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Canonical header keys used by the cache helpers.
const (
	ccVary         = "Vary"
	ccCacheControl = "Cache-Control"
	ccExpires      = "Expires"
)

// ccSplitList splits a comma-separated header value into trimmed,
// non-empty items: Django 6.1's split_header_value. Several header lines
// are read as one list (RFC 9110 §5.3).
func ccSplitList(values []string) []string {
	var items []string
	for _, v := range values {
		for v != "" {
			var item string
			item, v, _ = strings.Cut(v, ",")
			if item = trimPySpace(item); item != "" {
				items = append(items, item)
			}
		}
	}
	return items
}

// PatchVaryHeaders adds header names to the Vary header of h (RFC 9110
// §12.5.5): Django's patch_vary_headers. Names already listed (compared
// case-insensitively) are not added again; the others are appended in
// order, trimmed. When the result contains "*" the header becomes exactly
// "*". Several Vary lines are merged into one.
//
// The existing value is split as current Django (6.1) does: items are
// trimmed and empty items dropped. Django 3.2 and 5.2 keep them, so an empty
// Vary plus Accept gives ", Accept" there and "Accept" here.
//
// As in Django, the header is always set, to "" when there is nothing to
// list.
func PatchVaryHeaders(h http.Header, headers ...string) {
	existingValues, found := h[ccVary]
	if !found && len(headers) == 1 {
		// The common case (a view adding Accept): one allocation.
		h[ccVary] = []string{trimPySpace(headers[0])}
		return
	}
	items := ccSplitList(existingValues)
	existing := len(items)
	for _, name := range headers {
		name = trimPySpace(name)
		if name == "" || ccContainsFold(items[:existing], name) {
			continue
		}
		items = append(items, name)
	}
	for _, item := range items {
		if item == "*" {
			h[ccVary] = []string{"*"}
			return
		}
	}
	h[ccVary] = []string{strings.Join(items, ", ")}
}

// HasVaryHeader reports whether the Vary header of h lists name (compared
// case-insensitively, ignoring surrounding spaces): Django's
// has_vary_header. It is false when there is no Vary header, and "*" does
// not count as listing every name.
func HasVaryHeader(h http.Header, name string) bool {
	values, ok := h[ccVary]
	if !ok {
		return false
	}
	return ccContainsFold(ccSplitList(values), trimPySpace(name))
}

func ccContainsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// ccDirective is one directive of a Cache-Control header being patched.
type ccDirective struct {
	name  string
	value string
	bare  bool // Django's True: written as the bare name
	// noCache holds the values of a no-cache directive (Django's set);
	// noCacheBare is Django's True among them, which wins.
	noCache     []string
	noCacheBare bool
}

// ccList is the ordered dict of Django's patch_cache_control.
type ccList []ccDirective

func (cc ccList) index(name string) int {
	for i := range cc {
		if cc[i].name == name {
			return i
		}
	}
	return -1
}

// set stores a directive the way Django's dict assignment does: in place
// when the name is there, else at the end. no-cache accumulates values.
func (cc ccList) set(name, value string, bare bool) ccList {
	i := cc.index(name)
	if i < 0 {
		cc = append(cc, ccDirective{name: name})
		i = len(cc) - 1
	}
	d := &cc[i]
	if name == "no-cache" {
		if bare {
			d.noCacheBare = true
		} else if !ccContains(d.noCache, value) {
			d.noCache = append(d.noCache, value)
		}
		return cc
	}
	d.value, d.bare = value, bare
	return cc
}

func ccContains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// ccSplitDirective splits "name=value" at the first "=", lower-casing and
// trimming the name; a directive without "=" is bare.
func ccSplitDirective(s string) (name, value string, bare bool) {
	name, value, ok := strings.Cut(s, "=")
	return strings.ToLower(trimPySpace(name)), value, !ok
}

// PatchCacheControl adds directives to the Cache-Control header of h
// (RFC 9111 §5.2): Django's patch_cache_control. Each directive is written
// as it would appear in the header, "name" for a flag (Django's True) or
// "name=value"; names are case-insensitive and "_" stands for "-", so
// Django's keyword arguments translate directly:
//
//	patch_cache_control(r, max_age=3600, public=True)
//	PatchCacheControl(h, "max_age=3600", "public")
//
// Django's rules apply: existing directives keep their place and new ones
// are appended; a directive already present takes the new value; when the
// header and the arguments both have max-age the smaller value wins (a
// value that is not an integer is simply replaced, where Django raises); a new
// public removes an existing private and vice versa; no-cache collects
// every field-name value given, and a bare no-cache replaces them all.
// Several no-cache values are written sorted by field name (Django writes
// them in Python's unspecified set order). The existing header is split as
// current Django (6.1) does: items and names trimmed, empty items dropped.
// The header is always set, to "" when there are no directives.
func PatchCacheControl(h http.Header, directives ...string) {
	var cc ccList
	for _, item := range ccSplitList(h[ccCacheControl]) {
		cc = cc.set(ccSplitDirective(item))
	}
	newPublic, newPrivate := false, false
	for _, d := range directives {
		switch name, _, _ := ccSplitDirective(d); name {
		case "public":
			newPublic = true
		case "private":
			newPrivate = true
		}
	}
	if i := cc.index("private"); i >= 0 && newPublic {
		cc = append(cc[:i], cc[i+1:]...)
	} else if i := cc.index("public"); i >= 0 && newPrivate {
		cc = append(cc[:i], cc[i+1:]...)
	}
	existingMaxAge := cc.index("max-age")
	var existingAge int
	var existingAgeOK bool
	if existingMaxAge >= 0 {
		existingAge, existingAgeOK = ccDirectiveInt(cc[existingMaxAge])
	}
	for _, d := range directives {
		if d == "" {
			continue
		}
		name, value, bare := ccSplitDirective(d)
		name = strings.ReplaceAll(name, "_", "-")
		if name == "max-age" && existingAgeOK && !bare {
			if n, ok := ccPyAtoi(value); ok && existingAge < n {
				value = strconv.Itoa(existingAge)
			}
		}
		cc = cc.set(name, value, bare)
	}
	h[ccCacheControl] = []string{cc.String()}
}

// String writes the directives joined with ", ".
func (cc ccList) String() string {
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
	}
	for _, d := range cc {
		if d.name == "no-cache" {
			if d.noCacheBare {
				sep()
				b.WriteString("no-cache")
				continue
			}
			values := append([]string(nil), d.noCache...)
			ccSortFieldNames(values)
			for _, v := range values {
				sep()
				b.WriteString("no-cache=")
				b.WriteString(v)
			}
			continue
		}
		sep()
		b.WriteString(d.name)
		if !d.bare {
			b.WriteByte('=')
			b.WriteString(d.value)
		}
	}
	return b.String()
}

// ccSortFieldNames sorts no-cache values by field name, ignoring the quotes
// around a quoted value, then by their text (insertion sort: lists are
// tiny).
func ccSortFieldNames(v []string) {
	less := func(a, b string) bool {
		ua, ub := strings.Trim(a, `"`), strings.Trim(b, `"`)
		if ua != ub {
			return ua < ub
		}
		return a < b
	}
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && less(v[j], v[j-1]); j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// ccDirectiveInt is Python's int() of a directive value; a bare directive is
// Python's True, which is 1.
func ccDirectiveInt(d ccDirective) (int, bool) {
	if d.bare {
		return 1, true
	}
	return ccPyAtoi(d.value)
}

// ccPyAtoi parses an integer the way Python's int(str) does: surrounding white
// space, an optional sign, ASCII digits with single "_" between them.
func ccPyAtoi(s string) (int, bool) {
	s = trimPySpace(s)
	if strings.IndexByte(s, '_') >= 0 {
		digits := s
		if digits != "" && (digits[0] == '+' || digits[0] == '-') {
			digits = digits[1:]
		}
		if digits == "" || digits[0] == '_' || digits[len(digits)-1] == '_' || strings.Contains(digits, "__") {
			return 0, false
		}
		s = strings.ReplaceAll(s, "_", "")
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// GetMaxAge returns the max-age directive of the Cache-Control header of h
// as an integer: Django's get_max_age. ok is false when there is no header,
// no max-age, or its value is not an integer. When max-age appears more
// than once the last wins; a bare "max-age" is 1 (Python's int(True)).
func GetMaxAge(h http.Header) (maxAge int, ok bool) {
	values, found := h[ccCacheControl]
	if !found {
		return 0, false
	}
	var last ccDirective
	for _, item := range ccSplitList(values) {
		if name, value, bare := ccSplitDirective(item); name == "max-age" {
			last, ok = ccDirective{value: value, bare: bare}, true
		}
	}
	if !ok {
		return 0, false
	}
	return ccDirectiveInt(last)
}

// PatchResponseHeaders adds caching headers for a response that may be
// cached for timeout: Django's patch_response_headers. Expires is set to
// now+timeout unless already set, and max-age is patched in (the smaller
// one wins when Cache-Control already has one; fractions of a second are
// dropped). A negative timeout counts as 0. Django's default timeout,
// CACHE_MIDDLEWARE_SECONDS, is 600 seconds.
func PatchResponseHeaders(h http.Header, timeout time.Duration, now time.Time) {
	if timeout < 0 {
		timeout = 0
	}
	if _, ok := h[ccExpires]; !ok {
		h[ccExpires] = []string{HTTPDate(now.Add(timeout))}
	}
	PatchCacheControl(h, "max-age="+strconv.FormatInt(int64(timeout/time.Second), 10))
}

// AddNeverCacheHeaders marks a response as never to be cached: Django's
// add_never_cache_headers. Expires is set to now unless already set, and
// Cache-Control is patched with max-age=0, no-cache, no-store,
// must-revalidate and private, so that on a fresh response it reads
// "max-age=0, no-cache, no-store, must-revalidate, private".
func AddNeverCacheHeaders(h http.Header, now time.Time) {
	PatchResponseHeaders(h, 0, now)
	PatchCacheControl(h, "no-cache", "no-store", "must-revalidate", "private")
}

// NeverCache is Django's never_cache decorator as middleware: it adds
// AddNeverCacheHeaders to every response next returns, using the request's
// Settings.Now as the clock. Errors pass through untouched.
func NeverCache(next Handler) Handler {
	return func(r *Request) (Response, error) {
		resp, err := next(r)
		if err != nil || resp == nil {
			return resp, err
		}
		AddNeverCacheHeaders(resp.Base().Header(), r.Settings().now())
		return resp, nil
	}
}
