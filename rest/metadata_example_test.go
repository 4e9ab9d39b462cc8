package rest_test

import (
	"fmt"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
)

func ExampleSimpleMetadata() {
	md := rest.SimpleMetadata("Snippet List", "\n    List all snippets.\n    ", []render.Renderer{render.JSON{}}, []parse.Parser{parse.JSON{}})
	b, _ := render.JSON{}.Append(nil, md, nil)
	fmt.Println(string(b))
	// Output: {"name":"Snippet List","description":"List all snippets.","renders":["application/json"],"parses":["application/json"]}
}

func ExampleViewName() {
	fmt.Println(rest.ViewName("SnippetListView"))
	fmt.Println(rest.ViewName("user_detail"))
	// Output:
	// Snippet List
	// User Detail
}
