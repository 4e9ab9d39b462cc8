package web

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"
)

// Response is what a Handler returns: Django's HttpResponseBase. Every
// response value (HTTPResponse, JSONResponse, the redirects and status
// family, StreamingResponse, FileResponse, and rest.Response) implements it.
// Middleware reaches the status, headers and cookies through Base.
type Response interface {
	// Base returns the status, headers and cookies the response carries.
	Base() *BaseResponse
	// Send writes the whole response (status line, headers, Set-Cookie
	// lines, body) to w. r is the request being answered; responses that
	// honour Range or conditional headers read it. A response is sent once.
	Send(w http.ResponseWriter, r *http.Request) error
}

// BaseResponse holds what every response has: Django's HttpResponseBase
// status_code, reason_phrase, charset, headers and cookies. Response types
// embed it. The zero value is a 200 response with no headers.
//
// Header names are canonicalised as net/http does ("content-type" becomes
// "Content-Type"; Django keeps the caller's spelling). The order in which
// headers were first set is remembered for SerializeHeaders; on the wire
// net/http writes them sorted.
type BaseResponse struct {
	// StatusCode is the HTTP status; 0 means 200. Values outside 100–599
	// make WriteHeader fail with ErrInvalidStatus; SetStatus checks at once.
	// net/http sends 1xx statuses as interim responses, followed by the
	// final one, so they are not useful as a response's own status.
	StatusCode int
	// Reason overrides the reason phrase (Django's reason argument). Go's
	// HTTP servers always write the standard phrase on the wire, so the
	// reason is informational (ReasonPhrase, logs, String).
	Reason string
	// CharsetOverride is Django's charset argument: when set it wins over
	// the charset parameter of the Content-Type header (see Charset).
	CharsetOverride string

	header  http.Header
	order   []string // canonical header names in the order first set
	cookies []*Cookie

	// fixed holds the headers of SetFixedHeader while header is nil, so
	// that a response with only fixed headers makes no map. Header moves
	// them into the map; fixed is nil whenever header is not.
	fixed *FixedHeader
}

// Base returns b itself, so that every type embedding BaseResponse satisfies
// the first half of Response.
func (b *BaseResponse) Base() *BaseResponse { return b }

// Status returns the status code, 200 when unset.
func (b *BaseResponse) Status() int {
	if b.StatusCode == 0 {
		return http.StatusOK
	}
	return b.StatusCode
}

// SetStatus sets the status code (Django's status_code), refusing values
// outside 100–599 with ErrInvalidStatus.
func (b *BaseResponse) SetStatus(code int) error {
	if code < 100 || code > 599 {
		return ErrInvalidStatus
	}
	b.StatusCode = code
	return nil
}

// Header returns the header map, allocating it on first use. Prefer
// SetHeader, which refuses CR and LF; values set directly in the map are
// checked again when the response is sent.
func (b *BaseResponse) Header() http.Header {
	if b.header == nil {
		if f := b.fixed; f != nil {
			// The response gets its own copy of the values (one array
			// for all), which its owner may modify in place.
			n := 0
			for _, v := range f.values {
				n += len(v)
			}
			values := make([]string, 0, n)
			b.header = make(http.Header, len(f.keys))
			for i, k := range f.keys {
				start := len(values)
				values = append(values, f.values[i]...)
				b.header[k] = values[start:len(values):len(values)]
			}
			// Set before any other header: they come first (a copy, as
			// setHeader edits the order in place).
			b.order = slices.Concat(f.keys, b.order)
			b.fixed = nil
		} else {
			b.header = make(http.Header)
		}
	}
	return b.header
}

// values returns the values of the canonical key, from the map or the
// fixed headers.
func (b *BaseResponse) values(key string) ([]string, bool) {
	if b.fixed != nil {
		return b.fixed.lookup(key)
	}
	v, ok := b.header[key]
	return v, ok
}

// first returns the first value of the canonical key, "" when there is
// none (http.Header.Get, from the map or the fixed headers).
func (b *BaseResponse) first(key string) string {
	if v, _ := b.values(key); len(v) > 0 {
		return v[0]
	}
	return ""
}

