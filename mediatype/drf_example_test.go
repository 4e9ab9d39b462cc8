package mediatype_test

import (
	"fmt"

	"github.com/restframe/restframe/mediatype"
)

func ExampleParseDRF() {
	for _, s := range []string{"application/json; q=0.5; indent=2", "TEXT/*", "garbage", "*/*"} {
		m, err := mediatype.ParseDRF(s)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%q main=%q sub=%q precedence=%d str=%q\n", s, m.MainType, m.SubType, m.Precedence(), m)
	}
	_, err := mediatype.ParseDRF("application/jsön")
	fmt.Println(err)
	// Output:
	// "application/json; q=0.5; indent=2" main="application" sub="json" precedence=3 str="application/json; q=0.5; indent=2"
	// "TEXT/*" main="text" sub="*" precedence=1 str="text/*"
	// "garbage" main="garbage" sub="" precedence=2 str="garbage/"
	// "*/*" main="*" sub="*" precedence=0 str="*/*"
	// mediatype: non-ASCII type or parameter name
}

func ExampleMediaTypeMatches() {
	// DRF's match is not symmetric: the renderer's parameters must be in
	// the accepted type, not the other way round.
	fmt.Println(mediatype.MediaTypeMatches("application/json", "application/json; indent=4"))
	fmt.Println(mediatype.MediaTypeMatches("application/json; indent=8", "*/*"))
	fmt.Println(mediatype.MediaTypeMatches("image/*", "image/png"))
	// Output:
	// true
	// false
	// true
}

func ExampleDRFMediaType_Match() {
	renderer, _ := mediatype.ParseDRF("application/json; version=2")
	accepted, _ := mediatype.ParseDRF("application/json; version=2; q=0.5")
	fmt.Println(renderer.Match(accepted), accepted.Match(renderer))
	// Output:
	// true true
}

func ExampleOrderByPrecedence() {
	groups := mediatype.OrderByPrecedence([]string{"*/*;q=0.8", "text/html", "text/*", "application/json; indent=4", "application/xml;q=0.9"})
	for _, g := range groups {
		fmt.Println(g)
	}
	// Output:
	// [application/json; indent=4]
	// [text/html application/xml;q=0.9]
	// [text/*]
	// [*/*;q=0.8]
}
