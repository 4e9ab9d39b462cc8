package render

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/restframe/restframe/internal/jsonfield"
	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/web"
)

// MaxDepth is the deepest nesting of containers (and, separately, of
// pointers and interfaces) that the JSON renderer encodes; deeper data is
// ErrTooDeep. Python's json module stops at its recursion limit, about the
// same depth, and a circular reference never ends.
const MaxDepth = web.MaxJSONDepth

// maxPooledBuffer is the largest encode buffer kept for reuse.
const maxPooledBuffer = 4 << 20

// encoderFunc encodes one value of a type it was compiled for.
type encoderFunc func(e *encodeState, v reflect.Value)

// encodeState is one rendering: the output buffer, the layout settings and
// the first error. Encoders stop at the first error.
type encodeState struct {
	buf []byte

	ascii    bool // EnsureASCII
	spaced   bool // ", " between items (LongSeparators without indent)
	pretty   bool // one item per line
	indent   int  // spaces per level when pretty
	allowNaN bool
	keyMode  uint8 // index into field.keys: 2 for ASCII, +1 for ": "

	depth int // open containers
	ptrs  int // pointers and interfaces followed
	err   error

	keyBufs   [][]string   // free lists, reused across nested maps
	entryBufs [][]mapEntry //
	scratch   []byte       //

	owner *Context // the reused Context keeping the state, if any

	lastType reflect.Type // the type of value's last reflected value
	lastEnc  encoderFunc  // its encoder (typeEncoder(lastType))
}

var statePool = sync.Pool{New: func() any { return &encodeState{buf: make([]byte, 0, 512)} }}

// newEncodeState returns the state kept by ctx (see Context.Reset),
// taken out of it while in use, or else one from the pool.
func newEncodeState(j JSON, ctx *Context) *encodeState {
	var e *encodeState
	if ctx != nil && ctx.json != nil && ctx.json.owner == ctx {
		e, ctx.json = ctx.json, nil
	} else {
		e = statePool.Get().(*encodeState)
	}
	e.buf = e.buf[:0]
	e.ascii, e.allowNaN = j.EnsureASCII, j.AllowNaN
	e.indent, e.pretty = ctx.Indentation()
	e.spaced = j.LongSeparators && !e.pretty
	e.keyMode = 0
	if e.ascii {
		e.keyMode |= 2
	}
	if e.spaced || e.pretty {
		e.keyMode |= 1
	}
	e.depth, e.ptrs, e.err = 0, 0, nil
	return e
}

// release gives e back: to ctx when it is a reused Context without a
// state of its own, else to the pool.
func (e *encodeState) release(ctx *Context) {
	if cap(e.buf) > maxPooledBuffer {
		e.buf = make([]byte, 0, 512)
	}
	e.err = nil
	if ctx != nil && ctx.reused && ctx.json == nil {
		e.owner, ctx.json = ctx, e
		return
	}
	e.owner = nil
	statePool.Put(e)
}

func (e *encodeState) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Layout: Python's _iterencode_list/_iterencode_dict.

func (e *encodeState) open(c byte) bool {
	if e.depth >= MaxDepth {
		e.fail(fmt.Errorf("%w: more than %d levels", ErrTooDeep, MaxDepth))
		return false
	}
	e.depth++
	e.buf = append(e.buf, c)
	return true
}

// item starts the i-th item of the open container.
func (e *encodeState) item(i int) {
	if i > 0 {
		if e.spaced {
			e.buf = append(e.buf, ',', ' ')
		} else {
			e.buf = append(e.buf, ',')
		}
	}
	if e.pretty {
		e.newline()
	}
}

// close ends a container that held n items.
func (e *encodeState) close(c byte, n int) {
	e.depth--
	if e.pretty && n > 0 {
		e.newline()
	}
	e.buf = append(e.buf, c)
}

func (e *encodeState) colon() {
	if e.keyMode&1 != 0 {
		e.buf = append(e.buf, ':', ' ')
	} else {
		e.buf = append(e.buf, ':')
	}
}

const spaces = "                                                                "

func (e *encodeState) newline() {
	e.buf = append(e.buf, '\n')
	for n := e.depth * e.indent; n > 0; {
		k := min(n, len(spaces))
		e.buf = append(e.buf, spaces[:k]...)
		n -= k
	}
}

