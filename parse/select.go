package parse

import (
	"net/http"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/web"
)

// Select is DRF's DefaultContentNegotiation.select_parser: the first parser
// whose media type matches contentType, the request's Content-Type header
// (RFC 9110 §8.3) as sent, by DRF's media_type_matches (mediatype.MediaTypeMatches,
// behaviour spec §1.6): parameters of the parser's media type must be in
// contentType with the same value, and types and subtypes must be equal or
// "*" on either side. Type names are compared lower-cased, so
// "APPLICATION/JSON" selects JSON; "application/vnd.api+json" does not.
//
// No match returns an *Error matching ErrUnsupportedMediaType with DRF's
// detail `Unsupported media type "<contentType>" in request.`; that
// includes an empty contentType (unless a parser takes "*/*") and a
// Content-Type that does not parse (DRF raises a 500 there).
func Select(parsers []Parser, contentType string) (Parser, error) {
	ct, err := mediatype.ParseDRF(contentType)
	if err == nil {
		for _, p := range parsers {
			pt, err := mediatype.ParseDRF(p.MediaType())
			if err == nil && pt.Match(ct) {
				return p, nil
			}
		}
	}
	return nil, errUnsupported(contentType)
}

// Body is DRF's Request._parse, what request.data runs: it parses the body
// of r with the first of parsers that matches its Content-Type (see
// Select) and returns the data.
//
// A request without a body (Content-Length 0, as DRF checks, or no body at
// all) is not parsed and gives empty data whatever its Content-Type: an
// empty web.QueryDict (with the request's encoding) for the form media
// types (see IsFormMediaType), else an empty map[string]any. A request with
// a body and no parser for its Content-Type is an *Error matching
// ErrUnsupportedMediaType (415), unless the body's length is unknown
// (chunked) and it turns out empty. Otherwise Body returns what the parser
// returns: for the built-in parsers, decoded JSON (see JSON.Parse), a
// web.QueryDict (Form) or a Data (MultiPart, FileUpload; call Data.Close
// when done with its files), or their error.
//
// The limits are those of the parser chosen and of the web layer: the body
// is read through r, so web.Settings.MaxMemorySize and friends apply.
func Body(r *web.Request, parsers []Parser) (any, error) {
	hr := r.HTTP()
	if hr.ContentLength == 0 || hr.Body == nil || hr.Body == http.NoBody {
		return emptyData(r)
	}
	ct := hr.Header.Get("Content-Type")
	p, err := Select(parsers, ct)
	if err != nil {
		if hr.ContentLength < 0 {
			// A body of unknown length (chunked) may be empty: DRF never
			// sees one, as WSGI gives it no CONTENT_LENGTH.
			if b, berr := r.Body(); berr == nil && len(b) == 0 {
				return emptyData(r)
			}
		}
		return nil, err
	}
	return p.Parse(r, ct)
}

// emptyData is what DRF's request.data is without a body.
func emptyData(r *web.Request) (any, error) {
	switch r.ContentType() {
	case formType, multipartType:
		return web.QueryConfig{Encoding: r.Encoding()}.Parse("")
	}
	return map[string]any{}, nil
}

// IsFormMediaType is DRF's is_form_media_type: whether the media type,
// without its parameters and lower-cased, is
// application/x-www-form-urlencoded or multipart/form-data (the request
// bodies an HTML form sends, which Django parses into request.POST).
func IsFormMediaType(mediaType string) bool {
	m, err := mediatype.ParseDRF(mediaType)
	if err != nil {
		return false
	}
	return m.MainType == "application" && m.SubType == "x-www-form-urlencoded" ||
		m.MainType == "multipart" && m.SubType == "form-data"
}

const (
	jsonType      = "application/json"
	formType      = "application/x-www-form-urlencoded"
	multipartType = "multipart/form-data"
)
