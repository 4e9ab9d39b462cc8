package parse

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/restframe/restframe/web"
)

// MultiPart is DRF's MultiPartParser: it parses multipart/form-data bodies
// (RFC 7578) into a Data, the form fields and the uploaded files, for any
// method. The zero value is ready to use.
//
// Parsing is the web layer's (Django's MultiPartParser): for a POST with
// Content-Type multipart/form-data, Parse returns r.Form() and r.Files(),
// whose temporary files web.Request.Close (which the web adapter calls)
// removes; for other methods (PUT, PATCH) Parse runs the same parser over
// the body stream and only Data.Close removes them. Call Data.Close when
// done with the files in either case; closing twice is harmless.
//
// Limits (web.Settings): more than MaxNumberFields fields is
// web.ErrTooManyFields and more than MaxNumberFiles files
// web.ErrTooManyFiles (400 each), field data beyond MaxMemorySize
// web.ErrRequestDataTooBig (413), all returned unchanged; part headers are
// limited to web.MaxPartHeaderBytes. File content is not limited, as in
// Django: files beyond FileMaxMemorySize are spooled to temporary files;
// wrap the body in http.MaxBytesReader to cap it. A malformed body is an
// *Error matching ErrParse with DRF's detail "Multipart form parse error -
// " and Django's message, e.g. "Multipart form parse error - Invalid
// boundary in multipart: None".
//
// Differences from DRF: the media type is matched case-insensitively
// (Django refuses "Multipart/form-data" with "Invalid Content-Type"), and
// a body that is not multipart at all is "Invalid multipart body." where
// Django returns empty data.
type MultiPart struct {
	// Type is the media type handled; "" means "multipart/form-data".
	Type string
}

var _ Parser = MultiPart{}

// MediaType returns p.Type, or "multipart/form-data".
func (p MultiPart) MediaType() string {
	if p.Type == "" {
		return multipartType
	}
	return p.Type
}

// Parse is MultiPartParser.parse: the body of r as a Data. A Content-Type
// that is not multipart/* (Select may match "*/*" against it) is a parse
// error, as in Django. mediaType is not used: the boundary and charset
// come from r.
func (p MultiPart) Parse(r *web.Request, mediaType string) (any, error) {
	const prefix = "Multipart form parse error - "
	raw := r.HTTP().Header.Get("Content-Type")
	ct := r.ContentType()
	if !strings.HasPrefix(ct, "multipart/") {
		return nil, errParse(prefix+"Invalid Content-Type: "+raw, nil)
	}
	src := r
	if r.Method() != http.MethodPost || ct != multipartType {
		header := multipartType
		if i := strings.IndexByte(raw, ';'); i >= 0 {
			header += raw[i:]
		}
		src = shadowRequest(r, header, r.HTTP().ContentLength, r)
		if enc := r.Encoding(); enc != "" {
			if err := src.SetEncoding(enc); err != nil {
				return nil, err
			}
		}
	}
	fields, err := src.Form()
	if err != nil {
		return nil, multipartError(prefix, r, err)
	}
	files, _ := src.Files()
	return Data{Fields: fields, Files: files}, nil
}

// shadowRequest is a POST copy of r whose body is body, with the given
// Content-Type and length, for the web layer's multipart parser, which
// parses POST requests only. Reading body through r marks r's stream as
// read, as Django's parsers do.
func shadowRequest(r *web.Request, contentType string, length int64, body io.Reader) *web.Request {
	hr := r.HTTP().Clone(r.HTTP().Context())
	hr.Method = http.MethodPost
	hr.Header.Set("Content-Type", contentType)
	hr.ContentLength = length
	hr.Body = io.NopCloser(body)
	return web.NewRequest(hr, r.Settings())
}

// multipartError turns the web layer's 400 for a malformed multipart body
// into a ParseError with DRF's detail (prefix and Django's message); the
// limit errors and read errors are returned unchanged.
func multipartError(prefix string, r *web.Request, err error) error {
	var he *web.HTTPError
	if !errors.As(err, &he) || he.Status != http.StatusBadRequest || !errors.Is(err, web.ErrBadRequest) {
		return err
	}
	msg := he.Message
	if msg == "Invalid boundary in multipart: " {
		if _, ok := r.ContentParams()["boundary"]; !ok {
			msg += "None" // Django formats the missing boundary with %s
		}
	}
	return errParse(prefix+msg, err)
}