func (e *encodeState) enterPtr() bool {
	e.ptrs++
	if e.ptrs > MaxDepth {
		e.fail(fmt.Errorf("%w: more than %d pointer levels", ErrTooDeep, MaxDepth))
		return false
	}
	return true
}

// value encodes a dynamic value. The common types of decoded or hand-built
// data are handled without reflection.
func (e *encodeState) value(v any) {
	switch x := v.(type) {
	case nil:
		e.buf = append(e.buf, "null"...)
	case string:
		e.buf = appendString(e.buf, x, e.ascii)
	case bool:
		e.bool(x)
	case int:
		e.buf = strconv.AppendInt(e.buf, int64(x), 10)
	case int64:
		e.buf = strconv.AppendInt(e.buf, x, 10)
	case int32:
		e.buf = strconv.AppendInt(e.buf, int64(x), 10)
	case int16:
		e.buf = strconv.AppendInt(e.buf, int64(x), 10)
	case int8:
		e.buf = strconv.AppendInt(e.buf, int64(x), 10)
	case uint:
		e.buf = strconv.AppendUint(e.buf, uint64(x), 10)
	case uint64:
		e.buf = strconv.AppendUint(e.buf, x, 10)
	case uint32:
		e.buf = strconv.AppendUint(e.buf, uint64(x), 10)
	case uint16:
		e.buf = strconv.AppendUint(e.buf, uint64(x), 10)
	case uint8:
		e.buf = strconv.AppendUint(e.buf, uint64(x), 10)
	case float64:
		e.float(x, 64)
	case float32:
		e.float(float64(x), 32)
	case map[string]any:
		e.mapStringAny(x)
	case []any:
		e.sliceAny(x)
	case web.JSONObject:
		e.object(x)
	case []string:
		e.sliceString(x)
	case map[string]string:
		e.mapStringString(x)
	case json.Number:
		e.number(x)
	case json.RawMessage:
		e.rawMessage(x)
	case []byte:
		e.bytes(x)
	case time.Time:
		e.time(x)
	case time.Duration:
		e.duration(x)
	default:
		rv := reflect.ValueOf(v)
		// The type of the last value: a renderer is mostly given the same
		// type again, and the comparison is cheaper than the cache lookup.
		if t := rv.Type(); t != e.lastType {
			e.lastType, e.lastEnc = t, typeEncoder(t)
		}
		e.lastEnc(e, rv)
	}
}

func (e *encodeState) bool(b bool) {
	if b {
		e.buf = append(e.buf, "true"...)
	} else {
		e.buf = append(e.buf, "false"...)
	}
}

func (e *encodeState) float(f float64, bits int) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if !e.allowNaN {
			e.fail(fmt.Errorf("%w: %v", ErrOutOfRangeFloat, f))
			return
		}
		e.buf = appendNonFinite(e.buf, f)
		return
	}
	e.buf = pyrepr.AppendFloat(e.buf, f, bits)
}

func (e *encodeState) bytes(b []byte) {
	if b == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = appendString(e.buf, b, e.ascii)
}

func (e *encodeState) number(n json.Number) {
	s := string(n)
	if s == "" {
		s = "0" // as encoding/json writes an empty Number
	}
	if !jsonfield.ValidNumber(s) {
		e.fail(fmt.Errorf("%w: invalid number literal %q", ErrUnsupportedValue, s))
		return
	}
	e.buf = append(e.buf, s...)
}

func (e *encodeState) rawMessage(m json.RawMessage) {
	if m == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.raw(m, "json.RawMessage")
}

func (e *encodeState) time(t time.Time) {
	var ok bool
	e.buf = append(e.buf, '"')
	if e.buf, ok = appendISODateTime(e.buf, t, true); !ok {
		e.fail(fmt.Errorf("%w: year %d outside 1..9999", ErrUnsupportedValue, t.Year()))
		return
	}
	e.buf = append(e.buf, '"')
}

// duration writes DRF's str(timedelta.total_seconds()): microseconds
// (truncated) as a Python float, in a string.
func (e *encodeState) duration(d time.Duration) {
	e.buf = append(e.buf, '"')
	e.buf = pyrepr.AppendFloat(e.buf, float64(d.Microseconds())/1e6, 64)
	e.buf = append(e.buf, '"')
}

