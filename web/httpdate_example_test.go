package web_test

import (
	"fmt"
	"time"

	"github.com/restframe/restframe/web"
)

func ExampleHTTPDate() {
	fmt.Println(web.HTTPDate(time.Unix(1700000000, 0)))
	// Output: Tue, 14 Nov 2023 22:13:20 GMT
}

func ExampleParseHTTPDate() {
	for _, s := range []string{
		"Tue, 14 Nov 2023 22:13:20 GMT",
		"Tuesday, 14-Nov-23 22:13:20 GMT",
		"Tue Nov 14 22:13:20 2023",
		"Tue, 31 Nov 2023 22:13:20 GMT",
	} {
		t, err := web.ParseHTTPDate(s)
		fmt.Println(t.Unix(), err)
	}
	// Output:
	// 1700000000 <nil>
	// 1700000000 <nil>
	// 1700000000 <nil>
	// -62135596800 web: "Tue, 31 Nov 2023 22:13:20 GMT" is not a valid date
}
