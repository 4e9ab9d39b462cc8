package web

import (
	"slices"

	"github.com/restframe/restframe/mediatype"
)

// Django's Accept-header API (django/http/request.py, 5.2+):
// accepted_types, accepted_type, accepts and get_preferred_type, on top of
// mediatype.ParseAcceptedTypes.

// acceptState caches the parsed Accept header.
type acceptState struct {
	types mediatype.AcceptedTypes
}

func (r *Request) acceptedTypes() mediatype.AcceptedTypes {
	if r.info.done&doneAccept == 0 {
		r.info.done |= doneAccept
		r.info.accept.types = mediatype.ParseAcceptedTypes(mediatype.AcceptHeader(r.req))
	}
	return r.info.accept.types
}

// AcceptedTypes is Django's HttpRequest.accepted_types: the media ranges of
// the Accept header ("*/*" when the request has none, nothing when it is
// empty) without those of quality 0, sorted by quality and then
// specificity, most preferred first; ties keep header order. Entries are
// read with Django's lenient rules and within mediatype's documented limits
// (see mediatype.ParseAcceptedTypes). The header is parsed once per
// request; the result is a copy.
func (r *Request) AcceptedTypes() mediatype.AcceptedTypes {
	return slices.Clone(r.acceptedTypes())
}

// AcceptedType is Django's HttpRequest.accepted_type: the Accept range that
// decides whether mediaType is acceptable (the most specific matching one,
// then the highest quality) and whether there is one.
//
// Matching is Django's MediaType.match: type and subtype equal or "*" on
// either side; then, if the range has parameters (q aside), the offered type
// must have exactly the same ones: "text/html" does not match the range
// "text/html;level=1", but "text/html;level=1" matches the range
// "text/html".
func (r *Request) AcceptedType(mediaType string) (mediatype.Range, bool) {
	return r.acceptedTypes().AcceptedType(mediaType)
}

// Accepts is Django's HttpRequest.accepts: whether the client accepts
// mediaType (see AcceptedType). A request without an Accept header accepts
// everything; one with an empty Accept header accepts nothing.
func (r *Request) Accepts(mediaType string) bool {
	return r.acceptedTypes().Accepts(mediaType)
}

// PreferredType is Django 5.2's HttpRequest.get_preferred_type: of the
// offered media types, the one the client prefers, returned as given, and
// false when none is acceptable (or none is offered). Each offer is paired
// with its AcceptedType; the winner is the offer whose range comes first in
// AcceptedTypes (highest quality, then most specific); ties keep the order
// of the offers, so with "Accept: */*" the first offer wins.
//
//	Accept: text/html;q=0.5, application/json
//	PreferredType("text/html", "application/json") == "application/json", true
func (r *Request) PreferredType(mediaTypes ...string) (string, bool) {
	return r.acceptedTypes().PreferredType(mediaTypes)
}