func (e *encodeState) mapStringAny(m map[string]any) {
	if m == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !e.open('{') {
		return
	}
	keys := e.keyBuf()
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		e.item(i)
		e.buf = appendString(e.buf, k, e.ascii)
		e.colon()
		e.value(m[k])
		if e.err != nil {
			break
		}
	}
	e.putKeyBuf(keys)
	e.close('}', len(m))
}

func (e *encodeState) mapStringString(m map[string]string) {
	if m == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !e.open('{') {
		return
	}
	keys := e.keyBuf()
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		e.item(i)
		e.buf = appendString(e.buf, k, e.ascii)
		e.colon()
		e.buf = appendString(e.buf, m[k], e.ascii)
	}
	e.putKeyBuf(keys)
	e.close('}', len(m))
}

func (e *encodeState) keyBuf() []string {
	if n := len(e.keyBufs); n > 0 {
		k := e.keyBufs[n-1]
		e.keyBufs = e.keyBufs[:n-1]
		return k[:0]
	}
	return make([]string, 0, 16)
}

func (e *encodeState) putKeyBuf(k []string) {
	clear(k)
	e.keyBufs = append(e.keyBufs, k[:0])
}

func (e *encodeState) sliceAny(s []any) {
	if s == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !e.open('[') {
		return
	}
	for i, v := range s {
		e.item(i)
		e.value(v)
		if e.err != nil {
			return
		}
	}
	e.close(']', len(s))
}

func (e *encodeState) sliceString(s []string) {
	if s == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !e.open('[') {
		return
	}
	for i, v := range s {
		e.item(i)
		e.buf = appendString(e.buf, v, e.ascii)
	}
	e.close(']', len(s))
}

// object writes a web.JSONObject in member order (a Python dict).
func (e *encodeState) object(o web.JSONObject) {
	if o == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !e.open('{') {
		return
	}
	for i := range o {
		e.item(i)
		e.buf = appendString(e.buf, o[i].Key, e.ascii)
		e.colon()
		e.value(o[i].Value)
		if e.err != nil {
			return
		}
	}
	e.close('}', len(o))
}

// Type encoders, compiled once per type (encoding/json's design).

var encoderCache sync.Map // map[reflect.Type]encoderFunc; memoisation only

func typeEncoder(t reflect.Type) encoderFunc {
	if f, ok := encoderCache.Load(t); ok {
		return f.(encoderFunc)
	}
	// Store a forwarding encoder first, so that a recursive type finds it
	// while its real encoder is being built.
	var (
		wg sync.WaitGroup
		f  encoderFunc
	)
	wg.Add(1)
	fi, loaded := encoderCache.LoadOrStore(t, encoderFunc(func(e *encodeState, v reflect.Value) {
		wg.Wait()
		f(e, v)
	}))
	if loaded {
		return fi.(encoderFunc)
	}
	f = newTypeEncoder(t, true)
	wg.Done()
	encoderCache.Store(t, f)
	return f
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	timeType          = reflect.TypeFor[time.Time]()
	durationType      = reflect.TypeFor[time.Duration]()
	naiveType         = reflect.TypeFor[web.NaiveDateTime]()
	dateType          = reflect.TypeFor[web.Date]()
	timeOfDayType     = reflect.TypeFor[web.TimeOfDay]()
	numberType        = reflect.TypeFor[json.Number]()
	rawMessageType    = reflect.TypeFor[json.RawMessage]()
	objectType        = reflect.TypeFor[web.JSONObject]()
	bigIntType        = reflect.TypeFor[big.Int]()
	bigFloatType      = reflect.TypeFor[big.Float]()
	mapStringAnyType  = reflect.TypeFor[map[string]any]()
	sliceAnyType      = reflect.TypeFor[[]any]()
)

// specialEncoder returns the encoder of a type with DRF-specific rules, or
// nil.
func specialEncoder(t reflect.Type) encoderFunc {
	switch t {
	case timeType:
		return timeEncoder
	case durationType:
		return durationEncoder
	case naiveType, dateType, timeOfDayType:
		return civilEncoder
	case numberType:
		return numberEncoder
	case rawMessageType:
		return rawMessageEncoder
	case objectType:
		return objectEncoder
	case bigIntType:
		return bigIntEncoder
	case bigFloatType:
		return bigFloatEncoder
	case mapStringAnyType:
		return mapStringAnyEncoder
	case sliceAnyType:
		return sliceAnyEncoder
	}
	return nil
}

