package parse

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"

	"github.com/restframe/restframe/internal/textenc"
	"github.com/restframe/restframe/web"
)

// JSON is DRF's JSONParser: it parses application/json bodies. The zero
// value is DRF's default: strict (NaN and the infinities refused, DRF's
// STRICT_JSON), numbers as float64, nesting up to DefaultMaxDepth.
//
// The body is decoded with the request's encoding (web.Request.Encoding:
// the Content-Type's charset when restframe knows it, else
// web.Settings.DefaultCharset; UTF-8, ASCII, ISO-8859-1, ISO-8859-15 and
// windows-1252), strictly: an undecodable byte is a parse error with
// Python's message. Then it is read with Python's JSON grammar, so that
// every error carries DRF's detail, "JSON parse error - " followed by
// Python's message, e.g. "JSON parse error - Expecting value: line 1
// column 7 (char 6)".
//
// Limits: the body is read with web.Request.Body, so a body larger than
// web.Settings.MaxMemorySize is web.ErrRequestDataTooBig (413); arrays
// and objects nest at most MaxDepth deep and integers have at most
// MaxIntDigits digits (400 either way).
//
// Differences from DRF, where DRF loses data or fails with a 500: an
// incomplete UTF-8 sequence at the end of the body is an error (DRF's
// stream reader drops it); nesting beyond MaxDepth is a 400 (DRF: a
// RecursionError, 500); in strict mode a number too large for a float64
// is a 400 (DRF reads it as inf and fails to render it, 500); a lone UTF-16
// surrogate escape ("\ud800") becomes U+FFFD, as encoding/json does.
// Object member order is not kept in the map[string]any that Parse
// returns; decode into a struct with ParseInto when it matters.
type JSON struct {
	// Type is the media type handled; "" means "application/json". Set it
	// for vendor types such as "application/vnd.api+json".
	Type string
	// UseNumber makes numbers json.Number values (the literal as sent, so
	// that large integers and decimals keep every digit, as Python's int
	// does) instead of float64. NaN and the infinities stay float64.
	UseNumber bool
	// AllowNaN is DRF's STRICT_JSON = False: the Python extensions NaN,
	// Infinity and -Infinity are accepted (as float64 values). By default
	// they are refused with DRF's detail "JSON parse error - Out of range
	// float values are not JSON compliant: 'NaN'".
	AllowNaN bool
	// MaxDepth is how deeply arrays and objects may nest; 0 (or less)
	// means DefaultMaxDepth.
	MaxDepth int
}

var _ Parser = JSON{}

// MediaType returns p.Type, or "application/json".
func (p JSON) MediaType() string {
	if p.Type == "" {
		return jsonType
	}
	return p.Type
}

// Parse is JSONParser.parse: it decodes the body of r into Go values as
// encoding/json does into an any: map[string]any, []any, string, float64
// (json.Number with UseNumber), bool and nil. An empty body gives an empty
// map[string]any, what DRF's request.data is then; whitespace alone is an
// error. mediaType is not used: the charset comes from r.Encoding.
func (p JSON) Parse(r *web.Request, mediaType string) (any, error) {
	text, err := p.text(r)
	if err != nil || text == "" {
		if err != nil {
			return nil, err
		}
		return map[string]any{}, nil
	}
	d := p.scanner(text, false)
	v, jerr := d.decode()
	if jerr != nil {
		return nil, jsonParseError(jerr.message(text), nil)
	}
	return v, nil
}

// ParseInto decodes the body of r into v, a non-nil pointer, with
// encoding/json's rules for the target (struct tags, json.Unmarshaler,
// unknown fields ignored) after checking it as Parse does, so that a
// malformed body gets the same DRF detail. An empty body leaves v
// unchanged. A value of the wrong type for its target is an *Error
// matching ErrParse whose detail names the field, e.g. `JSON parse error
// - Invalid value for "age": expected integer, got string`. A v that is
// not a non-nil pointer is returned as encoding/json's
// *json.InvalidUnmarshalError, a programming error (500).
func (p JSON) ParseInto(r *web.Request, v any) error {
	text, err := p.text(r)
	if err != nil || text == "" {
		return err
	}
	d := p.scanner(text, true)
	if _, jerr := d.decode(); jerr != nil {
		return jsonParseError(jerr.message(text), nil)
	}
	dec := json.NewDecoder(strings.NewReader(text))
	if p.UseNumber {
		dec.UseNumber()
	}
	err = dec.Decode(v)
	var (
		inv *json.InvalidUnmarshalError
		ute *json.UnmarshalTypeError
		se  *json.SyntaxError
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &inv):
		return err
	case errors.As(err, &ute):
		return jsonParseError(typeErrorDetail(ute), err)
	case errors.As(err, &se):
		// The text passed the check, so only AllowNaN's extensions are
		// left, which encoding/json cannot decode.
		return jsonParseError("NaN and Infinity cannot be decoded here", err)
	}
	return jsonParseError(err.Error(), err)
}

// text returns the body of r decoded to UTF-8.
func (p JSON) text(r *web.Request) (string, error) {
	body, err := r.Body()
	if err != nil {
		return "", err
	}
	enc := r.Encoding()
	if enc == "" {
		enc = r.Settings().DefaultCharset
	}
	text, msg := decodeText(body, textenc.LookupOrUTF8(enc))
	if msg != "" {
		return "", jsonParseError(msg, nil)
	}
	return text, nil
}

func (p JSON) scanner(text string, validate bool) *pyJSON {
	depth := p.MaxDepth
	if depth <= 0 {
		depth = DefaultMaxDepth
	}
	return &pyJSON{s: text, strict: !p.AllowNaN, useNumber: p.UseNumber, validate: validate, maxDepth: depth}
}

// jsonParseError is DRF's ParseError('JSON parse error - %s' % exc).
func jsonParseError(msg string, err error) *Error {
	return errParse("JSON parse error - "+msg, err)
}

// typeErrorDetail describes a value of the wrong type for its Go target in
// JSON's terms, without Go type names.
func typeErrorDetail(e *json.UnmarshalTypeError) string {
	want := "a different value"
	if e.Type != nil {
		switch e.Type.Kind() {
		case reflect.Bool:
			want = "boolean"
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			want = "integer"
		case reflect.Float32, reflect.Float64:
			want = "number"
		case reflect.String:
			want = "string"
		case reflect.Slice, reflect.Array:
			want = "array"
		case reflect.Map, reflect.Struct:
			want = "object"
		}
	}
	got := e.Value
	if strings.HasPrefix(got, "number ") {
		got = "number out of range"
	}
	if e.Field == "" {
		return "Invalid value: expected " + want + ", got " + got
	}
	return `Invalid value for "` + e.Field + `": expected ` + want + ", got " + got
}
