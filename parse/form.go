package parse

import (
	"github.com/restframe/restframe/web"
)

// Form is DRF's FormParser: it parses application/x-www-form-urlencoded
// bodies into a read-only web.QueryDict, for any method (Django's
// request.POST only parses POST). The zero value is ready to use.
//
// As in DRF, the body is decoded with the request's encoding
// (web.Request.Encoding, else web.Settings.DefaultCharset): a declared
// charset=latin-1 is honoured, which current Django's request.POST refuses.
// Parsing follows web.QueryConfig.Parse (Django's QueryDict).
//
// Limits: the body is read with web.Request.Body, so a body larger than
// web.Settings.MaxMemorySize is web.ErrRequestDataTooBig (413), and more
// fields than web.Settings.MaxNumberFields is web.ErrTooManyFields (400),
// both returned unchanged. No body is malformed: every byte string is a
// form.
type Form struct {
	// Type is the media type handled; "" means
	// "application/x-www-form-urlencoded".
	Type string
}

var _ Parser = Form{}

// MediaType returns p.Type, or "application/x-www-form-urlencoded".
func (p Form) MediaType() string {
	if p.Type == "" {
		return formType
	}
	return p.Type
}

// Parse is FormParser.parse: the body of r as a web.QueryDict. mediaType is
// not used.
func (p Form) Parse(r *web.Request, mediaType string) (any, error) {
	body, err := r.Body()
	if err != nil {
		return nil, err
	}
	s := r.Settings()
	enc := r.Encoding()
	if enc == "" {
		enc = s.DefaultCharset
	}
	q, err := web.QueryConfig{Encoding: enc, MaxNumberFields: s.MaxNumberFields}.Parse(string(body))
	if err != nil {
		return nil, err
	}
	return q, nil
}
