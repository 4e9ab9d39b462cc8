package mediatype_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/mediatype"
)

func ExampleNewNegotiator() {
	// One offer per renderer, in the view's order; build it once.
	n, err := mediatype.NewNegotiator(mediatype.ModeRFC, "application/json", "text/html")
	if err != nil {
		panic(err)
	}
	m, ok := n.Negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	fmt.Println(ok, m.Index, m.MediaType())

	_, err = mediatype.NewNegotiator(mediatype.ModeRFC, "json")
	fmt.Println(err)
	// Output:
	// true 1 text/html
	// mediatype: offer "json": mediatype: invalid media type
}

func ExampleNegotiator_Negotiate() {
	n, _ := mediatype.NewNegotiator(mediatype.ModeRFC, "application/json", "text/html")
	for _, accept := range []string{
		"*/*",
		"application/json;q=0.5, text/html",
		"*/*, application/json;q=0",
		"*/*; indent=4",
		"image/png",
		"",
	} {
		m, ok := n.Negotiate(accept)
		if !ok {
			fmt.Printf("%q: 406 Not Acceptable\n", accept)
			continue
		}
		fmt.Printf("%q: offer %d, accepted %q\n", accept, m.Index, m.MediaType())
	}
	// Output:
	// "*/*": offer 0, accepted "application/json"
	// "application/json;q=0.5, text/html": offer 1, accepted "text/html"
	// "*/*, application/json;q=0": offer 1, accepted "text/html"
	// "*/*; indent=4": offer 0, accepted "application/json; indent=4"
	// "image/png": 406 Not Acceptable
	// "": 406 Not Acceptable
}

func ExampleNegotiator_NegotiateRequest() {
	n, _ := mediatype.NewNegotiator(mediatype.ModeDRF, "application/json", "text/html")
	r := httptest.NewRequest("GET", "/users/", nil) // no Accept header: */*
	m, ok := n.NegotiateRequest(r)
	fmt.Println(ok, m.Index, m.MediaType())

	r.Header.Set("Accept", "text/*;q=0.5")
	m, ok = n.NegotiateRequest(r)
	fmt.Println(ok, m.Index, m.MediaType())
	// Output:
	// true 0 application/json
	// true 1 text/html;q=0.5
}

func ExampleMatch_Param() {
	n, _ := mediatype.NewNegotiator(mediatype.ModeDRF, "application/json")
	m, _ := n.Negotiate("*/*; indent=4")
	indent, ok := m.Param("indent")
	fmt.Println(m.MediaType(), indent, ok)
	// Output:
	// application/json;indent=4 4 true
}

// Which mode to pick: ModeRFC (the default) honours the client's q-values;
// ModeDRF answers exactly as DRF 3.14 does, for services moving from DRF.
func Example_whichMode() {
	offers := []string{"application/json", "text/html"}
	rfc, _ := mediatype.NewNegotiator(mediatype.ModeRFC, offers...)
	drf, _ := mediatype.NewNegotiator(mediatype.ModeDRF, offers...)
	for _, accept := range []string{
		"text/html;q=0.1, */*",        // HTML is the client's last choice
		"application/json;q=0",        // q=0: "not JSON"
		"*/*;q=0.8",                   // the reported media type differs
		"text/html, application/json", // equal weights: server order
	} {
		m1, ok1 := rfc.Negotiate(accept)
		m2, ok2 := drf.Negotiate(accept)
		fmt.Printf("%-30q rfc: %-5v %-20q drf: %v %q\n", accept, ok1, m1.MediaType(), ok2, m2.MediaType())
	}
	// Output:
	// "text/html;q=0.1, */*"         rfc: true  "application/json"   drf: true "text/html;q=0.1"
	// "application/json;q=0"         rfc: false ""                   drf: true "application/json;q=0"
	// "*/*;q=0.8"                    rfc: true  "application/json"   drf: true "application/json;q=0.8"
	// "text/html, application/json"  rfc: true  "application/json"   drf: true "application/json"
}
