package web_test

import (
	"fmt"

	"github.com/restframe/restframe/web"
)

func ExampleQuoteETag() {
	fmt.Println(web.QuoteETag("abc"))
	fmt.Println(web.QuoteETag(`W/"abc"`))
	// Output:
	// "abc"
	// W/"abc"
}

func ExampleParseETags() {
	tags, err := web.ParseETags(`"a", W/"b", junk, "c,d"`)
	fmt.Printf("%q %v\n", tags, err)
	tags, err = web.ParseETags("*")
	fmt.Printf("%q %v\n", tags, err)
	// Output:
	// ["\"a\"" "W/\"b\"" "\"c,d\""] <nil>
	// ["*"] <nil>
}

func ExampleETagStrongMatch() {
	fmt.Println(web.ETagStrongMatch(`"1"`, `"1"`), web.ETagStrongMatch(`W/"1"`, `W/"1"`))
	// Output: true false
}

func ExampleETagWeakMatch() {
	fmt.Println(web.ETagWeakMatch(`W/"1"`, `"1"`), web.ETagWeakMatch(`"1"`, `"2"`))
	// Output: true false
}
