package web

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// ReplaceQueryParam sets key to the single value val in the query string of
// rawURL and returns the new URL: DRF's replace_query_param (used for the
// browsable API's format links and for pagination links).
//
// As in DRF, the query is parsed with Python's parse_qs (split on "&",
// empty fields dropped, a field without "=" kept with an empty value, "+"
// and percent escapes decoded, invalid UTF-8 replaced by U+FFFD) and written
// back with every name sorted, values in their order, and quote_plus
// encoding, so the rest of the query may be re-encoded (`%20` becomes `+`).
// The scheme is lower-cased and the fragment is kept.
func ReplaceQueryParam(rawURL, key, val string) string {
	u := rqpSplit(rawURL)
	q := rqpParse(u.query)
	q = rqpSet(q, key, val)
	u.query = rqpEncode(q)
	return u.String()
}

// RemoveQueryParam removes every value of key from the query string of
// rawURL and returns the new URL: DRF's remove_query_param. The query is
// parsed and re-encoded as in ReplaceQueryParam. key is compared with the
// decoded parameter names.
func RemoveQueryParam(rawURL, key string) string {
	u := rqpSplit(rawURL)
	q := rqpParse(u.query)
	for i := range q {
		if q[i].name == key {
			q = slices.Delete(q, i, i+1)
			break
		}
	}
	u.query = rqpEncode(q)
	return u.String()
}

// rqpURL is Python's urllib.parse.SplitResult.
type rqpURL struct {
	scheme, netloc, path, query, fragment string
}

// rqpSplit is Python 3.11's urllib.parse.urlsplit: leading C0 controls and
// spaces are stripped, tab, CR and LF removed, the scheme is lower-cased.
func rqpSplit(s string) rqpURL {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(s)
	}
	var u rqpURL
	if i := strings.IndexByte(s, ':'); i > 0 && rqpIsAlpha(s[0]) && rqpIsScheme(s[:i]) {
		u.scheme, s = strings.ToLower(s[:i]), s[i+1:]
	}
	if strings.HasPrefix(s, "//") {
		end := len(s)
		if j := strings.IndexAny(s[2:], "/?#"); j >= 0 {
			end = j + 2
		}
		u.netloc, s = s[2:end], s[end:]
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, u.fragment = s[:i], s[i+1:]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s, u.query = s[:i], s[i+1:]
	}
	u.path = s
	return u
}

// String is Python's urllib.parse.urlunsplit.
func (u rqpURL) String() string {
	var b strings.Builder
	b.Grow(len(u.scheme) + len(u.netloc) + len(u.path) + len(u.query) + len(u.fragment) + 6)
	if u.scheme != "" {
		b.WriteString(u.scheme)
		b.WriteByte(':')
	}
	if u.netloc != "" || (u.scheme != "" && rqpUsesNetloc(u.scheme) && !strings.HasPrefix(u.path, "//")) {
		b.WriteString("//")
		b.WriteString(u.netloc)
		if u.path != "" && u.path[0] != '/' {
			b.WriteByte('/')
		}
	}
	b.WriteString(u.path)
	if u.query != "" {
		b.WriteByte('?')
		b.WriteString(u.query)
	}
	if u.fragment != "" {
		b.WriteByte('#')
		b.WriteString(u.fragment)
	}
	return b.String()
}

// rqpUsesNetloc reports whether Python's urllib.parse.uses_netloc lists scheme.
func rqpUsesNetloc(scheme string) bool {
	switch scheme {
	case "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file",
		"mms", "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync",
		"svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss":
		return true
	}
	return false
}

func rqpIsAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// rqpIsScheme reports whether s is made of Python's scheme_chars
// (letters, digits, "+", "-", ".").
func rqpIsScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !rqpIsAlpha(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// rqpParam is one name of a parsed query with its values in order.
type rqpParam struct {
	name   string
	values []string
}

// rqpParse is Python's parse_qs(query, keep_blank_values=True): names in the
// order of their first occurrence.
func rqpParse(query string) []rqpParam {
	var out []rqpParam
	for query != "" {
		var field string
		field, query, _ = strings.Cut(query, "&")
		if field == "" {
			continue
		}
		name, value, _ := strings.Cut(field, "=")
		name, value = rqpUnquotePlus(name), rqpUnquotePlus(value)
		found := false
		for i := range out {
			if out[i].name == name {
				out[i].values = append(out[i].values, value)
				found = true
				break
			}
		}
		if !found {
			out = append(out, rqpParam{name: name, values: []string{value}})
		}
	}
	return out
}

// rqpSet sets name to the single value val (Python's query_dict[key] = [val]).
func rqpSet(q []rqpParam, name, val string) []rqpParam {
	for i := range q {
		if q[i].name == name {
			q[i].values = []string{val}
			return q
		}
	}
	return append(q, rqpParam{name: name, values: []string{val}})
}

// rqpEncode is Python's urlencode(sorted(q), doseq=True).
func rqpEncode(q []rqpParam) string {
	slices.SortFunc(q, func(a, b rqpParam) int { return strings.Compare(a.name, b.name) })
	var b strings.Builder
	for _, p := range q {
		name := rqpQuotePlus(p.name)
		for _, v := range p.values {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(name)
			b.WriteByte('=')
			b.WriteString(rqpQuotePlus(v))
		}
	}
	return b.String()
}

// rqpQuotePlus is Python's urllib.parse.quote_plus: space becomes "+", letters,
// digits and "_.-~" are kept, every other byte is written as %XX.
func rqpQuotePlus(s string) string {
	if !strings.Contains(s, " ") {
		return uriPercentEncode(s, &uriPlusSafe)
	}
	buf := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			buf = append(buf, '+')
		case uriPlusSafe.has(c):
			buf = append(buf, c)
		default:
			buf = append(buf, '%', uriUpperHex[c>>4], uriUpperHex[c&15])
		}
	}
	return string(buf)
}

// rqpUnquotePlus is Python's urllib.parse.unquote_plus: "+" becomes a space,
// valid %XX escapes are decoded, and the bytes are then read as UTF-8 with
// invalid sequences replaced by U+FFFD (Python's errors="replace").
func rqpUnquotePlus(s string) string {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 && utf8.ValidString(s) {
		return s
	}
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			buf = append(buf, ' ')
		case c == '%' && i+2 < len(s):
			hi, ok1 := uriUnhex(s[i+1])
			lo, ok2 := uriUnhex(s[i+2])
			if ok1 && ok2 {
				buf = append(buf, hi<<4|lo)
				i += 2
			} else {
				buf = append(buf, c)
			}
		default:
			buf = append(buf, c)
		}
	}
	return rqpValidUTF8(buf)
}

// rqpValidUTF8 decodes b as UTF-8 the way Python's decoder does with
// errors="replace": each maximal ill-formed subpart (a lead byte followed by
// the continuation bytes valid so far) becomes one U+FFFD.
func rqpValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			out = append(out, b[i:i+size]...)
			i += size
			continue
		}
		out = append(out, "\uFFFD"...)
		i += rqpMaximalSubpart(b[i:])
	}
	return string(out)
}

// rqpMaximalSubpart returns the length of the ill-formed sequence at the start
// of b (Unicode §3.9, "maximal subpart"): at least 1.
func rqpMaximalSubpart(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case 0xC2 <= c && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case 0xE1 <= c && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case 0xF1 <= c && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return 1
	}
	n := 1
	for ; n <= need && n < len(b); n++ {
		if b[n] < lo || b[n] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return n
}
