package render

import (
	"fmt"
	"io"
)

// Binary sends bytes as they are, with no charset: a renderer with DRF's
// render_style = 'binary', like the JPEGRenderer of DRF's renderer guide
// (Binary{MediaType: "image/jpeg", Format: "jpg"}). The zero value offers
// application/octet-stream.
//
// Data may be a []byte, a string, an io.WriterTo or an io.Reader (copied to
// the end); nil sends an empty body. Anything else, such as the map of an
// error response, is ErrUnsupportedData: binary renderers cannot show an
// error, and DRF would send the map's keys as bytes. Package rest renders
// error responses with a text renderer instead.
type Binary struct {
	// MediaType is the media type offered; "" means
	// "application/octet-stream".
	MediaType string
	// Format is the format name; "" means "bin".
	Format string
}

var _ Renderer = Binary{}

// Info returns the media type, the format, no charset, binary style.
func (b Binary) Info() Info {
	i := Info{MediaType: b.MediaType, Format: b.Format, Binary: true}
	if i.MediaType == "" {
		i.MediaType = "application/octet-stream"
	}
	if i.Format == "" {
		i.Format = "bin"
	}
	return i
}

// Render writes data's bytes to w.
func (b Binary) Render(w io.Writer, data any, _ *Context) error {
	return writeBinary(w, data, b.Info().MediaType)
}

// Image is an underspecified image renderer, the AnyImageRenderer of DRF's
// renderer guide: it offers "image/*", so that a client accepting
// image/png, image/webp or */* selects it, and the view names the real type
// with the response's content type (DRF's Response(data,
// content_type='image/png')); without one the Content-Type is "image/*", as
// in DRF. It renders data as Binary does. The zero value is ready to use.
type Image struct {
	// Format is the format name; "" means "img".
	Format string
}

var _ Renderer = Image{}

// Info returns image/*, the format, no charset, binary style.
func (i Image) Info() Info {
	info := Info{MediaType: "image/*", Format: i.Format, Binary: true}
	if info.Format == "" {
		info.Format = "img"
	}
	return info
}

// Render writes data's bytes to w.
func (i Image) Render(w io.Writer, data any, _ *Context) error {
	return writeBinary(w, data, "image/*")
}

func writeBinary(w io.Writer, data any, mediaType string) error {
	var err error
	switch d := data.(type) {
	case nil:
	case []byte:
		_, err = w.Write(d)
	case string:
		_, err = io.WriteString(w, d)
	case io.WriterTo:
		_, err = d.WriteTo(w)
	case io.Reader:
		_, err = io.Copy(w, d)
	default:
		return fmt.Errorf("%w: %s renders bytes, not %T", ErrUnsupportedData, mediaType, data)
	}
	return err
}
