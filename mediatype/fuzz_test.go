package mediatype_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/restframe/restframe/mediatype"
)

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range formatTests {
		f.Add(tt.in.String())
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := mediatype.Parse(s)
		if err == nil {
			if len(s) > mediatype.MaxLength || len(m.Params) > mediatype.MaxParams {
				t.Fatalf("Parse(%q) accepted input beyond the limits", s)
			}
			out := m.String()
			again, err := mediatype.Parse(out)
			if err != nil || !reflect.DeepEqual(again, m) {
				t.Fatalf("Parse(%q) = %#v, %v; want %#v (from %q)", out, again, err, m, s)
			}
			if again.String() != out {
				t.Fatalf("String not stable: %q then %q", out, again.String())
			}
		}
		d, err := mediatype.ParseDRF(s)
		if err == nil {
			if p := d.Precedence(); p < 0 || p > 3 {
				t.Fatalf("ParseDRF(%q).Precedence() = %d", s, p)
			}
			_ = d.String()
			if !d.Match(d) {
				t.Fatalf("ParseDRF(%q) does not match itself", s)
			}
		}
	})
}

func FuzzParseAccept(f *testing.F) {
	for _, tt := range parseAcceptTests {
		f.Add(tt.in)
	}
	for _, h := range benchHeaders {
		f.Add(h.accept)
	}
	for _, tt := range acceptedTypesTests {
		f.Add(tt.accept)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ranges, err := mediatype.ParseAccept(s)
		if err != nil && !errors.Is(err, mediatype.ErrAcceptTooLong) && !errors.Is(err, mediatype.ErrTooManyRanges) {
			t.Fatalf("ParseAccept(%q) error = %v", s, err)
		}
		if len(ranges) > mediatype.MaxAcceptEntries {
			t.Fatalf("ParseAccept(%q) = %d ranges; cap is %d", s, len(ranges), mediatype.MaxAcceptEntries)
		}
		for _, r := range ranges {
			if r.Q < 0 || r.Q > 1000 {
				t.Fatalf("ParseAccept(%q): q = %d out of 0..1000", s, r.Q)
			}
			if r.Type == "*" && r.Subtype != "*" {
				t.Fatalf("ParseAccept(%q): invalid range %v", s, r)
			}
			out := r.String()
			back, err := mediatype.ParseAccept(out)
			if err != nil || len(back) != 1 || !reflect.DeepEqual(back[0], r) {
				t.Fatalf("ParseAccept(%q) = %v, %v; want [%#v]", out, back, err, r)
			}
		}
		a := mediatype.ParseAcceptedTypes(s)
		if len(a) > mediatype.MaxAcceptEntries {
			t.Fatalf("ParseAcceptedTypes(%q) = %d types", s, len(a))
		}
		for i, r := range a {
			if r.Q <= 0 || r.Q > 1000 {
				t.Fatalf("ParseAcceptedTypes(%q): quality %d", s, r.Q)
			}
			if i > 0 && (r.Q > a[i-1].Q || r.Q == a[i-1].Q && r.Specificity() > a[i-1].Specificity()) {
				t.Fatalf("ParseAcceptedTypes(%q) not sorted: %v", s, a)
			}
		}
		a.PreferredType([]string{"application/json", "text/html", "*/*", "text/*"})
		mediatype.AcceptsLegacy(s, "text/html")
	})
}

// fuzzOfferSets are the offer lists FuzzNegotiate picks from.
var fuzzOfferSets = [][]string{
	jsonHTML,
	{"text/html", "application/json"},
	{"application/json"},
	{"image/*"},
	{"*/*"},
	{"application/json; indent=8", "text/html"},
	{"text/plain", "application/json", "text/html"},
	{"text/vcard; version=4.0", "text/vcard; version=3.0", "text/html; charset=utf-8"},
	{"application/openapi+json;version=2.0", "application/json"},
}

func FuzzNegotiate(f *testing.F) {
	for i, tt := range rfcTests {
		f.Add(tt.accept, false, uint8(i))
	}
	for i, tt := range drfTests {
		f.Add(tt.accept, true, uint8(i))
	}
	for _, h := range benchHeaders {
		f.Add(h.accept, true, uint8(0))
		f.Add(h.accept, false, uint8(1))
	}
	f.Fuzz(func(t *testing.T, accept string, drf bool, set uint8) {
		offers := fuzzOfferSets[int(set)%len(fuzzOfferSets)]
		mode := mediatype.ModeRFC
		if drf {
			mode = mediatype.ModeDRF
		}
		n, err := mediatype.NewNegotiator(mode, offers...)
		if err != nil {
			t.Fatal(err)
		}
		m, ok := n.Negotiate(accept)
		if ok && (m.Index < 0 || m.Index >= len(offers) || m.Offer() != offers[m.Index]) {
			t.Fatalf("Negotiate(%q) index %d invalid for %q", accept, m.Index, offers)
		}
		got := m.MediaType()
		m.Param("indent")
		m.Param("q")
		var wantIdx int
		var want string
		var wantOK bool
		if drf {
			wantIdx, want, wantOK = drfReference(offers, accept)
		} else {
			wantIdx, want, wantOK = rfcReference(offers, accept)
		}
		if ok != wantOK || ok && (m.Index != wantIdx || got != want) {
			t.Fatalf("%v: Negotiate(%q) over %q = %d %q, %v; reference %d %q, %v", mode, accept, offers, m.Index, got, ok, wantIdx, want, wantOK)
		}
	})
}

