package mediatype

import (
	"math/bits"
	"net/http"
	"strings"
)

// Limits of Accept header processing. Beyond them the header is truncated,
// not rejected: negotiation uses what came before the limit, and
// ParseAccept returns those ranges together with ErrAcceptTooLong or
// ErrTooManyRanges.
const (
	// MaxAcceptLength is the number of bytes of an Accept header (all field
	// lines together) that are read. A list member that does not end within
	// the limit is dropped. Real browsers send under 300 bytes.
	MaxAcceptLength = 4096
	// MaxAcceptEntries is the number of list members of an Accept header,
	// empty ones included, that are read. Later members are ignored.
	MaxAcceptEntries = 64
)

// Range is one media range of an Accept header (RFC 9110 §12.5.1) with its
// weight. Params exclude the q weight. Type and Subtype may be "*".
type Range struct {
	MediaType
	// Q is the weight in thousandths: 0 (not acceptable) to 1000, the
	// default. "q=0.5" is 500.
	Q int
}

// Specificity is Django's MediaType.specificity (and DRF's precedence):
// 0 for "*/*", 1 for "type/*", 2 for "type/subtype" and 3 when the range has
// parameters other than q.
func (r Range) Specificity() int {
	switch {
	case r.Type == "*":
		return 0
	case r.Subtype == "*":
		return 1
	case len(r.Params) == 0:
		return 2
	}
	return 3
}

// String formats r as its media type followed by "; q=0.5" when Q is not
// 1000. ParseAccept(r.String()) gives r back.
func (r Range) String() string {
	b := r.MediaType.AppendTo(make([]byte, 0, r.MediaType.formatLen()+8))
	if r.Q != 1000 {
		b = append(b, "; q="...)
		b = appendQ(b, r.Q)
	}
	return string(b)
}

// appendQ appends the qvalue of q thousandths without trailing zeros
// ("0.5", "0.125", "0", "1").
func appendQ(b []byte, q int) []byte {
	if q >= 1000 {
		return append(b, '1')
	}
	if q <= 0 {
		return append(b, '0')
	}
	b = append(b, '0', '.', byte('0'+q/100), byte('0'+q/10%10), byte('0'+q%10))
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	return b
}

// ParseAccept parses an Accept field value (RFC 9110 §12.5.1) into its media
// ranges, in header order:
//
//	Accept      = #( media-range [ weight ] )
//	media-range = ( "*/*" / ( type "/" "*" ) / ( type "/" subtype ) ) parameters
//	weight      = OWS ";" OWS "q=" qvalue
//
// Malformed members are skipped, never reported: a range that is not
// type/subtype ("*/html", "json", "a/b/c"), a bad parameter, a repeated
// parameter name, more than MaxParams parameters, or an invalid qvalue
// ("q=2", "q=0.5555", "q=abc"). The parser is lenient in two documented ways:
// a bare "*" (sent by Java's HttpURLConnection) reads as "*/*", and a qvalue
// may omit its leading digit (".5"). The q parameter may appear anywhere
// among the parameters; parameters after it are kept as range parameters.
//
// The only errors are ErrAcceptTooLong and ErrTooManyRanges, returned with
// the ranges read before the limit (MaxAcceptLength, MaxAcceptEntries).
// An empty header gives no ranges; the caller decides what an absent header
// means (RFC 9110: any type, i.e. "*/*").
func ParseAccept(accept string) ([]Range, error) {
	var out []Range
	vals := [1]string{accept}
	var it rangeIter
	var e rangeScan
	for {
		valid, ok := it.next(&e, vals[:], nil)
		if !ok {
			break
		}
		if !valid {
			continue
		}
		r := Range{MediaType: MediaType{Type: toLower(e.typ), Subtype: toLower(e.sub)}, Q: e.q}
		if e.nparams > 0 {
			r.Params = make([]Param, 0, e.nparams)
			for p := (paramIter{s: e.params}); p.next(); {
				if !equalFold(p.name, "q") {
					r.Params = append(r.Params, Param{Name: toLower(p.name), Value: paramValue(p.raw)})
				}
			}
		}
		out = append(out, r)
	}
	return out, it.err
}

