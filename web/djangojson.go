package web

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/jsonfield"
	"github.com/restframe/restframe/internal/pyrepr"
)

// MaxJSONDepth is the deepest nesting DumpJSON encodes; deeper values (in
// practice, circular references) are ErrJSONValue.
const MaxJSONDepth = 1000

// JSONOptions are the arguments of Django's JsonResponse besides the data:
// safe, encoder, and the json_dumps_params of Python's json.dumps. The zero
// value gives Django's defaults: only objects, DjangoJSONEncoder, the
// separators ", " and ": ", no indentation, non-ASCII escaped, NaN allowed.
type JSONOptions struct {
	// AllowNonObject is Django's safe=False: data that does not encode to a
	// JSON object (a list, a string, null ...) is allowed. Default false:
	// such data is ErrNonObjectJSON. DumpJSON ignores it.
	AllowNonObject bool

	// Encoder is Django's encoder argument (a JSONEncoder subclass). Its
	// Default method sees every value before the built-in rules and may
	// replace it. Nil means the built-in rules only (DjangoJSONEncoder).
	Encoder JSONEncoder

	// Indent is json.dumps' indent as a number: 0 (the default) writes
	// everything on one line; n > 0 puts each item on its own line,
	// indented by n spaces per level; n < 0 puts each item on its own line
	// without indentation (Python's indent=0).
	Indent int
	// IndentString is json.dumps' indent as a string ("\t"); when not empty
	// it wins over Indent.
	IndentString string
	// ItemSeparator is the first of json.dumps' separators. "" means ", ",
	// or "," when indenting.
	ItemSeparator string
	// KeySeparator is the second of json.dumps' separators. "" means ": ".
	KeySeparator string
	// SortKeys is json.dumps' sort_keys: object members are written in key
	// order. Go maps are always written in key order.
	SortKeys bool
	// RawUnicode is json.dumps' ensure_ascii=False: non-ASCII characters are
	// written as UTF-8 instead of \uXXXX escapes (U+2028 and U+2029
	// included, as Python does). Default false.
	RawUnicode bool
	// DisallowNaN is json.dumps' allow_nan=False: NaN and infinities are
	// ErrJSONValue instead of NaN, Infinity and -Infinity.
	DisallowNaN bool
}

// JSONEncoder is the encoder argument of Django's JsonResponse: the default
// method of a json.JSONEncoder subclass. Default is called with every value
// before the built-in rules; it returns the value to encode instead and
// ok=true, or ok=false to leave v to the built-in rules. The replacement is
// encoded with the same rules (and passed to Default again).
type JSONEncoder interface {
	Default(v any) (replacement any, ok bool, err error)
}

// JSONEncoderFunc adapts a function to JSONEncoder.
type JSONEncoderFunc func(v any) (replacement any, ok bool, err error)

// Default calls f(v).
func (f JSONEncoderFunc) Default(v any) (any, bool, error) { return f(v) }

// JSONObject is a JSON object whose members keep their order: the Go form
// of a Python dict, whose keys json.dumps writes in insertion order (Go
// maps are written sorted by key).
type JSONObject []JSONMember

// JSONMember is one member of a JSONObject.
type JSONMember struct {
	Key   string
	Value any
}

// NaiveDateTime is a date and time without a time zone: Python's naive
// datetime. DjangoJSONEncoder writes it as "2006-01-02T15:04:05.000", the
// fraction truncated to milliseconds and present only when the microseconds
// are not zero; the location of the time.Time is ignored. A time.Time is
// always written with its offset ("Z" for UTC).
type NaiveDateTime time.Time

// Date is a calendar date: Python's datetime.date. DjangoJSONEncoder writes
// it as "2006-01-02"; the clock and location of the time.Time are ignored.
type Date time.Time

// TimeOfDay is a time of day without a time zone: Python's naive
// datetime.time. DjangoJSONEncoder writes it as "15:04:05.000", truncated to
// milliseconds as for NaiveDateTime; the date and location are ignored.
type TimeOfDay time.Time

