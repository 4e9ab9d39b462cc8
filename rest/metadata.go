package rest

import (
	"reflect"
	"runtime"
	"strings"
	"unicode"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// SimpleMetadata is DRF's SimpleMetadata.determine_metadata (spec §6.13):
// the body of a view's OPTIONS response, the members in DRF's order:
//
//	{"name": ..., "description": ..., "renders": [media types], "parses": [media types]}
//
// The description is dedented as DRF's get_view_description does (see
// Dedent).
func SimpleMetadata(name, description string, renderers []render.Renderer, parsers []parse.Parser) web.JSONObject {
	renders := make([]any, len(renderers))
	for i, r := range renderers {
		renders[i] = r.Info().MediaType
	}
	parses := make([]any, len(parsers))
	for i, p := range parsers {
		parses[i] = p.MediaType()
	}
	return web.JSONObject{
		{Key: "name", Value: name},
		{Key: "description", Value: Dedent(description)},
		{Key: "renders", Value: renders},
		{Key: "parses", Value: parses},
	}
}

// Dedent is the formatting of DRF's get_view_description (spec §6.18,
// Python's inspect.cleandoc without the tab expansion): the indentation
// common to the lines after the first is removed, and the text is stripped.
// "First line.\n\n    Indented para.\n      More indented.\n" gives
// "First line.\n\nIndented para.\n  More indented.".
func Dedent(s string) string {
	lines := strings.Split(s, "\n")
	margin := -1
	for _, l := range lines[1:] {
		t := strings.TrimLeft(l, " \t")
		if t == "" {
			continue
		}
		if n := len(l) - len(t); margin < 0 || n < margin {
			margin = n
		}
	}
	if margin > 0 {
		for i := 1; i < len(lines); i++ {
			if len(lines[i]) >= margin {
				lines[i] = lines[i][margin:]
			} else {
				lines[i] = strings.TrimLeft(lines[i], " \t")
			}
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// ViewName is the formatting of DRF's get_view_name (spec §6.17) applied to
// a class or function name: one trailing "View" removed, then one trailing
// "ViewSet" (unless that is the whole name), camel case split into words,
// "_" read as a space, and each word title-cased. "ItemListView" gives
// "Item List", "APIView" "Api", "XMLHttpRequestView" "Xml Http Request",
// "snippet_list" "Snippet List".
func ViewName(name string) string {
	name = removeTrailing(name, "View")
	name = removeTrailing(name, "ViewSet")
	// camelcase_to_spaces: a space before each upper-case letter that
	// follows a lower-case one or precedes a character that is not upper
	// case ('(((?<=[a-z])[A-Z])|([A-Z](?![A-Z]|$)))').
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isUpper(c) && ((i > 0 && isLower(name[i-1])) || (i+1 < len(name) && !isUpper(name[i+1]))) {
			b.WriteByte(' ')
		}
		b.WriteByte(c)
	}
	s := strings.TrimSpace(b.String())
	s = strings.ReplaceAll(s, "_", " ")
	return pyTitle(s)
}

func removeTrailing(s, trailing string) string {
	if s != trailing && strings.HasSuffix(s, trailing) {
		return s[:len(s)-len(trailing)]
	}
	return s
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// pyTitle is Python's str.title(): the first letter of each run of letters
// upper-cased, the others lower-cased.
func pyTitle(s string) string {
	var b strings.Builder
	prevLetter := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if prevLetter {
				r = unicode.ToLower(r)
			} else {
				r = unicode.ToTitle(r)
			}
			prevLetter = true
		} else {
			prevLetter = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// funcViewName is DRF's view name of an @api_view function: ViewName of
// the function's name, "" for anonymous functions.
func funcViewName(h Handler) string {
	if h == nil {
		return ""
	}
	f := runtime.FuncForPC(reflect.ValueOf(h).Pointer())
	if f == nil {
		return ""
	}
	name := f.Name()
	name = strings.TrimSuffix(name, "-fm") // a method value
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if name == "" || strings.HasPrefix(name, "func") && len(name) > 4 && name[4] >= '0' && name[4] <= '9' {
		return ""
	}
	return ViewName(name)
}
