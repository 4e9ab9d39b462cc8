package render_test

import (
	"errors"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/restframe/restframe/render"
)

// Templates come from an fs.FS (an embed.FS in real code), parsed once.
// The response names its template; the data is the template's data.
func ExampleNewTemplateHTML() {
	templates := fstest.MapFS{
		"user_detail.html": {Data: []byte(`<h1>{{.user.username}}</h1><p>{{.user.bio}}</p>`)},
	}
	r, err := render.NewTemplateHTML(render.TemplateHTMLConfig{FS: templates})
	if err != nil {
		fmt.Println(err)
		return
	}
	data := map[string]any{"user": map[string]string{"username": "alice", "bio": "<b>bold</b> & more"}}
	ctx := &render.Context{TemplateName: "user_detail.html"}
	if err := r.Render(os.Stdout, data, ctx); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <h1>alice</h1><p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>
}

// For an error response the renderer uses {status}.html, then
// api_exception.html, then a plain "404 Not Found".
func ExampleTemplateHTML_errorPages() {
	r, err := render.NewTemplateHTML(render.TemplateHTMLConfig{
		FS: fstest.MapFS{
			"404.html": {Data: []byte(`<h1>Not here</h1><p>{{.detail}} ({{.status_code}})</p>`)},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	notFound := &render.Context{Status: 404, Exception: errors.New("not found")}
	_ = r.Render(os.Stdout, map[string]any{"detail": "Not found."}, notFound)
	fmt.Println()

	teapot := &render.Context{Status: 418, Exception: errors.New("teapot")}
	_ = r.Render(os.Stdout, map[string]any{"detail": "Short and stout."}, teapot)
	fmt.Println()
	// Output:
	// <h1>Not here</h1><p>Not found. (404)</p>
	// 418 I'M A Teapot
}

// With DjangoEscapes the page has the bytes Django would send (&quot;
// where html/template writes &#34;).
func ExampleTemplateHTMLConfig_djangoEscapes() {
	r, _ := render.NewTemplateHTML(render.TemplateHTMLConfig{
		FS:            fstest.MapFS{"q.html": {Data: []byte(`<p>{{.}}</p>`)}},
		TemplateName:  "q.html",
		DjangoEscapes: true,
	})
	_ = r.Render(os.Stdout, `"quoted" 'single' a+b`, nil)
	// Output:
	// <p>&quot;quoted&quot; &#x27;single&#x27; a+b</p>
}

// StaticHTML sends pre-rendered HTML as it is.
func ExampleStaticHTML() {
	r := render.StaticHTML{}
	_ = r.Render(os.Stdout, "<html><body><h1>Hello, world</h1></body></html>", nil)
	fmt.Println()
	fmt.Println(r.Info().ContentType())

	// Errors get the error templates of Templates, or the plain text.
	_ = r.Render(os.Stdout, map[string]any{"detail": "Not found."}, &render.Context{Status: 404, Exception: errors.New("x")})
	fmt.Println()
	// Output:
	// <html><body><h1>Hello, world</h1></body></html>
	// text/html; charset=utf-8
	// 404 Not Found
}

func ExampleErrorPageText() {
	fmt.Println(render.ErrorPageText(404))
	fmt.Println(render.ErrorPageText(414))
	// Output:
	// 404 Not Found
	// 414 Request-Uri Too Long
}
