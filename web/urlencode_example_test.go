package web_test

import (
	"fmt"

	"github.com/restframe/restframe/web"
)

func ExampleURLEncode() {
	s, err := web.URLEncode([]web.Param{
		{Key: "a", Value: []string{"1", "2"}},
		{Key: "b", Value: "x y"},
		{Key: "n", Value: 3},
		{Key: "ok", Value: true},
	}, true)
	fmt.Println(s, err)
	_, err = web.URLEncode([]web.Param{{Key: "a", Value: nil}}, false)
	fmt.Println(err)
	// Output:
	// a=1&a=2&b=x+y&n=3&ok=True <nil>
	// web: cannot encode nil in a query string: Cannot encode None for key 'a' in a query string. Did you mean to pass an empty string or omit the value?
}
