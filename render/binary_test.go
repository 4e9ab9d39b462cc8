package render_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/restframe/restframe/render"
)

var binaryData = []struct {
	name string
	data any
	want string
}{
	{"nil", nil, ""},
	{"bytes", []byte{0xff, 0xd8, 0x00}, "\xff\xd8\x00"},
	{"string", "GIF89a", "GIF89a"},
	{"reader", strings.NewReader("from a reader"), "from a reader"},
	{"writer to", bytes.NewBufferString("from a buffer"), "from a buffer"},
}

func TestBinaryRenderers(t *testing.T) {
	for _, r := range []render.Renderer{render.Binary{}, render.Binary{MediaType: "image/jpeg", Format: "jpg"}, render.Image{}} {
		for _, tt := range binaryData {
			var buf bytes.Buffer
			data := tt.data
			switch d := data.(type) { // fresh readers for each renderer
			case *strings.Reader:
				data = strings.NewReader(tt.want)
			case *bytes.Buffer:
				data = bytes.NewBufferString(d.String())
			}
			if err := r.Render(&buf, data, nil); err != nil || buf.String() != tt.want {
				t.Errorf("%T.Render(%s) = %q, %v; want %q", r, tt.name, buf.String(), err, tt.want)
			}
		}
		err := r.Render(&bytes.Buffer{}, map[string]any{"detail": "Not found."}, &render.Context{Status: 404})
		if !errors.Is(err, render.ErrUnsupportedData) {
			t.Errorf("%T.Render(error map) error = %v; want ErrUnsupportedData", r, err)
		}
		if i := r.Info(); !i.Binary || i.Charset != "" || i.ContentType() != i.MediaType {
			t.Errorf("%T.Info() = %+v; want binary, no charset", r, i)
		}
	}
	tests := []struct {
		r    render.Renderer
		want render.Info
	}{
		{render.Binary{}, render.Info{MediaType: "application/octet-stream", Format: "bin", Binary: true}},
		{render.Binary{MediaType: "image/jpeg", Format: "jpg"}, render.Info{MediaType: "image/jpeg", Format: "jpg", Binary: true}},
		{render.Image{}, render.Info{MediaType: "image/*", Format: "img", Binary: true}},
		{render.Image{Format: "image"}, render.Info{MediaType: "image/*", Format: "image", Binary: true}},
	}
	for _, tt := range tests {
		if got := tt.r.Info(); got != tt.want {
			t.Errorf("%#v.Info() = %+v; want %+v", tt.r, got, tt.want)
		}
	}
}

func TestFunc(t *testing.T) {
	f := render.Func{Spec: render.Info{MediaType: "text/csv", Format: "csv", Charset: "utf-8"}}
	if err := f.Render(&bytes.Buffer{}, 1, nil); !errors.Is(err, render.ErrNotImplemented) {
		t.Errorf("Func without Fn: Render error = %v; want ErrNotImplemented", err)
	}
	f.Fn = func(w io.Writer, data any, ctx *render.Context) error {
		_, err := io.WriteString(w, ctx.AcceptedMediaType)
		return err
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, 1, &render.Context{AcceptedMediaType: "text/csv; header=present"}); err != nil || buf.String() != "text/csv; header=present" {
		t.Errorf("Func.Render = %q, %v", buf.String(), err)
	}
	if got := f.Info(); got != f.Spec {
		t.Errorf("Func.Info() = %+v; want %+v", got, f.Spec)
	}
}
