package render_test

import (
	"fmt"
	"os"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// Strings are sent as they are; error bodies become readable text.
func ExamplePlainText() {
	r := render.PlainText{}
	_ = r.Render(os.Stdout, "hello ★ world", nil)
	fmt.Println()

	_ = r.Render(os.Stdout, map[string]any{"detail": "Not found."}, nil)
	fmt.Println()

	errs := web.JSONObject{
		{Key: "name", Value: []string{"This field is required."}},
		{Key: "age", Value: []string{"Ensure this value is greater than or equal to 0."}},
	}
	_ = r.Render(os.Stdout, errs, nil)
	fmt.Println()
	fmt.Println(r.Info().ContentType())
	// Output:
	// hello ★ world
	// Not found.
	// name: This field is required.
	// age: Ensure this value is greater than or equal to 0.
	// text/plain; charset=utf-8
}

// A charset other than UTF-8 encodes the text, as DRF's renderer charset
// does.
func ExamplePlainText_charset() {
	r := render.PlainText{Charset: "iso-8859-1"}
	b := new(bytesWriter)
	_ = r.Render(b, "Café", nil)
	fmt.Printf("%q\n", string(*b))
	fmt.Println(r.Render(b, "★", nil))
	// Output:
	// "Caf\xe9"
	// render: text cannot be encoded in the renderer's charset: "★" in iso-8859-1
}

// bytesWriter collects writes.
type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}
