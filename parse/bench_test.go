package parse_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// benchJSON is a typical API payload (about 1 KB).
var benchJSON = `{"id": 1234, "name": "Snippet \u2605", "public": true, "owner": null, "score": 4.75,` +
	strings.Repeat(` "tags": ["go", "drf", "json", "api"], "nested": {"a": [1, 2, 3], "b": {"c": "long text value here"}},`, 8) +
	` "end": "done"}`

func BenchmarkJSONParse(b *testing.B) {
	for _, p := range []struct {
		name string
		p    parse.JSON
	}{{"float64", parse.JSON{}}, {"UseNumber", parse.JSON{UseNumber: true}}} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(benchJSON)))
			for b.Loop() {
				hr := httptest.NewRequest("POST", "/", strings.NewReader(benchJSON))
				hr.Header.Set("Content-Type", "application/json")
				if _, err := p.p.Parse(web.NewRequest(hr, nil), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// The same work with encoding/json, for comparison.
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchJSON)))
		for b.Loop() {
			hr := httptest.NewRequest("POST", "/", strings.NewReader(benchJSON))
			hr.Header.Set("Content-Type", "application/json")
			body, _ := web.NewRequest(hr, nil).Body()
			var v any
			if err := json.NewDecoder(bytes.NewReader(body)).Decode(&v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkSelect(b *testing.B) {
	parsers := parse.Defaults()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Select(parsers, "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW"); err != nil {
			b.Fatal(err)
		}
	}
}
