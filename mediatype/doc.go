// Package mediatype parses media types and Accept headers and negotiates
// the response format, the way RFC 9110 specifies it or exactly the way
// Django REST framework 3.14 does it. It is restframe's counterpart of
// DRF's rest_framework.negotiation and rest_framework.utils.mediatypes and
// of the Accept helpers of Django's HttpRequest, and uses only the standard
// library.
//
// # Media types
//
// [Parse] reads a media type such as a Content-Type field value under the
// grammar of RFC 9110 §8.3.1: type, subtype and parameter names are
// case-insensitive and lower-cased, parameter values keep their case and
// quoted-strings are unquoted. [MediaType.String] formats it back, quoting
// the values that need it, so that Parse(m.String()) gives m back.
//
//	m, err := mediatype.Parse(`multipart/form-data; boundary="a b"`)
//	// m.Type "multipart", m.Subtype "form-data", m.Param("boundary") "a b"
//
// [ParseDRF] reads a media type the way DRF's _MediaType does, with Django's
// lenient header-parameter rules: anything parses ("garbage" is a type with
// an empty subtype), pieces without "=" are dropped, a repeated parameter
// keeps its last value. [DRFMediaType.Precedence], [DRFMediaType.Match],
// [MediaTypeMatches] and [OrderByPrecedence] are DRF's helpers of the same
// names.
//
// # Accept
//
// [ParseAccept] reads an Accept header (RFC 9110 §12.5.1) into [Range]
// values with the weight as integer thousandths: "q=0.5" is 500. A member
// that is malformed — not type/subtype, a bad parameter, an invalid qvalue
// — is skipped, never reported as an error: bad client input must not turn
// into a 500. [AcceptHeader] reads the header of a request, where an absent
// header means "*/*" and an empty one accepts nothing.
//
// [ParseAcceptedTypes] is Django 5.2's HttpRequest.accepted_types, with
// [AcceptedTypes.Accepts], [AcceptedTypes.AcceptedType] and
// [AcceptedTypes.PreferredType] for request.accepts(),
// request.accepted_type() and request.get_preferred_type();
// [AcceptsLegacy] is Django 3.2's request.accepts().
//
// # Negotiation
//
// A [Negotiator] holds the offered media types — one per renderer, in the
// server's order of preference — parsed once by [NewNegotiator]. Its
// [Negotiator.Negotiate] (for a header value) and
// [Negotiator.NegotiateRequest] (for a request) return a [Match]: the
// index of the chosen offer, the accepted media type
// ([Match.MediaType], DRF's accepted_media_type) and its parameters
// ([Match.Param], e.g. the "indent" of "application/json; indent=4"), or
// false when nothing is acceptable — DRF's NotAcceptable, a 406.
// Negotiation does not allocate (ModeRFC with more than 8 offers allocates
// one small slice per call).
//
//	n, _ := mediatype.NewNegotiator(mediatype.ModeRFC, "application/json", "text/html")
//	m, ok := n.NegotiateRequest(r)
//	if !ok {
//		// 406 Not Acceptable
//	}
//	renderer := renderers[m.Index]
//	indent, _ := m.Param("indent")
//
// There are two modes:
//
//   - [ModeRFC], the default, follows RFC 9110 §12.5.1. Each offer takes
//     the weight of the most specific Accept range that matches it; q=0
//     excludes the offer; the highest weight wins, then the offer whose
//     range is more specific, then the earlier offer. Parameters the
//     client adds ("*/*; indent=4") are carried to the accepted media type
//     ("application/json; indent=4").
//   - [ModeDRF] is DRF 3.14's DefaultContentNegotiation.select_renderer,
//     exactly: the Accept entries are bucketed by precedence (with
//     parameters > type/subtype > type/* > */*), the offer order decides
//     within a bucket, q-values are ignored (even q=0), and the accepted
//     media type is DRF's string — the client's entry verbatim, or the
//     renderer's type followed by the entry's parameters joined with ";"
//     ("*/*;q=0.8" gives "application/json;q=0.8").
//
// Pick ModeRFC for new services: it honours what clients ask for, so
// "text/html;q=0.1, */*" offered JSON and HTML gets JSON. Pick ModeDRF when
// moving a DRF service whose clients depend on its answers (DRF sends HTML
// there: text/html is more specific than */*, whatever its weight), or
// when the accepted media type string must be byte-for-byte DRF's.
//
// Both modes read an absent Accept header as "*/*" and an empty one as
// accepting nothing. Choosing renderers by a URL format suffix or a
// ?format= parameter is the caller's job: filter the offers first (an
// unknown format is a 404), then negotiate among the rest, which may still
// give a 406. A caller can build one Negotiator per format up front.
//
// # Limits
//
// Every parser here reads untrusted input and has a limit: a media type is
// at most [MaxLength] bytes with at most [MaxParams] parameters (beyond:
// [ErrTooLong], [ErrTooManyParams]; an Accept entry beyond them is
// skipped). An Accept header is read up to [MaxAcceptLength] bytes and
// [MaxAcceptEntries] entries; the rest is ignored (truncated, not
// rejected), and ParseAccept reports [ErrAcceptTooLong] or
// [ErrTooManyRanges] along with the ranges it read. All errors are client
// errors (4xx), compared with errors.Is.
//
// # Differences from DRF
//
// ModeDRF matches DRF except where DRF fails:
//
//   - A non-ASCII type or parameter name ("application/jsön") makes DRF
//     raise UnicodeDecodeError, a 500; an RFC 2231 parameter with an
//     unknown charset raises LookupError. restframe skips such an entry
//     and negotiates with the others (a 406 when none is left).
//   - Where DRF iterates a set (several equally specific entries match the
//     chosen renderer), which entry DRF reports is unspecified; restframe
//     reports the first in header order. The chosen renderer is the same.
//   - Whitespace is stripped as ASCII only: bytes 0x85 and 0xA0, which
//     Python strips from a WSGI string, are kept.
//   - Quotes split parameters as in DRF 3.14 on Django 3.2: a ';' after an
//     odd number of '"' does not split; escaped quotes are not discounted
//     (Django 4.x did; 5.2.18+ parses with email.message).
package mediatype