func newTypeEncoder(t reflect.Type, allowAddr bool) encoderFunc {
	if enc := specialEncoder(t); enc != nil {
		return enc
	}
	if t.Kind() == reflect.Pointer && specialEncoder(t.Elem()) != nil {
		// *time.Time gets time.Time's rules, not its MarshalJSON.
		return newPtrEncoder(t)
	}
	if t.Kind() != reflect.Pointer && allowAddr && reflect.PointerTo(t).Implements(marshalerType) {
		return newCondAddrEncoder(marshalerEncoder, newTypeEncoder(t, false))
	}
	if t.Implements(marshalerType) {
		return marshalerEncoder
	}
	if t.Kind() != reflect.Pointer && allowAddr && reflect.PointerTo(t).Implements(textMarshalerType) {
		return newCondAddrEncoder(textMarshalerEncoder, newTypeEncoder(t, false))
	}
	if t.Implements(textMarshalerType) {
		return textMarshalerEncoder
	}
	return newKindEncoder(t)
}

// newKindEncoder is the encoder of t by its kind, ignoring its methods.
func newKindEncoder(t reflect.Type) encoderFunc {
	switch t.Kind() {
	case reflect.Bool:
		return boolEncoder
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intEncoder
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintEncoder
	case reflect.Float32:
		return float32Encoder
	case reflect.Float64:
		return float64Encoder
	case reflect.String:
		return stringEncoder
	case reflect.Interface:
		return interfaceEncoder
	case reflect.Struct:
		return newStructEncoder(t)
	case reflect.Map:
		return newMapEncoder(t)
	case reflect.Slice:
		return newSliceEncoder(t)
	case reflect.Array:
		return newArrayEncoder(t)
	case reflect.Pointer:
		return newPtrEncoder(t)
	}
	return unsupportedEncoder
}

func unsupportedEncoder(e *encodeState, v reflect.Value) {
	e.fail(fmt.Errorf("%w: Object of type %s is not JSON serializable", ErrUnsupportedType, v.Type()))
}

func boolEncoder(e *encodeState, v reflect.Value)    { e.bool(v.Bool()) }
func intEncoder(e *encodeState, v reflect.Value)     { e.buf = strconv.AppendInt(e.buf, v.Int(), 10) }
func uintEncoder(e *encodeState, v reflect.Value)    { e.buf = strconv.AppendUint(e.buf, v.Uint(), 10) }
func float32Encoder(e *encodeState, v reflect.Value) { e.float(v.Float(), 32) }
func float64Encoder(e *encodeState, v reflect.Value) { e.float(v.Float(), 64) }
func stringEncoder(e *encodeState, v reflect.Value) {
	e.buf = appendString(e.buf, v.String(), e.ascii)
}

func numberEncoder(e *encodeState, v reflect.Value) { e.number(json.Number(v.String())) }

func rawMessageEncoder(e *encodeState, v reflect.Value) {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.raw(v.Bytes(), "json.RawMessage")
}

func durationEncoder(e *encodeState, v reflect.Value) { e.duration(time.Duration(v.Int())) }

// valueAs returns the value held by v, which must be of type T and
// interfaceable, without copying it to the heap.
func valueAs[T any](v reflect.Value) T {
	if v.CanAddr() {
		return *v.Addr().Interface().(*T)
	}
	return v.Interface().(T)
}

func timeEncoder(e *encodeState, v reflect.Value) {
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	e.time(valueAs[time.Time](v))
}

// civilEncoder writes web.NaiveDateTime, web.Date and web.TimeOfDay as
// Python's naive datetime, date and time isoformat.
func civilEncoder(e *encodeState, v reflect.Value) {
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	var t time.Time
	switch v.Type() {
	case naiveType:
		t = time.Time(valueAs[web.NaiveDateTime](v))
	case dateType:
		t = time.Time(valueAs[web.Date](v))
	default:
		t = time.Time(valueAs[web.TimeOfDay](v))
	}
	ok := true
	e.buf = append(e.buf, '"')
	switch v.Type() {
	case naiveType:
		e.buf, ok = appendISODateTime(e.buf, t, false)
	case dateType:
		e.buf, ok = appendISODate(e.buf, t)
	default:
		e.buf = appendISOClock(e.buf, t)
	}
	if !ok {
		e.fail(fmt.Errorf("%w: year %d outside 1..9999", ErrUnsupportedValue, t.Year()))
		return
	}
	e.buf = append(e.buf, '"')
}

