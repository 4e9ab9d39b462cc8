package web

import (
	"fmt"
	"iter"
	"net/http"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/hdr"
	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/internal/textenc"
)

// defaultHTMLContentType is Django's default content type with the default
// charset.
const defaultHTMLContentType = "text/html; charset=utf-8"

// HTTPResponse is Django's HttpResponse: a response whose body is held in
// memory. It can be written to like a file (Write, WriteString, WriteLines),
// read back (Content, Text, GetValue) and replaced (SetContent, SetText)
// until it is sent.
//
// NewHTTPResponse gives the common case; NewHTTPResponseWith takes Django's
// other constructor arguments; the status family (NewNotFound ...),
// JSONResponse and Redirect build on it. Send writes Content-Length and the
// body (headers only for HEAD requests, and no body at all for 1xx, 204 and
// 304).
//
// The zero value is a 200 response with no headers and an empty body;
// constructors also set the default Content-Type.
type HTTPResponse struct {
	BaseResponse

	content     []byte
	class       string // Django's class name, for String
	notModified bool   // a 304: content must stay empty
}

var _ Response = (*HTTPResponse)(nil)

// ResponseOptions are the arguments of Django's HttpResponse constructor
// besides the content. The zero value gives Django's defaults.
type ResponseOptions struct {
	// ContentType is content_type. "" means "text/html; charset=<charset>",
	// with Charset or else utf-8, unless Header has a Content-Type. An
	// explicit ContentType is used as given: Charset is not inserted into it.
	// (Django's content_type="", an empty header, is SetHeader afterwards.)
	ContentType string
	// Status is the status code, 100–599 (ErrInvalidStatus otherwise).
	// 0 means 200.
	Status int
	// Reason is the reason phrase (see BaseResponse.Reason). "" means the
	// standard phrase.
	Reason string
	// Charset is charset: the encoding of text content, winning over the
	// charset of the content type. "" means the content type's charset, else
	// utf-8.
	Charset string
	// Header holds initial headers (Django's headers). They are set in
	// sorted name order with SetHeader's checks. A Content-Type here together
	// with ContentType is ErrContentTypeConflict.
	Header http.Header
}

// NewHTTPResponse returns a 200 response with the given body and
// Content-Type "text/html; charset=utf-8": Django's HttpResponse(content).
// The default charset is utf-8 whatever Settings.DefaultCharset says.
func NewHTTPResponse(content string) *HTTPResponse {
	return newHTTPResponse("HttpResponse", http.StatusOK, []byte(content))
}

// NewHTTPResponseBytes is NewHTTPResponse for a body in bytes (Django's
// HttpResponse(b"...")). The response keeps content: do not modify it
// afterwards.
func NewHTTPResponseBytes(content []byte) *HTTPResponse {
	return newHTTPResponse("HttpResponse", http.StatusOK, content)
}

// newHTTPResponse builds a response of a Django class with the default
// Content-Type.
func newHTTPResponse(class string, status int, content []byte) *HTTPResponse {
	r := &HTTPResponse{class: class, content: content}
	r.StatusCode = status
	r.SetFixedHeader(htmlContentType)
	return r
}

// NewHTTPResponseWith is Django's HttpResponse(content, content_type,
// status, reason, charset, headers). content is converted as Django
// converts it:
//
//   - a string is encoded with the response charset (utf-8, ASCII,
//     ISO-8859-1, ISO-8859-15 and windows-1252 are known; another charset is
//     ErrUnknownEncoding and text it cannot encode is ErrUnicode);
//   - a []byte is used as is (and kept: do not modify it afterwards);
//   - nil is an empty body;
//   - []string, [][]byte, []any, iter.Seq[string] and iter.Seq[[]byte] are
//     consumed at once and their items concatenated, each converted by
//     these rules;
//   - anything else is turned into text as Python's str() would: bools as
//     "True"/"False", floats as Python's repr, fmt.Stringer and error by
//     their methods, other values with fmt.Sprint.
func NewHTTPResponseWith(content any, o ResponseOptions) (*HTTPResponse, error) {
	r := &HTTPResponse{class: "HttpResponse"}
	if err := r.apply(&o, http.StatusOK, ""); err != nil {
		return nil, err
	}
	body, err := contentBytes(nil, content, r.Charset())
	if err != nil {
		return nil, err
	}
	r.content = body
	return r, nil
}

