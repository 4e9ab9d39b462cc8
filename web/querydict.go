package web

import (
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/pyrepr"
	"github.com/restframe/restframe/internal/textenc"
)

// QueryDict is Django's QueryDict in its default, immutable form: an
// ordered multi-value dictionary of strings. Keys keep the order in which
// they first appeared (Django keeps insertion order; url.Values does not),
// and each key has a list of values.
//
// A QueryDict is read-only: it has no methods that change it, which is how
// Django's "This QueryDict instance is immutable" shows in Go's types.
// Request.Query and Request.Form return QueryDicts; Copy gives a
// MutableQueryDict to change. A QueryDict may be read from several
// goroutines at once.
//
// The zero value is an empty QueryDict whose encoding is UTF-8.
type QueryDict struct {
	d *qdData
}

// MutableQueryDict is Django's QueryDict created with mutable=True, or the
// result of QueryDict.copy(). It has every read method of QueryDict (Get,
// GetList, Has, Keys, Values, Items, Lists, Dict, Len, Encoding,
// URLEncode, Copy, String) and the methods that change it.
//
// The zero value is an empty, usable MutableQueryDict whose encoding is
// UTF-8. A MutableQueryDict is used by one goroutine at a time.
type MutableQueryDict struct {
	queryDict
}

// queryDict names QueryDict so that MutableQueryDict embeds it through an
// unexported field: its read methods are promoted, but nobody can build a
// MutableQueryDict around a read-only QueryDict and change it.
type queryDict = QueryDict

// qdData is the storage shared by a QueryDict and the views of it.
type qdData struct {
	mv       mvData[string]
	encoding string // as given; "" means UTF-8
}

// QueryConfig configures ParseQueryDict-style parsing. The zero value
// parses UTF-8 with Django's default field limit.
type QueryConfig struct {
	// Encoding decodes percent-escapes and raw bytes: Django's
	// QueryDict(encoding=...). "" means UTF-8 (DEFAULT_CHARSET); see
	// ErrUnknownEncoding for the encodings known.
	Encoding string
	// MaxNumberFields is DATA_UPLOAD_MAX_NUMBER_FIELDS: the most fields,
	// counted as Django counts them (the number of "&" plus one, empty
	// fields included). 0 means DefaultMaxNumberFields; negative means no
	// limit.
	MaxNumberFields int
}

// ParseQueryDict is Django's QueryDict(query_string): it parses s with
// UTF-8 and the default field limit (QueryConfig{}.Parse).
func ParseQueryDict(s string) (QueryDict, error) {
	return QueryConfig{}.Parse(s)
}

// Parse parses the query string s as Django's QueryDict does, which is
// Python's parse_qsl(keep_blank_values=True):
//
//   - s is the raw query (bytes as sent). When it is not valid in the
//     encoding it is read as ISO-8859-1, as Django does for request data.
//   - Fields are separated by "&" only (";" is not a separator); empty
//     fields are skipped; a field without "=" is a key with value "";
//     only the first "=" splits ("d=1=2" gives "1=2").
//   - "+" becomes a space, then "%XX" escapes are decoded with the
//     encoding, invalid sequences becoming U+FFFD; a malformed escape
//     ("%zz") is kept as it is.
//
// More fields than the limit (the number of "&" plus one, empty fields
// included, as Django counts) returns ErrTooManyFields. An unknown
// encoding returns ErrUnknownEncoding.
func (c QueryConfig) Parse(s string) (QueryDict, error) {
	codec := textenc.UTF8
	if c.Encoding != "" {
		if codec = textenc.Lookup(c.Encoding); codec == textenc.Unknown {
			return QueryDict{}, ErrUnknownEncoding
		}
	}
	max := c.MaxNumberFields
	if max == 0 {
		max = DefaultMaxNumberFields
	}
	return qdParse(s, codec, c.Encoding, max)
}

