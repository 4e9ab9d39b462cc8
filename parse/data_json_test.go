package parse_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
)

var dataJSONTests = []struct {
	name, body, want string
}{
	{"fields and a file", mpBody, `{"a":"2","f":"x.txt"}`},
	{"no parts", "--XyZ--\r\n", `{}`},
	{"file replaces field", mpPart("f", "", "field") + mpPart("f", "b★.txt", "content") + "--XyZ--\r\n", `{"f":"b★.txt"}`},
	{"unicode and quotes", mpPart("k", "", "★ \"<x>\"") + "--XyZ--\r\n", `{"k":"★ \"<x>\""}`},
}

// TestDataMarshalJSON: DRF's JSON of request.data for a multipart body,
// through render.JSON and through encoding/json.
func TestDataMarshalJSON(t *testing.T) {
	const ct = "multipart/form-data; boundary=XyZ"
	for _, tt := range dataJSONTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRequest("POST", ct, tt.body, nil)
			defer r.Close()
			v, err := parse.MultiPart{}.Parse(r, ct)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			defer v.(parse.Data).Close()
			var buf bytes.Buffer
			if err := (&render.JSON{}).Render(&buf, v, nil); err != nil {
				t.Fatalf("render.JSON: %v", err)
			}
			if buf.String() != tt.want {
				t.Errorf("render.JSON(Data) = %s; want %s", buf.String(), tt.want)
			}
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("json.Marshal: %v", err)
			}
			var got, want any
			if json.Unmarshal(b, &got) != nil || json.Unmarshal([]byte(tt.want), &want) != nil {
				t.Fatalf("json.Marshal(Data) = %s: invalid", b)
			}
			if g, w := mustMarshal(got), mustMarshal(want); g != w {
				t.Errorf("json.Marshal(Data) = %s; want %s", g, w)
			}
		})
	}
}

func mustMarshal(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestFormDataJSON: DRF's JSON of request.data for a form body (a
// QueryDict: each key's last value).
func TestFormDataJSON(t *testing.T) {
	const ct = "application/x-www-form-urlencoded"
	r := newRequest("POST", ct, "a=1&a=2&b=%E2%98%85", nil)
	defer r.Close()
	v, err := parse.Form{}.Parse(r, ct)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var buf bytes.Buffer
	if err := (&render.JSON{}).Render(&buf, v, nil); err != nil {
		t.Fatalf("render.JSON: %v", err)
	}
	if want := `{"a":"2","b":"★"}`; buf.String() != want {
		t.Errorf("render.JSON(%T) = %s; want %s", v, buf.String(), want)
	}
}