func objectEncoder(e *encodeState, v reflect.Value) {
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	e.object(valueAs[web.JSONObject](v))
}

func mapStringAnyEncoder(e *encodeState, v reflect.Value) {
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	e.mapStringAny(v.Interface().(map[string]any))
}

func sliceAnyEncoder(e *encodeState, v reflect.Value) {
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	e.sliceAny(valueAs[[]any](v))
}

// addressable returns a pointer to v's value: its address, or a copy's.
func addressable(v reflect.Value) reflect.Value {
	if v.CanAddr() {
		return v.Addr()
	}
	p := reflect.New(v.Type())
	p.Elem().Set(v)
	return p
}

// bigIntEncoder writes a big.Int as its exact decimal digits (Python int).
func bigIntEncoder(e *encodeState, v reflect.Value) {
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	e.buf = addressable(v).Interface().(*big.Int).Append(e.buf, 10)
}

// bigFloatEncoder writes a big.Float as DRF writes a Decimal: float(d).
func bigFloatEncoder(e *encodeState, v reflect.Value) {
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	f, _ := addressable(v).Interface().(*big.Float).Float64()
	e.float(f, 64)
}

func newCondAddrEncoder(canAddr, elseEnc encoderFunc) encoderFunc {
	return func(e *encodeState, v reflect.Value) {
		if v.CanAddr() {
			canAddr(e, v.Addr())
		} else {
			elseEnc(e, v)
		}
	}
}

// methodValue returns v as an interface for calling a method on it, taking
// its address when it has one so that a large value is not copied.
func methodValue(v reflect.Value) any {
	if v.Kind() != reflect.Pointer && v.Kind() != reflect.Interface && v.CanAddr() {
		return v.Addr().Interface()
	}
	return v.Interface()
}

func marshalerEncoder(e *encodeState, v reflect.Value) {
	if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	b, err := methodValue(v).(json.Marshaler).MarshalJSON()
	if err != nil {
		e.fail(fmt.Errorf("render: json: error calling MarshalJSON for type %s: %w", v.Type(), err))
		return
	}
	e.raw(b, v.Type().String())
}

func textMarshalerEncoder(e *encodeState, v reflect.Value) {
	if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !v.CanInterface() {
		newKindEncoder(v.Type())(e, v)
		return
	}
	b, err := methodValue(v).(encoding.TextMarshaler).MarshalText()
	if err != nil {
		e.fail(fmt.Errorf("render: json: error calling MarshalText for type %s: %w", v.Type(), err))
		return
	}
	e.buf = appendString(e.buf, b, e.ascii)
}

func interfaceEncoder(e *encodeState, v reflect.Value) {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !e.enterPtr() {
		return
	}
	if v.CanInterface() {
		e.value(v.Interface())
	} else {
		elem := v.Elem()
		typeEncoder(elem.Type())(e, elem)
	}
	e.ptrs--
}

func newPtrEncoder(t reflect.Type) encoderFunc {
	elemEnc := typeEncoder(t.Elem())
	return func(e *encodeState, v reflect.Value) {
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		if !e.enterPtr() {
			return
		}
		elemEnc(e, v.Elem())
		e.ptrs--
	}
}

func newSliceEncoder(t reflect.Type) encoderFunc {
	if t.Elem().Kind() == reflect.Uint8 {
		p := reflect.PointerTo(t.Elem())
		if !p.Implements(marshalerType) && !p.Implements(textMarshalerType) {
			return bytesEncoder
		}
	}
	arr := newArrayEncoder(t)
	return func(e *encodeState, v reflect.Value) {
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		arr(e, v)
	}
}

// bytesEncoder writes a byte slice as a string: DRF's bytes.decode().
func bytesEncoder(e *encodeState, v reflect.Value) {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = appendString(e.buf, v.Bytes(), e.ascii)
}