// acceptTokens splits accept into list members the way negotiation does,
// within MaxAcceptEntries and MaxAcceptLength.
func acceptTokens(accept string) []string {
	var toks []string
	used := 0
	for _, t := range strings.Split(accept, ",") {
		if len(toks) == mediatype.MaxAcceptEntries || used+len(t) > mediatype.MaxAcceptLength {
			break
		}
		used += len(t) + 1
		toks = append(toks, t)
	}
	return toks
}

// drfReference is DRF 3.14's select_renderer written as DRF writes it,
// over the exported DRF helpers (sets taken in header order).
func drfReference(offers []string, accept string) (int, string, bool) {
	var toks []string
	for _, t := range acceptTokens(accept) {
		toks = append(toks, strings.Trim(t, " \t\n\v\f\r\x1c\x1d\x1e\x1f"))
	}
	for _, group := range mediatype.OrderByPrecedence(toks) {
		for i, o := range offers {
			for _, tok := range group {
				if !mediatype.MediaTypeMatches(o, tok) {
					continue
				}
				om, _ := mediatype.ParseDRF(o)
				tm, _ := mediatype.ParseDRF(tok)
				if om.Precedence() <= tm.Precedence() {
					return i, tok, true
				}
				parts := []string{o}
				for _, p := range tm.Params {
					parts = append(parts, p.Name+"="+p.Value)
				}
				return i, strings.Join(parts, ";"), true
			}
		}
	}
	return 0, "", false
}

// rfcReference is ModeRFC's rule written over ParseAccept and Parse.
func rfcReference(offers []string, accept string) (int, string, bool) {
	// ParseAccept splits on commas outside quoted strings; the limits apply
	// the same way, so its ranges are the ones negotiation sees.
	ranges, _ := mediatype.ParseAccept(accept)
	type state struct {
		ok                    bool
		spec, shared, lacking int
		q                     int
		r                     mediatype.Range
	}
	better := func(a, b state) bool { // a more specific than b
		if a.spec != b.spec {
			return a.spec > b.spec
		}
		if a.shared != b.shared {
			return a.shared > b.shared
		}
		return a.lacking < b.lacking
	}
	best, bestIdx := state{}, -1
	var bestOffer mediatype.MediaType
	for i, os := range offers {
		o, _ := mediatype.Parse(os)
		wild := o.Type == "*" || o.Subtype == "*"
		var s state
		for _, r := range ranges {
			if r.Q == 0 && wild && (o.Type == "*" && r.Type != "*" || o.Subtype == "*" && r.Subtype != "*") {
				continue
			}
			if o.Type != "*" && r.Type != "*" && o.Type != r.Type || o.Subtype != "*" && r.Subtype != "*" && o.Subtype != r.Subtype {
				continue
			}
			c := state{ok: true, q: r.Q, r: r}
			switch {
			case r.Type == "*":
				c.spec = 0
			case r.Subtype == "*":
				c.spec = 1
			default:
				c.spec = 2
			}
			conflict := false
			for _, p := range r.Params {
				v, has := o.Param(p.Name)
				switch {
				case !has:
					c.lacking++
				case v == p.Value || p.Name == "charset" && strings.EqualFold(v, p.Value):
					c.shared++
				default:
					conflict = true
				}
			}
			if conflict {
				continue
			}
			if !s.ok || better(c, s) || !better(s, c) && c.q > s.q {
				s = c
			}
		}
		if !s.ok || s.q == 0 {
			continue
		}
		if bestIdx < 0 || s.q > best.q || s.q == best.q && better(s, best) {
			best, bestIdx, bestOffer = s, i, o
		}
	}
	if bestIdx < 0 {
		return 0, "", false
	}
	wild := bestOffer.Type == "*" || bestOffer.Subtype == "*"
	if !wild && best.lacking == 0 {
		return bestIdx, offers[bestIdx], true
	}
	out := mediatype.MediaType{Type: bestOffer.Type, Subtype: bestOffer.Subtype}
	if out.Type == "*" {
		out.Type = best.r.Type
	}
	if out.Subtype == "*" {
		out.Subtype = best.r.Subtype
	}
	out.Params = append(out.Params, bestOffer.Params...)
	for _, p := range best.r.Params {
		if _, has := bestOffer.Param(p.Name); !has {
			out.Params = append(out.Params, p)
		}
	}
	return bestIdx, out.String(), true
}

func TestReferencesAgree(t *testing.T) {
	// The fuzz references reproduce the hand-written expectations.
	for _, tt := range rfcTests {
		i, mt, ok := rfcReference(tt.offers, tt.accept)
		if ok != (tt.index >= 0) || ok && (i != tt.index || mt != tt.mediaType) {
			t.Errorf("rfcReference(%q, %q) = %d %q %v; want %d %q", tt.offers, tt.accept, i, mt, ok, tt.index, tt.mediaType)
		}
	}
	for _, tt := range drfTests {
		i, mt, ok := drfReference(tt.offers, tt.accept)
		if ok != (tt.index >= 0) || ok && (i != tt.index || mt != tt.mediaType) {
			t.Errorf("drfReference(%q, %q) = %d %q %v; want %d %q", tt.offers, tt.accept, i, mt, ok, tt.index, tt.mediaType)
		}
	}
}
