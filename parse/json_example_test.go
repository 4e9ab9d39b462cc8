package parse_test

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

func ExampleJSON() {
	hr := httptest.NewRequest("POST", "/", strings.NewReader(`{"name": "bob", "tags": ["a", "b"], "age": 7}`))
	hr.Header.Set("Content-Type", "application/json")
	r := web.NewRequest(hr, nil)

	data, err := parse.JSON{UseNumber: true}.Parse(r, hr.Header.Get("Content-Type"))
	if err != nil {
		fmt.Println(err)
		return
	}
	obj := data.(map[string]any)
	fmt.Println(obj["name"], obj["tags"], obj["age"])
	// Output: bob [a b] 7
}

func ExampleJSON_ParseInto() {
	hr := httptest.NewRequest("PUT", "/", strings.NewReader(`{"name": "bob", "age": "seven"}`))
	hr.Header.Set("Content-Type", "application/json")

	var in struct {
		Name string `json:"name"`
		Age  int    `json:"age"`
	}
	err := parse.JSON{}.ParseInto(web.NewRequest(hr, nil), &in)
	var pe *parse.Error
	if errors.As(err, &pe) {
		fmt.Println(pe.Status(), pe.Detail)
	}
	// Output: 400 JSON parse error - Invalid value for "age": expected integer, got string
}

// ExampleJSON_errors shows DRF's details: Python's messages, positions in
// characters, and the strict refusal of NaN.
func ExampleJSON_errors() {
	for _, body := range []string{`{"a": `, `{"a": 1,}`, `[1, NaN]`, "\xff"} {
		hr := httptest.NewRequest("POST", "/", strings.NewReader(body))
		_, err := parse.JSON{}.Parse(web.NewRequest(hr, nil), "application/json")
		var pe *parse.Error
		if errors.As(err, &pe) {
			fmt.Println(pe.Detail)
		}
	}
	// Output:
	// JSON parse error - Expecting value: line 1 column 7 (char 6)
	// JSON parse error - Expecting property name enclosed in double quotes: line 1 column 9 (char 8)
	// JSON parse error - Out of range float values are not JSON compliant: 'NaN'
	// JSON parse error - 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
}

// ExampleJSON_charset: the body is decoded with the Content-Type's charset.
func ExampleJSON_charset() {
	hr := httptest.NewRequest("POST", "/", strings.NewReader("\"caf\xe9\""))
	hr.Header.Set("Content-Type", "application/json; charset=latin-1")
	v, err := parse.JSON{}.Parse(web.NewRequest(hr, nil), "")
	fmt.Println(v, err)
	// Output: café <nil>
}