func newArrayEncoder(t reflect.Type) encoderFunc {
	elemEnc := typeEncoder(t.Elem())
	return func(e *encodeState, v reflect.Value) {
		if !e.open('[') {
			return
		}
		n := v.Len()
		for i := 0; i < n; i++ {
			e.item(i)
			elemEnc(e, v.Index(i))
			if e.err != nil {
				return
			}
		}
		e.close(']', n)
	}
}

// mapEntry is a map entry with its JSON object name.
type mapEntry struct {
	name string
	v    reflect.Value
}

func newMapEncoder(t reflect.Type) encoderFunc {
	keyName := newKeyNamer(t.Key())
	if keyName == nil {
		return unsupportedEncoder
	}
	elemEnc := typeEncoder(t.Elem())
	return func(e *encodeState, v reflect.Value) {
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
		if !e.open('{') {
			return
		}
		entries := e.entryBuf()
		it := v.MapRange()
		for it.Next() {
			name, err := keyName(e, it.Key())
			if err != nil {
				e.fail(err)
				e.putEntryBuf(entries)
				return
			}
			entries = append(entries, mapEntry{name, it.Value()})
		}
		slices.SortFunc(entries, func(a, b mapEntry) int { return strings.Compare(a.name, b.name) })
		for i := range entries {
			e.item(i)
			e.buf = appendString(e.buf, entries[i].name, e.ascii)
			e.colon()
			elemEnc(e, entries[i].v)
			if e.err != nil {
				break
			}
		}
		n := len(entries)
		e.putEntryBuf(entries)
		e.close('}', n)
	}
}

func (e *encodeState) entryBuf() []mapEntry {
	if n := len(e.entryBufs); n > 0 {
		b := e.entryBufs[n-1]
		e.entryBufs = e.entryBufs[:n-1]
		return b[:0]
	}
	return make([]mapEntry, 0, 16)
}

func (e *encodeState) putEntryBuf(b []mapEntry) {
	clear(b)
	e.entryBufs = append(e.entryBufs, b[:0])
}

// keyNamer converts a map key to a JSON object name.
type keyNamer func(e *encodeState, k reflect.Value) (string, error)

// newKeyNamer returns the key conversion for map keys of type t (nil when
// t cannot be a key): encoding/json's string, TextMarshaler and integer
// keys, plus Python's float, bool and (through interfaces) None keys.
func newKeyNamer(t reflect.Type) keyNamer {
	if t.Kind() == reflect.String {
		return func(_ *encodeState, k reflect.Value) (string, error) { return k.String(), nil }
	}
	if t.Implements(textMarshalerType) {
		return textKeyName
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return scalarKeyName
	case reflect.Interface:
		return anyKeyName
	}
	return nil
}

func textKeyName(_ *encodeState, k reflect.Value) (string, error) {
	if (k.Kind() == reflect.Pointer || k.Kind() == reflect.Interface) && k.IsNil() {
		return "", nil // as encoding/json does
	}
	if !k.CanInterface() {
		return "", fmt.Errorf("%w: unexported map key of type %s", ErrUnsupportedType, k.Type())
	}
	b, err := methodValue(k).(encoding.TextMarshaler).MarshalText()
	if err != nil {
		return "", fmt.Errorf("render: json: error calling MarshalText for type %s: %w", k.Type(), err)
	}
	return string(b), nil
}

// scalarKeyName converts a number or bool key as Python converts dict
// keys: str() of an int, repr() of a float, "true"/"false".
func scalarKeyName(e *encodeState, k reflect.Value) (string, error) {
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	case reflect.Bool:
		if k.Bool() {
			return "true", nil
		}
		return "false", nil
	}
	f := k.Float()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if !e.allowNaN {
			return "", fmt.Errorf("%w: %v", ErrOutOfRangeFloat, f)
		}
		return string(appendNonFinite(nil, f)), nil
	}
	return string(pyrepr.AppendFloat(nil, f, k.Type().Bits())), nil
}

// anyKeyName converts a key held in an interface: nil is "null" (Python's
// None key), anything else by its dynamic type.
func anyKeyName(e *encodeState, k reflect.Value) (string, error) {
	if k.IsNil() {
		return "null", nil
	}
	k = k.Elem()
	namer := newKeyNamer(k.Type())
	if namer == nil || k.Kind() == reflect.Interface {
		return "", fmt.Errorf("%w: keys must be str, int, float, bool or None, not %s", ErrUnsupportedType, k.Type())
	}
	return namer(e, k)
}
