package web

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/pyrepr"
)

// Param is one key of a query for URLEncode, with its value.
//
// Value is formatted as Python's str() formats the matching Python value:
// a string as it is, a []byte as raw bytes, a bool as "True" or "False",
// integers in decimal, floats as Python's repr (1.0 → "1.0"), a
// fmt.Stringer through String, anything else through fmt.Sprint. A slice
// ([]string, []any, []int, []int64, []float64, []bool, [][]byte) gives one
// key=value pair per element when doseq is set, and Python's str() of the
// list (e.g. "['1', '2']") otherwise. A nil Value (Python's None) is an
// error.
type Param struct {
	Key   string
	Value any
}

// URLEncode is Django's django.utils.http.urlencode(query, doseq): the
// params in order, each "key=value" quoted like an HTML form
// (quote_plus: space becomes "+", everything except ASCII letters, digits
// and "_.-~" is percent-encoded from its UTF-8 bytes), joined by "&".
//
// With doseq a slice value gives one pair per element. A nil value, or a
// nil element of a slice when doseq is set, returns an error wrapping
// ErrNoneValue. To encode a QueryDict, use QueryDict.URLEncode.
func URLEncode(params []Param, doseq bool) (string, error) {
	var b []byte
	for _, p := range params {
		if p.Value == nil {
			return "", ueNoneError(p.Key)
		}
		if doseq {
			if n, ok := ueSeqLen(p.Value); ok {
				for j := range n {
					v := ueSeqAt(p.Value, j)
					if v == nil {
						return "", ueNoneError(p.Key)
					}
					if len(b) > 0 {
						b = append(b, '&')
					}
					b = ueAppendPair(b, p.Key, v)
				}
				continue
			}
		}
		if len(b) > 0 {
			b = append(b, '&')
		}
		b = ueAppendPair(b, p.Key, p.Value)
	}
	return string(b), nil
}

func ueNoneError(key string) error {
	return fmt.Errorf("%w: Cannot encode None for key '%s' in a query string. "+
		"Did you mean to pass an empty string or omit the value?", ErrNoneValue, key)
}

// ueAppendPair appends quote_plus(key) "=" quote_plus(str(v)).
func ueAppendPair(b []byte, key string, v any) []byte {
	b = qdAppendQuote(b, key, &qdAlwaysSafe, true)
	b = append(b, '=')
	if raw, ok := v.([]byte); ok {
		return qdAppendQuote(b, string(raw), &qdAlwaysSafe, true)
	}
	return qdAppendQuote(b, uePyStr(v), &qdAlwaysSafe, true)
}

// ueSeqLen reports whether v is one of the slice types URLEncode expands
// with doseq, and its length. Strings and []byte are not sequences here.
func ueSeqLen(v any) (int, bool) {
	switch s := v.(type) {
	case []string:
		return len(s), true
	case []any:
		return len(s), true
	case []int:
		return len(s), true
	case []int64:
		return len(s), true
	case []float64:
		return len(s), true
	case []bool:
		return len(s), true
	case [][]byte:
		return len(s), true
	}
	return 0, false
}

// ueSeqAt is element i of a slice accepted by ueSeqLen.
func ueSeqAt(v any, i int) any {
	switch s := v.(type) {
	case []string:
		return s[i]
	case []any:
		return s[i]
	case []int:
		return s[i]
	case []int64:
		return s[i]
	case []float64:
		return s[i]
	case []bool:
		return s[i]
	case [][]byte:
		return s[i]
	}
	return nil
}

// uePyStr formats v as Python's str() formats the matching Python value.
func uePyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case []byte:
		return string(x)
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int:
		return strconv.Itoa(x)
	case int8:
		return strconv.FormatInt(int64(x), 10)
	case int16:
		return strconv.FormatInt(int64(x), 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint:
		return strconv.FormatUint(uint64(x), 10)
	case uint8:
		return strconv.FormatUint(uint64(x), 10)
	case uint16:
		return strconv.FormatUint(uint64(x), 10)
	case uint32:
		return strconv.FormatUint(uint64(x), 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return pyrepr.FloatStr(x, 64)
	case float32:
		return pyrepr.FloatStr(float64(x), 32)
	case fmt.Stringer:
		return x.String()
	}
	if n, ok := ueSeqLen(v); ok {
		b := []byte{'['}
		for i := range n {
			if i > 0 {
				b = append(b, ',', ' ')
			}
			b = append(b, uePyRepr(ueSeqAt(v, i))...)
		}
		return string(append(b, ']'))
	}
	return fmt.Sprint(v)
}

// uePyRepr formats v as Python's repr(): strings quoted, bytes as b'...',
// everything else as uePyStr.
func uePyRepr(v any) string {
	switch x := v.(type) {
	case string:
		return pyrepr.Str(x)
	case []byte:
		return "b" + pyrepr.Str(string(x))
	}
	return uePyStr(v)
}

// qdSafeSet is a set of bytes left unescaped by qdAppendQuote.
type qdSafeSet [4]uint64

func (s *qdSafeSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }

func (s *qdSafeSet) add(c byte) { s[c>>6] |= 1 << (c & 63) }

// qdMakeSafe is Python's always-safe set (ASCII letters, digits, "_.-~")
// plus the ASCII bytes of extra.
func qdMakeSafe(extra string) qdSafeSet {
	var s qdSafeSet
	for c := byte('0'); c <= '9'; c++ {
		s.add(c)
	}
	for c := byte('a'); c <= 'z'; c++ {
		s.add(c)
		s.add(c - 'a' + 'A')
	}
	for _, c := range []byte("_.-~") {
		s.add(c)
	}
	for i := 0; i < len(extra); i++ {
		if extra[i] < utf8.RuneSelf {
			s.add(extra[i])
		}
	}
	return s
}

// qdAlwaysSafe is Python's urllib.parse always-safe set.
var qdAlwaysSafe = qdMakeSafe("")

const qdUpperHex = "0123456789ABCDEF"

// qdAppendQuote appends the bytes of s percent-encoded to dst: Python's
// quote(s, safe) or, with plus, quote_plus(s, safe) where a space becomes
// "+" (RFC 3986 §2.1 percent-encoding with upper-case hex digits).
func qdAppendQuote(dst []byte, s string, safe *qdSafeSet, plus bool) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case plus && c == ' ':
			dst = append(dst, '+')
		case safe.has(c):
			dst = append(dst, c)
		default:
			dst = append(dst, '%', qdUpperHex[c>>4], qdUpperHex[c&15])
		}
	}
	return dst
}
