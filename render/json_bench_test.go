package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/restframe/restframe/render"
)

// benchSnippet is a typical serialized model (the demo's snippets).
type benchSnippet struct {
	ID       int       `json:"id"`
	Title    string    `json:"title"`
	Code     string    `json:"code"`
	Linenos  bool      `json:"linenos"`
	Language string    `json:"language"`
	Style    string    `json:"style"`
	Owner    string    `json:"owner,omitempty"`
	Tags     []string  `json:"tags"`
	Created  time.Time `json:"created"`
}

func benchSnippets(n int) []benchSnippet {
	s := make([]benchSnippet, n)
	for i := range s {
		s[i] = benchSnippet{
			ID:       i + 1,
			Title:    fmt.Sprintf("snippet %d", i),
			Code:     "print(\"hello, world\")\nfor i in range(10):\n    print(i)\n",
			Linenos:  i%2 == 0,
			Language: "python",
			Style:    "friendly",
			Owner:    "alice",
			Tags:     []string{"demo", "python"},
			Created:  time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
		}
	}
	return s
}

// benchPayloads are the data rendered by BenchmarkJSONRender, each also
// encoded with encoding/json for comparison.
var benchPayloads = []struct {
	name string
	data any
}{
	{"small-map", map[string]any{"user_count": 3}},
	{"struct-list-10", benchSnippets(10)},
	{"struct-list-100", benchSnippets(100)},
	{"decoded-any", decodedBenchData()},
	{"plain-struct-list-10", plainSnippets(10)},
}

// plainSnippet is benchSnippet without the time, for a comparison where
// encoding/json calls no MarshalJSON.
type plainSnippet struct {
	ID       int      `json:"id"`
	Title    string   `json:"title"`
	Code     string   `json:"code"`
	Linenos  bool     `json:"linenos"`
	Language string   `json:"language"`
	Style    string   `json:"style"`
	Owner    string   `json:"owner,omitempty"`
	Tags     []string `json:"tags"`
}

func plainSnippets(n int) []plainSnippet {
	out := make([]plainSnippet, n)
	for i, s := range benchSnippets(n) {
		out[i] = plainSnippet{s.ID, s.Title, s.Code, s.Linenos, s.Language, s.Style, s.Owner, s.Tags}
	}
	return out
}

func decodedBenchData() any {
	b, err := json.Marshal(benchSnippets(20))
	if err != nil {
		panic(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		panic(err)
	}
	return v
}

// BenchmarkJSONRender compares the JSON renderer with encoding/json
// (an Encoder with SetEscapeHTML(false), the closest configuration) writing
// the same data to a reused buffer.
func BenchmarkJSONRender(b *testing.B) {
	for _, p := range benchPayloads {
		b.Run(p.name+"/render.JSON", func(b *testing.B) {
			var buf bytes.Buffer
			var r render.JSON
			ctx := &render.Context{AcceptedMediaType: "application/json"}
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.Render(&buf, p.data, ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
		b.Run(p.name+"/encoding-json", func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(p.data); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
	b.Run("indent4/render.JSON", func(b *testing.B) {
		data := benchSnippets(10)
		ctx := &render.Context{AcceptedMediaType: "application/json; indent=4"}
		b.ReportAllocs()
		for b.Loop() {
			if err := (render.JSON{}).Render(io.Discard, data, ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
