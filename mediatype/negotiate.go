package mediatype

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Mode selects the negotiation algorithm of a Negotiator.
type Mode uint8

const (
	// ModeRFC negotiates per RFC 9110 §12.5.1, the default (zero value):
	// q-values are honoured and q=0 excludes, a higher q wins, then the
	// specificity of the most specific range matching the offer, then the
	// offer order.
	ModeRFC Mode = iota
	// ModeDRF reproduces DRF 3.14's DefaultContentNegotiation.select_renderer
	// (spec §2): Accept entries are bucketed by precedence, the offer order
	// decides within a bucket, q-values are ignored (even q=0), and the
	// accepted media type is reported the way DRF builds it.
	ModeDRF
)

// String returns "rfc9110" or "drf".
func (m Mode) String() string {
	switch m {
	case ModeRFC:
		return "rfc9110"
	case ModeDRF:
		return "drf"
	}
	return "Mode(" + strconv.Itoa(int(m)) + ")"
}

// stackOffers is the number of offers whose per-offer state ModeRFC keeps on
// the stack; larger Negotiators allocate one slice per call.
const stackOffers = 8

// offer is one pre-parsed offer of a Negotiator.
type offer struct {
	raw      string // as given: DRF builds its composite from it
	typ, sub string // lower case
	params   []Param
	prec     int    // DRF precedence
	pat      string // typ + "/" + sub, for the candidate pre-filters
	anyType  bool   // typ is "*"
	anySub   bool   // sub is "*"
	wild     bool   // anyType || anySub
}

// param returns the offer's parameter value.
func (o *offer) param(name string) (string, bool) {
	for _, p := range o.params {
		if equalFold(p.Name, name) {
			return p.Value, true
		}
	}
	return "", false
}