// SetHeader sets a header (Django's response[name] = value), replacing any
// earlier value. A name that is not an HTTP token, or a name or value
// containing CR or LF, is refused with ErrBadHeader.
//
// As in Django, a value with a character above U+00FF (which Latin-1, the
// historical header charset, cannot carry) is MIME-encoded as one RFC 2047
// encoded word in UTF-8, choosing the shorter of the B and Q encodings:
// "☃ snow" is stored as "=?utf-8?b?4piDIHNub3c=?=". Values within Latin-1
// are kept as they are (net/http sends their UTF-8 bytes, where Django sends
// one Latin-1 byte per character).
func (b *BaseResponse) SetHeader(name, value string) error {
	if err := checkHeader(name, value); err != nil {
		return err
	}
	b.setHeader(http.CanonicalHeaderKey(name), mimeEncodeHeader(value))
	return nil
}

// setHeader sets the canonical key to value and records its position; the
// caller has checked both.
func (b *BaseResponse) setHeader(key, value string) {
	b.setValues(key, []string{value})
}

// setValues is setHeader for the values of a header.
func (b *BaseResponse) setValues(key string, values []string) {
	h := b.Header()
	if _, ok := h[key]; !ok {
		if i := slices.Index(b.order, key); i >= 0 {
			b.order = slices.Delete(b.order, i, i+1)
		}
		b.order = append(b.order, key)
	}
	h[key] = values
}

// DelHeader removes a header (Django's del response[name]); removing a
// header that is not set does nothing.
func (b *BaseResponse) DelHeader(name string) {
	if b.header == nil && b.fixed == nil {
		return
	}
	delete(b.Header(), http.CanonicalHeaderKey(name))
}

// HasHeader reports whether the header is set (case-insensitively):
// Django's has_header.
func (b *BaseResponse) HasHeader(name string) bool {
	switch {
	case b.fixed != nil:
		// Only fixed headers (header is nil): their names are canonical
		// tokens, so comparing name with them under ASCII case folding is
		// comparing its canonical form, without making it.
		return b.fixed.has(name)
	case b.header == nil:
		return false
	}
	_, ok := b.header[http.CanonicalHeaderKey(name)]
	return ok
}

// ReasonPhrase returns Reason when set, else the standard phrase for the
// status (the package-level ReasonPhrase: Python 3.11's table), else
// "Unknown Status Code" (Django's reason_phrase).
func (b *BaseResponse) ReasonPhrase() string {
	if b.Reason != "" {
		return b.Reason
	}
	if t := ReasonPhrase(b.Status()); t != "" {
		return t
	}
	return "Unknown Status Code"
}

// Charset returns Django's response charset: CharsetOverride if set, else
// the first charset parameter of the Content-Type header (Django's
// `;\s*charset=([^\s;]+)`, case-insensitive, with double quotes removed),
// else "utf-8". An empty charset ("charset=" or `charset=""`) means utf-8.
func (b *BaseResponse) Charset() string {
	if b.CharsetOverride != "" {
		return b.CharsetOverride
	}
	if v := contentTypeCharset(b.first("Content-Type")); v != "" {
		return v
	}
	return DefaultCharset
}

// contentTypeCharset finds Django's `;\s*charset=([^\s;]+)` in ct and
// returns the value with its double quotes removed, or "".
func contentTypeCharset(ct string) string {
	for i := 0; i < len(ct); i++ {
		if ct[i] != ';' {
			continue
		}
		j := i + 1
		for j < len(ct) && isPySpace(ct[j]) {
			j++
		}
		if len(ct)-j < len("charset=") || !strings.EqualFold(ct[j:j+len("charset=")], "charset=") {
			continue
		}
		j += len("charset=")
		k := j
		for k < len(ct) && ct[k] != ';' && !isPySpace(ct[k]) {
			k++
		}
		if k == j {
			continue
		}
		return strings.ReplaceAll(ct[j:k], `"`, "")
	}
	return ""
}

// isPySpace reports whether c is an ASCII character Python's \s matches.
func isPySpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)
}

// Cookies returns the cookies the response sets, in the order their names
// were first set.
func (b *BaseResponse) Cookies() []*Cookie { return b.cookies }

// CopyHeader checks the status, headers and cookies and copies the headers
// and Set-Cookie lines to w without writing the status line, for response
// types that let another function (http.ServeContent) write it. Nothing is
// copied when it fails (ErrInvalidStatus, ErrBadHeader).
func (b *BaseResponse) CopyHeader(w http.ResponseWriter) error {
	if s := b.Status(); s < 100 || s > 599 {
		return ErrInvalidStatus
	}
	dst := w.Header()
	if len(b.header) > 0 {
		for name, values := range b.header {
			if err := checkHeaderValues(name, values); err != nil {
				return err
			}
		}
		for name, values := range b.header {
			dst[name] = values
		}
	}
	if f := b.fixed; f != nil { // checked by NewFixedHeader
		for i, k := range f.keys {
			dst[k] = f.values[i]
		}
	}
	for _, c := range b.cookies {
		dst.Add("Set-Cookie", c.String())
	}
	return nil
}

