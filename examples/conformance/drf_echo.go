package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// echoDescription is EchoView's docstring.
const echoDescription = `Echoes the parsed request.

    Uses the *default* parsers (JSON, form, multipart) so the browsable
    API shows raw-data forms.
    `

// echoView is views.EchoView: a GenericAPIView whose serializer is
// EchoSerializer (name CharField(max_length=10), age
// IntegerField(min_value=0), active BooleanField(required=False)).
func (a *drfApp) echoView() *rest.View {
	v := &rest.View{
		Name:        "Echo",
		Description: echoDescription,
		Settings:    a.settings,
		Parsers:     []parse.Parser{parse.JSON{UseNumber: true}, parse.Form{}, parse.MultiPart{}},
		Get:         echo,
		Put:         echo,
		Patch:       echo,
		Post: func(r *rest.Request) (*rest.Response, error) {
			q, err := r.QueryParams()
			if err != nil {
				return nil, err
			}
			if val, _ := q.Get("validate"); val == "" {
				return echo(r)
			}
			data, err := r.Data()
			if err != nil {
				return nil, err
			}
			out, err := validateEcho(data)
			if err != nil {
				return nil, err
			}
			return rest.NewResponse(out, http.StatusCreated), nil
		},
		Delete: func(*rest.Request) (*rest.Response, error) { return rest.NewResponse(nil, http.StatusNoContent), nil },
	}
	renderers := a.settings.Renderers
	meta := rest.SimpleMetadata(v.Name, v.Description, renderers, v.Parsers)
	meta = append(meta, web.JSONMember{Key: "actions", Value: web.JSONObject{
		{Key: "POST", Value: echoFieldsMetadata()},
		{Key: "PUT", Value: echoFieldsMetadata()},
	}})
	v.Options = func(*rest.Request) (*rest.Response, error) { return ok(meta), nil }
	return v
}

// echoFieldsMetadata is SimpleMetadata.get_serializer_info of
// EchoSerializer.
func echoFieldsMetadata() web.JSONObject {
	field := func(typ string, required bool, label string, extra ...web.JSONMember) web.JSONObject {
		o := web.JSONObject{
			{Key: "type", Value: typ}, {Key: "required", Value: required},
			{Key: "read_only", Value: false}, {Key: "label", Value: label},
		}
		return append(o, extra...)
	}
	return web.JSONObject{
		{Key: "name", Value: field("string", true, "Name", web.JSONMember{Key: "max_length", Value: 10})},
		{Key: "age", Value: field("integer", true, "Age", web.JSONMember{Key: "min_value", Value: 0})},
		{Key: "active", Value: field("boolean", false, "Active")},
	}
}

// echo is EchoView._echo.
func echo(r *rest.Request) (*rest.Response, error) {
	data, err := r.Data()
	if err != nil {
		return nil, err
	}
	q, err := r.QueryParams()
	if err != nil {
		return nil, err
	}
	return ok(web.JSONObject{
		{Key: "method", Value: r.HTTP().Method},
		{Key: "content_type", Value: r.HTTP().Header.Get("Content-Type")},
		{Key: "data", Value: echoData(data)},
		{Key: "query", Value: queryLists(q)},
	}), nil
}

// queryLists is [[k, v] for k, v in q.lists()].
func queryLists(q web.QueryDict) []any {
	out := []any{}
	for k, vs := range q.Lists() {
		out = append(out, []any{k, vs})
	}
	return out
}

// echoData is request.data as _echo shows it: QueryDicts (form and
// multipart data, files merged after the fields as DRF merges them) as
// {"__querydict_lists__": lists}. A file renders as DRF's JSON encoder
// renders an UploadedFile: the list of its lines.
func echoData(data any) any {
	switch d := data.(type) {
	case web.QueryDict:
		return web.JSONObject{{Key: "__querydict_lists__", Value: queryLists(d)}}
	case parse.Data:
		lists := queryLists(d.Fields)
		for k, files := range d.Files.Lists() {
			vals := make([]any, len(files))
			for i, f := range files {
				vals[i] = fileLines(f)
			}
			lists = append(lists, []any{k, vals})
		}
		return web.JSONObject{{Key: "__querydict_lists__", Value: lists}}
	}
	return data
}

