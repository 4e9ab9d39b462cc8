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
	prec     int  // DRF precedence
	anyType  bool // typ is "*"
	anySub   bool // sub is "*"
	wild     bool // anyType || anySub
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
}

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

// negotiateDRF is select_renderer's loop (spec §2.5): for each precedence
// bucket of the Accept tokens, most specific first; for each offer in
// order; for each token of the bucket: the first match wins. It runs in one
// pass by keeping the best (bucket, offer, token position) seen. Within a
// bucket DRF iterates a set; the first token in header order is taken.
func (n *Negotiator) negotiateDRF(vals []string) (Match, bool) {
	bestBucket, bestOffer := 4, 0
	var best, t drfScan
	var it listIter
	for {
		elem, ok := it.next(vals)
		if !ok {
			break
		}
		if !scanDRF(&t, elem) {
			continue
		}
		b := 3 - t.prec
		if b > bestBucket {
			continue
		}
		for i := range n.offers {
			if b == bestBucket && i >= bestOffer {
				break
			}
			if drfMatch(&n.offers[i], &t) {
				bestBucket, bestOffer, best = b, i, t
				break
			}
		}
		if bestBucket == 0 && bestOffer == 0 {
			break
		}
	}
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
	var it rangeIter
	var e rangeScan
	for {
		valid, ok := it.next(&e, vals)
		if !ok {
			break
		}
		if !valid {
			continue
		}
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
			key := rfcKey(o, &e)
			if s := &st[i]; key > s.key || key != 0 && key == s.key && int16(e.q) > s.q {
				*s = rfcState{key: key, q: int16(e.q), poff: int16(len(e.tok) - len(e.params)), tok: e.tok}
			}
		}
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
