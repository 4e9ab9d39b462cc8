package mediatype

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// AcceptedTypes is Django's HttpRequest.accepted_types (Django 5.2+, spec
// §13): the media ranges of an Accept header that have a non-zero quality,
// most preferred first. It is what Request.Accepts and
// Request.PreferredType are built on; parse it once per request with
// ParseAcceptedTypes and keep it.
type AcceptedTypes []Range

// ParseAcceptedTypes parses an Accept field value the way Django 5.2's
// HttpRequest.accepted_types does. Pass "*/*" for an absent header
// (AcceptHeader does); an empty header gives no types.
//
// Each comma-separated token that is not blank is read with Django's
// header-parameter rules (ParseDRF's, without the ASCII restriction). Its
// quality is the q parameter rounded to three decimals, and 1 when q is
// missing, not a number (Python's float syntax) or outside 0..1; tokens of
// quality 0 (also "q=0.0001") are dropped. The result is stably sorted by
// quality, then specificity, both descending. Params exclude q (Django's
// range_params). Tokens Django would raise on (a bad RFC 2231 value) are
// skipped, and the header is read up to MaxAcceptLength bytes and
// MaxAcceptEntries entries. Unlike Django, non-ASCII letters are not
// lower-cased, and q=nan counts as 1.
func ParseAcceptedTypes(accept string) AcceptedTypes {
	var out AcceptedTypes
	vals := [1]string{accept}
	var it listIter
	for {
		elem, ok := it.next(vals[:])
		if !ok {
			break
		}
		if pyStrip(elem) == "" {
			continue
		}
		key, params, err := pyParse(elem, false)
		if err != nil {
			continue
		}
		var r Range
		r.Type, r.Subtype, _ = strings.Cut(key, "/")
		r.Q = 1000
		for _, p := range params {
			if p.Name == "q" {
				r.Q = djangoQuality(p.Value)
				continue
			}
			r.Params = append(r.Params, p)
		}
		if r.Q != 0 {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Range) int {
		if a.Q != b.Q {
			return b.Q - a.Q
		}
		return b.Specificity() - a.Specificity()
	})
	return out
}

// AcceptedType is Django's HttpRequest.accepted_type(media_type): the most
// specific accepted range that the offered mediaType matches (by
// specificity, then quality, then preference order), and whether there is
// one.
//
// Matching is Django's MediaType.match (spec §13.3): main and sub types must
// be non-empty and equal or "*" on either side; parameters other than q must
// be equal when both sides have some; an offer with parameters matches a
// range without, but not the other way round ("text/html" does not match
// the range "text/html;level=1").
func (a AcceptedTypes) AcceptedType(mediaType string) (Range, bool) {
	i := a.acceptedIndex(mediaType)
	if i < 0 {
		return Range{}, false
	}
	return a[i], true
}

// Accepts is Django's HttpRequest.accepts(media_type) (Django 5.2+): whether
// AcceptedType finds a range for mediaType.
func (a AcceptedTypes) Accepts(mediaType string) bool {
	return a.acceptedIndex(mediaType) >= 0
}

// PreferredType is Django's HttpRequest.get_preferred_type(media_types)
// (new in Django 5.2): of the offered mediaTypes that are accepted, the one
// whose accepted range (AcceptedType) comes first in a, the earlier offer on
// a tie. It returns the offer as given, or false when mediaTypes is empty or
// none is accepted.
func (a AcceptedTypes) PreferredType(mediaTypes []string) (string, bool) {
	if len(a) == 0 {
		return "", false
	}
	best, bestIdx := "", -1
	for _, mt := range mediaTypes {
		if i := a.acceptedIndex(mt); i >= 0 && (bestIdx < 0 || i < bestIdx) {
			best, bestIdx = mt, i
		}
	}
	return best, bestIdx >= 0
}

// acceptedIndex returns the index in a of accepted_type(mediaType), or -1.
// Django walks accepted_types_by_precedence, a stable sort of a by
// (specificity, quality) descending; the maximum of that key, earliest in
// a, is the same entry.
func (a AcceptedTypes) acceptedIndex(mediaType string) int {
	key, params, err := pyParse(mediaType, false)
	if err != nil {
		return -1
	}
	main, sub, _ := strings.Cut(key, "/")
	offerParams := params[:0:0]
	for _, p := range params {
		if p.Name != "q" {
			offerParams = append(offerParams, p)
		}
	}
	best, bestSpec, bestQ := -1, -1, -1
	for i, r := range a {
		if !djangoMatch(main, sub, offerParams, r) {
			continue
		}
		if s := r.Specificity(); s > bestSpec || s == bestSpec && r.Q > bestQ {
			best, bestSpec, bestQ = i, s, r.Q
		}
	}
	return best
}

