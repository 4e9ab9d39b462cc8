package rest

import (
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
)

var dedentTests = []struct{ in, want string }{
	{"First line.\n\n    Indented para.\n      More indented.\n", "First line.\n\nIndented para.\n  More indented."},
	{"", ""},
	{"  one line  ", "one line"},
	{"\n    Body.\n    More.\n", "Body.\nMore."},
	{"a\n\tb\n\t\tc", "a\nb\n\tc"},
}

func TestDedent(t *testing.T) {
	for _, tt := range dedentTests {
		if got := Dedent(tt.in); got != tt.want {
			t.Errorf("Dedent(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimpleMetadata(t *testing.T) {
	md := SimpleMetadata("Head V", "", []render.Renderer{render.JSON{}}, parse.Defaults())
	b, err := render.JSON{}.Append(nil, md, nil)
	want := `{"name":"Head V","description":"","renders":["application/json"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}`
	if err != nil || string(b) != want {
		t.Errorf("SimpleMetadata = %s, %v; want %s", b, err, want)
	}
}

var viewNameTests = []struct{ in, want string }{
	{"ItemListView", "Item List"},
	{"ItemViewSet", "Item"},
	{"APIView", "Api"},
	{"View", "View"},
	{"HTTPResponseView", "Http Response"},
	{"XMLHttpRequestView", "Xml Http Request"},
	{"UserAPIView", "User Api"},
	{"ViewSet", "View Set"},
	{"Foo2BarView", "Foo2 Bar"},
	{"My_Custom_View", "My  Custom "},
	{"snippet_list", "Snippet List"},
	{"snippetList", "Snippet List"},
	{"", ""},
}

func TestViewName(t *testing.T) {
	for _, tt := range viewNameTests {
		if got := ViewName(tt.in); got != tt.want {
			t.Errorf("ViewName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func snippetList(*Request) (*Response, error) { return nil, nil }

type itemHandlers struct{}

func (itemHandlers) itemDetail(*Request) (*Response, error) { return nil, nil }

func TestFuncViewName(t *testing.T) {
	for _, tt := range []struct {
		h    Handler
		want string
	}{
		{snippetList, "Snippet List"},
		{itemHandlers{}.itemDetail, "Item Detail"},
		{func(*Request) (*Response, error) { return nil, nil }, ""},
		{nil, ""},
	} {
		if got := funcViewName(tt.h); got != tt.want {
			t.Errorf("funcViewName = %q; want %q", got, tt.want)
		}
	}
}