// AcceptHeader returns the Accept field value of r: "*/*" when r has no
// Accept header (RFC 9110 §12.5.1: any media type), its value when it has
// one field line, and the lines joined with ", " when it has several
// (RFC 9110 §5.3). An empty Accept header stays "" and accepts nothing.
// Only the multi-line case allocates.
func AcceptHeader(r *http.Request) string {
	v, ok := r.Header["Accept"]
	switch {
	case !ok || len(v) == 0:
		return "*/*"
	case len(v) == 1:
		return v[0]
	}
	return strings.Join(v, ", ")
}

// rangeScan is a media range parsed in place by scanRangeAt.
type rangeScan struct {
	tok      string // the list member trimmed of OWS
	typ, sub string // as written ("*" for a bare "*")
	params   string // the parameter section, q included, as written
	nparams  int    // parameters other than q
	q        int    // weight in thousandths
	spec     int    // 0 for */*, 1 for type/*, 2 for type/subtype
}

// scanRange parses s, one Accept list member trimmed of OWS, under the
// grammar of ParseAccept, without allocating.
func scanRange(r *rangeScan, s string) bool {
	end, ok := scanRangeAt(r, s, 0)
	return ok && end == len(s) && r.tok == s
}

// scanRangeAt parses the list member of v that starts at i as a media range
// into r, in one pass and without allocating (RFC 9110 §12.5.1, with the
// leniencies of ParseAccept). end is the index of the ',' that ends the
// member, or len(v); commas inside quoted-strings do not end it. ok is false
// for a member that is not a valid range; r is then incomplete.
func scanRangeAt(r *rangeScan, v string, i int) (end int, ok bool) {
	i = skipOWS(v, i)
	start := i
	// type "/" subtype, or a bare "*" (Java's HttpURLConnection sends
	// "*; q=.2").
	for i < len(v) && isTchar(v[i]) {
		i++
	}
	switch {
	case i == start:
		return skipElem(v, i), false
	case i < len(v) && v[i] == '/':
		r.typ = v[start:i]
		i++
		s := i
		for i < len(v) && isTchar(v[i]) {
			i++
		}
		if i == s {
			return skipElem(v, i), false
		}
		r.sub = v[s:i]
	case i == start+1 && v[start] == '*':
		r.typ, r.sub = "*", "*"
	default:
		return skipElem(v, i), false
	}
	anyType := len(r.typ) == 1 && r.typ[0] == '*'
	anySub := len(r.sub) == 1 && r.sub[0] == '*'
	switch {
	case anyType && !anySub:
		return skipElem(v, i), false // "*/html" is not a media range
	case anyType:
		r.spec = 0
	case anySub:
		r.spec = 1
	default:
		r.spec = 2
	}
	return scanParams(r, v, start, i)
}

