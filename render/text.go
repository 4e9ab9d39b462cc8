package render

import (
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/web"
)

// PlainText is the plain-text renderer of DRF's renderer guide
// (PlainTextRenderer: text/plain, format "txt", charset utf-8): a string is
// sent as is. The zero value is ready to use.
//
// Unlike DRF's example, which sends Python's repr of anything that is not a
// string ("{'detail': ErrorDetail(string='Not found.', code='not_found')}"),
// every value becomes readable text, so that error responses rendered by it
// make sense:
//
//   - strings, []byte, json.Number: as is; nil: nothing;
//   - booleans "true"/"false", numbers in decimal (floats as Python's repr),
//     times and durations as the JSON renderer writes them, without quotes;
//   - errors by their message, encoding.TextMarshaler and fmt.Stringer
//     values by their text;
//   - a map (or web.JSONObject) holding only "detail" — DRF's error body —
//     as the detail's text ("Not found.");
//   - other maps one "key: value" line per entry (nested keys joined with
//     ".", Go maps in key order), lists one line per item: a validation
//     error {"name": ["This field is required."]} is
//     "name: This field is required.";
//   - anything else (structs) as compact JSON.
type PlainText struct {
	// Charset is the charset of the output and of the Content-Type; ""
	// means "utf-8". "iso-8859-1" (or "latin-1") and "us-ascii" are also
	// known; text they cannot represent is ErrUnencodable (DRF's
	// UnicodeEncodeError) and another name is ErrUnknownCharset.
	Charset string
	// MediaType is the media type offered; "" means "text/plain". Format is
	// the format name; "" means "txt".
	MediaType string
	Format    string
}

var _ Renderer = PlainText{}

// Info returns text/plain (or MediaType), format "txt" (or Format) and the
// charset (default utf-8).
func (p PlainText) Info() Info {
	i := Info{MediaType: p.MediaType, Format: p.Format, Charset: p.Charset}
	if i.MediaType == "" {
		i.MediaType = "text/plain"
	}
	if i.Format == "" {
		i.Format = "txt"
	}
	if i.Charset == "" {
		i.Charset = "utf-8"
	}
	return i
}

// Render writes data as text in the renderer's charset.
func (p PlainText) Render(w io.Writer, data any, _ *Context) error {
	if data == nil {
		return nil
	}
	var text []byte
	if s, ok := data.(string); ok {
		text = []byte(s)
	} else {
		var err error
		if text, err = appendText(nil, data); err != nil {
			return err
		}
	}
	out, err := encodeCharset(text, p.Charset)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// encodeCharset encodes UTF-8 text in the named charset.
func encodeCharset(text []byte, charset string) ([]byte, error) {
	limit := rune(0)
	switch strings.ToLower(charset) {
	case "", "utf-8", "utf8":
		return text, nil
	case "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1":
		limit = 0xFF
	case "us-ascii", "ascii":
		limit = 0x7F
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnknownCharset, charset)
	}
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r > limit || r == utf8.RuneError && size == 1 {
			return nil, fmt.Errorf("%w: %q in %s", ErrUnencodable, text[i:i+size], charset)
		}
		out = append(out, byte(r))
		i += size
	}
	return out, nil
}

// appendText appends the readable text of v (see PlainText).
func appendText(dst []byte, v any) ([]byte, error) {
	var lines []textLine
	var err error
	if lines, err = textLines(lines, "", v, 0); err != nil {
		return dst, err
	}
	for i, l := range lines {
		if i > 0 {
			dst = append(dst, '\n')
		}
		if l.key != "" {
			dst = append(dst, l.key...)
			dst = append(dst, ':', ' ')
		}
		dst = append(dst, l.text...)
	}
	return dst, nil
}

// textLine is one "key: text" line of PlainText's output.
type textLine struct{ key, text string }

func joinKey(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// textLines appends the lines of v under the key prefix.
func textLines(lines []textLine, prefix string, v any, depth int) ([]textLine, error) {
	if depth > MaxDepth {
		return lines, fmt.Errorf("%w: more than %d levels", ErrTooDeep, MaxDepth)
	}
	if s, ok, err := scalarText(v); err != nil || ok {
		return append(lines, textLine{prefix, s}), err
	}
	switch d := v.(type) {
	case web.JSONObject:
		if len(d) == 1 && d[0].Key == "detail" {
			return textLines(lines, prefix, d[0].Value, depth+1)
		}
		var err error
		for _, kv := range d {
			if lines, err = textLines(lines, joinKey(prefix, kv.Key), kv.Value, depth+1); err != nil {
				return lines, err
			}
		}
		return lines, nil
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return append(lines, textLine{prefix, ""}), nil
		}
		rv = rv.Elem()
		if rv.CanInterface() {
			if s, ok, err := scalarText(rv.Interface()); err != nil || ok {
				return append(lines, textLine{prefix, s}), err
			}
		}
	}
	switch rv.Kind() {
	case reflect.Map:
		keys := make([]string, 0, rv.Len())
		vals := make(map[string]reflect.Value, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			k, ok, err := scalarText(it.Key().Interface())
			if !ok || err != nil {
				return lines, fmt.Errorf("%w: map key of type %s", ErrUnsupportedData, it.Key().Type())
			}
			keys = append(keys, k)
			vals[k] = it.Value()
		}
		slices.Sort(keys)
		if len(keys) == 1 && keys[0] == "detail" {
			return textLines(lines, prefix, vals["detail"].Interface(), depth+1)
		}
		var err error
		for _, k := range keys {
			if lines, err = textLines(lines, joinKey(prefix, k), vals[k].Interface(), depth+1); err != nil {
				return lines, err
			}
		}
		return lines, nil
	case reflect.Slice, reflect.Array:
		var err error
		for i := 0; i < rv.Len(); i++ {
			if lines, err = textLines(lines, prefix, rv.Index(i).Interface(), depth+1); err != nil {
				return lines, err
			}
		}
		return lines, nil
	}
	b, err := JSON{}.Append(nil, v, nil)
	return append(lines, textLine{prefix, string(b)}), err
}

// scalarText returns the text of a value that is one line of text, and
// whether v is such a value.
func scalarText(v any) (string, bool, error) {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return "", true, nil // no method is called on a nil pointer
	}
	switch x := v.(type) {
	case nil:
		return "", true, nil
	case string:
		return x, true, nil
	case []byte:
		return string(x), true, nil
	case json.Number:
		return string(x), true, nil
	case bool:
		return strconv.FormatBool(x), true, nil
	case float64:
		return floatText(x, 64), true, nil
	case float32:
		return floatText(float64(x), 32), true, nil
	case time.Time, time.Duration, web.NaiveDateTime, web.Date, web.TimeOfDay:
		b, err := JSON{}.Append(nil, x, nil)
		return strings.Trim(string(b), `"`), true, err
	case error:
		return x.Error(), true, nil
	case encoding.TextMarshaler:
		b, err := x.MarshalText()
		return string(b), true, err
	case fmt.Stringer:
		return x.String(), true, nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), true, nil
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), true, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), true, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10), true, nil
	case reflect.Float32, reflect.Float64:
		return floatText(rv.Float(), rv.Type().Bits()), true, nil
	}
	return "", false, nil
}

func floatText(f float64, bits int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return string(appendNonFinite(nil, f))
	}
	return string(pyrepr.AppendFloat(nil, f, bits))
}
