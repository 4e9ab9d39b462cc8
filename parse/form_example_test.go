package parse_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

func ExampleForm() {
	// DRF parses forms for any method; Django's request.POST only for POST.
	hr := httptest.NewRequest("PATCH", "/", strings.NewReader("tag=a&tag=b&name=x+y"))
	hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")

	data, err := parse.Form{}.Parse(web.NewRequest(hr, nil), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	form := data.(web.QueryDict)
	name, _ := form.Get("name")
	fmt.Println(form.GetList("tag"), name)
	// Output: [a b] x y
}
