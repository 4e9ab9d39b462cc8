package mediatype

import (
	"strings"
	"unicode/utf8"
)

// This file holds Django's header-parameter dialect (django.utils.http
// parse_header_parameters, spec §1.1–1.2), shared by the DRF parser, DRF
// negotiation and the Django Accept helpers. It is deliberately not
// RFC 9110: it accepts anything and reads it the way Django does.

// isPySpace reports whether c is ASCII whitespace for Python's str.strip:
// \t \n \v \f \r, \x1c–\x1f and space. Non-ASCII whitespace (U+0085, U+00A0,
// which a WSGI server would produce from the bytes 0x85 and 0xA0) is not
// stripped: restframe keeps header bytes as bytes.
func isPySpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)
}

// pyStrip is Python's str.strip() on ASCII whitespace.
func pyStrip(s string) string {
	for len(s) > 0 && isPySpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isPySpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// pyRStrip is Python's str.rstrip() on ASCII whitespace.
func pyRStrip(s string) string {
	for len(s) > 0 && isPySpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// pyPieces splits a header line the way Django 3.2's _parse_header_params
// (used by DRF 3.14) does: on ';', except where the number of '"' before
// the ';' is odd. Each piece is stripped. The first piece is the main value.
// Django 4.x also discounted escaped quotes (\"), which misreads values
// ending in an escaped backslash ("x\\"); Django 5.2.18+ parses with
// email.message. restframe keeps the rule that the recorded DRF 3.14
// behaviour uses.
type pyPieces struct {
	s    string
	done bool
}

func (p *pyPieces) next() (string, bool) {
	if p.done {
		return "", false
	}
	s := p.s
	end := strings.IndexByte(s, ';')
	if end > 0 && strings.IndexByte(s[:end], '"') >= 0 {
		quotes := strings.Count(s[:end], `"`)
		for quotes%2 != 0 {
			nxt := strings.IndexByte(s[end+1:], ';')
			if nxt < 0 {
				end = -1
				break
			}
			nxt += end + 1
			quotes += strings.Count(s[end:nxt], `"`)
			end = nxt
		}
	}
	if end < 0 {
		p.done, p.s = true, ""
		return pyStrip(s), true
	}
	p.s = p.s[end+1:] // a self-assignment: p does not escape
	return pyStrip(s[:end]), true
}

// pyParam is one "name=value" piece of a header line in Django's dialect.
type pyParam struct {
	name  string // stripped, case as written, trailing '*' removed
	value string // stripped, quotes and escapes still in place
	enc   bool   // RFC 2231 extended value: charset'lang'pct-encoded
}

// splitPyParam reads a piece; ok is false for pieces without '=', which
// Django drops.
func splitPyParam(piece string) (p pyParam, ok bool) {
	i := strings.IndexByte(piece, '=')
	if i < 0 {
		return p, false
	}
	p.name = pyStrip(piece[:i])
	if strings.HasSuffix(p.name, "*") {
		p.name = p.name[:len(p.name)-1]
		p.enc = strings.Count(piece, "'") == 2
	}
	p.value = pyStrip(piece[i+1:])
	return p, true
}

// isQ reports whether the parameter is the q weight.
func (p pyParam) isQ() bool { return p.name == "q" || p.name == "Q" }

// decoded returns the parameter value as Django stores it: quotes removed
// with `\\` then `\"` replaced (two passes, as Django does), and RFC 2231
// values percent-decoded. It allocates only for escapes and encodings.
func (p pyParam) decoded() (string, error) {
	v := p.value
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
		if strings.IndexByte(v, '\\') >= 0 {
			v = strings.ReplaceAll(v, `\\`, `\`)
			v = strings.ReplaceAll(v, `\"`, `"`)
		}
	}
	if p.enc {
		return decodeRFC2231(v)
	}
	return v, nil
}

// equalValue reports whether the decoded value of p is v, without
// allocating in the common (unescaped) case.
func (p pyParam) equalValue(v string) bool {
	raw := p.value
	if !p.enc && strings.IndexByte(raw, '\\') < 0 {
		if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
			raw = raw[1 : len(raw)-1]
		}
		return raw == v
	}
	d, err := p.decoded()
	return err == nil && d == v
}

// decodeRFC2231 decodes charset'lang'pct-encoded (RFC 2231 §4) as Python's
// urllib.parse.unquote(value, encoding=charset) does: a value without '%'
// is returned as is, invalid %-escapes stay literal, and bytes that are not
// valid in the charset become U+FFFD. UTF-8, ISO-8859-1 and US-ASCII (with
// Python's common aliases) are supported; other charsets are
// ErrInvalidEncoding, as is a value that is not three quote-separated parts.
func decodeRFC2231(v string) (string, error) {
	i := strings.IndexByte(v, '\'')
	if i < 0 {
		return "", ErrInvalidEncoding
	}
	j := strings.IndexByte(v[i+1:], '\'')
	if j < 0 {
		return "", ErrInvalidEncoding
	}
	j += i + 1
	charset, pct := v[:i], v[j+1:]
	if strings.IndexByte(pct, '\'') >= 0 {
		return "", ErrInvalidEncoding
	}
	if strings.IndexByte(pct, '%') < 0 {
		return pct, nil
	}
	cs := charsetOf(charset)
	if cs == csUnknown {
		return "", ErrInvalidEncoding
	}
	var b strings.Builder
	b.Grow(len(pct))
	var run []byte
	for k := 0; k < len(pct); {
		if !isEscape(pct, k) {
			b.WriteByte(pct[k])
			k++
			continue
		}
		// A run of %XX escapes is decoded as bytes of the charset.
		run = run[:0]
		for ; isEscape(pct, k); k += 3 {
			run = append(run, unhex(pct[k+1])<<4|unhex(pct[k+2]))
		}
		writeCharset(&b, run, cs)
	}
	return b.String(), nil
}

type charsetKind uint8

const (
	csUnknown charsetKind = iota
	csUTF8
	csLatin1
	csASCII
)

// charsetOf normalises a charset name the way Python's codec lookup does
// (lower case, '-' and ' ' as '_') and recognises the common aliases.
func charsetOf(name string) charsetKind {
	var buf [32]byte
	if len(name) > len(buf) {
		return csUnknown
	}
	n := buf[:len(name)]
	for i := 0; i < len(name); i++ {
		c := lower(name[i])
		if c == '-' || c == ' ' {
			c = '_'
		}
		n[i] = c
	}
	switch string(n) {
	case "utf_8", "utf8", "u8", "utf", "cp65001":
		return csUTF8
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100":
		return csLatin1
	case "ascii", "us_ascii", "us", "646", "iso646_us", "cp367", "ansi_x3.4_1968":
		return csASCII
	}
	return csUnknown
}

// writeCharset writes the bytes b decoded from cs as UTF-8, replacing
// undecodable bytes with U+FFFD.
func writeCharset(w *strings.Builder, b []byte, cs charsetKind) {
	switch cs {
	case csUTF8:
		for len(b) > 0 {
			r, size := utf8.DecodeRune(b)
			w.WriteRune(r)
			b = b[size:]
		}
	case csLatin1:
		for _, c := range b {
			w.WriteRune(rune(c))
		}
	default:
		for _, c := range b {
			if c >= 0x80 {
				w.WriteRune(utf8.RuneError)
			} else {
				w.WriteByte(c)
			}
		}
	}
}

// isEscape reports whether s[k:] starts with a %XX escape.
func isEscape(s string, k int) bool {
	return k+2 < len(s) && s[k] == '%' && isHex(s[k+1]) && isHex(s[k+2])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// pyParse parses s in Django's dialect into the lower-cased main value and
// the parameter dict: names lower-cased, each name at the position of its
// first occurrence with the value of its last (Python dict assignment).
// asciiOnly rejects non-ASCII bytes in the main value and in parameter names
// with ErrNonASCII, where Django 3.2 raises UnicodeDecodeError.
func pyParse(s string, asciiOnly bool) (key string, params []Param, err error) {
	if len(s) > MaxLength {
		return "", nil, ErrTooLong
	}
	pp := pyPieces{s: s}
	k, _ := pp.next()
	if asciiOnly && hasNonASCII(k) {
		return "", nil, ErrNonASCII
	}
	key = toLower(k)
	n := 0
	for {
		piece, ok := pp.next()
		if !ok {
			break
		}
		p, ok := splitPyParam(piece)
		if !ok {
			continue
		}
		if asciiOnly && hasNonASCII(p.name) {
			return "", nil, ErrNonASCII
		}
		if n++; n > MaxParams {
			return "", nil, ErrTooManyParams
		}
		v, err := p.decoded()
		if err != nil {
			return "", nil, err
		}
		name := toLower(p.name)
		found := false
		for i := range params {
			if params[i].Name == name {
				params[i].Value = v
				found = true
				break
			}
		}
		if !found {
			params = append(params, Param{Name: name, Value: v})
		}
	}
	return key, params, nil
}
