package render

import (
	"reflect"

	"github.com/restframe/restframe/internal/jsonfield"
)

// field is one encoded field of a struct type, with encoding/json's rules.
type field struct {
	name      string
	keys      [4][]byte // `"name":` / `"name": `, in UTF-8 and ASCII-only forms (keyMode)
	index     []int
	typ       reflect.Type
	omitEmpty bool
	omitZero  bool
	isZero    func(reflect.Value) bool
	quoted    bool
	enc       encoderFunc
	direct    int // index[0] for a field of the struct itself, else -1
}

func newStructEncoder(t reflect.Type) encoderFunc {
	fields := typeFields(t)
	for i := range fields {
		f := &fields[i]
		ft := t
		for _, x := range f.index {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			ft = ft.Field(x).Type
		}
		f.typ = ft
		f.direct = -1
		if len(f.index) == 1 {
			f.direct = f.index[0]
		}
		if f.quoted {
			f.enc = newQuotedEncoder(ft)
		} else {
			f.enc = typeEncoder(ft)
		}
		for m := range f.keys {
			k := appendString(nil, f.name, m&2 != 0)
			k = append(k, ':')
			if m&1 != 0 {
				k = append(k, ' ')
			}
			f.keys[m] = k
		}
		if f.omitZero {
			f.isZero = zeroFunc(ft)
		}
	}
	return func(e *encodeState, v reflect.Value) {
		if !e.open('{') {
			return
		}
		n := 0
	fieldLoop:
		for i := range fields {
			f := &fields[i]
			var fv reflect.Value
			if f.direct >= 0 {
				fv = v.Field(f.direct)
			} else {
				fv = v
				for _, x := range f.index {
					if fv.Kind() == reflect.Pointer {
						if fv.IsNil() {
							continue fieldLoop
						}
						fv = fv.Elem()
					}
					fv = fv.Field(x)
				}
			}
			if f.omitEmpty && isEmptyValue(fv) || f.omitZero && f.isZero(fv) {
				continue
			}
			e.item(n)
			n++
			e.buf = append(e.buf, f.keys[e.keyMode]...)
			f.enc(e, fv)
			if e.err != nil {
				return
			}
		}
		e.close('}', n)
	}
}

// newQuotedEncoder is encoding/json's ",string" option: the field's JSON
// encoding inside a JSON string. Types with marshaling methods ignore it.
func newQuotedEncoder(t reflect.Type) encoderFunc {
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	enc := typeEncoder(base)
	methods := specialEncoder(base) == nil && (base.Implements(marshalerType) || base.Implements(textMarshalerType) ||
		reflect.PointerTo(base).Implements(marshalerType) || reflect.PointerTo(base).Implements(textMarshalerType))
	return func(e *encodeState, v reflect.Value) {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				e.buf = append(e.buf, "null"...)
				return
			}
			v = v.Elem()
		}
		start := len(e.buf)
		enc(e, v)
		if e.err != nil || methods {
			return
		}
		out := e.buf[start:]
		if len(out) > 0 && out[0] == '"' {
			// A string is encoded twice: "\"abc\"".
			e.scratch = append(e.scratch[:0], out...)
			e.buf = appendString(e.buf[:start], e.scratch, e.ascii)
			return
		}
		e.buf = append(e.buf, 0)
		copy(e.buf[start+1:], e.buf[start:len(e.buf)-1])
		e.buf[start] = '"'
		e.buf = append(e.buf, '"')
	}
}

// isEmptyValue is omitempty's test (encoding/json).
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

type isZeroer interface{ IsZero() bool }

var isZeroerType = reflect.TypeFor[isZeroer]()

// zeroFunc is omitzero's test for fields of type t (encoding/json): the
// type's IsZero method when it has one, else the zero value.
func zeroFunc(t reflect.Type) func(reflect.Value) bool {
	switch {
	case t.Kind() == reflect.Interface && t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			// Avoid calling IsZero on a nil interface or a nil pointer in it.
			return v.IsNil() || (v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil()) ||
				v.Interface().(isZeroer).IsZero()
		}
	case t.Kind() == reflect.Pointer && t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			return v.IsNil() || v.Interface().(isZeroer).IsZero()
		}
	case t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			if !v.CanInterface() {
				return v.IsZero()
			}
			return methodValue(v).(isZeroer).IsZero()
		}
	case reflect.PointerTo(t).Implements(isZeroerType):
		return func(v reflect.Value) bool {
			if !v.CanInterface() {
				return v.IsZero()
			}
			return addressable(v).Interface().(isZeroer).IsZero()
		}
	}
	return reflect.Value.IsZero
}

// typeFields returns the fields encoding/json encodes for struct type t, in
// index order (jsonfield.Fields), ready to be compiled.
func typeFields(t reflect.Type) []field {
	jf := jsonfield.Fields(t)
	fields := make([]field, len(jf))
	for i, f := range jf {
		fields[i] = field{name: f.Name, index: f.Index,
			omitEmpty: f.OmitEmpty, omitZero: f.OmitZero, quoted: f.Quoted}
	}
	return fields
}
