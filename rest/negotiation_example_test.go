package rest_test

import (
	"fmt"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
)

// Which mode to pick: RFC 9110 honours q-values; DRF mode reproduces DRF
// 3.14 exactly, for services moving from DRF.
func ExampleNewNegotiation() {
	renderers := []render.Renderer{render.JSON{}, render.StaticHTML{}}
	for _, mode := range []mediatype.Mode{mediatype.ModeRFC, mediatype.ModeDRF} {
		n, err := rest.NewNegotiation(mode, renderers)
		if err != nil {
			fmt.Println(err)
			return
		}
		sel, err := n.SelectAccept("text/html;q=0.1, */*", "")
		fmt.Println(mode, sel.Renderer.Info().Format, sel.MediaType, err)
		_, err = n.SelectAccept("*/*", "xml")
		fmt.Println(err)
	}
	// Output:
	// rfc9110 json application/json <nil>
	// Not found.
	// drf html text/html;q=0.1 <nil>
	// Not found.
}