// Negotiator chooses among an ordered list of offered media types (for
// example one per renderer) the one an Accept header prefers. It is DRF's
// DefaultContentNegotiation.select_renderer over pre-parsed renderer media
// types. Build it once with NewNegotiator and share it: it is immutable and
// safe for concurrent use. The zero value has no offers and matches nothing.
type Negotiator struct {
	mode   Mode
	offers []offer
	// filter enables the pre-filters (rfcClassify, drfCandidate) that
	// skip Accept members matching no offer without parsing them: every
	// offer's type and subtype are tokens, and no type is "*".
	filter bool
	// pats are the offers' patterns for the pre-filters, by offer;
	// words is set when all are at most 16 bytes long and compiled.
	pats  []patWords
	words bool
	// distinct: n.filter, no offer is a wildcard and no two have the
	// same type and subtype, so a range "type/subtype" without
	// parameters matches one offer at most.
	distinct bool
	// first holds the first bytes of the offers' (lower-case) types.
	first byteSet
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(c byte)      { s[c>>6] |= 1 << (c & 63) }
func (s *byteSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// NewNegotiator returns a Negotiator for offers, in server preference order
// (DRF: the view's renderer order), negotiating in mode. In ModeRFC each
// offer must be a valid media type (Parse); wildcards such as "image/*" are
// allowed and report the client's type. In ModeDRF offers are read as DRF
// reads renderer media types (ParseDRF), so "application/json; indent=8"
// is an offer that only an Accept entry with indent=8 selects. An offer
// that does not parse is an error naming it.
func NewNegotiator(mode Mode, offers ...string) (*Negotiator, error) {
	if mode > ModeDRF {
		return nil, fmt.Errorf("mediatype: unknown negotiation mode %d", mode)
	}
	n := &Negotiator{mode: mode, offers: make([]offer, len(offers))}
	for i, s := range offers {
		o := &n.offers[i]
		o.raw = s
		if mode == ModeDRF {
			m, err := ParseDRF(s)
			if err != nil {
				return nil, fmt.Errorf("mediatype: offer %q: %w", s, err)
			}
			o.typ, o.sub, o.params, o.prec = m.MainType, m.SubType, m.Params, m.Precedence()
			continue
		}
		m, err := Parse(s)
		if err != nil {
			return nil, fmt.Errorf("mediatype: offer %q: %w", s, err)
		}
		o.typ, o.sub, o.params = m.Type, m.Subtype, m.Params
		o.anyType, o.anySub = m.Type == "*", m.Subtype == "*"
		o.wild = o.anyType || o.anySub
	}
	n.filter = true
	for i := range n.offers {
		o := &n.offers[i]
		if o.typ == "*" || !isToken(o.typ) || !isToken(o.sub) {
			n.filter = false
			break
		}
		o.pat = o.typ + "/" + o.sub
		n.first.add(o.typ[0])
	}
	if n.filter {
		n.pats = make([]patWords, len(n.offers))
		n.words = true
		for i := range n.offers {
			o, p := &n.offers[i], &n.pats[i]
			p.typLen, p.patLen, p.anySub = len(o.typ), len(o.pat), o.sub == "*"
			if len(o.pat) <= 16 {
				p.compile(o.pat, len(o.typ))
			} else {
				n.words = false
			}
		}
	}
	n.distinct = n.filter && mode == ModeRFC
	for i := range n.offers {
		o := &n.offers[i]
		if o.wild || len(o.pat) > MaxLength {
			n.distinct = false
		}
		for j := range i {
			if n.offers[j].pat == o.pat {
				n.distinct = false
			}
		}
	}
	return n, nil
}

// Mode returns the negotiation mode.
func (n *Negotiator) Mode() Mode { return n.mode }

// Len returns the number of offers.
func (n *Negotiator) Len() int { return len(n.offers) }

// Match is the result of a negotiation: which offer was chosen and the
// accepted media type, with its parameters (DRF's
// response.accepted_media_type). It is a small value that refers to the
// Accept header it came from; it allocates nothing until MediaType has to
// build a string.
type Match struct {
	// Index is the position of the chosen offer in the Negotiator's offers.
	Index int

	offer   *offer
	token   string // DRF: the stripped Accept token; RFC: the matched range
	params  string // the token's parameter section, as written
	compose bool   // the media type is built from the offer and the token
	mode    Mode
}

// Offer returns the chosen offer as it was given to NewNegotiator.
func (m Match) Offer() string {
	if m.offer == nil {
		return ""
	}
	return m.offer.raw
}

// MediaType returns the accepted media type, DRF's accepted_media_type.
//
// In ModeDRF it is exactly DRF's string (spec §2.6): the client's Accept
// token verbatim (stripped, case and inner spacing kept) when it is at
// least as specific as the offer, else the offer followed by the token's
// parameters as ";name=value" with no spaces ("*/*;q=0.8" offered
// "application/json" gives "application/json;q=0.8").
//
// In ModeRFC it is the offer, with the parameters of the matched Accept
// range that the offer lacks appended as "; name=value" (q excluded), and a
// wildcard in the offer replaced by the client's type: "*/*; indent=4"
// offered "application/json" gives "application/json; indent=4", and
// "image/png" offered "image/*" gives "image/png".
//
// MediaType allocates only when it has to combine the two; use
// AppendMediaType to avoid even that.
func (m Match) MediaType() string {
	if m.offer == nil {
		return ""
	}
	if !m.compose {
		if m.mode == ModeDRF {
			return m.token
		}
		return m.offer.raw
	}
	return string(m.AppendMediaType(make([]byte, 0, len(m.offer.raw)+len(m.params)+8)))
}

// AppendMediaType appends MediaType to b and returns the extended buffer.
func (m Match) AppendMediaType(b []byte) []byte {
	if m.offer == nil {
		return b
	}
	switch {
	case m.mode == ModeDRF && m.compose:
		return appendDRFComposite(b, m.offer.raw, m.params)
	case m.mode == ModeDRF:
		return append(b, m.token...)
	case !m.compose:
		return append(b, m.offer.raw...)
	}
	o := m.offer
	var e rangeScan
	scanRange(&e, m.token)
	if o.typ == "*" {
		b = appendLower(b, e.typ)
	} else {
		b = append(b, o.typ...)
	}
	b = append(b, '/')
	if o.sub == "*" {
		b = appendLower(b, e.sub)
	} else {
		b = append(b, o.sub...)
	}
	for _, p := range o.params {
		b = append(b, "; "...)
		b = append(b, p.Name...)
		b = append(b, '=')
		b = appendValue(b, p.Value)
	}
	for p := (paramIter{s: e.params}); p.next(); {
		if equalFold(p.name, "q") {
			continue
		}
		if _, ok := o.param(p.name); ok {
			continue
		}
		b = append(b, "; "...)
		b = appendLower(b, p.name)
		b = append(b, '=')
		b = appendRawValue(b, p.raw)
	}
	return b
}

// appendRawValue appends the parameter value written as raw (a token or a
// quoted-string) in the canonical form of appendValue: unquoted when it is
// a token, else quoted with only '"' and '\' escaped.
func appendRawValue(b []byte, raw string) []byte {
	if len(raw) < 2 || raw[0] != '"' {
		return append(b, raw...)
	}
	in := raw[1 : len(raw)-1]
	switch {
	case strings.IndexByte(in, '\\') >= 0:
		return appendValue(b, unquote(raw))
	case isToken(in):
		return append(b, in...)
	}
	return append(b, raw...)
}

// Param returns a parameter of the accepted media type, such as the
// "indent" a JSON renderer reads, and whether it is present. Names are
// case-insensitive. The value comes from the Accept entry (unquoted; in
// ModeDRF the last of repeated names, as DRF's dict keeps it) or else from
// the offer. In ModeDRF "q" is a parameter like any other, as in DRF; in
// ModeRFC it is the weight and not reported. Param does not allocate unless
// the value holds escapes or RFC 2231 encoding.
func (m Match) Param(name string) (string, bool) {
	if m.offer == nil {
		return "", false
	}
	if m.mode == ModeDRF {
		if m.params != "" {
			t := drfScan{params: m.params, npar: 1}
			if p, ok := t.lookup(name); ok {
				v, err := p.decoded()
				return v, err == nil
			}
		}
		if m.compose {
			return m.offer.param(name)
		}
		return "", false
	}
	if !equalFold(name, "q") {
		for p := (paramIter{s: m.params}); p.next(); {
			if equalFold(p.name, name) {
				return paramValue(p.raw), true
			}
		}
	}
	return m.offer.param(name)
}

// Negotiate chooses the offer that the Accept field value accept prefers,
// and reports false when none is acceptable (DRF's NotAcceptable, a 406).
// An empty accept is an empty Accept header, which accepts nothing; for an
// absent header pass "*/*" or use NegotiateRequest. Malformed Accept entries
// are skipped, never an error; the header is read up to MaxAcceptLength
// bytes and MaxAcceptEntries entries. Negotiate does not allocate, except
// for one small slice per call in ModeRFC with more than 8 offers.
func (n *Negotiator) Negotiate(accept string) (Match, bool) {
	vals := [1]string{accept}
	if n.mode == ModeRFC && len(n.offers) > 0 {
		return n.negotiateRFC(vals[:])
	}
	return n.negotiate(vals[:])
}

// NegotiateRequest is Negotiate for the Accept header of r: an absent
// header means "*/*" (RFC 9110 §12.5.1, DRF's default) and several Accept
// field lines are read as one list, without allocating.
func (n *Negotiator) NegotiateRequest(r *http.Request) (Match, bool) {
	vals, ok := r.Header["Accept"]
	if !ok || len(vals) == 0 {
		star := [1]string{"*/*"}
		return n.negotiate(star[:])
	}
	return n.negotiate(vals)
}

func (n *Negotiator) negotiate(vals []string) (Match, bool) {
	if len(n.offers) == 0 {
		return Match{}, false
	}
	if n.mode == ModeDRF {
		return n.negotiateDRF(vals)
	}
	return n.negotiateRFC(vals)
}

// hasPrefixFold reports whether s begins with p, a lower-case string,
// under ASCII case folding.
func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && equalFold(s[:len(p)], p)
}

// patWords is an offer's "type/subtype" compiled for the candidate
// pre-filters, which compare the first 16 bytes of an Accept member with
// it in two words: w0 and w1 hold its bytes 0–7 and 8–15 (little-endian,
// zero-padded); k0 and k1 select the bits of the whole pattern that must be
// equal (all of each byte but the 0x20 bit of a letter, which is the case),
// t0 and t1 those of its "type/" prefix, y0 and y1 those of its type.
type patWords struct {
	w0, w1, k0, k1, t0, t1 uint64
	y0, y1                 uint64 // the mask of the type alone
	typLen, patLen         int    // of the offer's type and pattern
	anySub                 bool   // the offer's subtype is "*"
}

// compile sets the words of pat, a lower-case "type/subtype" of at most 16
// bytes whose type is typLen bytes long.
func (p *patWords) compile(pat string, typLen int) {
	for i := 0; i < len(pat); i++ {
		c, k := uint64(pat[i]), uint64(0xff)
		if 'a' <= c && c <= 'z' {
			k = 0xdf
		}
		w, sh := &p.w0, 8*i
		kp, tp := &p.k0, &p.t0
		if i >= 8 {
			w, sh, kp, tp = &p.w1, 8*(i-8), &p.k1, &p.t1
		}
		*w |= c << sh
		*kp |= k << sh
		if i <= typLen {
			*tp |= k << sh
		}
		if i < typLen {
			yp := &p.y0
			if i >= 8 {
				yp = &p.y1
			}
			*yp |= k << sh
		}
	}
}

// Kinds of Accept member for the RFC pre-filter.
const (
	memberSkip  = iota // matches no offer
	memberParse        // may match: parse it
	memberExact        // an offer's type/subtype exactly, then a non-tchar
	memberStar         // "*/*", then a non-tchar
)

// rfcClassify looks at the start s of an Accept list member (after OWS),
// to parse only the media ranges (RFC 9110 §12.5.1) that may match an
// offer: memberStar when it begins with "*/*" and a byte that is not a
// tchar; memberParse when its type begins with '*' otherwise, or it begins
// with an offer's "type/" followed by '*' (or the offer's subtype is "*");
// memberExact with the offer's index when it begins with an offer's type
// and subtype followed by a byte that is not a tchar (or its end); else
// memberSkip: such a member matches no offer, whatever follows. Types are
// compared case-insensitively, 16 bytes at a time. It needs n.filter.
// rfcQuoteless has an inlined copy of the word path.
func (n *Negotiator) rfcClassify(s string) (kind, k int) {
	if len(s) < 16 || !n.words {
		return n.classifyShort(s)
	}
	x0, x1 := load64(s), load64(s[8:])
	if c := byte(x0); c == '*' || !n.first.has(lower(c)) {
		switch {
		case c != '*':
			return memberSkip, 0
		case x0&0xffffff == '*'|'/'<<8|'*'<<16 && !isTchar(byte(x0>>24)):
			return memberStar, 0
		}
		return memberParse, 0
	}
	for k := range n.pats {
		p := &n.pats[k]
		d0, d1 := x0^p.w0, x1^p.w1
		if d0&p.t0|d1&p.t1 != 0 {
			continue
		}
		if e := p.patLen; d0&p.k0|d1&p.k1 == 0 && (e == len(s) || !isTchar(s[e])) {
			return memberExact, k
		}
		if j := p.typLen + 1; p.anySub || j < len(s) && s[j] == '*' {
			return memberParse, k
		}
	}
	return memberSkip, 0
}

// classifyShort is rfcClassify byte by byte, for a short s or offers
// without words.
func (n *Negotiator) classifyShort(s string) (kind, k int) {
	if len(s) == 0 {
		return memberSkip, 0
	}
	if c := s[0]; c == '*' || !n.first.has(lower(c)) {
		switch {
		case c != '*':
			return memberSkip, 0
		case len(s) >= 3 && s[1] == '/' && s[2] == '*' && (len(s) == 3 || !isTchar(s[3])):
			return memberStar, 0
		}
		return memberParse, 0
	}
	for k := range n.pats {
		if kind := n.classifySlow(s, k); kind != memberSkip {
			return kind, k
		}
	}
	return memberSkip, 0
}

// classifySlow is rfcClassify for one offer k, byte by byte.
func (n *Negotiator) classifySlow(s string, k int) int {
	o := &n.offers[k]
	j := len(o.typ) + 1
	if !hasPrefixFold(s, o.pat[:j]) {
		return memberSkip
	}
	if e := len(o.pat); hasPrefixFold(s[j:], o.sub) && (e == len(s) || !isTchar(s[e])) {
		return memberExact
	}
	if o.anySub || j < len(s) && s[j] == '*' {
		return memberParse
	}
	return memberSkip
}

// rfcMember reads the list member of v that starts at i as scanRangeAt
// does, except that a member rfcClassify rejects is skipped unparsed and
// reported not valid (it would match no offer).
func (n *Negotiator) rfcMember(e *rangeScan, v string, i int) (end int, valid bool) {
	if !n.filter {
		return scanRangeAt(e, v, i)
	}
	start := skipOWS(v, i)
	kind, k := n.rfcClassify(v[start:])
	switch kind {
	case memberSkip:
		return skipElemFast(v, start), false
	case memberExact:
		return n.scanExact(e, v, start, k)
	case memberStar:
		return scanStar(e, v, start)
	}
	return scanRangeAt(e, v, start)
}

// scanStar is scanRangeAt for a member of v that begins with "*/*" at
// start, then a byte that is not a tchar.
func scanStar(e *rangeScan, v string, start int) (end int, valid bool) {
	e.typ, e.sub, e.spec = v[start:start+1], v[start+2:start+3], 0
	return scanParams(e, v, start, start+3)
}

// scanExact is scanRangeAt for the member of v at start that rfcClassify
// found to begin with offer k's type and subtype.
func (n *Negotiator) scanExact(e *rangeScan, v string, start, k int) (end int, valid bool) {
	o := &n.offers[k]
	t := start + len(o.typ)
	e.typ, e.sub = v[start:t], v[t+1:start+len(o.pat)]
	e.spec = 2
	if o.anySub {
		e.spec = 1
	}
	return scanParams(e, v, start, start+len(o.pat))
}

// drfCandidate reports whether the raw Accept token tok may match an offer
// under DRF's reading (drfMatch), looking only at its start: its main type
// begins with '*' or a non-ASCII byte, or it begins with an offer's
// "type/" followed by the offer's sub type or '*' (an offer "type/*" also
// matches a bare "type"). A token it rejects matches no offer, so
// negotiateDRF skips it without scanning. It needs n.filter (offers whose
// types are tokens other than "*").
func (n *Negotiator) drfCandidate(tok string) bool {
	s := tok
	for len(s) > 0 && isPySpace(s[0]) {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	if c := s[0]; c == '*' || c >= 0x80 || !n.first.has(lower(c)) {
		return c == '*' || c >= 0x80
	}
	if len(s) >= 16 && n.words {
		x0, x1 := load64(s), load64(s[8:])
		for k := range n.pats {
			p := &n.pats[k]
			d0, d1 := x0^p.w0, x1^p.w1
			switch {
			case p.anySub:
				if d0&p.y0|d1&p.y1 == 0 {
					return true
				}
			case d0&p.t0|d1&p.t1 != 0:
			case d0&p.k0|d1&p.k1 == 0 || s[p.typLen+1] == '*':
				return true
			}
		}
		return false
	}
	for k := range n.offers {
		o := &n.offers[k]
		j := len(o.typ) + 1
		if o.sub == "*" {
			if hasPrefixFold(s, o.typ) {
				return true
			}
			continue
		}
		if hasPrefixFold(s, o.pat[:j]) && (j < len(s) && s[j] == '*' || hasPrefixFold(s[j:], o.sub)) {
			return true
		}
	}
	return false
}

// negotiateDRF is select_renderer's loop (spec §2.5): for each precedence
// bucket of the Accept tokens, most specific first; for each offer in
// order; for each token of the bucket: the first match wins. It runs in one
// pass by keeping the best (bucket, offer, token position) seen. Within a
// bucket DRF iterates a set; the first token in header order is taken.
func (n *Negotiator) negotiateDRF(vals []string) (Match, bool) {
	d := drfBest{bucket: 4}
	if len(vals) == 1 && len(vals[0]) <= MaxAcceptLength {
		v := vals[0]
		// One field line within MaxAcceptLength: listIter's loop
		// without its bookkeeping. drfCandidate reads the rest of the
		// line: a comparison that runs past the token fails at its comma.
		for i, count := 0, 0; i <= len(v) && count < MaxAcceptEntries; count++ {
			rest := v[i:]
			end := strings.IndexByte(rest, ',')
			if end < 0 {
				end = len(rest)
			}
			if (!n.filter || n.drfCandidate(rest)) && n.drfAdd(&d, rest[:end]) {
				break
			}
			i += end + 1
		}
	} else {
		var it listIter
		for {
			elem, ok := it.next(vals)
			if !ok {
				break
			}
			if (!n.filter || n.drfCandidate(elem)) && n.drfAdd(&d, elem) {
				break
			}
		}
	}
	bestBucket, bestOffer, best := d.bucket, d.offer, &d.tok
	if bestBucket == 4 {
		return Match{}, false
	}
	o := &n.offers[bestOffer]
	return Match{
		Index:   bestOffer,
		offer:   o,
		token:   best.raw,
		params:  best.params,
		compose: o.prec > best.prec,
		mode:    ModeDRF,
	}, true
}

// drfBest is the best Accept token negotiateDRF has seen: its bucket
// (4 when none), the offer it selects and the token.
type drfBest struct {
	bucket, offer int
	tok           drfScan
}

// drfAdd is one step of select_renderer's loop: it reads the Accept token
// elem and records it in d when it selects an earlier offer or a more
// specific bucket. It reports true when nothing can do better.
func (n *Negotiator) drfAdd(d *drfBest, elem string) bool {
	var t drfScan
	if !drfQuick(&t, elem) && !scanDRF(&t, elem) {
		return false
	}
	b := 3 - t.prec
	if b > d.bucket {
		return false
	}
	for i := range n.offers {
		if b == d.bucket && i >= d.offer {
			break
		}
		if drfMatch(&n.offers[i], &t) {
			d.bucket, d.offer, d.tok = b, i, t
			break
		}
	}
	return d.bucket == 0 && d.offer == 0
}

// drfQuick is scanDRF for the common tokens it can read in one pass:
// "type/subtype" in tchars, optionally followed by ";q=" and a value in
// tchars, without inner whitespace. It reports false, leaving t to
// scanDRF, for any other token.
func drfQuick(t *drfScan, tok string) bool {
	tok = pyStrip(tok)
	i := 0
	for i < len(tok) && isTchar(tok[i]) {
		i++
	}
	if i == 0 || i >= len(tok) || tok[i] != '/' {
		return false
	}
	slash := i
	for i++; i < len(tok) && isTchar(tok[i]); i++ {
	}
	end, npar := i, 0
	if i < len(tok) {
		if len(tok)-i < 4 || tok[i] != ';' || tok[i+1]|0x20 != 'q' || tok[i+2] != '=' {
			return false
		}
		for i += 3; i < len(tok) && isTchar(tok[i]); i++ {
		}
		if i < len(tok) {
			return false
		}
		npar = 1
	}
	if len(tok) > MaxLength {
		return false
	}
	*t = drfScan{raw: tok, main: tok[:slash], sub: tok[slash+1 : end], npar: npar, prec: 2}
	if end < len(tok) {
		t.params = tok[end+1:]
	}
	switch {
	case t.main == "*":
		t.prec = 0
	case t.sub == "*":
		t.prec = 1
	}
	return true
}

// rfcState is the best Accept range seen for one offer.
type rfcState struct {
	key  int32  // specificity of the range; 0 when none matched
	q    int16  // its weight
	poff int16  // offset of its parameter section in tok
	tok  string // the range as written
}

// negotiateRFC implements RFC 9110 §12.5.1: each offer takes the weight of
// the most specific range that matches it (the higher weight, then the first
// one, on a tie); the offer with the highest non-zero weight wins, then the
// one whose range is more specific, then the earlier offer.
func (n *Negotiator) negotiateRFC(vals []string) (Match, bool) {
	var stack [stackOffers]rfcState
	var st []rfcState
	if len(n.offers) <= stackOffers {
		st = stack[:len(n.offers)]
	} else {
		st = make([]rfcState, len(n.offers))
	}
	if len(vals) == 1 && n.filter && len(vals[0]) <= MaxAcceptLength && strings.IndexByte(vals[0], '"') < 0 {
		n.rfcQuoteless(st, vals[0])
	} else {
		n.rfcRanges(st, vals)
	}
	best := -1
	for i := range st {
		s := &st[i]
		if s.key == 0 || s.q == 0 {
			continue
		}
		if best < 0 || s.q > st[best].q || s.q == st[best].q && s.key > st[best].key {
			best = i
		}
	}
	if best < 0 {
		return Match{}, false
	}
	o, s := &n.offers[best], &st[best]
	lacking := 0xff - int(s.key&0xff) // range parameters the offer lacks
	return Match{
		Index:   best,
		offer:   o,
		token:   s.tok,
		params:  s.tok[s.poff:],
		compose: o.wild || lacking > 0,
		mode:    ModeRFC,
	}, true
}

// rfcRanges is negotiateRFC's loop over any Accept field values: every
// range read by rangeIter is recorded in st.
func (n *Negotiator) rfcRanges(st []rfcState, vals []string) {
	var it rangeIter
	var e rangeScan
	for {
		valid, ok := it.next(&e, vals, n)
		if !ok {
			return
		}
		if valid {
			n.rfcAdd(st, &e)
		}
	}
}

// rfcQuoteless is negotiateRFC's loop over v, one field line within
// MaxAcceptLength without quoted-strings (every browser's), for a
// Negotiator with n.filter: rangeIter's loop without its bookkeeping, in
// which the members rfcClassify rejects end at the next comma. With
// n.distinct, a member that is exactly an offer's type and subtype (or
// "*/*"), without parameters or with only a weight, is recorded without
// the general parser.
func (n *Negotiator) rfcQuoteless(st []rfcState, v string) {
	s := v // the rest of v, from the member being read
	for count := 0; count < MaxAcceptEntries; count++ {
		for len(s) > 0 && isOWS(s[0]) {
			s = s[1:]
		}
		// rfcClassify(s), inlined.
		kind, k := memberSkip, 0
		if len(s) < 16 || !n.words {
			kind, k = n.classifyShort(s)
		} else if x0, x1 := load64(s), load64(s[8:]); byte(x0) == '*' {
			kind = memberParse
			if x0&0xffffff == '*'|'/'<<8|'*'<<16 && !isTchar(byte(x0>>24)) {
				kind = memberStar
			}
		} else if n.first.has(lower(byte(x0))) {
			for j := range n.pats {
				p := &n.pats[j]
				d0, d1 := x0^p.w0, x1^p.w1
				if d0&p.t0|d1&p.t1 != 0 {
					continue
				}
				if e := p.patLen; d0&p.k0|d1&p.k1 == 0 && (e == len(s) || !isTchar(s[e])) {
					kind, k = memberExact, j
					break
				}
				if t := p.typLen + 1; p.anySub || t < len(s) && s[t] == '*' {
					kind, k = memberParse, j
					break
				}
			}
		}
		end := -1
		switch {
		case kind == memberSkip:
			end = strings.IndexByte(s, ',')
		case kind == memberExact && n.distinct:
			p := n.pats[k].patLen
			if p == len(s) || s[p] == ',' {
				// scanWeight's first case, inlined: no parameters.
				if p <= MaxLength {
					st[k].set(1<<24|2<<16|0xff, 1000, p, s[:p])
				}
				end = p
				break
			}
			if e, q, ok := scanWeight(s, p); ok {
				// No other offer matches the range, and rfcKey gives a
				// range without parameters this key.
				if q >= 0 && e <= MaxLength {
					st[k].set(1<<24|2<<16|0xff, q, p, s[:e])
				}
				end = e
				break
			}
			end = n.rfcParse(st, v, len(v)-len(s), kind, k)
		case kind == memberStar && n.distinct:
			if e, q, ok := scanWeight(s, 3); ok {
				// Every offer matches, none is a wildcard that q=0
				// would spare, and rfcKey gives this key.
				if q >= 0 && e <= MaxLength {
					for k := range st {
						st[k].set(1<<24|0xff, q, 3, s[:e])
					}
				}
				end = e
				break
			}
			end = n.rfcParse(st, v, len(v)-len(s), kind, k)
		default:
			end = n.rfcParse(st, v, len(v)-len(s), kind, k)
		}
		if end < 0 || end >= len(s) {
			return // the last member
		}
		s = s[end+1:]
	}
}

// rfcParse parses the member of v at start that rfcClassify classified as
// kind (memberParse, memberExact or memberStar) for offer k, records it
// in st and returns its end relative to start.
func (n *Negotiator) rfcParse(st []rfcState, v string, start, kind, k int) int {
	var e rangeScan
	var end int
	var valid bool
	switch kind {
	case memberExact:
		end, valid = n.scanExact(&e, v, start, k)
	case memberStar:
		end, valid = scanStar(&e, v, start)
	default:
		end, valid = scanRangeAt(&e, v, start)
	}
	if valid {
		n.rfcAdd(st, &e)
	}
	return end - start
}

// set records the range tok, of weight q, specificity key and parameters
// at tok[poff:], when it is better for the offer than the one recorded.
func (s *rfcState) set(key int32, q, poff int, tok string) {
	if key > s.key || key != 0 && key == s.key && int16(q) > s.q {
		*s = rfcState{key: key, q: int16(q), poff: int16(poff), tok: tok}
	}
}

// rfcAdd records the range e in st, the best range of each offer so far.
func (n *Negotiator) rfcAdd(st []rfcState, e *rangeScan) {
	// rfcKey's value for a range without parameters.
	plain := int32(1<<24 | e.spec<<16 | 0xff)
	for i := range n.offers {
		o := &n.offers[i]
		if e.spec == 2 && !o.anySub && !equalFold(e.sub, o.sub) ||
			e.spec > 0 && !o.anyType && !equalFold(e.typ, o.typ) {
			continue
		}
		if e.q == 0 && o.wild && (o.anyType && e.spec > 0 || o.anySub && e.spec == 2) {
			// "image/png;q=0" excludes one of the types an "image/*"
			// offer can produce, not the offer.
			continue
		}
		key := plain
		if e.nparams > 0 {
			key = rfcKey(o, e)
		}
		st[i].set(key, e.q, len(e.tok)-len(e.params), e.tok)
	}
}

// rfcKey reports how specifically the range e matches the offer o, whose
// types it matches, as a key that orders ranges (larger is more specific),
// or 0 when a parameter conflicts. Types match when equal
// (case-insensitively) or either is "*". A parameter present in both must
// have equal values (charset case-insensitively, RFC 9110 §8.3.2); a
// parameter only the range has does not prevent the match — it is carried
// to the renderer ("indent=4") — but ranks below a range without it. The key
// orders by range type specificity (*/* < type/* < type/subtype), then
// parameters shared with the offer, then fewer parameters the offer lacks.
func rfcKey(o *offer, e *rangeScan) int32 {
	matched := 0
	if e.nparams > 0 && len(o.params) > 0 {
		for p := (paramIter{s: e.params}); p.next(); {
			if equalFold(p.name, "q") {
				continue
			}
			v, ok := o.param(p.name)
			if !ok {
				continue
			}
			if !rawValueEqual(p.raw, v, equalFold(p.name, "charset")) {
				return 0
			}
			matched++
		}
	}
	lacking := e.nparams - matched
	return int32(1<<24 | e.spec<<16 | matched<<8 | (0xff - lacking))
}