// djangoMatch is Django 5.2's MediaType.match with the offer as receiver.
func djangoMatch(main, sub string, params []Param, r Range) bool {
	if main == "" || sub == "" || r.Type == "" || r.Subtype == "" {
		return false
	}
	if main != r.Type && main != "*" && r.Type != "*" {
		return false
	}
	if sub != r.Subtype && sub != "*" && r.Subtype != "*" {
		return false
	}
	if (len(params) > 0) != (len(r.Params) > 0) {
		// Only the offer has parameters: a match; only the range: none.
		return len(params) > 0
	}
	if len(params) != len(r.Params) {
		return false
	}
	for _, p := range params {
		v, ok := r.MediaType.Param(p.Name)
		if !ok || v != p.Value {
			return false
		}
	}
	return true
}

// djangoQuality is Django's MediaType.quality in thousandths: float(q)
// rounded to three decimals, or 1000 when q is not a Python float or is
// outside 0..1.
func djangoQuality(v string) int {
	f, ok := pyFloat(v)
	if !ok || math.IsNaN(f) || f < 0 || f > 1 {
		return 1000
	}
	// strconv rounds half to even on the exact binary value, as Python's
	// round(f, 3) does.
	s := strconv.FormatFloat(f, 'f', 3, 64)
	q := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			q = q*10 + int(c-'0')
		}
	}
	return q
}

// pyFloat parses s with the syntax of Python's float(): surrounding
// whitespace, a sign, "inf", "infinity" and "nan" in any case, decimal
// digits with single underscores between them, an optional fraction and
// exponent.
func pyFloat(s string) (float64, bool) {
	s = pyStrip(s)
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	switch {
	case equalFold(body, "inf"), equalFold(body, "infinity"):
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case equalFold(body, "nan"):
		return math.NaN(), true
	}
	i := 0
	digits := func() bool {
		start := i
		for i < len(body) && body[i] >= '0' && body[i] <= '9' {
			i++
			if i+1 < len(body) && body[i] == '_' && body[i+1] >= '0' && body[i+1] <= '9' {
				i++
			}
		}
		return i > start
	}
	intPart := digits()
	fracPart := false
	if i < len(body) && body[i] == '.' {
		i++
		fracPart = digits()
	}
	if !intPart && !fracPart {
		return 0, false
	}
	if i < len(body) && (body[i] == 'e' || body[i] == 'E') {
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	if i != len(body) {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil && !isRangeErr(err) {
		return 0, false
	}
	return f, true
}

// isRangeErr reports a strconv out-of-range error; ParseFloat then returns
// ±Inf or 0 like Python.
func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// AcceptsLegacy is Django 3.2's HttpRequest.accepts(media_type) (spec
// §13.6), for code that must keep 3.2's answers: the tokens are taken in
// header order with q ignored (q=0 still accepts), an accepted "*/*"
// matches anything, otherwise main types must be equal and the accepted sub
// type "*" or equal; parameters are ignored. Pass "*/*" for an absent
// header. Tokens with non-ASCII bytes are skipped (Django 3.2 raises
// UnicodeEncodeError).
func AcceptsLegacy(accept, mediaType string) bool {
	if hasNonASCII(mediaType) {
		return false
	}
	okey, _, err := pyParse(mediaType, true)
	if err != nil {
		return false
	}
	omain, osub, _ := strings.Cut(okey, "/")
	vals := [1]string{accept}
	var it listIter
	for {
		elem, ok := it.next(vals[:])
		if !ok {
			break
		}
		if pyStrip(elem) == "" || hasNonASCII(elem) {
			continue
		}
		key, _, err := pyParse(elem, true)
		if err != nil {
			continue
		}
		main, sub, _ := strings.Cut(key, "/")
		if main == "*" && sub == "*" {
			return true
		}
		if main == omain && (sub == "*" || sub == osub) {
			return true
		}
	}
	return false
}
