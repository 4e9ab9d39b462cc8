package render

import (
	"fmt"
	"io"
	"mime"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/restframe/restframe/web"
)

// DefaultBoundary is the multipart boundary of DRF's MultiPartRenderer
// (BOUNDARY), which Django's test client also uses.
const DefaultBoundary = "BoUnDaRyStRiNg"

// MultiPart is DRF's MultiPartRenderer: multipart/form-data request
// bodies for tests (DRF's APIClient and APIRequestFactory with
// format='multipart'), written byte for byte as Django's
// django.test.client.encode_multipart writes them. It is not meant for
// responses. The zero value uses DRF's boundary.
//
// Data is a set of form fields:
//
//   - web.QueryDict, *web.MutableQueryDict and web.JSONObject keep their
//     order; other maps with string keys (map[string]any,
//     map[string]string, url.Values ...) are written in key order;
//   - a value that is a slice or array (other than []byte) gives one part
//     per item, as Django does for lists: {"b": ["x", "y"]} sends b twice;
//   - a file — *web.UploadedFile or any io.Reader — is a file part with a
//     filename (the base name of the UploadedFile's Name or of a Name()
//     method such as *os.File's, else the key) and a Content-Type (the
//     UploadedFile's ContentType, else guessed from the file name's
//     extension with mime.TypeByExtension, else application/octet-stream);
//   - other values are written as Python's str() writes them: strings and
//     []byte as they are, True/False for booleans, numbers as the JSON
//     renderer writes them, TextMarshaler and Stringer values by their
//     text. (Django would iterate the bytes of a bytes value and send each
//     byte's number.)
//
// A nil value is ErrMultipartNil and a map value ErrMultipartNested, as in
// Django and DRF. Field names and file names are written inside quotes with
// `"`, CR and LF percent-encoded (%22, %0D, %0A) as browsers do; Django
// writes them raw.
type MultiPart struct {
	// Boundary separates the parts; "" means DefaultBoundary. It must not
	// occur in the data.
	Boundary string
}

var _ Renderer = MultiPart{}

func (m MultiPart) boundary() string {
	if m.Boundary == "" {
		return DefaultBoundary
	}
	return m.Boundary
}

// Info returns "multipart/form-data; boundary=<boundary>", format
// "multipart" and charset utf-8, as DRF's MultiPartRenderer declares them
// (so a request's Content-Type is
// "multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8").
func (m MultiPart) Info() Info {
	mt := "multipart/form-data; boundary=" + DefaultBoundary
	if m.Boundary != "" {
		mt = "multipart/form-data; boundary=" + m.Boundary
	}
	return Info{MediaType: mt, Format: "multipart", Charset: "utf-8"}
}

// formField is one key of the form with its value (a list or a scalar).
type formField struct {
	key   string
	value any
}

// Render writes data as a multipart/form-data body in one Write. Nil data
// writes nothing.
func (m MultiPart) Render(w io.Writer, data any, _ *Context) error {
	if data == nil {
		return nil
	}
	fields, err := formFields(data)
	if err != nil {
		return err
	}
	for _, f := range fields {
		if isMapValue(f.value) {
			return fmt.Errorf("%w: Test data contained a dictionary value for key '%s'", ErrMultipartNested, f.key)
		}
	}
	b := m.boundary()
	var out []byte
	for _, f := range fields {
		if f.value == nil {
			return fmt.Errorf("%w: Cannot encode None for key '%s' as POST data", ErrMultipartNil, f.key)
		}
		if isFileValue(f.value) {
			if out, err = appendFilePart(out, b, f.key, f.value); err != nil {
				return err
			}
			continue
		}
		if items, ok := listItems(f.value); ok {
			for _, item := range items {
				if isFileValue(item) {
					out, err = appendFilePart(out, b, f.key, item)
				} else {
					out, err = appendFieldPart(out, b, f.key, item)
				}
				if err != nil {
					return err
				}
			}
			continue
		}
		if out, err = appendFieldPart(out, b, f.key, f.value); err != nil {
			return err
		}
	}
	out = append(out, "--"...)
	out = append(out, b...)
	out = append(out, "--\r\n"...)
	_, err = w.Write(out)
	return err
}