// qdParse parses raw with codec; max < 0 means no field limit.
func qdParse(raw string, codec textenc.Codec, enc string, max int) (QueryDict, error) {
	if raw == "" {
		if enc == "" {
			return QueryDict{}, nil
		}
		return QueryDict{d: &qdData{encoding: enc}}, nil
	}
	n := 1 + strings.Count(raw, "&")
	if max >= 0 && n > max {
		return QueryDict{}, ErrTooManyFields
	}
	text, ok := csDecode(codec, raw, true)
	if !ok {
		text, _ = csDecode(textenc.Latin1, raw, true)
	}
	d := &qdData{encoding: enc}
	d.mv.entries = make([]mvEntry[string], 0, n)
	backing := make([]string, n)
	used := 0
	for field := range strings.SplitSeq(text, "&") {
		if field == "" {
			continue
		}
		name, value, _ := strings.Cut(field, "=")
		name = qdUnquote(name, codec)
		value = qdUnquote(value, codec)
		if i := d.mv.find(name); i >= 0 {
			d.mv.entries[i].vals = append(d.mv.entries[i].vals, value)
			continue
		}
		backing[used] = value
		d.mv.add(name, backing[used:used+1:used+1])
		used++
	}
	return QueryDict{d: d}, nil
}

// qdUnquote is Python's unquote(s.replace("+", " "), encoding,
// errors="replace"): each run of ASCII characters is percent-decoded to
// bytes and decoded with codec; other characters are kept.
func qdUnquote(s string, codec textenc.Codec) string {
	pct := strings.IndexByte(s, '%')
	if pct < 0 {
		if strings.IndexByte(s, '+') < 0 {
			return s
		}
		return strings.ReplaceAll(s, "+", " ")
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if s[i] >= utf8.RuneSelf {
			b = append(b, s[i])
			i++
			continue
		}
		start := len(b)
		high := false
		for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
			c := s[i]
			switch {
			case c == '+':
				c = ' '
			case c == '%' && i+2 < len(s) && qdIsHex(s[i+1]) && qdIsHex(s[i+2]):
				c = qdUnhex(s[i+1])<<4 | qdUnhex(s[i+2])
				i += 2
			}
			high = high || c >= utf8.RuneSelf
			b = append(b, c)
		}
		if high && (codec != textenc.UTF8 || !utf8.Valid(b[start:])) {
			raw := string(b[start:])
			b = csAppendDecoded(b[:start], codec, raw)
		}
	}
	return string(b)
}

func qdIsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

func qdUnhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

// FromKeys is Django's QueryDict.fromkeys(keys, value): every key gets value
// once per time it appears in keys (["a", "a", "b"] gives a: [v, v],
// b: [v]). The result is read-only; Copy it to change it.
func FromKeys(keys []string, value string) QueryDict {
	var m MutableQueryDict
	for _, k := range keys {
		m.AppendList(k, value)
	}
	return QueryDict{d: m.d}
}

// Get is Django's QueryDict.get(key): the key's last value. ok is false when
// the key is missing or has no values (Django returns the default then).
func (q QueryDict) Get(key string) (value string, ok bool) {
	if q.d == nil {
		return "", false
	}
	i := q.d.mv.find(key)
	if i < 0 {
		return "", false
	}
	vals := q.d.mv.entries[i].vals
	if len(vals) == 0 {
		return "", false
	}
	return vals[len(vals)-1], true
}

// GetList is Django's QueryDict.getlist(key): a copy of the key's values,
// nil when the key is missing.
func (q QueryDict) GetList(key string) []string {
	if q.d == nil {
		return nil
	}
	i := q.d.mv.find(key)
	if i < 0 {
		return nil
	}
	return slices.Clone(q.d.mv.entries[i].vals)
}

// Has is Django's `key in q`.
func (q QueryDict) Has(key string) bool {
	return q.d != nil && q.d.mv.find(key) >= 0
}

// Len is Django's len(q): the number of distinct keys.
func (q QueryDict) Len() int {
	if q.d == nil {
		return 0
	}
	return len(q.d.mv.entries)
}

