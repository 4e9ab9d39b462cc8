package web

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of ParseCookie (Django's parse_cookie has none). Browsers keep a few kilobytes of cookies per site
// and servers usually refuse request headers above 8–16 KiB, so these only
// stop abuse.
const (
	// MaxCookieHeaderBytes is the longest Cookie header ParseCookie reads:
	// 64 KiB. A longer header is refused whole with ErrCookieHeaderTooLarge.
	MaxCookieHeaderBytes = 64 << 10
	// MaxCookies is the most cookies ParseCookie returns: 1000 (Django's
	// DATA_UPLOAD_MAX_NUMBER_FIELDS). Parsing stops there with
	// ErrTooManyCookies.
	MaxCookies = 1000
)

// ParseCookie parses a Cookie request header into a map of names to values:
// Django's parse_cookie, which is lenient on purpose. The header is split on
// ";"; a part with "=" is split at the first "=" into name and value, a part
// without "=" is a value with the empty name (as browsers send it); both are
// trimmed of whitespace (Python's str.strip); parts where both are empty are
// skipped; values are unquoted with UnquoteCookieValue; a later duplicate
// name wins. Names are not validated and "," is not a separator.
//
// Limits: a header longer than MaxCookieHeaderBytes is refused with
// ErrCookieHeaderTooLarge and a nil map; after MaxCookies cookies parsing
// stops and the cookies read so far are returned with ErrTooManyCookies.
// Bytes that are not valid UTF-8 are kept as they are (Django decodes the
// header with replacement characters).
func ParseCookie(header string) (map[string]string, error) {
	if len(header) > MaxCookieHeaderBytes {
		return nil, ErrCookieHeaderTooLarge
	}
	cookies := make(map[string]string, min(strings.Count(header, ";")+1, MaxCookies))
	for header != "" {
		var chunk string
		chunk, header, _ = strings.Cut(header, ";")
		name, value, ok := strings.Cut(chunk, "=")
		if !ok {
			name, value = "", chunk
		}
		name, value = trimPySpace(name), trimPySpace(value)
		if name == "" && value == "" {
			continue
		}
		if _, dup := cookies[name]; !dup && len(cookies) == MaxCookies {
			return cookies, ErrTooManyCookies
		}
		cookies[name] = UnquoteCookieValue(value)
	}
	return cookies, nil
}

// UnquoteCookieValue reverses QuoteCookieValue: Python's
// http.cookies._unquote, which Django's parse_cookie applies to every value.
// Only a value that starts and ends with `"` (and is at least two bytes) is
// changed: the quotes are removed, `\NNN` octal escapes (first digit 0–3)
// become the character U+0000–U+00FF, and a backslash before any other
// character except a newline is dropped. A trailing lone backslash stays.
func UnquoteCookieValue(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	buf := make([]byte, 0, len(s))
	buf = append(buf, s[:i]...)
	for ; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) || s[i+1] == '\n' {
			buf = append(buf, c)
			continue
		}
		if i+3 < len(s) && '0' <= s[i+1] && s[i+1] <= '3' && ckIsOctal(s[i+2]) && ckIsOctal(s[i+3]) {
			r := rune(s[i+1]-'0')<<6 | rune(s[i+2]-'0')<<3 | rune(s[i+3]-'0')
			buf = utf8.AppendRune(buf, r)
			i += 3
			continue
		}
		// A backslash before any other character: keep the character.
		_, size := utf8.DecodeRuneInString(s[i+1:])
		buf = append(buf, s[i+1:i+1+size]...)
		i += size
	}
	return string(buf)
}

func ckIsOctal(c byte) bool { return '0' <= c && c <= '7' }

// trimPySpace trims what Python's str.strip() trims: Unicode white space
// plus the separators U+001C–U+001F.
func trimPySpace(s string) string {
	start, end := 0, len(s)
	for start < end && s[start] < utf8.RuneSelf && hdrPySpaceASCII(s[start]) {
		start++
	}
	for start < end && s[end-1] < utf8.RuneSelf && hdrPySpaceASCII(s[end-1]) {
		end--
	}
	s = s[start:end]
	if s != "" && (s[0] >= utf8.RuneSelf || s[len(s)-1] >= utf8.RuneSelf) {
		s = strings.TrimFunc(s, hdrIsPySpace)
	}
	return s
}

func hdrPySpaceASCII(c byte) bool {
	return c == ' ' || ('\t' <= c && c <= '\r') || (0x1c <= c && c <= 0x1f)
}

func hdrIsPySpace(r rune) bool {
	if r < utf8.RuneSelf {
		return hdrPySpaceASCII(byte(r))
	}
	return unicode.IsSpace(r)
}
