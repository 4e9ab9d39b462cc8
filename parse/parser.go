package parse

import (
	"github.com/restframe/restframe/web"
)

// Parser is DRF's BaseParser: it turns a request body of its media type
// into data.
//
// MediaType is the media type the parser handles (DRF's media_type), which
// Select matches against the request's Content-Type the way DRF's
// media_type_matches does; it may hold wildcards ("*/*", "image/*") and
// parameters.
//
// Parse is DRF's parse(stream, media_type, parser_context): it reads the
// body of r and returns the parsed data, or an error. mediaType is the
// request's Content-Type as sent (DRF passes request.content_type); the
// encoding, settings and URL values of DRF's parser context are on r
// (r.Encoding, r.Settings, r.PathValue). A body the client got wrong is an
// *Error matching ErrParse; the web layer's limit errors are returned
// unchanged.
type Parser interface {
	MediaType() string
	Parse(r *web.Request, mediaType string) (any, error)
}

// Func adapts a function to a Parser: DRF's BaseParser subclass reduced to
// its media_type and parse method.
//
//	text := parse.Func{Type: "text/plain", Fn: func(r *web.Request, _ string) (any, error) {
//		b, err := r.Body()
//		return string(b), err
//	}}
type Func struct {
	// Type is the media type the parser handles.
	Type string
	// Fn parses the body of r; mediaType is the request's Content-Type.
	Fn func(r *web.Request, mediaType string) (any, error)
}

var _ Parser = Func{}

// MediaType returns f.Type.
func (f Func) MediaType() string { return f.Type }

// Parse calls f.Fn.
func (f Func) Parse(r *web.Request, mediaType string) (any, error) { return f.Fn(r, mediaType) }

// Defaults returns DRF's DEFAULT_PARSER_CLASSES as a new slice:
// JSON, Form and MultiPart, in that order, each with its defaults.
func Defaults() []Parser {
	return []Parser{JSON{}, Form{}, MultiPart{}}
}

// Data is DRF's DataAndFiles: what a multipart body gives, its form fields
// and its files. DRF merges the two into request.data; a Go QueryDict holds
// strings only, so Data keeps them apart, as Django's request.POST and
// request.FILES.
type Data struct {
	// Fields are the non-file parts, in order (Django's request.POST).
	Fields web.QueryDict
	// Files are the file parts (Django's request.FILES).
	Files web.UploadedFiles
}

// MarshalJSON implements json.Marshaler as DRF writes request.data for a
// multipart body (the fields merged with the files, as DRF's Request does):
// an object of each key's last value, in the order the keys first appeared,
// fields before files; a file is written as its name (see
// web.UploadedFile.MarshalJSON). So a view can return the data it received.
func (d Data) MarshalJSON() ([]byte, error) {
	obj := make(web.JSONObject, 0, d.Fields.Len()+d.Files.Len())
	index := make(map[string]int, cap(obj))
	for k, v := range d.Fields.Items() {
		index[k] = len(obj)
		obj = append(obj, web.JSONMember{Key: k, Value: v})
	}
	for k, f := range d.Files.Items() {
		if i, ok := index[k]; ok {
			obj[i].Value = f.Name
			continue
		}
		obj = append(obj, web.JSONMember{Key: k, Value: f.Name})
	}
	return web.DumpJSON(obj, web.JSONOptions{ItemSeparator: ",", KeySeparator: ":", RawUnicode: true})
}

// Close closes every file of d, removing the temporary files of large
// uploads. Closing a file twice is harmless, so Close may run after (or
// before) web.Request.Close.
func (d Data) Close() error {
	var first error
	for _, files := range d.Files.Lists() {
		for _, f := range files {
			if err := f.Close(); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}
