package web

import (
	"strings"
	"unicode/utf8"
)

// uriSet is a set of bytes as a 256-bit mask, built once at package
// initialisation and read-only afterwards.
type uriSet [4]uint64

func (s *uriSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// uriMakeSet returns the set of the ASCII letters, digits and "_.-~"
// (the characters Python's urllib.parse.quote never escapes) plus extra.
func uriMakeSet(extra string) uriSet {
	var s uriSet
	add := func(c byte) { s[c>>6] |= 1 << (c & 63) }
	for c := byte('0'); c <= '9'; c++ {
		add(c)
	}
	for c := byte('a'); c <= 'z'; c++ {
		add(c)
		add(c - 'a' + 'A')
	}
	for i := 0; i < len(extra); i++ {
		add(extra[i])
	}
	return s
}

var (
	// uriIRISafe is the safe set of Django's iri_to_uri: RFC 3986 reserved
	// and unreserved characters (§2.2, §2.3) plus "%" (RFC 3987 §3.1).
	uriIRISafe = uriMakeSet("_.-~" + "/#%[]=:;$&()+,!?*@'")
	// uriPathSafe is the safe set of Django's escape_uri_path: RFC 2396
	// reserved and unreserved characters minus ";", "=" and "?" (§3.3).
	uriPathSafe = uriMakeSet("_.-~" + "/:@&+$,!*'()")
	// uriPlusSafe is the safe set of Python's quote_plus (space handled apart).
	uriPlusSafe = uriMakeSet("_.-~")
	// uriUnreservedLetters are the ASCII bytes that Django's uri_to_iri decodes
	// from percent escapes: RFC 3986 §2.3 unreserved characters except the
	// digits, which Django leaves encoded.
	uriUnreservedLetters = func() uriSet {
		s := uriMakeSet("_.-~")
		for c := byte('0'); c <= '9'; c++ {
			s[c>>6] &^= 1 << (c & 63)
		}
		return s
	}()
)

const uriUpperHex = "0123456789ABCDEF"

// uriPercentEncode returns s with every byte outside safe written as %XX
// (upper-case hex), like Python's urllib.parse.quote on the UTF-8 bytes of s.
// s is returned unchanged, without allocating, when nothing needs escaping.
func uriPercentEncode(s string, safe *uriSet) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !safe.has(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	buf := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if safe.has(c) {
			buf = append(buf, c)
		} else {
			buf = append(buf, '%', uriUpperHex[c>>4], uriUpperHex[c&15])
		}
	}
	return string(buf)
}

// IRIToURI converts an IRI (or part of one, such as a path) to a URI:
// Django's iri_to_uri (RFC 3987 §3.1). Every byte that is not an RFC 3986
// reserved or unreserved character, nor "%", is percent-encoded from its
// UTF-8 form; existing escapes are kept, so the function is idempotent.
//
//	IRIToURI("/I ♥ Django/?q=é") == "/I%20%E2%99%A5%20Django/?q=%C3%A9"
func IRIToURI(iri string) string { return uriPercentEncode(iri, &uriIRISafe) }

// EscapeURIPath percent-encodes the characters that are unsafe in the path
// of a URI: Django's escape_uri_path. It keeps "/:@&+$,-_.!~*'()", letters
// and digits, and escapes everything else, including "%", ";", "=", "?" and
// "#" (RFC 2396 §3.3), so it must be applied to an unescaped path only once.
func EscapeURIPath(path string) string { return uriPercentEncode(path, &uriPathSafe) }

// URIToIRI converts a URI to an IRI: Django's uri_to_iri (RFC 3987 §3.2,
// without step 4). Percent escapes of the unreserved ASCII letters and
// "-._~" and of bytes 0x80 and above are decoded; other escapes (digits,
// reserved characters, "%") and malformed "%" sequences are kept as they
// are. Bytes that then do not form valid UTF-8 are escaped again as %XX
// (upper-case hex), so the result is always valid UTF-8.
//
//	URIToIRI("/I%20%E2%99%A5%20Django/") == "/I%20♥%20Django/"
func URIToIRI(uri string) string {
	i := strings.IndexByte(uri, '%')
	if i < 0 {
		return repercentBrokenUTF8(uri)
	}
	buf := make([]byte, 0, len(uri))
	buf = append(buf, uri[:i]...)
	for ; i < len(uri); i++ {
		c := uri[i]
		if c == '%' && i+2 < len(uri) {
			hi, ok1 := uriUnhex(uri[i+1])
			lo, ok2 := uriUnhex(uri[i+2])
			if ok1 && ok2 {
				b := hi<<4 | lo
				if b >= 0x80 || uriUnreservedLetters.has(b) {
					buf = append(buf, b)
					i += 2
					continue
				}
			}
		}
		buf = append(buf, c)
	}
	return repercentBrokenUTF8(string(buf))
}

// repercentBrokenUTF8 writes every byte of s that is not part of a valid
// UTF-8 sequence as %XX: Django's repercent_broken_unicode.
func repercentBrokenUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	buf := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			c := s[i]
			buf = append(buf, '%', uriUpperHex[c>>4], uriUpperHex[c&15])
		} else {
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return string(buf)
}

// uriUnhex returns the value of the hex digit c.
func uriUnhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