// apply sets status, reason, charset and headers from o, then the
// Content-Type (§16.4): o.ContentType, else a Content-Type from o.Header,
// else defaultCT, else "text/html; charset=<charset>".
func (r *HTTPResponse) apply(o *ResponseOptions, status int, defaultCT string) error {
	if o.Status != 0 {
		status = o.Status
	}
	if err := r.SetStatus(status); err != nil {
		return err
	}
	r.Reason = o.Reason
	r.CharsetOverride = o.Charset
	names := make([]string, 0, len(o.Header))
	for name := range o.Header {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for i, v := range o.Header[name] {
			if err := checkHeader(name, v); err != nil {
				return err
			}
			key, v := http.CanonicalHeaderKey(name), mimeEncodeHeader(v)
			if i == 0 {
				r.setHeader(key, v)
			} else {
				r.header[key] = append(r.header[key], v)
			}
		}
	}
	if r.HasHeader("Content-Type") {
		if o.ContentType != "" {
			return ErrContentTypeConflict
		}
		return nil
	}
	ct := o.ContentType
	if ct == "" {
		ct = defaultCT
	}
	if ct == "" {
		ct = "text/html; charset=" + r.Charset()
	}
	if err := checkHeader("Content-Type", ct); err != nil {
		return err
	}
	r.setHeader("Content-Type", ct)
	return nil
}

// Content returns the body (Django's content). The slice is the response's
// own: do not modify it.
func (r *HTTPResponse) Content() []byte { return r.content }

// GetValue returns the body: Django's getvalue, the same as Content.
func (r *HTTPResponse) GetValue() []byte { return r.content }

// Tell returns the length of the body: Django's tell.
func (r *HTTPResponse) Tell() int { return len(r.content) }

// SetContent replaces the body (Django's content = b"..."). The response
// keeps content: do not modify it afterwards. Non-empty content on a 304
// is ErrNotModifiedContent.
func (r *HTTPResponse) SetContent(content []byte) error {
	if r.notModified && len(content) > 0 {
		return ErrNotModifiedContent
	}
	r.content = content
	return nil
}

// SetText replaces the body with s encoded in the response charset
// (Django's content = "..."): ErrUnknownEncoding for a charset restframe
// does not know, ErrUnicode for text it cannot encode.
func (r *HTTPResponse) SetText(s string) error {
	if r.notModified && s != "" {
		return ErrNotModifiedContent
	}
	b, err := encodeText(nil, s, r.Charset())
	if err != nil {
		return err
	}
	r.content = b
	return nil
}

// Text returns the body decoded with the response charset: Django's text
// (new in 5.2). Content that does not decode is ErrUnicode; a charset
// restframe does not know is ErrUnknownEncoding. Unlike Django, which caches
// text and misses later writes, Text always decodes the current body.
func (r *HTTPResponse) Text() (string, error) {
	return decodeText(r.content, r.Charset())
}

// Write appends p to the body (Django's write with bytes); it implements
// io.Writer. Writing to a 304 is ErrNotModifiedContent.
func (r *HTTPResponse) Write(p []byte) (int, error) {
	if r.notModified && len(p) > 0 {
		return 0, ErrNotModifiedContent
	}
	r.content = append(r.content, p...)
	return len(p), nil
}

// WriteString appends s encoded in the response charset (Django's write
// with a str); it implements io.StringWriter. Errors are as for SetText.
func (r *HTTPResponse) WriteString(s string) (int, error) {
	if r.notModified && s != "" {
		return 0, ErrNotModifiedContent
	}
	b, err := encodeText(r.content, s, r.Charset())
	if err != nil {
		return 0, err
	}
	r.content = b
	return len(s), nil
}

// WriteLines appends each line with WriteString, adding no separators:
// Django's writelines.
func (r *HTTPResponse) WriteLines(lines ...string) error {
	for _, l := range lines {
		if _, err := r.WriteString(l); err != nil {
			return err
		}
	}
	return nil
}

// Serialize returns the response as Django's serialize does: the headers
// (SerializeHeaders, without cookies), a blank line, and the body. It is
// meant for tests and debugging.
func (r *HTTPResponse) Serialize() []byte {
	h := r.SerializeHeaders()
	out := make([]byte, 0, len(h)+4+len(r.content))
	out = append(out, h...)
	out = append(out, "\r\n\r\n"...)
	return append(out, r.content...)
}

