package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// echoValidationTests are EchoSerializer's results in DRF 3.14 (recorded
// with the Debian python3-djangorestframework 3.14.0): the 201 body of the
// validated data, or the 400 body of the errors.
var echoValidationTests = []struct {
	contentType, body string
	status            int
	want              string
}{
	{"application/json", `{}`, 400, `{"name":["This field is required."],"age":["This field is required."]}`},
	{"application/json", `{"name": "bob", "age": 7}`, 201, `{"name":"bob","age":7}`},
	{"application/json", `{"name": "", "age": -1}`, 400, `{"name":["This field may not be blank."],"age":["Ensure this value is greater than or equal to 0."]}`},
	{"application/json", `{"name": "abcdefghijk", "age": "x"}`, 400, `{"name":["Ensure this field has no more than 10 characters."],"age":["A valid integer is required."]}`},
	{"application/json", `{"name": "bob", "age": 7.0}`, 201, `{"name":"bob","age":7}`},
	{"application/json", `{"name": "bob", "age": 7.5}`, 400, `{"age":["A valid integer is required."]}`},
	{"application/json", `{"name": 5, "age": 1}`, 201, `{"name":"5","age":1}`},
	{"application/json", `{"name": 1.0, "age": "1.00 "}`, 201, `{"name":"1.0","age":1}`},
	{"application/json", `{"name": true, "age": true}`, 400, `{"name":["Not a valid string."],"age":["A valid integer is required."]}`},
	{"application/json", `{"name": null, "age": null, "active": null}`, 400, `{"name":["This field may not be null."],"age":["This field may not be null."],"active":["This field may not be null."]}`},
	{"application/json", `[]`, 400, `{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}`},
	{"application/json", `"x"`, 400, `{"non_field_errors":["Invalid data. Expected a dictionary, but got str."]}`},
	{"application/json", `42`, 400, `{"non_field_errors":["Invalid data. Expected a dictionary, but got int."]}`},
	{"application/json", `1.5`, 400, `{"non_field_errors":["Invalid data. Expected a dictionary, but got float."]}`},
	{"application/json", `true`, 400, `{"non_field_errors":["Invalid data. Expected a dictionary, but got bool."]}`},
	{"application/json", `null`, 400, `{"non_field_errors":["No data provided"]}`},
	{"application/json", `{"name": "  bob  ", "age": "1_000", "active": "maybe"}`, 400, `{"active":["Must be a valid boolean."]}`},
	{"application/json", `{"name": "a\u0000b", "age": "+3", "active": 1}`, 400, `{"name":["Null characters are not allowed."]}`},
	{"application/json", `{"name": "abcdefghij\u0000", "age": "1__0", "active": 0.0}`, 400, `{"name":["Ensure this field has no more than 10 characters.","Null characters are not allowed."],"age":["A valid integer is required."]}`},
	{"application/json", `{"name": [], "age": {}, "active": []}`, 400, `{"name":["Not a valid string."],"age":["A valid integer is required."],"active":["Must be a valid boolean."]}`},
	{"application/json", `{"name": "x", "age": 1e20, "active": "on"}`, 400, `{"age":["A valid integer is required."]}`},
	{"application/json", `{"name": "x", "age": "   ", "active": 2}`, 400, `{"age":["A valid integer is required."],"active":["Must be a valid boolean."]}`},
	{"application/json", `{"name": 1e16, "age": 100000000000000000000, "active": "1"}`, 201, `{"name":"1e+16","age":100000000000000000000,"active":true}`},
	{"application/json", `{"name": 0.0001, "age": "7.", "active": "False"}`, 201, `{"name":"0.0001","age":7,"active":false}`},
	{"application/x-www-form-urlencoded", `name=bob&age=3`, 201, `{"name":"bob","age":3,"active":false}`},
	{"application/x-www-form-urlencoded", `name=&age=`, 400, `{"name":["This field may not be blank."],"age":["A valid integer is required."]}`},
	{"application/x-www-form-urlencoded", `name=bob&age=3&active=`, 201, `{"name":"bob","age":3}`},
	{"application/x-www-form-urlencoded", `name=bob&age=3&active=yes`, 201, `{"name":"bob","age":3,"active":true}`},
	{"application/x-www-form-urlencoded", `age=3&active=x`, 400, `{"name":["This field is required."],"active":["Must be a valid boolean."]}`},
}

func TestEchoValidation(t *testing.T) {
	app, err := newApp(config{templates: "full", now: frozen, logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range echoValidationTests {
		t.Run(tt.body, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "http://testserver/echo?validate=1", strings.NewReader(tt.body))
			r.Header.Set("Content-Type", tt.contentType)
			r.Header.Set("Accept", "application/json")
			w := httptest.NewRecorder()
			app.ServeHTTP(w, r)
			if w.Code != tt.status || w.Body.String() != tt.want {
				t.Errorf("POST /echo?validate=1 %s = %d %s; want %d %s", tt.body, w.Code, w.Body, tt.status, tt.want)
			}
		})
	}
}
