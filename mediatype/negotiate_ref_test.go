package mediatype

import (
	"reflect"
	"strings"
	"testing"
)

// This file keeps the negotiation algorithms as they were before the
// candidate pre-filters (negotiateRFC scanning every Accept range,
// negotiateDRF scanning every token) as the reference that
// FuzzNegotiateDifferential compares the optimised ones with.

// refRangeIter is rangeIter as it was: every list member is parsed by
// scanRangeAt.
type refRangeIter struct {
	vi, i int
	used  int
	count int
	err   error
}

func (it *refRangeIter) next(r *rangeScan, vals []string) (valid, ok bool) {
	for it.vi < len(vals) {
		v := vals[it.vi]
		if it.i > len(v) {
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
		end, valid := refScanRangeAt(r, view, it.i)
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

// refScanRangeAt is scanRangeAt as it was.
func refScanRangeAt(r *rangeScan, v string, i int) (end int, ok bool) {
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
	r.q, r.nparams = 1000, 0
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

// refParseAccept is ParseAccept with refRangeIter.
func refParseAccept(accept string) ([]Range, error) {
	var out []Range
	vals := [1]string{accept}
	var it refRangeIter
	var e rangeScan
	for {
		valid, ok := it.next(&e, vals[:])
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

// refNegotiate is negotiate with the reference algorithms.
func (n *Negotiator) refNegotiate(vals []string) (Match, bool) {
	if len(n.offers) == 0 {
		return Match{}, false
	}
	if n.mode == ModeDRF {
		return n.refNegotiateDRF(vals)
	}
	return n.refNegotiateRFC(vals)
}

func (n *Negotiator) refNegotiateDRF(vals []string) (Match, bool) {
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

type refRFCState struct {
	key  int32
	q    int16
	poff int16
	tok  string
}

func (n *Negotiator) refNegotiateRFC(vals []string) (Match, bool) {
	st := make([]refRFCState, len(n.offers))
	var it refRangeIter
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
				continue
			}
			key := rfcKey(o, &e)
			if s := &st[i]; key > s.key || key != 0 && key == s.key && int16(e.q) > s.q {
				*s = refRFCState{key: key, q: int16(e.q), poff: int16(len(e.tok) - len(e.params)), tok: e.tok}
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
	lacking := 0xff - int(s.key&0xff)
	return Match{
		Index:   best,
		offer:   o,
		token:   s.tok,
		params:  s.tok[s.poff:],
		compose: o.wild || lacking > 0,
		mode:    ModeRFC,
	}, true
}

// diffOfferSets are offer lists for FuzzNegotiateDifferential; the fuzzer
// also supplies its own.
var diffOfferSets = [][]string{
	{"application/json", "text/html"},
	{"text/html", "application/json"},
	{"application/json"},
	{"image/*"},
	{"*/*"},
	{"application/json; indent=8", "text/html"},
	{"text/plain", "application/json", "text/html"},
	{"text/vcard; version=4.0", "text/vcard; version=3.0", "text/html; charset=utf-8"},
	{"application/openapi+json;version=2.0", "application/json"},
	{"text/*", "application/xml", "application/xhtml+xml", "image/webp"},
	{"a/b", "a/c", "b/a", "c/*", "x/y", "x/z", "application/json", "text/html", "image/png", "text/plain"},
	{""},
	{"text", "text/"},
	{"Text/HTML", "APPLICATION/Json;Charset=UTF-8"},
}

// diffSeeds are Accept headers that exercise the pre-filters.
var diffSeeds = []string{
	"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
	"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
	"*/*", "*", "*; q=.2", "application/json", "text/html;q=0.1, application/json;q=0.9",
	`application/x;a="x,y", application/json`, `application/x;a="x, text/html`,
	`text/htmlx, text/html"a", text/html;q=0.5, TEXT/HTML ;q=0.7`,
	"text/*, application/*;q=0, text/h, text/html/x, application/jsonp",
	` , ,,text/html , application/json;indent=4;q=0.9`,
	"text;q=1, text, text;x=1, text/ html, text /html, \ttext/html\t;q=0",
	`a"b/c, text/html`, `text/html;a="\"", application/json`,
	"*/html, */*;q=0, image/png;q=0",
}

func FuzzNegotiateDifferential(f *testing.F) {
	for _, s := range diffSeeds {
		for i := range diffOfferSets {
			f.Add(s, false, uint8(i), "", uint8(0), uint8(0))
			f.Add(s, true, uint8(i), "", uint8(0), uint8(0))
		}
		f.Add(s, false, uint8(0), "", uint8(70), uint8(1))
		f.Add(s, true, uint8(0), "", uint8(70), uint8(3))
	}
	f.Add("text/html", false, uint8(0), "text/html|image/*", uint8(0), uint8(0))
	f.Add("text", true, uint8(0), "text/*|text", uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, accept string, drf bool, set uint8, offerSpec string, rep uint8, lines uint8) {
		offers := diffOfferSets[int(set)%len(diffOfferSets)]
		if offerSpec != "" {
			offers = strings.Split(offerSpec, "|")
		}
		mode := ModeRFC
		if drf {
			mode = ModeDRF
		}
		n, err := NewNegotiator(mode, offers...)
		if err != nil {
			return
		}
		// rep repeats the header to reach MaxAcceptEntries and
		// MaxAcceptLength; lines splits it into several field lines.
		if rep > 0 {
			accept = strings.Repeat(accept+",", int(rep)) + accept
		}
		vals := []string{accept}
		if k := int(lines) % 4; k > 0 && len(accept) > 0 {
			vals = vals[:0]
			step := len(accept)/(k+1) + 1
			for s := accept; s != ""; {
				c := min(step, len(s))
				vals = append(vals, s[:c])
				s = s[c:]
			}
		}
		if !drf {
			got, gotErr := ParseAccept(accept)
			want, wantErr := refParseAccept(accept)
			if !reflect.DeepEqual(got, want) || gotErr != wantErr {
				t.Fatalf("ParseAccept(%q) = %v, %v; reference %v, %v", accept, got, gotErr, want, wantErr)
			}
		}
		got, gotOK := n.negotiate(vals)
		want, wantOK := n.refNegotiate(vals)
		if got != want || gotOK != wantOK {
			t.Fatalf("%v over %q: negotiate(%q) = %+v, %v; reference %+v, %v", mode, offers, vals, got, gotOK, want, wantOK)
		}
		if gotOK {
			if g, w := got.MediaType(), want.MediaType(); g != w {
				t.Fatalf("%v over %q: negotiate(%q).MediaType() = %q; reference %q", mode, offers, vals, g, w)
			}
		}
	})
}
