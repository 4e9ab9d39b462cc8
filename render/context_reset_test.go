package render

import (
	"bytes"
	"testing"
)

// TestContextReset checks that Reset clears the fields and that a reused
// Context, and a copy of it, render JSON as a fresh one does.
func TestContextReset(t *testing.T) {
	ctx := &Context{ViewName: "v", Status: 201, AcceptedMediaType: "application/json; indent=2"}
	ctx.Reset()
	if ctx.ViewName != "" || ctx.Status != 0 || ctx.AcceptedMediaType != "" || !ctx.reused {
		t.Fatalf("Reset() left %+v; want a zero Context marked reused", *ctx)
	}
	data := []any{map[string]any{"a": 1}, "x", struct{ A int }{2}, []int{3}}
	for i := range 3 {
		for _, d := range data {
			var want, got, gotCopy bytes.Buffer
			if err := (JSON{}).Render(&want, d, nil); err != nil {
				t.Fatal(err)
			}
			if err := (JSON{}).Render(&got, d, ctx); err != nil {
				t.Fatal(err)
			}
			cp := *ctx
			if err := (JSON{}).Render(&gotCopy, d, &cp); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() || gotCopy.String() != want.String() {
				t.Fatalf("round %d: Render(%v) = %q, copy %q; want %q", i, d, got.String(), gotCopy.String(), want.String())
			}
			if ctx.json == nil || ctx.json.owner != ctx {
				t.Fatalf("round %d: the reset Context keeps no JSON state of its own", i)
			}
		}
		ctx.Reset()
	}
}