// formFields lists the fields of the form data, in the order written.
func formFields(data any) ([]formField, error) {
	var fields []formField
	switch d := data.(type) {
	case web.QueryDict:
		for k, vs := range d.Lists() {
			fields = append(fields, formField{k, vs})
		}
		return fields, nil
	case *web.MutableQueryDict:
		for k, vs := range d.Lists() {
			fields = append(fields, formField{k, vs})
		}
		return fields, nil
	case web.JSONObject:
		for _, kv := range d {
			fields = append(fields, formField{kv.Key, kv.Value})
		}
		return fields, nil
	}
	v := reflect.ValueOf(data)
	if v.Kind() != reflect.Map || v.Type().Key().Kind() != reflect.String {
		return nil, fmt.Errorf("%w: MultiPart renders a map of form fields, not %T", ErrUnsupportedData, data)
	}
	for it := v.MapRange(); it.Next(); {
		fields = append(fields, formField{it.Key().String(), it.Value().Interface()})
	}
	slices.SortFunc(fields, func(a, b formField) int { return strings.Compare(a.key, b.key) })
	return fields, nil
}

func isMapValue(v any) bool {
	if _, ok := v.(web.JSONObject); ok {
		return true
	}
	return v != nil && reflect.TypeOf(v).Kind() == reflect.Map
}

// isFileValue is Django's is_file: the value can be read.
func isFileValue(v any) bool {
	_, ok := v.(io.Reader)
	return ok
}

// listItems returns the items of a list value (not []byte).
func listItems(v any) ([]any, bool) {
	switch d := v.(type) {
	case []byte:
		return nil, false
	case []string:
		items := make([]any, len(d))
		for i, s := range d {
			items[i] = s
		}
		return items, true
	case []any:
		return d, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, false
	}
	items := make([]any, rv.Len())
	for i := range items {
		items[i] = rv.Index(i).Interface()
	}
	return items, true
}

// formQuote percent-encodes `"`, CR and LF in a quoted header parameter,
// as the HTML standard's multipart/form-data encoding does.
func formQuote(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			dst = append(dst, "%22"...)
		case '\r':
			dst = append(dst, "%0D"...)
		case '\n':
			dst = append(dst, "%0A"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func appendPartHeader(dst []byte, boundary, key string) []byte {
	dst = append(dst, "--"...)
	dst = append(dst, boundary...)
	dst = append(dst, "\r\nContent-Disposition: form-data; name=\""...)
	dst = formQuote(dst, key)
	return append(dst, '"')
}

// appendFieldPart appends a plain form field: str(value).
func appendFieldPart(dst []byte, boundary, key string, v any) ([]byte, error) {
	var text string
	switch x := v.(type) {
	case nil:
		return dst, fmt.Errorf("%w: Cannot encode None for key '%s' as POST data", ErrMultipartNil, key)
	case bool:
		text = "False"
		if x {
			text = "True" // Python's str(True)
		}
	default:
		s, ok, err := scalarText(v)
		if err != nil {
			return dst, err
		}
		if !ok {
			return dst, fmt.Errorf("%w: multipart value of type %T for key '%s'", ErrUnsupportedData, v, key)
		}
		text = s
	}
	dst = appendPartHeader(dst, boundary, key)
	dst = append(dst, "\r\n\r\n"...)
	dst = append(dst, text...)
	return append(dst, "\r\n"...), nil
}

// appendFilePart appends a file part (Django's encode_file).
func appendFilePart(dst []byte, boundary, key string, v any) ([]byte, error) {
	var (
		name, ctype string
		r           io.Reader
	)
	if f, ok := v.(*web.UploadedFile); ok {
		name, ctype = f.Name, f.ContentType
		mf, err := f.Open()
		if err != nil {
			return dst, err
		}
		defer mf.Close()
		r = mf
	} else {
		r = v.(io.Reader)
		if n, ok := v.(interface{ Name() string }); ok {
			name = n.Name()
		}
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:] // os.path.basename
	}
	if ctype == "" && name != "" {
		ctype, _, _ = strings.Cut(mime.TypeByExtension(path.Ext(name)), ";")
		ctype = strings.TrimSpace(ctype)
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if name == "" {
		name = key
	}
	content, err := io.ReadAll(r)
	if err != nil {
		return dst, err
	}
	dst = appendPartHeader(dst, boundary, key)
	dst = append(dst, "; filename=\""...)
	dst = formQuote(dst, name)
	dst = append(dst, "\"\r\nContent-Type: "...)
	dst = append(dst, ctype...)
	dst = append(dst, "\r\n\r\n"...)
	dst = append(dst, content...)
	return append(dst, "\r\n"...), nil
}
