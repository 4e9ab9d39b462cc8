package web_test

import (
	"fmt"

	"github.com/restframe/restframe/web"
)

func ExampleReplaceQueryParam() {
	fmt.Println(web.ReplaceQueryParam("/users/?page=2&format=api", "page", "3"))
	fmt.Println(web.ReplaceQueryParam("/users/", "format", "json"))
	// Output:
	// /users/?format=api&page=3
	// /users/?format=json
}

func ExampleRemoveQueryParam() {
	fmt.Println(web.RemoveQueryParam("http://h/users/?page=2&q=a%20b#top", "page"))
	// Output: http://h/users/?q=a+b#top
}
