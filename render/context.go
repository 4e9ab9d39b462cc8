package render

import (
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/web"
)

// Context is what a renderer knows besides the data: DRF's
// renderer_context dict (view, request, response, indent) and the
// accepted_media_type argument of render(), as plain fields. Package rest
// fills it during finalization; renderers only read it. A nil *Context is
// valid everywhere and means the zero Context.
//
// The browsable API, the admin and the form renderer will read more of it
// than the renderers of this package do; fields are added here as they need
// them.
type Context struct {
	// Request is the request being answered (DRF's renderer_context
	// ['request']). It may be nil, e.g. when rendering outside a view.
	Request *web.Request

	// AcceptedMediaType is DRF's accepted_media_type as negotiated,
	// parameters included ("application/json; indent=4"). It may be more
	// specific than the renderer's media type; "" when there was no
	// negotiation. Read its parameters with Param.
	AcceptedMediaType string

	// Status is the response status code (DRF's response.status_code);
	// 0 means 200.
	Status int

	// Header holds the response headers set so far. A renderer may read
	// them, e.g. the explicit Content-Type of an image/* response. It may
	// be nil.
	Header http.Header

	// ViewName and ViewDescription are the view's get_view_name() and
	// get_view_description(); AllowedMethods is its allowed_methods
	// ("GET", "HEAD", "OPTIONS", ...).
	ViewName        string
	ViewDescription string
	AllowedMethods  []string

	// InputType describes what the view accepts as input (DRF: the view's
	// serializer), for renderers that build HTML forms. Nil when the view
	// declares none.
	InputType any

	// Exception is the error being rendered, non-nil when the response is
	// an error response (DRF's response.exception). HTML renderers switch
	// to their error templates (spec §4.3.4).
	Exception error

	// TemplateName is the response's template_name (the first choice of
	// TemplateHTML); ViewTemplateNames is the view's get_template_names()
	// (the last choice).
	TemplateName      string
	ViewTemplateNames []string

	// Indent and HasIndent are DRF's renderer_context['indent']: the
	// indentation a renderer uses when the accepted media type has no
	// usable indent parameter. The browsable API sets 4. With HasIndent
	// false there is none. See Indentation.
	Indent    int
	HasIndent bool

	// json is the JSON renderer's state kept by a reused Context (Reset),
	// valid while json.owner is this Context (not a copy of it).
	json   *encodeState
	reused bool
}

// Reset clears c for another rendering and marks it reused: the JSON
// renderer then keeps its working memory in c between renderings instead
// of taking it from a shared pool each time. Package rest resets the
// Context of each view request this way. A copy of a reset Context renders
// without the kept memory.
func (c *Context) Reset() {
	json := c.json
	*c = Context{}
	c.json, c.reused = json, true
}

// StatusCode returns Status, or 200 when Status is 0. It is 200 for a nil
// Context.
func (c *Context) StatusCode() int {
	if c == nil || c.Status == 0 {
		return http.StatusOK
	}
	return c.Status
}

// StatusText is DRF's Response.status_text (spec §3.5): the Python 3.11
// reason phrase of the status ("I'm a Teapot" for 418), "" for unknown codes.
func (c *Context) StatusText() string {
	return web.ReasonPhrase(c.StatusCode())
}

// Param returns a parameter of the accepted media type and whether it is
// present, read the way DRF reads it (Django's parse_header_parameters:
// case-insensitive names, quoted values unquoted, the last of repeated
// names wins). A media type without ";" is answered without parsing or
// allocating. A media type that does not parse has no parameters.
func (c *Context) Param(name string) (string, bool) {
	if c == nil {
		return "", false
	}
	return mediaTypeParam(c.AcceptedMediaType, name)
}

func mediaTypeParam(mediaType, name string) (string, bool) {
	if strings.IndexByte(mediaType, ';') < 0 {
		return "", false
	}
	m, err := mediatype.ParseDRF(mediaType)
	if err != nil {
		return "", false
	}
	return m.Param(strings.ToLower(name))
}

// Indentation is DRF's JSONRenderer.get_indent (spec §4.2.3): how a
// renderer that can pretty-print should indent. With ok false the output is
// compact (one line). With ok true each item goes on its own line, indented
// by n spaces per level (n may be 0: line breaks only, Python's indent=0).
//
// The accepted media type's indent parameter decides when it is an integer
// (ParseIndent: clamped to 0..8, and 0 means compact even when the
// Context has an Indent); otherwise Indent and HasIndent do (a negative
// Indent counts as 0).
func (c *Context) Indentation() (n int, ok bool) {
	if c == nil {
		return 0, false
	}
	// A media type without parameters (the common case) has no indent;
	// the commonest of all is compared whole, which is cheaper than the
	// search for a ';'.
	if mt := c.AcceptedMediaType; mt != "application/json" && strings.IndexByte(mt, ';') >= 0 {
		if n, found := ParseIndent(c.AcceptedMediaType); found {
			return n, n > 0
		}
	}
	if c.HasIndent {
		return max(c.Indent, 0), true
	}
	return 0, false
}

// MaxIndent is the largest indent ParseIndent returns: DRF clamps the
// indent parameter of the accepted media type to 0..8.
const MaxIndent = 8

// ParseIndent reads the indent parameter of a media type the way DRF's
// JSONRenderer does: zero_as_none(max(min(int(params['indent']), 8), 0)).
// It reports ok when the parameter is present and is an integer in Python's
// int() syntax (surrounding whitespace, a sign, "_" between digits and any
// Unicode decimal digits allowed); the result is clamped to 0..MaxIndent,
// 0 meaning no indentation. "indent=4" gives (4, true), "indent=20"
// (8, true), "indent=-3" (0, true); "indent=2.5", "indent=abc" and no
// parameter give ok false, so that the caller falls back to the context's
// indent.
//
// It never fails on client input: a media type that does not parse has no
// indent. It allocates only when the media type has parameters.
func ParseIndent(mediaType string) (n int, ok bool) {
	v, found := mediaTypeParam(mediaType, "indent")
	if !found {
		return 0, false
	}
	i, ok := pyInt(v)
	if !ok {
		return 0, false
	}
	return min(max(i, 0), MaxIndent), true
}

// pyInt parses s as Python's int(s) does for base 10, saturating at ±1e9
// (enough for any clamp). It reports false where Python raises ValueError.
func pyInt(s string) (int, bool) {
	s = strings.TrimFunc(s, pyIsSpace)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	n := 0
	prevDigit := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '_' {
			// Python allows single underscores between digits only.
			if !prevDigit || i >= len(s) {
				return 0, false
			}
			prevDigit = false
			continue
		}
		d, ok := decimalValue(r)
		if !ok {
			return 0, false
		}
		prevDigit = true
		if n < 1e9 {
			n = n*10 + d
		}
	}
	if !prevDigit {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// decimalValue returns the value of a Unicode decimal digit (general
// category Nd, which Python's int() accepts: "٤" is 4). Nd digits come in
// contiguous runs of ten starting at a zero (a Unicode stability policy), so
// the value is the distance from the start of the run, modulo 10.
func decimalValue(r rune) (int, bool) {
	if '0' <= r && r <= '9' {
		return int(r - '0'), true
	}
	if r < utf8.RuneSelf || !unicode.IsDigit(r) {
		return 0, false
	}
	start := r
	for start > 0 && unicode.IsDigit(start-1) {
		start--
	}
	return int(r-start) % 10, true
}

// pyIsSpace is the whitespace Python's int() ignores around a number: the
// ASCII " \t\n\v\f\r" and the non-ASCII characters of str.isspace, which
// is what unicode.IsSpace reports.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r)
}
