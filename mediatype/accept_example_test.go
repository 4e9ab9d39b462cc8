package mediatype_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/mediatype"
)

func ExampleParseAccept() {
	ranges, err := mediatype.ParseAccept("text/html, application/json;q=0.9, */html, image/*;q=0.5;level=1, */*;q=0.1")
	if err != nil {
		panic(err)
	}
	for _, r := range ranges {
		fmt.Println(r.Type, r.Subtype, r.Q, r.Params, r.Specificity())
	}
	// Output:
	// text html 1000 [] 2
	// application json 900 [] 2
	// image * 500 [{level 1}] 1
	// * * 100 [] 0
}

func ExampleAcceptHeader() {
	r := httptest.NewRequest("GET", "/", nil)
	fmt.Printf("%q\n", mediatype.AcceptHeader(r))
	r.Header.Add("Accept", "text/html")
	r.Header.Add("Accept", "application/json")
	fmt.Printf("%q\n", mediatype.AcceptHeader(r))
	// Output:
	// "*/*"
	// "text/html, application/json"
}

func ExampleRange_String() {
	r := mediatype.Range{MediaType: mediatype.MediaType{Type: "text", Subtype: "html"}, Q: 250}
	fmt.Println(r)
	// Output:
	// text/html; q=0.25
}