// DumpJSON encodes v as Python's json.dumps(v, cls=DjangoJSONEncoder,
// **params) does, byte for byte, with the options o (AllowNonObject is
// ignored). The rules, in order:
//
//   - o.Encoder's Default, when set, may replace any value;
//   - nil, nil pointers, maps and slices are null;
//   - time.Time as "2020-01-02T03:04:05.678+05:30" (milliseconds,
//     truncated, only when the microseconds are not zero; "Z" for a zero
//     offset), NaiveDateTime, Date and TimeOfDay as documented there,
//     time.Duration as an ISO 8601 duration "P1DT02H00M03.000004S"
//     (microseconds, truncated): DjangoJSONEncoder's rules;
//   - json.Number as the number it holds; JSONObject as an object in
//     order;
//   - json.Marshaler output, re-formatted (order kept, strings escaped as
//     below);
//   - encoding.TextMarshaler as a string: decimal and UUID types (Django
//     writes Decimal and UUID as str());
//   - bool; integers in decimal; floats as Python's repr ("1.5", "1e+16",
//     "1e-05", "1.0"), NaN as NaN and infinities as Infinity/-Infinity;
//   - strings with Python's escapes: "\uXXXX" in lower-case hex for control
//     characters and (unless RawUnicode) for every non-ASCII character, as
//     surrogate pairs beyond U+FFFF; invalid UTF-8 becomes U+FFFD;
//   - []byte as a base64 string (as encoding/json does; Python has no
//     JSON form for bytes), other slices and arrays as lists;
//   - maps with string, integer, float, bool or TextMarshaler keys as
//     objects, sorted by key (numerically for numbers);
//   - structs as objects, with encoding/json's field rules: exported
//     fields, json tags (name, "-", omitempty, omitzero, string) and
//     embedded structs;
//   - anything else (channels, functions, complex numbers) is
//     ErrJSONUnsupported.
func DumpJSON(v any, o JSONOptions) ([]byte, error) {
	e := getJSONState(&o)
	defer putJSONState(e)
	if err := e.value(reflect.ValueOf(v), 0); err != nil {
		return nil, err
	}
	// The scratch memory goes back to the pool: the caller gets a copy of
	// the exact size, the one allocation of a small document.
	return bytes.Clone(e.buf), nil
}

// jsonState is one DumpJSON call.
type jsonState struct {
	buf     []byte
	o       JSONOptions
	indent  string
	pretty  bool
	itemSep string
	keySep  string
	level   int
}

// jsonStates keeps the memory of finished DumpJSON calls for later ones.
var jsonStates = sync.Pool{New: func() any { return new(jsonState) }}

// maxPooledJSON is the largest scratch buffer kept in jsonStates: the
// memory of an unusually big document is left to the garbage collector.
const maxPooledJSON = 64 << 10

// getJSONState returns a jsonState for the options o, from the pool.
func getJSONState(o *JSONOptions) *jsonState {
	e := jsonStates.Get().(*jsonState)
	e.init(o)
	return e
}

// putJSONState clears e and keeps it for a later call.
func putJSONState(e *jsonState) {
	buf := e.buf[:0]
	if cap(buf) > maxPooledJSON {
		buf = nil
	}
	*e = jsonState{buf: buf}
	jsonStates.Put(e)
}

// init sets e up for the options o, keeping its buffer.
func (e *jsonState) init(o *JSONOptions) {
	e.o, e.itemSep, e.keySep = *o, o.ItemSeparator, o.KeySeparator
	switch {
	case o.IndentString != "":
		e.pretty, e.indent = true, o.IndentString
	case o.Indent > 0:
		e.pretty, e.indent = true, strings.Repeat(" ", o.Indent)
	case o.Indent < 0:
		e.pretty = true
	}
	if e.itemSep == "" {
		e.itemSep = ", "
		if e.pretty {
			e.itemSep = ","
		}
	}
	if e.keySep == "" {
		e.keySep = ": "
	}
}