// scanParams parses the parameters of the media range of v that starts at
// start and whose type and subtype, end at i: r.typ, r.sub and r.spec are
// set. It is the rest of scanRangeAt.
func scanParams(r *rangeScan, v string, start, i int) (end int, ok bool) {
	r.q, r.nparams = 1000, 0
	// Fast path: no parameters, or only a q weight, up to the end of the
	// member.
	if end, q, ok := scanWeight(v, i); ok {
		if q < 0 {
			return end, false
		}
		r.q, r.params, r.tok = q, v[i:end], v[start:end]
		return end, end-start <= MaxLength
	}
	pstart := i
	seenQ := false
	// parameters = *( OWS ";" OWS [ parameter ] )
	for {
		j := i
		for j < len(v) && isOWS(v[j]) {
			j++
		}
		if j >= len(v) || v[j] == ',' {
			end = j
			break
		}
		if v[j] != ';' {
			return skipElem(v, j), false
		}
		j = skipOWS(v, j+1)
		if j >= len(v) || v[j] == ';' || v[j] == ',' {
			i = j
			continue
		}
		ns := j
		for j < len(v) && isTchar(v[j]) {
			j++
		}
		if j == ns || j >= len(v) || v[j] != '=' {
			return skipElem(v, j), false
		}
		name := v[ns:j]
		j++
		vs := j
		if j < len(v) && v[j] == '"' {
			if j = scanQuoted(v, j); j < 0 {
				return skipElem(v, vs), false
			}
		} else {
			for j < len(v) && isTchar(v[j]) {
				j++
			}
			if j == vs {
				return skipElem(v, j), false
			}
		}
		i = j
		if len(name) == 1 && name[0]|0x20 == 'q' {
			if seenQ {
				return skipElem(v, j), false
			}
			seenQ = true
			if r.q = parseQ(v[vs:j]); r.q < 0 {
				return skipElem(v, j), false
			}
			continue
		}
		r.nparams++
		if r.nparams > MaxParams {
			return skipElem(v, j), false
		}
		if r.nparams > 1 {
			for p := (paramIter{s: v[pstart:ns]}); p.next(); {
				if equalFold(p.name, name) {
					return skipElem(v, j), false
				}
			}
		}
	}
	// v[i] is the first byte after the last parameter (or the subtype).
	p := pstart
	for p < i && isOWS(v[p]) {
		p++
	}
	r.params = v[p:i]
	r.tok = v[start:i]
	return end, i-start <= MaxLength
}

// scanWeight reads the rest of a media range of v after its type and
// subtype, at i, when it is nothing or only a weight (";q=0.8") up to the
// end of the member, as scanParams would: ok reports such a rest, end is
// the member's end, and q its weight, or -1 when invalid.
func scanWeight(v string, i int) (end, q int, ok bool) {
	if i == len(v) || v[i] == ',' {
		return i, 1000, true
	}
	if i+3 < len(v) && v[i] == ';' && v[i+1]|0x20 == 'q' && v[i+2] == '=' {
		j := i + 3
		for j < len(v) && isTchar(v[j]) {
			j++
		}
		if j > i+3 && (j == len(v) || v[j] == ',') {
			if j == i+6 && v[i+3] == '0' && v[i+4] == '.' && v[i+5]-'0' <= 9 {
				return j, int(v[i+5]-'0') * 100, true // "0.8"
			}
			return j, parseQ(v[i+3 : j]), true
		}
	}
	return 0, 0, false
}

// skipElem returns the index of the ',' at or after i that ends a list
// member, skipping quoted-strings, or len(v).
func skipElem(v string, i int) int {
	for i < len(v) {
		switch v[i] {
		case ',':
			return i
		case '"':
			if q := scanQuoted(v, i); q > 0 {
				i = q
				continue
			}
		}
		i++
	}
	return i
}

// skipElemFast is skipElem, looking for ',' and '"' eight bytes at a time.
func skipElemFast(v string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(v); i += 8 {
		x := load64(v[i:])
		c, q := x^(ones*','), x^(ones*'"')
		// The lowest set bit of (y - ones) &^ y & highs marks the first
		// zero byte of y.
		if m := ((c-ones)&^c | (q-ones)&^q) & highs; m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			if v[i] == ',' {
				return i
			}
			return skipElem(v, i)
		}
	}
	for ; i < len(v); i++ {
		switch v[i] {
		case ',':
			return i
		case '"':
			return skipElem(v, i)
		}
	}
	return i
}

// load64 returns the first 8 bytes of s as a little-endian word; the
// compiler merges the byte loads into one.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// rangeIter reads the media ranges of Accept field values one by one,
// applying MaxAcceptLength and MaxAcceptEntries, without allocating. The
// values are passed to every call rather than stored, so that a caller's
// stack array of values never escapes.
type rangeIter struct {
	vi, i int // current value, offset in it
	used  int // bytes of the joined header consumed so far
	count int
	err   error
}

