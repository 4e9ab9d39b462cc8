package web

import (
	"net/http"
	"slices"
)

// FixedHeader is a set of response headers computed once, at start-up,
// and shared read-only by every response that carries them: a view's Allow
// and Vary, for instance. BaseResponse.SetFixedHeader gives them to a
// response without copying, checking or allocating; a response whose
// other headers are all fixed never makes its header map. Django has no
// equivalent: it sets such headers on each response. Make one with
// NewFixedHeader; it is safe for concurrent use.
type FixedHeader struct {
	keys   []string   // canonical names, sorted
	values [][]string // values[i] of keys[i], each with len == cap
}

// NewFixedHeader checks h and returns it as a FixedHeader. Names are
// canonicalised (as net/http does) and the values copied, so h may be
// reused; a name that is not an HTTP token, or a name or value containing
// CR or LF, is refused with ErrBadHeader. Values are sent as given (no
// RFC 2047 encoding, unlike SetHeader).
func NewFixedHeader(h http.Header) (*FixedHeader, error) {
	merged := make(map[string][]string, len(h))
	for name, values := range h {
		if err := checkHeaderValues(name, values); err != nil {
			return nil, err
		}
		key := http.CanonicalHeaderKey(name)
		merged[key] = append(merged[key], values...)
	}
	f := &FixedHeader{keys: make([]string, 0, len(merged))}
	for key := range merged {
		f.keys = append(f.keys, key)
	}
	slices.Sort(f.keys)
	f.values = make([][]string, len(f.keys))
	for i, key := range f.keys {
		f.values[i] = slices.Clip(slices.Clone(merged[key]))
	}
	return f, nil
}

// Get returns the first value of the header name (compared
// case-insensitively), or "".
func (f *FixedHeader) Get(name string) string {
	if v, ok := f.lookup(http.CanonicalHeaderKey(name)); ok && len(v) > 0 {
		return v[0]
	}
	return ""
}

// has reports whether f has the header name, compared case-insensitively.
func (f *FixedHeader) has(name string) bool {
	for _, k := range f.keys {
		if asciiEqualFold(k, name) {
			return true
		}
	}
	return false
}

// lookup returns the values of the canonical key.
func (f *FixedHeader) lookup(key string) ([]string, bool) {
	for i, k := range f.keys {
		if k == key {
			return f.values[i], true
		}
	}
	return nil, false
}

// SetFixedHeader sets the headers of f on the response, replacing any
// earlier values of the same names, as SetHeader would (for
// SerializeHeaders, those not set before take their place after the
// headers already set, in name order). While the response has no other
// header, nothing is copied or allocated: the header map is made, with f's
// headers in it, only when Header is called. The response's header map
// holds copies of f's values: modifying them leaves f and the other
// responses alone. A nil f does nothing.
func (b *BaseResponse) SetFixedHeader(f *FixedHeader) {
	switch {
	case f == nil || len(f.keys) == 0:
	case b.header == nil && b.fixed == nil:
		b.fixed = f
	default:
		for i, k := range f.keys {
			b.setValues(k, slices.Clip(slices.Clone(f.values[i])))
		}
	}
}

// mustFixedHeader is NewFixedHeader for the constant headers of the
// package's own responses, which are valid.
func mustFixedHeader(h http.Header) *FixedHeader {
	f, err := NewFixedHeader(h)
	if err != nil {
		panic(err)
	}
	return f
}

var (
	// htmlContentType is the Content-Type of Django's HttpResponse.
	htmlContentType = mustFixedHeader(http.Header{"Content-Type": {defaultHTMLContentType}})
	// jsonContentType is the Content-Type of Django's JsonResponse.
	jsonContentType = mustFixedHeader(http.Header{"Content-Type": {"application/json"}})
)