var (
	jsonMarshalerType     = reflect.TypeFor[json.Marshaler]()
	jsonTextMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	jsonTimeType          = reflect.TypeFor[time.Time]()
	jsonNaiveType         = reflect.TypeFor[NaiveDateTime]()
	jsonDateType          = reflect.TypeFor[Date]()
	jsonTimeOfDayType     = reflect.TypeFor[TimeOfDay]()
	jsonDurationType      = reflect.TypeFor[time.Duration]()
	jsonNumberType        = reflect.TypeFor[json.Number]()
	jsonObjectType        = reflect.TypeFor[JSONObject]()
)

// errJSONDepth reports a value nested too deep.
var errJSONDepth = fmt.Errorf("%w: circular reference detected (nesting deeper than %d)", ErrJSONValue, MaxJSONDepth)

func (e *jsonState) value(v reflect.Value, depth int) error {
	if depth > MaxJSONDepth {
		return errJSONDepth
	}
	for v.IsValid() && v.Kind() == reflect.Interface {
		if v.IsNil() {
			v = reflect.Value{}
			break
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	if e.o.Encoder != nil && v.CanInterface() {
		rep, ok, err := e.o.Encoder.Default(v.Interface())
		if err != nil {
			return err
		}
		if ok {
			return e.value(reflect.ValueOf(rep), depth+1)
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
	}
	t := v.Type()
	if v.Kind() == reflect.Pointer {
		// Dereference first, so that *time.Time gets the rules of
		// time.Time, unless only the pointer has a marshaling method.
		et := t.Elem()
		ptrOnly := t.Implements(jsonMarshalerType) && !et.Implements(jsonMarshalerType) ||
			t.Implements(jsonTextMarshalerType) && !et.Implements(jsonTextMarshalerType)
		if !ptrOnly {
			return e.value(v.Elem(), depth+1)
		}
	}
	if !v.CanInterface() {
		// A value reached through an unexported embedded struct: methods
		// cannot be called on it, so it is encoded by its kind.
		return e.kind(v, t, depth)
	}
	switch t {
	case jsonTimeType:
		return e.quoted(func(b []byte) ([]byte, error) {
			return appendDjangoDateTime(b, v.Interface().(time.Time), true)
		})
	case jsonNaiveType:
		return e.quoted(func(b []byte) ([]byte, error) {
			return appendDjangoDateTime(b, time.Time(v.Interface().(NaiveDateTime)), false)
		})
	case jsonDateType:
		return e.quoted(func(b []byte) ([]byte, error) {
			return appendISODate(b, time.Time(v.Interface().(Date)))
		})
	case jsonTimeOfDayType:
		return e.quoted(func(b []byte) ([]byte, error) {
			return appendDjangoTimeOfDay(b, time.Time(v.Interface().(TimeOfDay))), nil
		})
	case jsonDurationType:
		return e.quoted(func(b []byte) ([]byte, error) {
			return appendDurationISO(b, time.Duration(v.Int())), nil
		})
	case jsonNumberType:
		n := v.String()
		if n == "" {
			n = "0" // encoding/json writes an empty Number as 0
		}
		if !jsonfield.ValidNumber(n) {
			return fmt.Errorf("%w: invalid number literal %q", ErrJSONValue, n)
		}
		e.buf = append(e.buf, n...)
		return nil
	case jsonObjectType:
		return e.object(v.Interface().(JSONObject), depth)
	}
	if m, ok := marshalerOf(v, jsonMarshalerType); ok {
		b, err := m.Interface().(json.Marshaler).MarshalJSON()
		if err != nil {
			return err
		}
		return e.reformat(b)
	}
	if m, ok := marshalerOf(v, jsonTextMarshalerType); ok {
		b, err := m.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return err
		}
		e.str(string(b))
		return nil
	}
	return e.kind(v, t, depth)
}

// kind encodes v by its reflect.Kind.
func (e *jsonState) kind(v reflect.Value, t reflect.Type, depth int) error {
	var err error
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.buf = append(e.buf, "true"...)
		} else {
			e.buf = append(e.buf, "false"...)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		err = e.float(v.Float(), t.Bits())
	case reflect.String:
		e.str(v.String())
	case reflect.Pointer:
		return e.value(v.Elem(), depth+1)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !reflect.PointerTo(t.Elem()).Implements(jsonMarshalerType) &&
			!reflect.PointerTo(t.Elem()).Implements(jsonTextMarshalerType) {
			e.buf = append(e.buf, '"')
			e.buf = base64.StdEncoding.AppendEncode(e.buf, v.Bytes())
			e.buf = append(e.buf, '"')
			return nil
		}
		return e.list(v, depth)
	case reflect.Array:
		return e.list(v, depth)
	case reflect.Map:
		return e.mapValue(v, depth)
	case reflect.Struct:
		return e.structValue(v, depth)
	default:
		return fmt.Errorf("%w: Object of type %s is not JSON serializable", ErrJSONUnsupported, t)
	}
	return err
}

// marshalerOf returns the value whose method implements iface: v itself,
// or its address when only the pointer has the method (as encoding/json
// does for addressable values).
func marshalerOf(v reflect.Value, iface reflect.Type) (reflect.Value, bool) {
	if !v.CanInterface() {
		return v, false
	}
	t := v.Type()
	if t.Implements(iface) {
		if t.Kind() == reflect.Pointer && v.IsNil() {
			return v, false
		}
		return v, true
	}
	if t.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(t).Implements(iface) {
		return v.Addr(), true
	}
	return v, false
}

// quoted writes a string produced by f (ASCII, needing no escapes).
func (e *jsonState) quoted(f func([]byte) ([]byte, error)) error {
	e.buf = append(e.buf, '"')
	b, err := f(e.buf)
	if err != nil {
		return err
	}
	e.buf = append(b, '"')
	return nil
}

func (e *jsonState) float(f float64, bits int) error {
	switch {
	case math.IsNaN(f), math.IsInf(f, 0):
		if e.o.DisallowNaN {
			return fmt.Errorf("%w: Out of range float values are not JSON compliant", ErrJSONValue)
		}
		switch {
		case math.IsNaN(f):
			e.buf = append(e.buf, "NaN"...)
		case f > 0:
			e.buf = append(e.buf, "Infinity"...)
		default:
			e.buf = append(e.buf, "-Infinity"...)
		}
		return nil
	}
	e.buf = pyrepr.AppendFloat(e.buf, f, bits)
	return nil
}

// open starts a container; item writes the separator and line break before
// an item; close ends the container (Python's _iterencode_list/_dict).
func (e *jsonState) open(c byte) {
	e.buf = append(e.buf, c)
	e.level++
}

func (e *jsonState) item(first bool) {
	if !first {
		e.buf = append(e.buf, e.itemSep...)
	}
	if e.pretty {
		e.newline()
	}
}

func (e *jsonState) close(c byte, n int) {
	e.level--
	if e.pretty && n > 0 {
		e.newline()
	}
	e.buf = append(e.buf, c)
}

func (e *jsonState) newline() {
	e.buf = append(e.buf, '\n')
	for i := 0; i < e.level; i++ {
		e.buf = append(e.buf, e.indent...)
	}
}

func (e *jsonState) key(first bool, k string) {
	e.item(first)
	e.str(k)
	e.buf = append(e.buf, e.keySep...)
}

func (e *jsonState) list(v reflect.Value, depth int) error {
	n := v.Len()
	e.open('[')
	for i := 0; i < n; i++ {
		e.item(i == 0)
		if err := e.value(v.Index(i), depth+1); err != nil {
			return err
		}
	}
	e.close(']', n)
	return nil
}

func (e *jsonState) object(obj JSONObject, depth int) error {
	if e.o.SortKeys {
		obj = slices.Clone(obj)
		slices.SortStableFunc(obj, func(a, b JSONMember) int { return strings.Compare(a.Key, b.Key) })
	}
	e.open('{')
	for i, m := range obj {
		e.key(i == 0, m.Key)
		if err := e.value(reflect.ValueOf(m.Value), depth+1); err != nil {
			return err
		}
	}
	e.close('}', len(obj))
	return nil
}

// mapEntry is a map key with its JSON name.
type mapEntry struct {
	name string
	k    reflect.Value
}

func (e *jsonState) mapValue(v reflect.Value, depth int) error {
	entries := make([]mapEntry, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		name, err := e.keyName(it.Key())
		if err != nil {
			return err
		}
		entries = append(entries, mapEntry{name, it.Key()})
	}
	switch v.Type().Key().Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(entries, func(a, b mapEntry) int { return cmpOrdered(a.k.Int(), b.k.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		slices.SortFunc(entries, func(a, b mapEntry) int { return cmpOrdered(a.k.Uint(), b.k.Uint()) })
	case reflect.Float32, reflect.Float64:
		slices.SortFunc(entries, func(a, b mapEntry) int { return cmpOrdered(a.k.Float(), b.k.Float()) })
	default:
		slices.SortFunc(entries, func(a, b mapEntry) int { return strings.Compare(a.name, b.name) })
	}
	e.open('{')
	for i, en := range entries {
		e.key(i == 0, en.name)
		if err := e.value(v.MapIndex(en.k), depth+1); err != nil {
			return err
		}
	}
	e.close('}', len(entries))
	return nil
}

func cmpOrdered[T int64 | uint64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// keyName converts a map key as Python converts dict keys (str as is,
// numbers by repr, True/False/None as true/false/null), with
// TextMarshaler keys as their text.
func (e *jsonState) keyName(k reflect.Value) (string, error) {
	for k.Kind() == reflect.Interface {
		if k.IsNil() {
			return "null", nil
		}
		k = k.Elem()
	}
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if m, ok := marshalerOf(k, jsonTextMarshalerType); ok {
		b, err := m.Interface().(encoding.TextMarshaler).MarshalText()
		return string(b), err
	}
	switch k.Kind() {
	case reflect.Bool:
		if k.Bool() {
			return "true", nil
		}
		return "false", nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		f := k.Float()
		switch {
		case math.IsNaN(f):
			return "NaN", nil
		case math.IsInf(f, 1):
			return "Infinity", nil
		case math.IsInf(f, -1):
			return "-Infinity", nil
		}
		return string(pyrepr.AppendFloat(nil, f, k.Type().Bits())), nil
	}
	return "", fmt.Errorf("%w: keys must be str, int, float, bool or None, not %s", ErrJSONUnsupported, k.Type())
}

func (e *jsonState) structValue(v reflect.Value, depth int) error {
	fields := e.typeFields(v.Type())
	if e.o.SortKeys {
		fields = slices.Clone(fields)
		slices.SortStableFunc(fields, func(a, b jsonfield.Field) int { return strings.Compare(a.Name, b.Name) })
	}
	e.open('{')
	n := 0
fields:
	for _, f := range fields {
		fv := v
		for _, i := range f.Index {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue fields
				}
				fv = fv.Elem()
			}
			fv = fv.Field(i)
		}
		if f.OmitEmpty && isEmptyJSONValue(fv) || f.OmitZero && isZeroJSONValue(fv) {
			continue
		}
		e.key(n == 0, f.Name)
		n++
		if f.Quoted {
			if err := e.quotedField(fv, depth); err != nil {
				return err
			}
			continue
		}
		if err := e.value(fv, depth+1); err != nil {
			return err
		}
	}
	e.close('}', n)
	return nil
}

// quotedField writes a field with the ",string" option: its JSON encoding
// inside a JSON string (encoding/json's rule for bools, numbers and
// strings).
func (e *jsonState) quotedField(fv reflect.Value, depth int) error {
	for fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		fv = fv.Elem()
	}
	sub := &jsonState{o: e.o, itemSep: e.itemSep, keySep: e.keySep}
	if err := sub.value(fv, depth+1); err != nil {
		return err
	}
	e.str(string(sub.buf))
	return nil
}

func isEmptyJSONValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// isZeroJSONValue is omitzero's test: an IsZero() bool method when the type
// has one, else the zero value.
func isZeroJSONValue(v reflect.Value) bool {
	type isZeroer interface{ IsZero() bool }
	if v.CanInterface() {
		if z, ok := v.Interface().(isZeroer); ok {
			if v.Kind() == reflect.Pointer && v.IsNil() {
				return true
			}
			return z.IsZero()
		}
		if v.CanAddr() {
			if z, ok := v.Addr().Interface().(isZeroer); ok {
				return z.IsZero()
			}
		}
	}
	return v.IsZero()
}

// typeFields returns the fields encoding/json would encode for t, in field
// order: exported fields and the fields promoted from embedded structs, a
// name used at several depths going to the shallowest (the tagged one
// among equals, none when still ambiguous).
func (e *jsonState) typeFields(t reflect.Type) []jsonfield.Field {
	if f, ok := jsonFields.Load(t); ok {
		return f.([]jsonfield.Field)
	}
	f, _ := jsonFields.LoadOrStore(t, jsonfield.Fields(t))
	return f.([]jsonfield.Field)
}

// jsonFields memoises typeFields: map[reflect.Type][]jsonfield.Field. The
// lists are shared and never modified (structValue sorts a copy).
var jsonFields sync.Map

// str writes s as a JSON string with Python's escapes (py_encode_basestring
// and, unless RawUnicode, py_encode_basestring_ascii).
func (e *jsonState) str(s string) {
	e.buf = appendPyJSONString(e.buf, s, !e.o.RawUnicode)
}

const lowerHex = "0123456789abcdef"

// appendPyJSONString appends s quoted as Python's json module does: `"`,
// `\`, \b \f \n \r \t as short escapes, other control characters as
// \u00XX, and with ascii also DEL and every non-ASCII character as \uXXXX
// (lower-case hex, UTF-16 surrogate pairs beyond the BMP). Invalid UTF-8 is
// written as U+FFFD.
func appendPyJSONString(dst []byte, s string, ascii bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (c != 0x7f || !ascii) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"':
				dst = append(dst, '\\', '"')
			case '\\':
				dst = append(dst, '\\', '\\')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = appendU4(dst, rune(c))
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			if ascii {
				dst = appendU4(dst, utf8.RuneError)
			} else {
				dst = append(dst, "\uFFFD"...)
			}
			i++
			start = i
			continue
		}
		if !ascii {
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		if r > 0xFFFF {
			r -= 0x10000
			dst = appendU4(dst, 0xD800+(r>>10)&0x3FF)
			dst = appendU4(dst, 0xDC00+r&0x3FF)
		} else {
			dst = appendU4(dst, r)
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func appendU4(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', lowerHex[r>>12&15], lowerHex[r>>8&15], lowerHex[r>>4&15], lowerHex[r&15])
}

// reformat writes the output of a json.Marshaler with this encoder's
// layout: member order kept, strings re-escaped, numbers as written.
func (e *jsonState) reformat(data []byte) error {
	if !json.Valid(data) {
		return fmt.Errorf("%w: json.Marshaler returned invalid JSON", ErrJSONValue)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		obj    bool
		n      int
		valueN bool // in an object, the next token is a value
	}
	var stack []frame
	before := func() { // called before every value or key
		if len(stack) == 0 {
			return
		}
		top := &stack[len(stack)-1]
		if top.obj && top.valueN {
			top.valueN = false
			return
		}
		e.item(top.n == 0)
		top.n++
		if top.obj {
			top.valueN = true
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrJSONValue, err)
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			e.close(byte(d), top.n)
			continue
		}
		isKey := len(stack) > 0 && stack[len(stack)-1].obj && !stack[len(stack)-1].valueN
		before()
		switch t := tok.(type) {
		case json.Delim:
			if len(stack) >= MaxJSONDepth {
				return errJSONDepth
			}
			e.open(byte(t))
			stack = append(stack, frame{obj: t == '{'})
		case string:
			e.str(t)
			if isKey {
				e.buf = append(e.buf, e.keySep...)
			}
		case json.Number:
			e.buf = append(e.buf, t...)
		case bool:
			if t {
				e.buf = append(e.buf, "true"...)
			} else {
				e.buf = append(e.buf, "false"...)
			}
		case nil:
			e.buf = append(e.buf, "null"...)
		}
	}
}

// appendDjangoDateTime appends DjangoJSONEncoder's form of a datetime:
// isoformat with the microseconds truncated to milliseconds and "+00:00"
// written as "Z"; aware adds the offset.
func appendDjangoDateTime(dst []byte, t time.Time, aware bool) ([]byte, error) {
	dst, err := appendISODate(dst, t)
	if err != nil {
		return dst, err
	}
	dst = append(dst, 'T')
	dst = appendDjangoTimeOfDay(dst, t)
	if !aware {
		return dst, nil
	}
	_, off := t.Zone()
	if off == 0 {
		return append(dst, 'Z'), nil
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	dst = append(dst, sign)
	dst = append2(dst, off/3600)
	dst = append(dst, ':')
	dst = append2(dst, off/60%60)
	if s := off % 60; s != 0 {
		dst = append(dst, ':')
		dst = append2(dst, s)
	}
	return dst, nil
}

// appendISODate appends Python's date.isoformat, refusing years Python's
// datetime cannot hold.
func appendISODate(dst []byte, t time.Time) ([]byte, error) {
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return dst, fmt.Errorf("%w: year %d is out of range", ErrJSONValue, y)
	}
	dst = append2(dst, y/100)
	dst = append2(dst, y%100)
	dst = append(dst, '-')
	dst = append2(dst, int(m))
	dst = append(dst, '-')
	return append2(dst, d), nil
}

// appendDjangoTimeOfDay appends DjangoJSONEncoder's form of a naive time:
// "15:04:05", with ".000" milliseconds (truncated) when the microseconds
// are not zero.
func appendDjangoTimeOfDay(dst []byte, t time.Time) []byte {
	h, mi, s := t.Clock()
	dst = append2(dst, h)
	dst = append(dst, ':')
	dst = append2(dst, mi)
	dst = append(dst, ':')
	dst = append2(dst, s)
	if us := t.Nanosecond() / 1000; us != 0 {
		ms := us / 1000
		dst = append(dst, '.', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10))
	}
	return dst
}

// appendDurationISO appends Django's duration_iso_string:
// "[-]P<days>DT<HH>H<MM>M<SS>[.ffffff]S", with d truncated to microseconds.
func appendDurationISO(dst []byte, d time.Duration) []byte {
	u := uint64(d)
	if d < 0 {
		dst = append(dst, '-')
		u = -u
	}
	us := u / 1000
	days := us / (86400 * 1e6)
	rem := us % (86400 * 1e6)
	secs, micro := rem/1e6, rem%1e6
	dst = append(dst, 'P')
	dst = strconv.AppendUint(dst, days, 10)
	dst = append(dst, 'D', 'T')
	dst = append2(dst, int(secs/3600))
	dst = append(dst, 'H')
	dst = append2(dst, int(secs/60%60))
	dst = append(dst, 'M')
	dst = append2(dst, int(secs%60))
	if micro != 0 {
		dst = append(dst, '.')
		s := strconv.FormatUint(micro, 10)
		for i := len(s); i < 6; i++ {
			dst = append(dst, '0')
		}
		dst = append(dst, s...)
	}
	return append(dst, 'S')
}

// append2 appends n (0–99) as two digits.
func append2(dst []byte, n int) []byte {
	return append(dst, byte('0'+n/10), byte('0'+n%10))
}
