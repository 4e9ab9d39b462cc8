package web

import (
	"encoding/json"
	"testing"
)

var queryDictJSONTests = []struct {
	query, want string
}{
	{"", `{}`},
	{"a=1", `{"a":"1"}`},
	{"a=1&a=2&b=3", `{"a":"2","b":"3"}`},
	{"b=1&a=2", `{"b":"1","a":"2"}`},
	{"k=%E2%98%85&q=%3C%22%3E", `{"k":"★","q":"<\">"}`},
	{"nl=%0A", `{"nl":"\n"}`},
}

func TestQueryDictMarshalJSON(t *testing.T) {
	for _, tt := range queryDictJSONTests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := ParseQueryDict(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := q.MarshalJSON()
			if err != nil || string(got) != tt.want {
				t.Errorf("QueryDict(%q).MarshalJSON() = %s, %v; want %s", tt.query, got, err, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("QueryDict(%q).MarshalJSON() = %s: invalid JSON", tt.query, got)
			}
			// A MutableQueryDict marshals the same, through encoding/json too.
			m := q.Copy()
			got2, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			var a, b any
			if json.Unmarshal(got, &a) != nil || json.Unmarshal(got2, &b) != nil {
				t.Fatalf("unmarshal %s / %s", got, got2)
			}
			if string(mustJSON(t, a)) != string(mustJSON(t, b)) {
				t.Errorf("json.Marshal(MutableQueryDict %q) = %s; want %s", tt.query, got2, got)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestUploadedFilesMarshalJSON(t *testing.T) {
	var nilFile *UploadedFile
	if b, _ := nilFile.MarshalJSON(); string(b) != "null" {
		t.Errorf("(*UploadedFile)(nil).MarshalJSON() = %s; want null", b)
	}
	f := &UploadedFile{FieldName: "doc", Name: "a \"b\".txt"}
	if b, _ := f.MarshalJSON(); string(b) != `"a \"b\".txt"` {
		t.Errorf("UploadedFile.MarshalJSON() = %s", b)
	}
	var u UploadedFiles
	if b, _ := u.MarshalJSON(); string(b) != "{}" {
		t.Errorf("UploadedFiles{}.MarshalJSON() = %s; want {}", b)
	}
}
