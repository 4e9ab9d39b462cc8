package render_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/restframe/restframe/render"
)

// A custom renderer in a few lines: Func pairs an Info with a function,
// as subclassing DRF's BaseRenderer pairs media_type and format with
// render().
func ExampleFunc() {
	csvRenderer := render.Func{
		Spec: render.Info{MediaType: "text/csv", Format: "csv", Charset: "utf-8"},
		Fn: func(w io.Writer, data any, ctx *render.Context) error {
			rows, ok := data.([]map[string]any)
			if !ok {
				return fmt.Errorf("%w: want rows, got %T", render.ErrUnsupportedData, data)
			}
			cw := csv.NewWriter(w)
			for _, row := range rows {
				if err := cw.Write([]string{fmt.Sprint(row["id"]), fmt.Sprint(row["name"])}); err != nil {
					return err
				}
			}
			cw.Flush()
			return cw.Error()
		},
	}
	var r render.Renderer = csvRenderer
	fmt.Println(r.Info().ContentType())
	_ = r.Render(os.Stdout, []map[string]any{{"id": 1, "name": "alice"}, {"id": 2, "name": "bob, jr"}}, nil)
	// Output:
	// text/csv; charset=utf-8
	// 1,alice
	// 2,"bob, jr"
}

// Which renderer to pick: JSON for APIs (first in a view's list, so that
// clients sending */* get it), TemplateHTML to serve web pages from the same
// endpoint, StaticHTML for pre-rendered HTML, PlainText for text, Binary
// and Image for files, MultiPart only for test requests. The Info tells the
// caller what to offer in negotiation and which Content-Type to send.
func Example_whichRenderer() {
	pages, _ := render.NewTemplateHTML(render.TemplateHTMLConfig{})
	for _, r := range []render.Renderer{
		render.JSON{},
		pages,
		render.StaticHTML{},
		render.PlainText{},
		render.Binary{MediaType: "application/pdf", Format: "pdf"},
		render.Image{},
		render.MultiPart{},
	} {
		i := r.Info()
		fmt.Printf("%-10s %-44s binary=%s\n", i.Format, i.ContentType(), strconv.FormatBool(i.Binary))
	}
	// Output:
	// json       application/json                             binary=false
	// html       text/html; charset=utf-8                     binary=false
	// html       text/html; charset=utf-8                     binary=false
	// txt        text/plain; charset=utf-8                    binary=false
	// pdf        application/pdf                              binary=true
	// img        image/*                                      binary=true
	// multipart  multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8 binary=false
}
