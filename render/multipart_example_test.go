package render_test

import (
	"fmt"
	"strings"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// MultiPart writes test request bodies exactly as Django's test client.
func ExampleMultiPart() {
	data := web.JSONObject{
		{Key: "title", Value: "hello"},
		{Key: "tags", Value: []string{"a", "b"}},
		{Key: "file", Value: web.NewUploadedFile("notes.txt", []byte("some notes"), "text/plain")},
	}
	var b strings.Builder
	r := render.MultiPart{}
	if err := r.Render(&b, data, nil); err != nil {
		fmt.Println(err)
	}
	fmt.Println(r.Info().ContentType())
	fmt.Print(strings.ReplaceAll(b.String(), "\r\n", "⏎\n"))
	// Output:
	// multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8
	// --BoUnDaRyStRiNg⏎
	// Content-Disposition: form-data; name="title"⏎
	// ⏎
	// hello⏎
	// --BoUnDaRyStRiNg⏎
	// Content-Disposition: form-data; name="tags"⏎
	// ⏎
	// a⏎
	// --BoUnDaRyStRiNg⏎
	// Content-Disposition: form-data; name="tags"⏎
	// ⏎
	// b⏎
	// --BoUnDaRyStRiNg⏎
	// Content-Disposition: form-data; name="file"; filename="notes.txt"⏎
	// Content-Type: text/plain⏎
	// ⏎
	// some notes⏎
	// --BoUnDaRyStRiNg--⏎
}
