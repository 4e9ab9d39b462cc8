package rest

import (
	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
)

// Settings are DRF's REST_FRAMEWORK settings that the rest package reads:
// the API-wide defaults of every View. A View with nil Settings uses
// DefaultSettings(); a View's own Renderers, Parsers, Authenticators,
// Permissions and Throttles fields override the ones here (DRF's per-view
// renderer_classes and friends).
//
// The zero value is valid and equals DefaultSettings(): every field documents
// its default. Settings are read when a View is built (View.Handler); later
// changes do not affect views already built. Share one value between views.
type Settings struct {
	// Renderers is DEFAULT_RENDERER_CLASSES, in order of preference: the
	// first is chosen for "Accept: */*" and renders negotiation errors.
	// If nil, defaults to the JSON renderer alone, configured by
	// EnsureASCII, LongSeparators and AllowNaN.
	Renderers []render.Renderer
	// Parsers is DEFAULT_PARSER_CLASSES. If nil, defaults to
	// parse.Defaults() (JSON, form, multipart), the JSON parser accepting
	// NaN when AllowNaN is set.
	Parsers []parse.Parser
	// Negotiation selects the content negotiation algorithm: mediatype.ModeRFC
	// (the zero value, RFC 9110 q-values) or mediatype.ModeDRF (DRF 3.14's
	// DefaultContentNegotiation, exactly).
	Negotiation mediatype.Mode
	// URLFormatOverride is URL_FORMAT_OVERRIDE: the query parameter that
	// names a format (?format=json). "" means DefaultFormatKey ("format");
	// Disabled turns the query override off.
	URLFormatOverride string
	// FormatSuffixKwarg is FORMAT_SUFFIX_KWARG: the path value holding the
	// format of a URL suffix (/users.json), set by FormatSuffix or by a
	// route wildcard. "" means DefaultFormatKey ("format"); Disabled
	// ignores suffixes.
	FormatSuffixKwarg string

	// EnsureASCII is UNICODE_JSON = False for the default JSON renderer:
	// non-ASCII characters are escaped. Default false (UTF-8, DRF's
	// default).
	EnsureASCII bool
	// LongSeparators is COMPACT_JSON = False for the default JSON renderer:
	// ", " and ": " separators. Default false (compact, DRF's default).
	LongSeparators bool
	// AllowNaN is STRICT_JSON = False for the default JSON renderer and
	// parser: NaN and infinities are written and accepted. Default false
	// (strict, DRF's default).
	AllowNaN bool
	// URLFieldName is URL_FIELD_NAME, the name of the URL field of
	// hyperlinked data. "" means "url".
	URLFieldName string

	// ExceptionHandler is EXCEPTION_HANDLER: it turns every error of a
	// view (negotiation, parsing, authentication, permissions, the handler)
	// into a Response. If nil, DefaultExceptionHandler is used.
	ExceptionHandler ExceptionHandler
	// Authenticators is DEFAULT_AUTHENTICATION_CLASSES, tried in order.
	// If nil, none: Request.User is the user of the web request (set by
	// web middleware such as web.Authentication, DRF's
	// SessionAuthentication in effect), else web.AnonymousUser.
	Authenticators []Authenticator
	// Permissions is DEFAULT_PERMISSION_CLASSES; all must allow. If nil,
	// every request is allowed (DRF's AllowAny).
	Permissions []Permission
	// Throttles is DEFAULT_THROTTLE_CLASSES, checked after the
	// permissions; a refusal is a 429 (Throttled). If nil, none.
	Throttles []Throttle
}

// DefaultSettings returns a new Settings with DRF's defaults spelled out:
// the JSON renderer (the browsable API joins it once it exists), the JSON,
// form and multipart parsers, RFC 9110 negotiation, "format" for the query
// override and the suffix, and DefaultExceptionHandler.
func DefaultSettings() *Settings {
	return &Settings{
		Renderers:         []render.Renderer{render.JSON{}},
		Parsers:           parse.Defaults(),
		Negotiation:       mediatype.ModeRFC,
		URLFormatOverride: DefaultFormatKey,
		FormatSuffixKwarg: DefaultFormatKey,
		URLFieldName:      "url",
		ExceptionHandler:  DefaultExceptionHandler,
	}
}

// renderers returns the renderers in effect.
func (s *Settings) renderers() []render.Renderer {
	if s.Renderers != nil {
		return s.Renderers
	}
	return []render.Renderer{render.JSON{
		EnsureASCII:    s.EnsureASCII,
		LongSeparators: s.LongSeparators,
		AllowNaN:       s.AllowNaN,
	}}
}

// parsers returns the parsers in effect.
func (s *Settings) parsers() []parse.Parser {
	if s.Parsers != nil {
		return s.Parsers
	}
	ps := parse.Defaults()
	if s.AllowNaN {
		for i, p := range ps {
			if j, ok := p.(parse.JSON); ok {
				j.AllowNaN = true
				ps[i] = j
			}
		}
	}
	return ps
}

// formatOverride returns the query parameter of the format override, ""
// when disabled.
func (s *Settings) formatOverride() string {
	return keyOrDefault(s.URLFormatOverride)
}

// suffixKwarg returns the path value name of format suffixes, "" when
// disabled.
func (s *Settings) suffixKwarg() string {
	return keyOrDefault(s.FormatSuffixKwarg)
}

func keyOrDefault(k string) string {
	switch k {
	case "":
		return DefaultFormatKey
	case Disabled:
		return ""
	}
	return k
}

// exceptionHandler returns the exception handler in effect.
func (s *Settings) exceptionHandler() ExceptionHandler {
	if s.ExceptionHandler != nil {
		return s.ExceptionHandler
	}
	return DefaultExceptionHandler
}
