package render_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/restframe/restframe/render"
)

// recursiveA and recursiveB are mutually recursive types whose encoders
// are first built by several goroutines at once.
type recursiveA struct {
	B    *recursiveB `json:"b,omitempty"`
	Name string      `json:"name"`
}

type recursiveB struct {
	A []recursiveA `json:"a"`
}

func TestConcurrentRender(t *testing.T) {
	pages := mustTemplateHTML(t, "full", render.TemplateHTMLConfig{DjangoEscapes: true})
	data := &recursiveA{Name: "x", B: &recursiveB{A: []recursiveA{{Name: "y"}}}}
	const want = `{"b":{"a":[{"name":"y"}]},"name":"x"}`
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				var buf bytes.Buffer
				if err := (render.JSON{}).Render(&buf, data, nil); err != nil || buf.String() != want {
					t.Errorf("concurrent JSON Render = %q, %v; want %q", buf.String(), err, want)
					return
				}
				buf.Reset()
				err := pages.Render(&buf, map[string]any{"user": oracleUser}, &render.Context{TemplateName: "user_detail.html"})
				if err != nil || !bytes.Contains(buf.Bytes(), []byte("&quot;quoted&quot;")) {
					t.Errorf("concurrent TemplateHTML Render = %q, %v", buf.String(), err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