// fileLines returns the lines of an uploaded file, as iterating over a
// Django File does (line ends kept).
func fileLines(f *web.UploadedFile) []any {
	b, err := io.ReadAll(f)
	if err != nil {
		return []any{}
	}
	lines := []any{}
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		lines = append(lines, string(b[:i]))
		b = b[i:]
	}
	return lines
}

// DRF 3.14's error messages of EchoSerializer's fields.
const (
	msgRequired    = "This field is required."
	msgNull        = "This field may not be null."
	msgNoData      = "No data provided"
	msgBlank       = "This field may not be blank."
	msgMaxLength   = "Ensure this field has no more than 10 characters."
	msgNullChars   = "Null characters are not allowed."
	msgNotString   = "Not a valid string."
	msgInteger     = "A valid integer is required."
	msgMinValue    = "Ensure this value is greater than or equal to 0."
	msgIntTooLarge = "String value too large."
	msgBoolean     = "Must be a valid boolean."
	maxIntString   = 1000 // IntegerField.MAX_STRING_LENGTH
)

// validateEcho is EchoSerializer(data=data).is_valid(raise_exception=True)
// followed by serializer.data: the validated fields, or a ValidationError
// with DRF's messages per field.
func validateEcho(data any) (web.JSONObject, error) {
	if data == nil {
		return nil, rest.ValidationError(web.JSONObject{{Key: "non_field_errors", Value: []any{msgNoData}}})
	}
	get, html, ok := echoInput(data)
	if !ok {
		return nil, rest.ValidationError(web.JSONObject{{Key: "non_field_errors", Value: []any{
			"Invalid data. Expected a dictionary, but got " + pyTypeName(data) + ".",
		}}})
	}
	var out, errs web.JSONObject
	field := func(name string, required bool, emptyHTML any, validate func(any) (any, []any)) {
		v, present := get(name)
		if html {
			switch {
			case !present && emptyHTML != nil:
				// default_empty_html: an HTML form without the field.
				v, present = emptyHTML, true
			case present && v == "" && !required:
				present = false // an empty optional field is skipped
			}
		}
		if !present {
			if required {
				errs = append(errs, web.JSONMember{Key: name, Value: []any{msgRequired}})
			}
			return
		}
		if v == nil {
			errs = append(errs, web.JSONMember{Key: name, Value: []any{msgNull}})
			return
		}
		if val, msgs := validate(v); msgs != nil {
			errs = append(errs, web.JSONMember{Key: name, Value: msgs})
		} else {
			out = append(out, web.JSONMember{Key: name, Value: val})
		}
	}
	field("name", true, nil, charField)
	field("age", true, nil, integerField)
	field("active", false, false, booleanField)
	if errs != nil {
		return nil, rest.ValidationError(errs)
	}
	return out, nil
}

// echoInput returns a lookup of the serializer's input, whether it is an
// HTML form (a QueryDict) and whether it is a mapping at all.
func echoInput(data any) (get func(string) (any, bool), html, ok bool) {
	switch d := data.(type) {
	case map[string]any:
		return func(k string) (any, bool) { v, ok := d[k]; return v, ok }, false, true
	case web.QueryDict:
		return func(k string) (any, bool) { v, ok := d.Get(k); return v, ok }, true, true
	case parse.Data:
		return func(k string) (any, bool) { v, ok := d.Fields.Get(k); return v, ok }, true, true
	}
	return nil, false, false
}

// pyTypeName is Python's type(data).__name__ for parsed JSON data.
func pyTypeName(data any) string {
	switch d := data.(type) {
	case []any:
		return "list"
	case string:
		return "str"
	case bool:
		return "bool"
	case json.Number:
		if isFloatLiteral(d) {
			return "float"
		}
		return "int"
	case float64:
		return "float"
	}
	return "object"
}

