package rest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/web"
)

// ErrorDetail is DRF's ErrorDetail: a message that carries a code. It
// renders as the bare message ({"detail": "Not found."}); Codes and
// FullDetails of an *Error expose the codes.
type ErrorDetail struct {
	Message string
	Code    string
}

// String returns the message: DRF's str(ErrorDetail).
func (d ErrorDetail) String() string { return d.Message }

// GoString returns DRF's repr: ErrorDetail(string='bad', code='invalid')
// (code=None when Code is empty).
func (d ErrorDetail) GoString() string {
	code := "None"
	if d.Code != "" {
		code = pyrepr.Str(d.Code)
	}
	return "ErrorDetail(string=" + pyrepr.Str(d.Message) + ", code=" + code + ")"
}

// MarshalJSON writes the message as a JSON string.
func (d ErrorDetail) MarshalJSON() ([]byte, error) { return json.Marshal(d.Message) }

// MarshalText returns the message, for encoders of other formats.
func (d ErrorDetail) MarshalText() ([]byte, error) { return []byte(d.Message), nil }

// normalizeDetail is DRF's _get_error_details: lists become []any, objects
// map[string]any (web.JSONObject stays a web.JSONObject, in order), and
// every other value an ErrorDetail with code (an ErrorDetail with a code
// keeps it).
func normalizeDetail(v any, code string) any {
	switch v := v.(type) {
	case ErrorDetail:
		if v.Code == "" {
			v.Code = code
		}
		return v
	case *ErrorDetail:
		if v == nil {
			return ErrorDetail{Message: "None", Code: code}
		}
		return normalizeDetail(*v, code)
	case string:
		return ErrorDetail{Message: v, Code: code}
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalizeDetail(x, code)
		}
		return out
	case []string:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = ErrorDetail{Message: x, Code: code}
		}
		return out
	case []ErrorDetail:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalizeDetail(x, code)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = normalizeDetail(x, code)
		}
		return out
	case map[string]string:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = ErrorDetail{Message: x, Code: code}
		}
		return out
	case map[string][]string:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = normalizeDetail(x, code)
		}
		return out
	case web.JSONObject:
		out := make(web.JSONObject, len(v))
		for i, m := range v {
			out[i] = web.JSONMember{Key: m.Key, Value: normalizeDetail(m.Value, code)}
		}
		return out
	case nil:
		return ErrorDetail{Message: "None", Code: code}
	case error:
		return ErrorDetail{Message: v.Error(), Code: code}
	case fmt.Stringer:
		return ErrorDetail{Message: v.String(), Code: code}
	case bool:
		if v {
			return ErrorDetail{Message: "True", Code: code}
		}
		return ErrorDetail{Message: "False", Code: code}
	case int:
		return ErrorDetail{Message: strconv.Itoa(v), Code: code}
	default:
		return ErrorDetail{Message: fmt.Sprint(v), Code: code}
	}
}

// detailCodes is DRF's get_codes on a normalised detail.
func detailCodes(v any) any {
	return mapDetail(v, func(d ErrorDetail) any { return d.Code })
}

// detailFull is DRF's get_full_details on a normalised detail.
func detailFull(v any) any {
	return mapDetail(v, func(d ErrorDetail) any {
		return web.JSONObject{{Key: "message", Value: d.Message}, {Key: "code", Value: d.Code}}
	})
}

// mapDetail returns v with each ErrorDetail replaced by leaf(detail),
// keeping the shape of lists and objects; v is normalised first.
func mapDetail(v any, leaf func(ErrorDetail) any) any {
	switch v := v.(type) {
	case ErrorDetail:
		return leaf(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = mapDetail(x, leaf)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = mapDetail(x, leaf)
		}
		return out
	case web.JSONObject:
		out := make(web.JSONObject, len(v))
		for i, m := range v {
			out[i] = web.JSONMember{Key: m.Key, Value: mapDetail(m.Value, leaf)}
		}
		return out
	default:
		return mapDetail(normalizeDetail(v, CodeError), leaf)
	}
}

// detailMessage flattens a detail to one readable string: the message of a
// single ErrorDetail, the messages of a list or object joined with " "
// (objects as "field: message").
func detailMessage(v any) string {
	switch v := v.(type) {
	case ErrorDetail:
		return v.Message
	case []any:
		parts := make([]string, 0, len(v))
		for _, x := range v {
			parts = append(parts, detailMessage(x))
		}
		return strings.Join(parts, " ")
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, 0, len(v))
		for _, k := range keys {
			parts = append(parts, k+": "+detailMessage(v[k]))
		}
		return strings.Join(parts, " ")
	case web.JSONObject:
		parts := make([]string, 0, len(v))
		for _, m := range v {
			parts = append(parts, m.Key+": "+detailMessage(m.Value))
		}
		return strings.Join(parts, " ")
	default:
		return detailMessage(normalizeDetail(v, CodeError))
	}
}

// detailString is DRF's str(detail): the message of a leaf, Python's repr
// of a list or dict.
func detailString(v any) string {
	if d, ok := v.(ErrorDetail); ok {
		return d.Message
	}
	var b strings.Builder
	appendRepr(&b, v)
	return b.String()
}

// appendRepr writes Python's repr of a normalised detail.
func appendRepr(b *strings.Builder, v any) {
	switch v := v.(type) {
	case ErrorDetail:
		b.WriteString(v.GoString())
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			appendRepr(b, x)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(pyrepr.Str(k))
			b.WriteString(": ")
			appendRepr(b, v[k])
		}
		b.WriteByte('}')
	case web.JSONObject:
		b.WriteByte('{')
		for i, m := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(pyrepr.Str(m.Key))
			b.WriteString(": ")
			appendRepr(b, m.Value)
		}
		b.WriteByte('}')
	default:
		appendRepr(b, normalizeDetail(v, CodeError))
	}
}
