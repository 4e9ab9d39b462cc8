package web

import "strings"

// Limits of ParseETags (Django's parse_etags has none).
const (
	// MaxETagHeaderBytes is the longest If-Match / If-None-Match header
	// ParseETags reads: 8 KiB. Longer headers are ErrETagListTooLarge.
	MaxETagHeaderBytes = 8 << 10
	// MaxETags is the most entity tags ParseETags returns: 100. More are
	// ErrETagListTooLarge.
	MaxETags = 100
)

// QuoteETag returns s as an entity tag (RFC 9110 §8.8.3): Django's
// quote_etag. A string that already is one (`"abc"` or `W/"abc"`, no `"`
// inside) is returned unchanged; anything else is wrapped in double quotes,
// making a strong tag.
func QuoteETag(s string) string {
	if etagValid(s) {
		return s
	}
	return `"` + s + `"`
}

// etagValid reports whether s matches Django's ETAG_MATCH: `(W/)?"[^"]*"`.
func etagValid(s string) bool {
	s = strings.TrimPrefix(s, "W/")
	return len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' &&
		strings.IndexByte(s[1:len(s)-1], '"') < 0
}

// ParseETags parses the value of an If-Match or If-None-Match header
// (RFC 9110 §13.1.1, §13.1.2): Django's parse_etags. It returns the entity
// tags in order, each as written (`"x"` or `W/"x"`), or ["*"] when the
// header is "*". Malformed entries are skipped, as Django does. Unlike
// Django, a comma inside a quoted tag does not split it (RFC 9110 allows
// commas in entity tags). An empty header gives nil.
//
// Limits: headers longer than MaxETagHeaderBytes and lists of more than
// MaxETags tags are refused with ErrETagListTooLarge.
func ParseETags(header string) ([]string, error) {
	if len(header) > MaxETagHeaderBytes {
		return nil, ErrETagListTooLarge
	}
	if trimPySpace(header) == "*" {
		return []string{"*"}, nil
	}
	var tags []string
	for header != "" {
		// Cut at the first comma outside double quotes.
		end, quoted := len(header), false
		for i := 0; i < len(header); i++ {
			if c := header[i]; c == '"' {
				quoted = !quoted
			} else if c == ',' && !quoted {
				end = i
				break
			}
		}
		elem := trimPySpace(header[:end])
		if end < len(header) {
			header = header[end+1:]
		} else {
			header = ""
		}
		if !etagValid(elem) {
			continue
		}
		if len(tags) == MaxETags {
			return nil, ErrETagListTooLarge
		}
		tags = append(tags, elem)
	}
	return tags, nil
}

// ETagStrongMatch reports whether two entity tags match under the strong
// comparison of RFC 9110 §8.8.3.2: neither is weak and their opaque tags
// are equal. It is the comparison of Django's If-Match check
// (_if_match_passes); If-Match and If-Range use it.
func ETagStrongMatch(a, b string) bool {
	return a == b && !strings.HasPrefix(a, "W/") && etagValid(a)
}

// ETagWeakMatch reports whether two entity tags match under the weak
// comparison of RFC 9110 §8.8.3.2: their opaque tags are equal, whether or
// not either is weak. It is the comparison of Django's If-None-Match check
// (_if_none_match_passes).
func ETagWeakMatch(a, b string) bool {
	a, b = strings.TrimPrefix(a, "W/"), strings.TrimPrefix(b, "W/")
	return a == b && etagValid(a)
}
