package web_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleRequest_PreferredType() {
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "text/vcard;version=3.0,text/html;q=0.5")
	r := web.NewRequest(req, nil)
	fmt.Println(r.PreferredType("text/vcard; version=4.0", "text/vcard; version=3.0", "text/vcard", "text/directory"))
	fmt.Println(r.PreferredType("application/json", "text/html"))
	fmt.Println(r.PreferredType("application/xml", "text/plain"))
	// Output:
	// text/vcard; version=3.0 true
	// text/html true
	//  false
}

func ExampleRequest_Accepts() {
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept", "text/html, application/json;q=0")
	r := web.NewRequest(req, nil)
	fmt.Println(r.Accepts("text/html"), r.Accepts("application/json"), r.Accepts("text/*"))
	for _, t := range r.AcceptedTypes() {
		fmt.Println(t)
	}
	// Output:
	// true false true
	// text/html
}
