package render

import "io"

// JSON is DRF's JSONRenderer: application/json, format "json", no charset.
// The zero value renders exactly the bytes DRF renders with its default
// settings: compact separators (`,` and `:`), non-ASCII written as UTF-8,
// U+2028 and U+2029 always escaped, "/" not escaped, NaN and infinities
// refused. The fields are DRF's JSON settings, named so that false is DRF's
// default.
//
// # Indentation
//
// Clients ask for indented output with a media type parameter
// ("Accept: application/json; indent=4"): an integer is clamped to 0..8 and
// 0 means compact; anything else falls back to the Context's Indent (the
// browsable API uses 4). See Context.Indentation. With an indent the
// separators are `,` and `: `, line ends carry no trailing space and empty
// containers stay `{}` and `[]`, as in Python's json.dumps.
//
// # Values
//
// Data is what a DRF view returns after serialization: maps, slices,
// strings, numbers, booleans and nil, nested freely. JSON renders it as
// DRF's encoder (spec §4.2.9) renders the Python equivalent:
//
//   - nil (top level): nothing at all — DRF's b"", so the response gets no
//     body and no Content-Type (spec §3.9). A typed nil (a nil pointer, map
//     or slice) is null, at the top level too, as are nils inside data.
//   - strings: Python's escapes (`\"`, `\\`, \b \f \n \r \t, \u00XX for
//     other control characters), U+2028/U+2029 as \u2028/\u2029, invalid
//     UTF-8 as U+FFFD; with EnsureASCII every non-ASCII character and DEL as
//     \uXXXX (surrogate pairs beyond the BMP). HTML characters <, >, & are
//     not escaped (unlike encoding/json).
//   - float32 and float64 as Python's repr of a float: shortest round-trip
//     digits, "3.0" for integral values, exponent form below 1e-4 and from
//     1e16 ("1e-07", "1e+16"). Integers in decimal, exact at any size
//     (*big.Int too, Python's unbounded int).
//   - decimals: DRF renders Python's Decimal as a JSON number through float
//     (Decimal("1.10") → 1.1); *big.Float does the same. json.Number is
//     written verbatim (validated): the exact way to send decimal digits.
//     Decimal types from other libraries are rendered through their
//     json.Marshaler or encoding.TextMarshaler, as their authors chose.
//   - time.Time as Python's datetime.isoformat(): "2024-01-02T03:04:05",
//     microseconds (truncated) when not zero, "Z" for a zero offset, else
//     "+05:30". web.NaiveDateTime (no offset), web.Date ("2024-01-02") and
//     web.TimeOfDay ("03:04:05.000600") are Python's naive datetime, date
//     and time. Years outside 1..9999 are ErrUnsupportedValue.
//   - time.Duration as DRF's timedelta: a string holding the total seconds
//     as a Python float ("86402.000003", "3600.0"), microsecond precision.
//   - []byte as a string (DRF decodes bytes as UTF-8; encoding/json would
//     use base64). UUIDs: every common Go UUID type implements
//     encoding.TextMarshaler and is written as its canonical string; a bare
//     [16]byte is an array of numbers, as for encoding/json.
//   - json.Marshaler output, checked and re-laid out with these settings
//     (member order kept, escapes in its strings kept as written);
//     encoding.TextMarshaler output as a string.
//   - web.JSONObject as an object in member order: the Go form of a Python
//     dict, whose insertion order DRF keeps. Go maps are written sorted by
//     key, as encoding/json writes them; keys may be strings, integers,
//     floats (repr), booleans ("true"), TextMarshalers or, in a map[any]V,
//     nil ("null") — Python's rules for dict keys.
//   - structs with encoding/json's field rules: exported fields, `json`
//     tags (name, "-", omitempty, omitzero, string) and embedded structs.
//   - channels, functions and complex numbers are ErrUnsupportedType;
//     nesting deeper than MaxDepth (a cycle) is ErrTooDeep; NaN and
//     infinities are ErrOutOfRangeFloat unless AllowNaN.
//
// For plain data (strings, integers, booleans, maps, slices, structs without
// the types above) the output is byte for byte what encoding/json writes
// with SetEscapeHTML(false), without the trailing newline.
//
// # Performance
//
// Types are compiled once into encoders (cached for the life of the
// process, as encoding/json does); rendering goes through a pooled buffer
// and reaches w in one Write. Append renders into the caller's buffer
// instead, with no copy at all.
type JSON struct {
	// MediaType is the media type offered; "" means "application/json".
	// Set it for a vendor type ("application/vnd.example+json").
	MediaType string
	// Format is the format name; "" means "json".
	Format string

	// EnsureASCII is DRF's UNICODE_JSON = False (the renderer's
	// ensure_ascii): every non-ASCII character is written as a \uXXXX
	// escape. Default false: UTF-8.
	EnsureASCII bool
	// LongSeparators is DRF's COMPACT_JSON = False: without indentation,
	// items are separated by ", " and keys by ": ". Default false: "," and
	// ":".
	LongSeparators bool
	// AllowNaN is DRF's STRICT_JSON = False: NaN and infinities are written
	// as NaN, Infinity and -Infinity (which JSON does not allow) instead of
	// failing with ErrOutOfRangeFloat.
	AllowNaN bool
}

var _ Renderer = JSON{}

// Info returns the media type (default "application/json"), the format
// (default "json"), no charset, text style.
func (j JSON) Info() Info {
	i := Info{MediaType: j.MediaType, Format: j.Format}
	if i.MediaType == "" {
		i.MediaType = "application/json"
	}
	if i.Format == "" {
		i.Format = "json"
	}
	return i
}

// Render writes data as JSON to w in a single Write, indented as
// ctx.Indentation says. Nil data writes nothing. On error nothing is
// written.
func (j JSON) Render(w io.Writer, data any, ctx *Context) error {
	if data == nil {
		return nil
	}
	e := newEncodeState(j, ctx)
	e.value(data)
	err := e.err
	if err == nil {
		_, err = w.Write(e.buf)
	}
	e.release(ctx)
	return err
}

// Append appends data rendered as JSON to dst and returns the extended
// buffer: Render without the intermediate buffer. Nil data appends nothing.
// On error dst is returned unchanged (its spare capacity may have been
// written to).
func (j JSON) Append(dst []byte, data any, ctx *Context) ([]byte, error) {
	if data == nil {
		return dst, nil
	}
	e := newEncodeState(j, ctx)
	pooled := e.buf
	e.buf = dst
	e.value(data)
	out, err := e.buf, e.err
	e.buf = pooled[:0]
	e.release(ctx)
	if err != nil {
		return dst, err
	}
	return out, nil
}
