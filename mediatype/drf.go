package mediatype

import "strings"

// DRFMediaType is DRF's rest_framework.utils.mediatypes._MediaType: a media
// type read with Django's lenient header-parameter rules (spec §1.1, §1.4).
// Anything parses: "" has empty types, "garbage" has MainType "garbage" and
// an empty SubType.
type DRFMediaType struct {
	// Orig is the string as given (DRF's orig).
	Orig string
	// MainType and SubType are the lower-cased halves of the part before
	// the first ';', split at the first '/' (SubType is "" without one).
	// Inner whitespace is kept ("text / html" has MainType "text ").
	MainType string
	SubType  string
	// Params is DRF's params dict in insertion order: names lower-cased
	// and stripped of a trailing '*', values unquoted; a repeated name keeps
	// its first position and its last value. q is included.
	Params []Param
}

// ParseDRF parses s the way DRF 3.14's _MediaType does (Django's
// parse_header_parameters, spec §1.1–1.2): the text before the first ';'
// that is not inside a quoted string is the type, lower-cased; every
// following piece containing '=' is a parameter (name stripped and
// lower-cased, value stripped and unquoted with `\\` and `\"` unescaped);
// pieces without '=' are dropped. A name ending in '*' holds an RFC 2231
// value (charset'lang'pct-encoded) that is decoded.
//
// Where DRF raises, ParseDRF returns an error instead: ErrNonASCII for a
// non-ASCII byte in the type or a parameter name (DRF: UnicodeDecodeError),
// ErrInvalidEncoding for a bad RFC 2231 value. It also enforces MaxLength
// (ErrTooLong) and MaxParams, counting repeated names (ErrTooManyParams).
func ParseDRF(s string) (DRFMediaType, error) {
	key, params, err := pyParse(s, true)
	if err != nil {
		return DRFMediaType{}, err
	}
	m := DRFMediaType{Orig: s, Params: params}
	m.MainType, m.SubType, _ = strings.Cut(key, "/")
	return m, nil
}

// Precedence is DRF's _MediaType.precedence (spec §1.5): 0 when the main
// type is "*", else 1 when the sub type is "*", else 2 when there are no
// parameters or only q, else 3.
func (m DRFMediaType) Precedence() int {
	switch {
	case m.MainType == "*":
		return 0
	case m.SubType == "*":
		return 1
	case len(m.Params) == 0 || len(m.Params) == 1 && m.Params[0].Name == "q":
		return 2
	}
	return 3
}

// Match is DRF's _MediaType.match (spec §1.6): it reports whether m is
// satisfied by other. Every parameter of m except q must be in other with
// the identical (case-sensitive) value — other may have more —, and sub and
// main types must be equal or either be "*". It is not symmetric: renderer
// "application/json" matches the accepted "application/json; indent=4", but
// "application/json; indent=8" does not match "*/*".
func (m DRFMediaType) Match(other DRFMediaType) bool {
	for _, p := range m.Params {
		if p.Name == "q" {
			continue
		}
		if v, ok := other.Param(p.Name); !ok || v != p.Value {
			return false
		}
	}
	if m.SubType != "*" && other.SubType != "*" && other.SubType != m.SubType {
		return false
	}
	return m.MainType == "*" || other.MainType == "*" || other.MainType == m.MainType
}