// Keys is Django's QueryDict.keys(): the keys in order.
func (q QueryDict) Keys() iter.Seq[string] {
	return func(yield func(string) bool) {
		if q.d == nil {
			return
		}
		for i := 0; i < len(q.d.mv.entries); i++ {
			if !yield(q.d.mv.entries[i].key) {
				return
			}
		}
	}
}

// Values is Django's QueryDict.values(): each key's last value, in key
// order (a key with no values yields "").
func (q QueryDict) Values() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, v := range q.Items() {
			if !yield(v) {
				return
			}
		}
	}
}

// Items is Django's QueryDict.items(): each key with its last value, in key
// order (a key with no values yields "").
func (q QueryDict) Items() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if q.d == nil {
			return
		}
		for i := 0; i < len(q.d.mv.entries); i++ {
			e := &q.d.mv.entries[i]
			var v string
			if len(e.vals) > 0 {
				v = e.vals[len(e.vals)-1]
			}
			if !yield(e.key, v) {
				return
			}
		}
	}
}

// Lists is Django's QueryDict.lists(): each key with a copy of all its
// values, in key order.
func (q QueryDict) Lists() iter.Seq2[string, []string] {
	return func(yield func(string, []string) bool) {
		if q.d == nil {
			return
		}
		for i := 0; i < len(q.d.mv.entries); i++ {
			e := &q.d.mv.entries[i]
			if !yield(e.key, slices.Clone(e.vals)) {
				return
			}
		}
	}
}

// Dict is Django's QueryDict.dict(): a map of each key to its last value.
func (q QueryDict) Dict() map[string]string {
	m := make(map[string]string, q.Len())
	for k, v := range q.Items() {
		m[k] = v
	}
	return m
}

// Encoding is Django's QueryDict.encoding: the encoding used to decode the
// query and to encode it again in URLEncode; "utf-8" unless set.
func (q QueryDict) Encoding() string {
	if q.d == nil || q.d.encoding == "" {
		return DefaultCharset
	}
	return q.d.encoding
}

// URLEncode is Django's QueryDict.urlencode(safe): "key=value" for every
// value of every key, in order, joined by "&". Keys and values are encoded
// with the QueryDict's encoding and then percent-encoded (RFC 3986 §2.1,
// upper-case hex) except for ASCII letters, digits and "_.-~".
//
// With safe == "" the quoting is form-style (Python's quote_plus): a space
// becomes "+". With a non-empty safe it is path-style (Python's quote):
// the ASCII characters of safe stay literal and a space becomes "%20"
// (unless safe holds a space). Non-ASCII characters in safe are ignored.
// Characters the encoding cannot represent become "?" (Django raises).
func (q QueryDict) URLEncode(safe string) string {
	if q.Len() == 0 {
		return ""
	}
	set := &qdAlwaysSafe
	plus := true
	if safe != "" {
		s := qdMakeSafe(safe)
		set, plus = &s, false
	}
	codec := textenc.LookupOrUTF8(q.d.encoding)
	var b, scratch []byte
	for i := 0; i < len(q.d.mv.entries); i++ {
		e := &q.d.mv.entries[i]
		for _, v := range e.vals {
			if len(b) > 0 {
				b = append(b, '&')
			}
			b = qdAppendEncoded(b, &scratch, e.key, codec, set, plus)
			b = append(b, '=')
			b = qdAppendEncoded(b, &scratch, v, codec, set, plus)
		}
	}
	return string(b)
}

// qdAppendEncoded appends s encoded with codec and then quoted.
func qdAppendEncoded(b []byte, scratch *[]byte, s string, codec textenc.Codec, set *qdSafeSet, plus bool) []byte {
	if codec == textenc.UTF8 {
		return qdAppendQuote(b, s, set, plus)
	}
	*scratch = csAppendEncoded((*scratch)[:0], codec, s)
	return qdAppendQuote(b, string(*scratch), set, plus)
}

