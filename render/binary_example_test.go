package render_test

import (
	"bytes"
	"fmt"

	"github.com/restframe/restframe/render"
)

// The JPEGRenderer of DRF's renderer guide: bytes as they are, no charset.
func ExampleBinary() {
	jpeg := render.Binary{MediaType: "image/jpeg", Format: "jpg"}
	fmt.Printf("%+v\n", jpeg.Info())
	var body bytes.Buffer
	_ = jpeg.Render(&body, []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xd9"), nil)
	fmt.Printf("%q\n", body.Bytes())

	// The zero value is application/octet-stream.
	fmt.Println(render.Binary{}.Info().ContentType())
	// Output:
	// {MediaType:image/jpeg Format:jpg Charset: Binary:true}
	// "\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xd9"
	// application/octet-stream
}

// Image offers image/*: the view sets the real type as the response's
// content type.
func ExampleImage() {
	r := render.Image{}
	fmt.Printf("%+v\n", r.Info())
	var body bytes.Buffer
	_ = r.Render(&body, []byte("\x89PNG\r\n\x1a\n"), nil)
	fmt.Printf("%q\n", body.Bytes())
	// Output:
	// {MediaType:image/* Format:img Charset: Binary:true}
	// "\x89PNG\r\n\x1a\n"
}
