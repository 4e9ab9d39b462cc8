package render_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
)

// csvRenderer is a custom renderer, like the CSVRenderer of
// djangorestframework-csv: a list of objects becomes a header line (the
// sorted keys of the first object) and one line per object. A single
// object, such as the {"detail": ...} of an error, is a list of one, so
// errors stay readable. Anything else is render.ErrUnsupportedData.
type csvRenderer struct{}

var _ render.Renderer = csvRenderer{}

// Info offers text/csv under the format name "csv" (?format=csv, /x.csv).
func (csvRenderer) Info() render.Info {
	return render.Info{MediaType: "text/csv", Format: "csv", Charset: "utf-8"}
}

// Render writes data as CSV.
func (csvRenderer) Render(w io.Writer, data any, _ *render.Context) error {
	var rows []map[string]any
	switch d := data.(type) {
	case []map[string]any:
		rows = d
	case map[string]any:
		rows = []map[string]any{d}
	default:
		return fmt.Errorf("%w: %T", render.ErrUnsupportedData, data)
	}
	if len(rows) == 0 {
		return nil
	}
	header := make([]string, 0, len(rows[0]))
	for k := range rows[0] {
		header = append(header, k)
	}
	slices.Sort(header)
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	line := make([]string, len(header))
	for _, row := range rows {
		for i, k := range header {
			line[i] = fmt.Sprint(row[k])
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// exGet serves a GET and prints the status and Content-Type, then the body.
func exGet(h http.Handler, target, accept string) {
	req := httptest.NewRequest("GET", target, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Print(rec.Body)
	if !strings.HasSuffix(rec.Body.String(), "\n") {
		fmt.Println()
	}
}

// A custom renderer joins content negotiation like the built-in ones: the
// client picks it with Accept, ?format= or a format suffix. JSON stays
// first, so that "Accept: */*" gets JSON.
func Example_customRenderer() {
	snippets := []map[string]any{
		{"id": 1, "title": "hello", "language": "python"},
		{"id": 2, "title": "loop, forever", "language": "go"},
	}
	v := &rest.View{
		Renderers: []render.Renderer{render.JSON{}, csvRenderer{}},
		Get: func(r *rest.Request) (*rest.Response, error) {
			if r.PathValue("id") != "" {
				return nil, rest.NotFound()
			}
			return rest.NewResponse(snippets, http.StatusOK), nil
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/snippets", v)
	mux.Handle("/snippets/{id}", v)
	h := rest.FormatSuffixHandler(mux)

	exGet(h, "/snippets", "")
	exGet(h, "/snippets?format=csv", "")
	exGet(h, "/snippets.csv", "")
	exGet(h, "/snippets", "text/csv")
	exGet(h, "/snippets/9.csv", "") // an error, in CSV
	// Output:
	// 200 application/json
	// [{"id":1,"language":"python","title":"hello"},{"id":2,"language":"go","title":"loop, forever"}]
	// 200 text/csv; charset=utf-8
	// id,language,title
	// 1,python,hello
	// 2,go,"loop, forever"
	// 200 text/csv; charset=utf-8
	// id,language,title
	// 1,python,hello
	// 2,go,"loop, forever"
	// 200 text/csv; charset=utf-8
	// id,language,title
	// 1,python,hello
	// 2,go,"loop, forever"
	// 404 text/csv; charset=utf-8
	// detail
	// Not found.
}

// render.Func makes a renderer of a function: here a one-value-per-line
// text format for lists, offered as text/plain with the format "lines".
func Example_customRendererFunc() {
	lines := render.Func{
		Spec: render.Info{MediaType: "text/plain", Format: "lines", Charset: "utf-8"},
		Fn: func(w io.Writer, data any, ctx *render.Context) error {
			items, ok := data.([]any)
			if !ok {
				return fmt.Errorf("%w: %T", render.ErrUnsupportedData, data)
			}
			var b strings.Builder
			for i, item := range items {
				b.WriteString(strconv.Itoa(i+1) + ". " + fmt.Sprint(item) + "\n")
			}
			_, err := io.WriteString(w, b.String())
			return err
		},
	}
	v := &rest.View{
		Renderers: []render.Renderer{render.JSON{}, lines},
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse([]any{"write docs", "test it", "ship it"}, http.StatusOK), nil
		},
	}
	exGet(v, "/todo", "")
	exGet(v, "/todo?format=lines", "")
	exGet(v, "/todo", "text/plain")
	// Output:
	// 200 application/json
	// ["write docs","test it","ship it"]
	// 200 text/plain; charset=utf-8
	// 1. write docs
	// 2. test it
	// 3. ship it
	// 200 text/plain; charset=utf-8
	// 1. write docs
	// 2. test it
	// 3. ship it
}