// Param returns the value of the parameter name (lower case) and whether
// it is present.
func (m DRFMediaType) Param(name string) (string, bool) {
	for _, p := range m.Params {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}

// String is DRF's str(_MediaType) (spec §1.7): "main/sub" followed by
// "; name=value" for each parameter, values unquoted as stored
// ("test/*; foo=bar", and "/" for an empty media type).
func (m DRFMediaType) String() string {
	var b strings.Builder
	b.WriteString(m.MainType)
	b.WriteByte('/')
	b.WriteString(m.SubType)
	for _, p := range m.Params {
		b.WriteString("; ")
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(p.Value)
	}
	return b.String()
}

// MediaTypeMatches is DRF's media_type_matches(lhs, rhs):
// ParseDRF(lhs).Match(ParseDRF(rhs)). It is false when either does not parse
// (where DRF raises).
func MediaTypeMatches(lhs, rhs string) bool {
	l, err := ParseDRF(lhs)
	if err != nil {
		return false
	}
	r, err := ParseDRF(rhs)
	if err != nil {
		return false
	}
	return l.Match(r)
}

// OrderByPrecedence is DRF's order_by_precedence (spec §1.8): it groups the
// media type strings by precedence, most specific first (3, 2, 1, 0), and
// drops empty groups. DRF's groups are sets with no defined order; here
// each group keeps the input order with duplicates removed. Strings that
// ParseDRF rejects are left out (DRF raises).
func OrderByPrecedence(mediaTypes []string) [][]string {
	var buckets [4][]string
	for _, s := range mediaTypes {
		m, err := ParseDRF(s)
		if err != nil {
			continue
		}
		b := &buckets[3-m.Precedence()]
		dup := false
		for _, t := range *b {
			if t == s {
				dup = true
				break
			}
		}
		if !dup {
			*b = append(*b, s)
		}
	}
	var out [][]string
	for _, b := range buckets {
		if len(b) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// drfScan is one Accept token read in place the way DRF reads it, for
// allocation-free negotiation.
type drfScan struct {
	raw    string // the stripped token: DRF's reported media type when verbatim
	main   string // halves of the type, as written (compare case-insensitively)
	sub    string
	params string // the text after the type's ';' ("" without parameters)
	prec   int    // precedence 0..3
	npar   int    // parameter pieces (pieces holding '=')
}

// scanDRF reads a raw Accept token (before stripping). ok is false where
// DRF would raise (non-ASCII type or parameter name, bad RFC 2231 value) or
// a limit is exceeded: the token is skipped.
func scanDRF(t *drfScan, tok string) (ok bool) {
	*t = drfScan{raw: pyStrip(tok)}
	if len(t.raw) > MaxLength {
		return false
	}
	// The type: up to the first ';' with an even number of '"' before it
	// (pyPieces' rule); quotes in a type are rare enough for the slow path.
	raw := t.raw
	end := strings.IndexByte(raw, ';')
	switch {
	case end < 0:
		end = len(raw)
	case strings.IndexByte(raw[:end], '"') >= 0:
		pp := pyPieces{s: raw}
		pp.next()
		if end = len(raw); !pp.done {
			end = len(raw) - len(pp.s) - 1
		}
	}
	if end < len(raw) {
		t.params = raw[end+1:]
	}
	var acc byte
	for i := 0; i < end; i++ {
		acc |= raw[i]
	}
	if acc >= 0x80 {
		return false
	}
	slash := strings.IndexByte(raw[:end], '/')
	// raw is stripped, so only the end of the type can hold whitespace:
	// "text / html" has the main type "text " and the sub type " html".
	if slash < 0 {
		t.main = pyRStrip(raw[:end])
	} else {
		t.main, t.sub = raw[:slash], pyRStrip(raw[slash+1:end])
	}
	pp := pyPieces{s: t.params, done: end == len(raw)}
	onlyQ := true
	for {
		piece, more := pp.next()
		if !more {
			break
		}
		p, isParam := splitPyParam(piece)
		if !isParam {
			continue
		}
		if hasNonASCII(p.name) {
			return false
		}
		if t.npar++; t.npar > MaxParams {
			return false
		}
		if p.enc {
			if _, err := p.decoded(); err != nil {
				return false
			}
		}
		if !p.isQ() {
			onlyQ = false
		}
	}
	switch {
	case t.main == "*":
		t.prec = 0
	case t.sub == "*":
		t.prec = 1
	case onlyQ:
		t.prec = 2
	default:
		t.prec = 3
	}
	return true
}

// lookup returns the last parameter piece of t named name (lower case),
// as DRF's dict keeps the last value.
func (t *drfScan) lookup(name string) (pyParam, bool) {
	var last pyParam
	found := false
	if t.npar == 0 {
		return last, false
	}
	pp := pyPieces{s: t.params, done: t.params == ""}
	for {
		piece, more := pp.next()
		if !more {
			return last, found
		}
		if p, ok := splitPyParam(piece); ok && equalFold(p.name, name) {
			last, found = p, true
		}
	}
}

// drfMatch is DRF's media_type_matches(offer, token) on a pre-parsed offer.
func drfMatch(o *offer, t *drfScan) bool {
	for _, p := range o.params {
		if p.Name == "q" {
			continue
		}
		tp, ok := t.lookup(p.Name)
		if !ok || !tp.equalValue(p.Value) {
			return false
		}
	}
	if o.sub != "*" && t.sub != "*" && !equalFold(t.sub, o.sub) {
		return false
	}
	return o.typ == "*" || t.main == "*" || equalFold(t.main, o.typ)
}

// appendDRFComposite appends what DRF reports when the renderer is more
// specific than the token (spec §2.6): the renderer's media type followed by
// ";name=value" for each entry of the token's params dict (lower-cased
// names, first position, last value), with no spaces.
func appendDRFComposite(b []byte, offerRaw, params string) []byte {
	b = append(b, offerRaw...)
	pp := pyPieces{s: params, done: params == ""}
	seen := 0
	for {
		piece, more := pp.next()
		if !more {
			return b
		}
		p, ok := splitPyParam(piece)
		if !ok {
			continue
		}
		seen++
		if earlierName(params, p.name, seen) {
			continue
		}
		last := p
		rest := pp
		for {
			piece2, more2 := rest.next()
			if !more2 {
				break
			}
			if p2, ok2 := splitPyParam(piece2); ok2 && equalFold(p2.name, p.name) {
				last = p2
			}
		}
		v, _ := last.decoded()
		b = append(b, ';')
		b = appendLower(b, p.name)
		b = append(b, '=')
		b = append(b, v...)
	}
}

// earlierName reports whether one of the first n-1 parameter pieces of
// params is named name.
func earlierName(params, name string, n int) bool {
	pp := pyPieces{s: params, done: params == ""}
	for i := 1; i < n; {
		piece, more := pp.next()
		if !more {
			return false
		}
		p, ok := splitPyParam(piece)
		if !ok {
			continue
		}
		if equalFold(p.name, name) {
			return true
		}
		i++
	}
	return false
}