// isFloatLiteral reports whether a JSON number is read by Python as a
// float (it has a fraction or an exponent).
func isFloatLiteral(n json.Number) bool { return strings.ContainsAny(string(n), ".eE") }

// pyStr is Python's str() of a parsed JSON scalar; ok is false for other
// values (lists, objects, booleans are handled by the callers).
func pyStr(v any) (s string, ok bool) {
	switch d := v.(type) {
	case string:
		return d, true
	case json.Number:
		if !isFloatLiteral(d) {
			return string(d), true
		}
		f, err := strconv.ParseFloat(string(d), 64)
		if err != nil {
			return "", false
		}
		return pyFloatRepr(f), true
	case float64:
		return pyFloatRepr(d), true
	}
	return "", false
}

// pyFloatRepr is Python's repr of a finite float: the shortest round-trip
// digits, positional for exponents -4..15 (with ".0" when integral), else
// scientific ("1e+16", "1.5e-07").
func pyFloatRepr(f float64) string {
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// charField is CharField(max_length=10).run_validation for a non-null
// value: blank check, type check, trimming, then every validator.
func charField(v any) (any, []any) {
	if _, isBool := v.(bool); isBool {
		return nil, []any{msgNotString}
	}
	s, ok := pyStr(v)
	if !ok {
		return nil, []any{msgNotString}
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, []any{msgBlank}
	}
	var msgs []any
	if utf8.RuneCountInString(s) > 10 {
		msgs = append(msgs, msgMaxLength)
	}
	if strings.IndexByte(s, 0) >= 0 {
		msgs = append(msgs, msgNullChars)
	}
	if msgs != nil {
		return nil, msgs
	}
	return s, nil
}

// integerField is IntegerField(min_value=0).run_validation for a non-null
// value: int(re_decimal.sub(”, str(data))), then the minimum.
func integerField(v any) (any, []any) {
	if s, isStr := v.(string); isStr && utf8.RuneCountInString(s) > maxIntString {
		return nil, []any{msgIntTooLarge}
	}
	s, ok := pyStr(v)
	if !ok {
		return nil, []any{msgInteger} // str(True), str([...]) are not integers
	}
	n, ok := pyInt(stripDecimal(s))
	if !ok {
		return nil, []any{msgInteger}
	}
	if n.Sign() < 0 {
		return nil, []any{msgMinValue}
	}
	if n.IsInt64() {
		return n.Int64(), nil
	}
	return n, nil
}

// stripDecimal is IntegerField.re_decimal.sub(”, s): a final "." followed
// by zeros and whitespace is removed ("7.0" is 7, "7.5" is not an integer).
func stripDecimal(s string) string {
	t := strings.TrimRight(s, " \t\n\r\f\v")
	i := strings.LastIndexByte(t, '.')
	if i < 0 || strings.Trim(t[i+1:], "0") != "" {
		return s
	}
	return t[:i]
}

// pyInt is Python's int(s) for ASCII text: surrounding whitespace, an
// optional sign, and decimal digits with single underscores between them.
func pyInt(s string) (*big.Int, bool) {
	s = strings.TrimSpace(s)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || digits[0] == '_' || digits[len(digits)-1] == '_' || strings.Contains(digits, "__") {
		return nil, false
	}
	n, ok := new(big.Int).SetString(s[:len(s)-len(digits)]+strings.ReplaceAll(digits, "_", ""), 10)
	return n, ok
}

// booleanField is BooleanField.to_internal_value for a non-null value.
func booleanField(v any) (any, []any) {
	switch d := v.(type) {
	case bool:
		return d, nil
	case string:
		switch d {
		case "t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1":
			return true, nil
		case "f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0":
			return false, nil
		}
	case json.Number:
		// 1, 1.0 and True hash alike in Python, as 0, 0.0 and False do.
		if f, err := strconv.ParseFloat(string(d), 64); err == nil {
			switch f {
			case 1:
				return true, nil
			case 0:
				return false, nil
			}
		}
	}
	return nil, []any{msgBoolean}
}