// Copy is Django's QueryDict.copy(): a deep, mutable copy with the same
// encoding.
func (q QueryDict) Copy() *MutableQueryDict {
	m := &MutableQueryDict{}
	if q.d == nil {
		return m
	}
	d := &qdData{encoding: q.d.encoding}
	d.mv.entries = make([]mvEntry[string], len(q.d.mv.entries))
	for i, e := range q.d.mv.entries {
		d.mv.entries[i] = mvEntry[string]{key: e.key, vals: slices.Clone(e.vals)}
	}
	d.mv.reindex()
	m.d = d
	return m
}

// String is Django's QueryDict.__repr__:
// "<QueryDict: {'a': ['1', '3'], 'b': ['2']}>".
func (q QueryDict) String() string {
	b := []byte("<QueryDict: {")
	first := true
	for k, vals := range q.Lists() {
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = append(b, pyrepr.Str(k)...)
		b = append(b, ": ["...)
		for j, v := range vals {
			if j > 0 {
				b = append(b, ", "...)
			}
			b = append(b, pyrepr.Str(v)...)
		}
		b = append(b, ']')
	}
	return string(append(b, "}>"...))
}

// data returns m's storage, creating it for the zero value.
func (m *MutableQueryDict) data() *qdData {
	if m.d == nil {
		m.d = &qdData{}
	}
	return m.d
}

// QueryDict returns a read-only view of m. The view shares m's storage, so
// it reflects later changes to m; take m.Copy().QueryDict() for a
// snapshot.
func (m *MutableQueryDict) QueryDict() QueryDict {
	return QueryDict{d: m.data()}
}

// SetEncoding is Django's `q.encoding = enc` on a mutable QueryDict: the
// encoding URLEncode uses. "" means UTF-8. An unknown encoding returns
// ErrUnknownEncoding and leaves m unchanged.
func (m *MutableQueryDict) SetEncoding(enc string) error {
	if enc != "" && textenc.Lookup(enc) == textenc.Unknown {
		return ErrUnknownEncoding
	}
	m.data().encoding = enc
	return nil
}

// Set is Django's `q[key] = value`: key gets the single value, replacing
// any it had. A new key goes last.
func (m *MutableQueryDict) Set(key, value string) {
	m.SetList(key, []string{value})
}

// SetList is Django's QueryDict.setlist(key, values): key gets a copy of
// values, replacing any it had (an empty list keeps the key with no
// values).
func (m *MutableQueryDict) SetList(key string, values []string) {
	d := m.data()
	vals := slices.Clone(values)
	if vals == nil {
		vals = []string{}
	}
	if i := d.mv.find(key); i >= 0 {
		d.mv.entries[i].vals = vals
		return
	}
	d.mv.add(key, vals)
}

// AppendList is Django's QueryDict.appendlist(key, value): value is added
// after the key's values.
func (m *MutableQueryDict) AppendList(key, value string) {
	m.data().appendList(key, value)
}

// appendList adds value after the values of key.
func (d *qdData) appendList(key, value string) {
	if i := d.mv.find(key); i >= 0 {
		d.mv.entries[i].vals = append(d.mv.entries[i].vals, value)
		return
	}
	d.mv.add(key, []string{value})
}

// SetDefault is Django's QueryDict.setdefault(key, value): when key is
// missing it gets the single value; the key's last value is returned
// (for a present key with no values, "").
func (m *MutableQueryDict) SetDefault(key, value string) string {
	d := m.data()
	if i := d.mv.find(key); i >= 0 {
		vals := d.mv.entries[i].vals
		if len(vals) == 0 {
			return ""
		}
		return vals[len(vals)-1]
	}
	d.mv.add(key, []string{value})
	return value
}

// SetListDefault is Django's QueryDict.setlistdefault(key, values): when
// key is missing it gets a copy of values (an empty list when nil); a copy
// of the key's values is returned.
func (m *MutableQueryDict) SetListDefault(key string, values []string) []string {
	d := m.data()
	if i := d.mv.find(key); i >= 0 {
		return slices.Clone(d.mv.entries[i].vals)
	}
	m.SetList(key, values)
	if values == nil {
		return []string{}
	}
	return slices.Clone(values)
}

