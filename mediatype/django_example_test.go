package mediatype_test

import (
	"fmt"

	"github.com/restframe/restframe/mediatype"
)

func ExampleParseAcceptedTypes() {
	// Django 5.2's request.accepted_types: q=0 dropped, sorted by quality
	// then specificity.
	a := mediatype.ParseAcceptedTypes("text/*, text/html;q=0.5, application/json, image/png;q=0")
	for _, r := range a {
		fmt.Println(r)
	}
	// Output:
	// application/json
	// text/*
	// text/html; q=0.5
}

func ExampleAcceptedTypes_Accepts() {
	a := mediatype.ParseAcceptedTypes("text/html;level=1, application/*")
	fmt.Println(a.Accepts("application/json"))
	fmt.Println(a.Accepts("text/html"))          // the range asks for level=1
	fmt.Println(a.Accepts("text/html; level=1")) // matches
	// Output:
	// true
	// false
	// true
}

func ExampleAcceptedTypes_AcceptedType() {
	a := mediatype.ParseAcceptedTypes("text/*;q=0.3, text/html;q=0.7, */*;q=0.5")
	r, ok := a.AcceptedType("text/html")
	fmt.Println(r, ok)
	// Output:
	// text/html; q=0.7 true
}

func ExampleAcceptedTypes_PreferredType() {
	// Django 5.2's request.get_preferred_type(): the offer whose accepted
	// range the client prefers; the offer as given.
	a := mediatype.ParseAcceptedTypes("text/html;q=0.5, application/json")
	t, ok := a.PreferredType([]string{"text/html", "application/json"})
	fmt.Println(t, ok)
	_, ok = a.PreferredType([]string{"image/png"})
	fmt.Println(ok)
	// Output:
	// application/json true
	// false
}

func ExampleAcceptsLegacy() {
	// Django 3.2 ignores q and parameters.
	fmt.Println(mediatype.AcceptsLegacy("application/json;q=0", "application/json"))
	fmt.Println(mediatype.ParseAcceptedTypes("application/json;q=0").Accepts("application/json"))
	// Output:
	// true
	// false
}
