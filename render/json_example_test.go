package render_test

import (
	"fmt"
	"math"
	"os"
	"time"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// The zero JSON renderer writes DRF's default bytes: compact, UTF-8, no
// HTML escaping, floats as Python writes them, ordered objects in order.
func ExampleJSON() {
	data := web.JSONObject{
		{Key: "title", Value: "Café <b>"},
		{Key: "price", Value: 3.0},
		{Key: "tags", Value: []string{"a", "b"}},
		{Key: "created", Value: time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC)},
		{Key: "ttl", Value: 90 * time.Second},
	}
	if err := (render.JSON{}).Render(os.Stdout, data, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"title":"Café <b>","price":3.0,"tags":["a","b"],"created":"2024-01-02T03:04:05.678901Z","ttl":"90.0"}
}

// A client asks for indented output with a media type parameter
// ("Accept: application/json; indent=2"); content negotiation puts it in
// the Context.
func ExampleJSON_indent() {
	ctx := &render.Context{AcceptedMediaType: "application/json; indent=2"}
	data := map[string]any{"user_count": 3, "empty": []any{}}
	if err := (render.JSON{}).Render(os.Stdout, data, ctx); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "empty": [],
	//   "user_count": 3
	// }
}

// The fields are DRF's JSON settings: UNICODE_JSON = False, COMPACT_JSON =
// False and STRICT_JSON = False.
func ExampleJSON_settings() {
	r := render.JSON{EnsureASCII: true, LongSeparators: true, AllowNaN: true}
	data := []any{"España ★", math.NaN(), map[string]int{"a": 1}}
	if err := r.Render(os.Stdout, data, nil); err != nil {
		fmt.Println(err)
	}
	fmt.Println()

	// Strict mode (the default) refuses NaN, as DRF does.
	err := (render.JSON{}).Render(os.Stdout, data, nil)
	fmt.Println(err)
	// Output:
	// ["Espa\u00f1a \u2605", NaN, {"a": 1}]
	// render: Out of range float values are not JSON compliant: NaN
}

// Nil data renders nothing: DRF's Response(None) has no body and no
// Content-Type.
func ExampleJSON_nil() {
	b, err := (render.JSON{}).Append(nil, nil, nil)
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// "" <nil>
}

// Append renders into a caller's buffer without an intermediate copy.
func ExampleJSON_Append() {
	buf := []byte("data: ")
	buf, err := (render.JSON{}).Append(buf, map[string]bool{"ok": true}, nil)
	fmt.Println(string(buf), err)
	// Output:
	// data: {"ok":true} <nil>
}

// ParseIndent reads the indent parameter as DRF does: clamped to 0..8, 0
// meaning compact, non-integers ignored.
func ExampleParseIndent() {
	for _, mt := range []string{
		"application/json; indent=4",
		"application/json; indent=20",
		"application/json; indent=0",
		"application/json; indent=2.5",
		"application/json",
	} {
		n, ok := render.ParseIndent(mt)
		fmt.Printf("%-30q %d %v\n", mt, n, ok)
	}
	// Output:
	// "application/json; indent=4"   4 true
	// "application/json; indent=20"  8 true
	// "application/json; indent=0"   0 true
	// "application/json; indent=2.5" 0 false
	// "application/json"             0 false
}

// Indentation combines the media type parameter with the context's indent
// (the browsable API sets 4), as DRF's get_indent does.
func ExampleContext_Indentation() {
	for _, ctx := range []*render.Context{
		{AcceptedMediaType: "application/json; indent=2", Indent: 4, HasIndent: true},
		{AcceptedMediaType: "application/json; indent=x", Indent: 4, HasIndent: true},
		{AcceptedMediaType: "application/json; indent=0", Indent: 4, HasIndent: true},
		{AcceptedMediaType: "application/json"},
	} {
		n, ok := ctx.Indentation()
		fmt.Println(ctx.AcceptedMediaType, "→", n, ok)
	}
	// Output:
	// application/json; indent=2 → 2 true
	// application/json; indent=x → 4 true
	// application/json; indent=0 → 0 false
	// application/json → 0 false
}

// Param reads any parameter of the accepted media type, for renderers that
// vary their output with it.
func ExampleContext_Param() {
	ctx := &render.Context{AcceptedMediaType: `application/json; Nested="true"`}
	v, ok := ctx.Param("nested")
	fmt.Println(v, ok)
	// Output:
	// true true
}