// Update is Django's QueryDict.update(other): every value of other is
// APPENDED to the key's values (not replaced), keys new to m going last in
// other's order.
func (m *MutableQueryDict) Update(other QueryDict) {
	if other.d == nil {
		return
	}
	d := m.data()
	n := len(other.d.mv.entries)
	for i := 0; i < n; i++ {
		e := other.d.mv.entries[i]
		if j := d.mv.find(e.key); j >= 0 {
			d.mv.entries[j].vals = append(d.mv.entries[j].vals, e.vals...)
			continue
		}
		d.mv.add(e.key, slices.Clone(e.vals))
	}
}

// Del is Django's `del q[key]`: it removes key and its values, reporting
// whether it was present.
func (m *MutableQueryDict) Del(key string) bool {
	_, ok := m.Pop(key)
	return ok
}

// Pop is Django's QueryDict.pop(key): it removes key and returns all its
// values; ok is false when key is missing.
func (m *MutableQueryDict) Pop(key string) (values []string, ok bool) {
	if m.d == nil {
		return nil, false
	}
	i := m.d.mv.find(key)
	if i < 0 {
		return nil, false
	}
	vals := m.d.mv.entries[i].vals
	m.d.mv.remove(i)
	return vals, true
}

// PopItem is Django's QueryDict.popitem(): it removes the key inserted
// last and returns it with its values; ok is false when m is empty.
func (m *MutableQueryDict) PopItem() (key string, values []string, ok bool) {
	if m.Len() == 0 {
		return "", nil, false
	}
	i := len(m.d.mv.entries) - 1
	e := m.d.mv.entries[i]
	m.d.mv.remove(i)
	return e.key, e.vals, true
}

// Clear is Django's QueryDict.clear(): it removes every key.
func (m *MutableQueryDict) Clear() {
	if m.d == nil {
		return
	}
	clear(m.d.mv.entries)
	m.d.mv.entries = m.d.mv.entries[:0]
	m.d.mv.index = nil
}

// mvEntry is one key of a multi-value dictionary and its values.
type mvEntry[V any] struct {
	key  string
	vals []V
}

// mvData is Django's MultiValueDict storage: entries in insertion order,
// and, for more than mvIndexMin keys, an index from key to position (kept
// up to date by every change, so that reads never write).
type mvData[V any] struct {
	entries []mvEntry[V]
	index   map[string]int
}

// mvIndexMin is the number of keys up to which lookups scan the entries.
const mvIndexMin = 12

// find returns the position of key, or -1.
func (d *mvData[V]) find(key string) int {
	if d.index != nil {
		if i, ok := d.index[key]; ok {
			return i
		}
		return -1
	}
	for i := range d.entries {
		if d.entries[i].key == key {
			return i
		}
	}
	return -1
}

// add appends a new key.
func (d *mvData[V]) add(key string, vals []V) {
	d.entries = append(d.entries, mvEntry[V]{key: key, vals: vals})
	switch {
	case d.index != nil:
		d.index[key] = len(d.entries) - 1
	case len(d.entries) > mvIndexMin:
		d.reindex()
	}
}

// remove deletes the entry at i.
func (d *mvData[V]) remove(i int) {
	last := i == len(d.entries)-1
	if d.index != nil {
		delete(d.index, d.entries[i].key)
	}
	d.entries = slices.Delete(d.entries, i, i+1)
	if !last {
		d.reindex()
	} else if len(d.entries) <= mvIndexMin {
		d.index = nil
	}
}

// reindex rebuilds the index from the entries.
func (d *mvData[V]) reindex() {
	if len(d.entries) <= mvIndexMin {
		d.index = nil
		return
	}
	d.index = make(map[string]int, len(d.entries))
	for i := range d.entries {
		d.index[d.entries[i].key] = i
	}
}