// String returns Django's repr of the response, such as
// `<HttpResponse status_code=200, "text/html; charset=utf-8">` (the class
// name is Django's; HttpResponseNotAllowed also shows the Allow header).
func (r *HTTPResponse) String() string {
	class := r.class
	if class == "" {
		class = "HttpResponse"
	}
	if class == "HttpResponseNotAllowed" {
		class += " [" + r.first("Allow") + "]"
	}
	return "<" + class + " status_code=" + strconv.Itoa(r.Status()) + contentTypeRepr(&r.BaseResponse) + ">"
}

// contentTypeRepr is Django's _content_type_for_repr.
func contentTypeRepr(b *BaseResponse) string {
	if v, ok := b.values("Content-Type"); ok && len(v) > 0 {
		return `, "` + v[0] + `"`
	}
	return ""
}

// Send writes the status line, the headers with Content-Length, and the
// body; HEAD requests get the headers only, and 1xx, 204 and 304 responses
// never have a body or a Content-Length.
func (r *HTTPResponse) Send(w http.ResponseWriter, req *http.Request) error {
	if err := r.CopyHeader(w); err != nil {
		return err
	}
	status := r.Status()
	body := bodyAllowed(status)
	if body {
		w.Header()["Content-Length"] = hdr.ContentLength(len(r.content))
	} else {
		delete(w.Header(), "Content-Length")
	}
	w.WriteHeader(status)
	if !body || len(r.content) == 0 || (req != nil && req.Method == http.MethodHead) {
		return nil
	}
	_, err := w.Write(r.content)
	return err
}

// encodeText appends s encoded with the named charset to dst (Python's
// str.encode(charset), strict).
func encodeText(dst []byte, s, charset string) ([]byte, error) {
	c := textenc.Lookup(charset)
	switch c {
	case textenc.Unknown:
		return dst, fmt.Errorf("%w: %q", ErrUnknownEncoding, charset)
	case textenc.UTF8:
		return append(dst, s...), nil
	}
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			dst = append(dst, s[i])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b := textenc.EncodeRune(c, r)
		if b == '?' || (r == utf8.RuneError && size == 1) {
			return dst, fmt.Errorf("%w: %q codec can't encode %q", ErrUnicode, charset, r)
		}
		dst = append(dst, b)
		i += size
	}
	return dst, nil
}

// decodeText decodes b with the named charset (Python's bytes.decode,
// strict).
func decodeText(b []byte, charset string) (string, error) {
	c := textenc.Lookup(charset)
	if c == textenc.Unknown {
		return "", fmt.Errorf("%w: %q", ErrUnknownEncoding, charset)
	}
	s, ok := csDecode(c, string(b), true)
	if !ok {
		return "", fmt.Errorf("%w: %q codec can't decode the content", ErrUnicode, charset)
	}
	return s, nil
}

// contentBytes appends v converted to bytes as Django's make_bytes and
// content setter do (see NewHTTPResponseWith).
func contentBytes(dst []byte, v any, charset string) ([]byte, error) {
	var err error
	switch v := v.(type) {
	case nil:
		return dst, nil
	case []byte:
		if dst == nil {
			return v, nil
		}
		return append(dst, v...), nil
	case string:
		return encodeText(dst, v, charset)
	case []string:
		for _, s := range v {
			if dst, err = encodeText(dst, s, charset); err != nil {
				return dst, err
			}
		}
		return dst, nil
	case [][]byte:
		for _, b := range v {
			dst = append(dst, b...)
		}
		return dst, nil
	case []any:
		for _, x := range v {
			if dst, err = contentBytes(dst, x, charset); err != nil {
				return dst, err
			}
		}
		return dst, nil
	case iter.Seq[string]:
		for s := range v {
			if dst, err = encodeText(dst, s, charset); err != nil {
				return dst, err
			}
		}
		return dst, nil
	case iter.Seq[[]byte]:
		for b := range v {
			dst = append(dst, b...)
		}
		return dst, nil
	}
	return encodeText(dst, pyStr(v), charset)
}

// pyStr returns Python's str() of a scalar Go value.
func pyStr(v any) string {
	switch v := v.(type) {
	case bool:
		if v {
			return "True"
		}
		return "False"
	case float64:
		return pyrepr.FloatStr(v, 64)
	case float32:
		return pyrepr.FloatStr(float64(v), 32)
	case fmt.Stringer:
		return v.String()
	case error:
		return v.Error()
	}
	return fmt.Sprint(v)
}
