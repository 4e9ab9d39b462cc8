package rest

import (
	"errors"
	"net/http"
	"unicode/utf8"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// DefaultFormatKey is DRF's default URL_FORMAT_OVERRIDE and
// FORMAT_SUFFIX_KWARG: the query parameter (?format=json) and the path value
// (/users.json) that name a format.
const DefaultFormatKey = "format"

// Disabled is the value of Settings.URLFormatOverride or
// Settings.FormatSuffixKwarg that turns the override off (DRF's None).
const Disabled = "-"

// ErrNoRenderers is returned by NewNegotiation (and makes View.Handler
// panic) when there is no renderer to negotiate among.
var ErrNoRenderers = errors.New("rest: no renderers")

// Negotiation is DRF's DefaultContentNegotiation.select_renderer bound to
// one list of renderers (spec §2): a format, from a URL suffix or
// ?format=, first filters the renderers by their Info().Format (no renderer
// left: NotFound, 404), then the Accept header chooses among the rest with a
// mediatype.Negotiator in the configured mode (nothing acceptable:
// NotAcceptable, 406). The format does not bypass Accept (spec §2.8).
//
// The negotiators, one for all renderers and one per format, are built once
// by NewNegotiation; Select does not allocate on success. A Negotiation is
// immutable and safe for concurrent use. Views build theirs; use one
// directly to negotiate outside a View.
type Negotiation struct {
	renderers []render.Renderer
	all       *mediatype.Negotiator
	formats   []formatNegotiator // in order of first appearance
	// common holds the selections of the commonest Accept values, computed
	// once by the negotiator itself: each renderer's own media type (an
	// API client's "Accept: application/json") and "*/*" (curl's, and an
	// absent header's). Select answers them with a string comparison.
	common []commonAccept
	absent Selection // the selection for a request without Accept
}

// commonAccept is a precomputed selection for one Accept value.
type commonAccept struct {
	accept string
	sel    Selection
}

// formatNegotiator negotiates among the renderers of one format.
type formatNegotiator struct {
	format string
	index  []int // positions in Negotiation.renderers
	n      *mediatype.Negotiator
}

// Selection is the result of Negotiation.Select: the renderer chosen, its
// position among the renderers, and the accepted media type with its
// parameters (DRF's accepted_media_type).
type Selection struct {
	Renderer  render.Renderer
	Index     int
	MediaType string
}

// NewNegotiation returns the Negotiation of renderers, in order of
// preference, in mode. It fails when renderers is empty or a renderer's
// media type does not parse (mediatype.NewNegotiator's error).
func NewNegotiation(mode mediatype.Mode, renderers []render.Renderer) (*Negotiation, error) {
	if len(renderers) == 0 {
		return nil, ErrNoRenderers
	}
	n := &Negotiation{renderers: renderers}
	offers := make([]string, len(renderers))
	for i, r := range renderers {
		offers[i] = r.Info().MediaType
	}
	var err error
	if n.all, err = mediatype.NewNegotiator(mode, offers...); err != nil {
		return nil, err
	}
	for i, r := range renderers {
		f := r.Info().Format
		k := n.format(f)
		if k < 0 {
			n.formats = append(n.formats, formatNegotiator{format: f})
			k = len(n.formats) - 1
		}
		n.formats[k].index = append(n.formats[k].index, i)
	}
	for k := range n.formats {
		fo := make([]string, len(n.formats[k].index))
		for j, i := range n.formats[k].index {
			fo[j] = offers[i]
		}
		if n.formats[k].n, err = mediatype.NewNegotiator(mode, fo...); err != nil {
			return nil, err
		}
	}
	n.absent, _ = n.SelectAccept("*/*", "") // "*/*" always matches
	for _, accept := range append([]string{"*/*"}, offers...) {
		if n.commonIndex(accept) >= 0 {
			continue
		}
		if sel, err := n.SelectAccept(accept, ""); err == nil {
			n.common = append(n.common, commonAccept{accept, sel})
		}
	}
	return n, nil
}

// commonIndex returns the position of accept in n.common, or -1.
func (n *Negotiation) commonIndex(accept string) int {
	for i := range n.common {
		if n.common[i].accept == accept {
			return i
		}
	}
	return -1
}

// format returns the position of format f in n.formats, or -1.
func (n *Negotiation) format(f string) int {
	for k := range n.formats {
		if n.formats[k].format == f {
			return k
		}
	}
	return -1
}

// Renderers returns the renderers, in order. The slice must not be changed.
func (n *Negotiation) Renderers() []render.Renderer { return n.renderers }

// Select negotiates the renderer for r (its Accept header; an absent header
// means "*/*", an empty one accepts nothing) among the renderers of format,
// or all of them when format is "". It returns *Error NotFound when no
// renderer has the format and NotAcceptable when none is acceptable.
func (n *Negotiation) Select(r *http.Request, format string) (Selection, error) {
	if format == "" {
		vals, ok := r.Header["Accept"]
		switch {
		case !ok || len(vals) == 0:
			return n.absent, nil
		case len(vals) == 1:
			if i := n.commonIndex(vals[0]); i >= 0 {
				return n.common[i].sel, nil
			}
		}
	}
	neg, index, err := n.negotiator(format)
	if err != nil {
		return Selection{}, err
	}
	m, ok := neg.NegotiateRequest(r)
	return n.selection(m, ok, index)
}

// SelectAccept is Select for an Accept field value: accept is the header as
// sent ("" is an empty header, which accepts nothing; pass "*/*" for an
// absent one).
func (n *Negotiation) SelectAccept(accept, format string) (Selection, error) {
	neg, index, err := n.negotiator(format)
	if err != nil {
		return Selection{}, err
	}
	m, ok := neg.Negotiate(accept)
	return n.selection(m, ok, index)
}

// negotiator returns the negotiator for format and the map from its offers
// to renderer positions (nil: the identity).
func (n *Negotiation) negotiator(format string) (*mediatype.Negotiator, []int, error) {
	if format == "" {
		return n.all, nil, nil
	}
	k := n.format(format)
	if k < 0 {
		return nil, nil, NotFound()
	}
	return n.formats[k].n, n.formats[k].index, nil
}

func (n *Negotiation) selection(m mediatype.Match, ok bool, index []int) (Selection, error) {
	if !ok {
		return Selection{}, NotAcceptable()
	}
	i := m.Index
	if index != nil {
		i = index[i]
	}
	return Selection{Renderer: n.renderers[i], Index: i, MediaType: m.MediaType()}, nil
}

// Fallback is the selection DRF makes when negotiation failed (spec §6.6,
// §6.7): the first renderer with its own media type. The 404 and 406 of
// negotiation are rendered with it.
func (n *Negotiation) Fallback() Selection {
	return Selection{Renderer: n.renderers[0], MediaType: n.renderers[0].Info().MediaType}
}

// RequestFormat returns the format a request names (spec §2.2, §8.4): the
// path value suffixKwarg (a URL suffix, see FormatSuffix) when not empty,
// else the last value of the query parameter override. An empty value means
// no format; an empty name skips that source. It parses the query string
// only when it mentions override.
func RequestFormat(r *http.Request, suffixKwarg, override string) string {
	if suffixKwarg != "" {
		if f := r.PathValue(suffixKwarg); f != "" {
			return f
		}
	}
	if override == "" || r.URL == nil || r.URL.RawQuery == "" {
		return ""
	}
	q := r.URL.RawQuery
	if !utf8.ValidString(q) {
		// Django decodes a query that is not UTF-8 as latin-1, all of it:
		// leave that rare case to QueryDict.
		d, err := web.ParseQueryDict(q)
		if err != nil {
			return ""
		}
		v, _ := d.Get(override)
		return v
	}
	return lastQueryValue(q, override)
}

// lastQueryValue returns the last value of key in the query string q, as
// Django's QueryDict.get does ("" when absent). Keys are compared after
// decoding; '&' separates fields (not ';', as in current Django).
func lastQueryValue(q, key string) string {
	val := ""
	for q != "" {
		var field string
		field, q, _ = cut(q, '&')
		k, v, _ := cut(field, '=')
		if k != key && (!containsEscape(k) || unquotePlus(k) != key) {
			continue
		}
		if containsEscape(v) {
			v = unquotePlus(v)
		}
		val = v
	}
	return val
}

func cut(s string, sep byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// unquotePlus is Python's unquote_plus as QueryDict applies it: '+' is a
// space, a valid %XX escape is its byte, and a malformed escape is kept as
// it is ("%%00" is "%\x00", "%zz" stays "%zz").
func unquotePlus(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			c = ' '
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			c = unhex(s[i+1])<<4 | unhex(s[i+2])
			i += 2
		}
		b = append(b, c)
	}
	return string(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func containsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' || s[i] == '+' {
			return true
		}
	}
	return false
}