// next reads the next list member of vals into r; valid is false for a
// member that is not a valid range, ok is false at the end or when a limit
// is reached (then err is set). With a filter, members are read by
// filter.rfcMember, which skips those that match none of its offers
// unparsed and reports them not valid: the limits count them all the same.
func (it *rangeIter) next(r *rangeScan, vals []string, filter *Negotiator) (valid, ok bool) {
	for it.vi < len(vals) {
		v := vals[it.vi]
		if it.i > len(v) {
			// Next field line; the lines join with ", ", and the member
			// before already counted the ",".
			it.vi++
			it.i = 0
			it.used++
			continue
		}
		if it.count >= MaxAcceptEntries {
			it.err = ErrTooManyRanges
			it.vi = len(vals)
			return false, false
		}
		view := v
		if room := max(MaxAcceptLength-it.used, 0); len(v)-it.i > room {
			view = v[:it.i+room]
		}
		var end int
		if filter != nil {
			end, valid = filter.rfcMember(r, view, it.i)
		} else {
			end, valid = scanRangeAt(r, view, it.i)
		}
		if end == len(view) && len(view) < len(v) && v[end] != ',' {
			it.err = ErrAcceptTooLong
			it.vi = len(vals)
			return false, false
		}
		it.used += end - it.i + 1
		it.count++
		it.i = end + 1
		return valid, true
	}
	return false, false
}

// parseQ parses a qvalue (RFC 9110 §12.4.2) into thousandths, or returns -1:
//
//	qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
//
// A missing leading digit (".5") is accepted.
func parseQ(s string) int {
	if s == "" || len(s) > 5 {
		return -1
	}
	q := 0
	i := 0
	switch s[0] {
	case '0':
		i = 1
	case '1':
		q, i = 1000, 1
	case '.':
		if len(s) == 1 {
			return -1
		}
	default:
		return -1
	}
	if i == len(s) {
		return q
	}
	if s[i] != '.' {
		return -1
	}
	frac := s[i+1:]
	if len(frac) > 3 {
		return -1
	}
	scale := 100
	for j := 0; j < len(frac); j++ {
		c := frac[j]
		if c < '0' || c > '9' {
			return -1
		}
		q += int(c-'0') * scale
		scale /= 10
	}
	if q > 1000 {
		return -1
	}
	return q
}

// listIter splits Accept field values on every ',' into list members, as
// DRF's header.split(',') does, applying MaxAcceptLength and
// MaxAcceptEntries, without allocating. Members are returned untrimmed. The
// values are passed to every call of next rather than stored, so that a
// caller's stack array of values never escapes.
type listIter struct {
	vi, i int // current value, offset in it
	used  int // bytes of the joined header consumed so far
	count int
	err   error
}

// next returns the next list member of vals; ok is false at the end or
// when a limit is reached (then err is set).
func (it *listIter) next(vals []string) (elem string, ok bool) {
	for it.vi < len(vals) {
		v := vals[it.vi]
		if it.i > len(v) {
			// Next field line; the lines join with ", ", and the member
			// before already counted the ",".
			it.vi++
			it.i = 0
			it.used++
			continue
		}
		if it.count >= MaxAcceptEntries {
			it.err = ErrTooManyRanges
			it.vi = len(vals)
			return "", false
		}
		end := strings.IndexByte(v[it.i:], ',')
		if end < 0 {
			end = len(v)
		} else {
			end += it.i
		}
		if it.used+end-it.i > MaxAcceptLength {
			it.err = ErrAcceptTooLong
			it.vi = len(vals)
			return "", false
		}
		elem = v[it.i:end]
		it.used += end - it.i + 1
		it.count++
		it.i = end + 1
		return elem, true
	}
	return "", false
}