// WriteHeader checks the status, headers and cookies, copies them to w and
// writes the status line. Response types call it from Send once the body is
// ready; it writes nothing and returns ErrInvalidStatus or ErrBadHeader when
// something is invalid, so the adapter can still answer 500.
func (b *BaseResponse) WriteHeader(w http.ResponseWriter) error {
	if err := b.CopyHeader(w); err != nil {
		return err
	}
	w.WriteHeader(b.Status())
	return nil
}

// SerializeHeaders returns the headers as Django's serialize_headers does:
// "Name: value" lines joined by CRLF, without the cookies, in the order the
// headers were first set (headers added to the Header map directly follow,
// sorted). A header with several values gives one line per value.
func (b *BaseResponse) SerializeHeaders() []byte {
	b.Header()
	var out []byte
	line := func(name string) {
		for _, v := range b.header[name] {
			if len(out) > 0 {
				out = append(out, "\r\n"...)
			}
			out = append(out, name...)
			out = append(out, ": "...)
			out = append(out, v...)
		}
	}
	seen := make(map[string]bool, len(b.header))
	for _, name := range b.order {
		if _, ok := b.header[name]; ok && !seen[name] {
			seen[name] = true
			line(name)
		}
	}
	var rest []string
	for name := range b.header {
		if !seen[name] {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	for _, name := range rest {
		line(name)
	}
	return out
}

// checkHeader refuses names that are not tokens and CR/LF anywhere.
func checkHeader(name, value string) error {
	if !isToken(name) || hasCRLF(value) {
		return ErrBadHeader
	}
	return nil
}

// checkHeaderValues is checkHeader for every value of a header.
func checkHeaderValues(name string, values []string) error {
	if !isToken(name) {
		return ErrBadHeader
	}
	for _, v := range values {
		if hasCRLF(v) {
			return ErrBadHeader
		}
	}
	return nil
}

// isToken reports whether s is a token (RFC 9110 §5.6.2).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTokenChar(s[i]) {
			return false
		}
	}
	return true
}

// hasCRLF reports whether s contains CR or LF.
func hasCRLF(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\r' || c == '\n' {
			return true
		}
	}
	return false
}

// isTokenChar reports whether c is a tchar (RFC 9110 §5.6.2).
func isTokenChar(c byte) bool {
	return c < 0x80 && tokenTable[c]
}

var tokenTable = func() (t [128]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()

// mimeEncodeHeader returns v unchanged when every character is within
// Latin-1, else v as one RFC 2047 encoded word (§2) in UTF-8, as Python's
// email.header.Header(v, "utf-8").encode() writes it: the B encoding when
// it is strictly shorter than the Q encoding (RFC 2047 §4.2), else Q.
func mimeEncodeHeader(v string) string {
	latin1 := true
	for i := 0; i < len(v); {
		if v[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(v[i:])
		if r > 0xFF {
			latin1 = false
			break
		}
		i += size
	}
	if latin1 {
		return v
	}
	b64 := (len(v) + 2) / 3 * 4
	qp := 0
	for i := 0; i < len(v); i++ {
		if qpHeaderSafe(v[i]) {
			qp++
		} else {
			qp += 3
		}
	}
	if b64 < qp {
		return "=?utf-8?b?" + base64.StdEncoding.EncodeToString([]byte(v)) + "?="
	}
	const hex = "0123456789ABCDEF"
	out := make([]byte, 0, len("=?utf-8?q??=")+qp)
	out = append(out, "=?utf-8?q?"...)
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == ' ':
			out = append(out, '_')
		case qpHeaderSafe(c):
			out = append(out, c)
		default:
			out = append(out, '=', hex[c>>4], hex[c&15])
		}
	}
	return string(append(out, "?="...))
}

// qpHeaderSafe reports whether the Q encoding writes c as itself (Python's
// email.quoprimime header map: letters, digits and "-!*+/"; a space becomes
// "_", one byte too).
func qpHeaderSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return c == '-' || c == '!' || c == '*' || c == '+' || c == '/' || c == ' '
}
