package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/restframe/restframe/web"
)

// defaultExceptionTemplateNames are DRF's TemplateHTMLRenderer
// exception_template_names.
var defaultExceptionTemplateNames = []string{"{status_code}.html", "api_exception.html"}

// TemplateHTMLConfig configures a TemplateHTML renderer. The zero value has
// no templates: every page is ErrTemplateNotFound and error responses get
// the plain "404 Not Found" body.
type TemplateHTMLConfig struct {
	// FS holds the templates. Every file whose name ends in one of
	// Extensions is parsed once, at construction, and named by its
	// slash-separated path in FS ("user_detail.html",
	// "snippets/list.html"), as Django's template loaders name them. All
	// templates share one set, so they can include each other with
	// {{template "name" .}}.
	FS fs.FS
	// Extensions selects the template files of FS. Nil means
	// []string{".html"}.
	Extensions []string
	// Funcs are made available to the templates of FS (html/template's
	// Funcs), added before parsing.
	Funcs template.FuncMap
	// Templates is a template set the caller parsed (for layouts built with
	// {{block}}, or templates from elsewhere). When set, the templates of
	// FS are parsed into a clone of it; Templates itself is not changed and
	// must not have been executed.
	Templates *template.Template

	// TemplateName is DRF's TemplateHTMLRenderer.template_name: the
	// template used when the response names none (Context.TemplateName)
	// and before the view's (Context.ViewTemplateNames).
	TemplateName string
	// ExceptionTemplateNames is DRF's exception_template_names: the
	// templates tried, in order, for an error response, with
	// "{status_code}" replaced by the status. Nil means DRF's
	// {"{status_code}.html", "api_exception.html"}.
	ExceptionTemplateNames []string

	// DjangoEscapes writes the character references Django's escape()
	// writes instead of html/template's: &quot; for &#34;, &#x27; for
	// &#39; and a plain "+" for &#43;. The HTML means the same; the bytes
	// then match pages rendered by Django, for byte-exact migrations. It
	// costs a copy of the page.
	DjangoEscapes bool

	// MediaType is the media type offered; "" means "text/html". Format is
	// the format name; "" means "html".
	MediaType string
	Format    string
}

// TemplateHTML is DRF's TemplateHTMLRenderer: text/html pages from
// html/template templates, with the response data as the template's data.
// Make one with NewTemplateHTML; it is safe for concurrent use.
//
// # Choosing the template
//
// For a normal response the template is the first that exists among
// Context.TemplateName (the response's template_name), else the
// renderer's TemplateName, else Context.ViewTemplateNames (the view's
// get_template_names). With no name anywhere, Render fails with
// ErrNoTemplateName (DRF's ImproperlyConfigured); a name without a template
// is ErrTemplateNotFound.
//
// # Error responses
//
// When Context.Exception is set, the templates of ExceptionTemplateNames
// are tried ("404.html", then "api_exception.html"); when none exists the
// body is the status code and Python's str.title() of its reason phrase:
// "404 Not Found", "418 I'M A Teapot", "299 " for a code without a phrase
// (spec §4.3.4). The error template gets the error data with a
// "status_code" entry added (a copy: the data is not changed); data that is
// not a map, such as a list of validation errors, is given as
// {"details": data, "status_code": code} — DRF 3.14 fails with a 500 there.
//
// # Template data
//
// Data is passed to the template as is, so a template reads a map's keys
// and a struct's fields alike ({{.user.username}}); web.JSONObjects, also
// nested in maps and lists, are turned into maps first. html/template escapes what it prints and prints
// missing map keys as nothing, as Django's templates do.
type TemplateHTML struct {
	set        *template.Template
	name       string
	excNames   []string
	django     bool
	mediaType  string
	format     string
	bufferPool sync.Pool
}

var _ Renderer = (*TemplateHTML)(nil)

// NewTemplateHTML parses the templates of c and returns the renderer. A
// template that does not parse is an error naming its file.
func NewTemplateHTML(c TemplateHTMLConfig) (*TemplateHTML, error) {
	t := &TemplateHTML{
		name:      c.TemplateName,
		excNames:  c.ExceptionTemplateNames,
		django:    c.DjangoEscapes,
		mediaType: c.MediaType,
		format:    c.Format,
	}
	if t.excNames == nil {
		t.excNames = defaultExceptionTemplateNames
	}
	set := c.Templates
	if set != nil && c.FS != nil {
		var err error
		if set, err = set.Clone(); err != nil {
			return nil, fmt.Errorf("render: cloning templates: %w", err)
		}
	}
	if c.FS != nil {
		exts := c.Extensions
		if exts == nil {
			exts = []string{".html"}
		}
		if set == nil {
			set = template.New("")
		}
		if c.Funcs != nil {
			set.Funcs(c.Funcs)
		}
		err := fs.WalkDir(c.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !hasExtension(p, exts) {
				return nil
			}
			src, err := fs.ReadFile(c.FS, p)
			if err != nil {
				return err
			}
			if _, err := set.New(p).Parse(string(src)); err != nil {
				return fmt.Errorf("render: template %s: %w", p, err)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	t.set = set
	return t, nil
}

func hasExtension(p string, exts []string) bool {
	ext := path.Ext(p)
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// Info returns text/html (or MediaType), format "html" (or Format),
// charset utf-8.
func (t *TemplateHTML) Info() Info {
	i := Info{MediaType: "text/html", Format: "html", Charset: "utf-8"}
	if t != nil && t.mediaType != "" {
		i.MediaType = t.mediaType
	}
	if t != nil && t.format != "" {
		i.Format = t.format
	}
	return i
}

// Lookup returns the template called name, or nil. It is nil for a nil or
// zero TemplateHTML.
func (t *TemplateHTML) Lookup(name string) *template.Template {
	if t == nil || t.set == nil {
		return nil
	}
	return t.set.Lookup(name)
}

// Render executes the response's template with data, or for an error
// response (ctx.Exception set) the error template, as described on
// TemplateHTML.
func (t *TemplateHTML) Render(w io.Writer, data any, ctx *Context) error {
	if ctx != nil && ctx.Exception != nil {
		return t.renderException(w, data, ctx)
	}
	var names []string
	switch {
	case ctx != nil && ctx.TemplateName != "":
		names = []string{ctx.TemplateName}
	case t != nil && t.name != "":
		names = []string{t.name}
	case ctx != nil && len(ctx.ViewTemplateNames) > 0:
		names = ctx.ViewTemplateNames
	default:
		return ErrNoTemplateName
	}
	for _, n := range names {
		if tmpl := t.Lookup(n); tmpl != nil {
			return t.execute(w, tmpl, templateData(data))
		}
	}
	return fmt.Errorf("%w: %s", ErrTemplateNotFound, strings.Join(names, ", "))
}

// renderException renders an error response: the first exception template
// that exists, else "<code> <Title>" (DRF's get_exception_template).
func (t *TemplateHTML) renderException(w io.Writer, data any, ctx *Context) error {
	code := ctx.StatusCode()
	if t != nil {
		for _, n := range t.excNames {
			n = strings.ReplaceAll(n, "{status_code}", strconv.Itoa(code))
			if tmpl := t.Lookup(n); tmpl != nil {
				return t.execute(w, tmpl, errorContext(data, code))
			}
		}
	}
	_, err := io.WriteString(w, ErrorPageText(code))
	return err
}

// ErrorPageText is the body DRF's HTML renderers send for an error response
// when no error template exists: the status code, a space and Python's
// str.title() of the reason phrase ("404 Not Found", "200 Ok",
// "414 Request-Uri Too Long", "418 I'M A Teapot", "299 " for a code
// without a phrase), spec §4.3.4.
func ErrorPageText(code int) string {
	return strconv.Itoa(code) + " " + pyTitle(web.ReasonPhrase(code))
}

// pyTitle is Python's str.title(): a cased letter that follows an uncased
// character (a space, a digit, an apostrophe) starts a word and is
// title-cased, the other cased letters are lower-cased.
func pyTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prevCased := false
	for _, r := range s {
		switch {
		case !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r):
			prevCased = false
		case prevCased:
			r = unicode.ToLower(r)
		default:
			r = unicode.ToTitle(r)
			prevCased = true
		}
		b.WriteRune(r)
	}
	return b.String()
}

// templateData is the data a template gets: data with every
// web.JSONObject inside maps, lists and objects turned into a map, so that
// templates can read its keys.
func templateData(data any) any {
	switch d := data.(type) {
	case web.JSONObject:
		return objectMap(d, 0)
	case map[string]any:
		if !hasObject(d) {
			return d
		}
		m := make(map[string]any, len(d))
		for k, v := range d {
			m[k] = templateData(v)
		}
		return m
	case []any:
		if !hasObject(d) {
			return d
		}
		l := make([]any, len(d))
		for i, v := range d {
			l[i] = templateData(v)
		}
		return l
	}
	return data
}

// hasObject reports whether a web.JSONObject is nested in v.
func hasObject(v any) bool {
	switch d := v.(type) {
	case web.JSONObject:
		return true
	case map[string]any:
		for _, x := range d {
			if hasObject(x) {
				return true
			}
		}
	case []any:
		for _, x := range d {
			if hasObject(x) {
				return true
			}
		}
	}
	return false
}

func objectMap(o web.JSONObject, extra int) map[string]any {
	m := make(map[string]any, len(o)+extra)
	for _, kv := range o {
		m[kv.Key] = templateData(kv.Value)
	}
	return m
}

// errorContext is DRF's get_template_context for an exception response:
// the data with status_code added, or details and status_code for data
// that is not a mapping.
func errorContext(data any, code int) map[string]any {
	var m map[string]any
	switch d := data.(type) {
	case nil:
		m = make(map[string]any, 1)
	case map[string]any:
		m = make(map[string]any, len(d)+1)
		for k, v := range d {
			m[k] = templateData(v)
		}
	case web.JSONObject:
		m = objectMap(d, 1)
	default:
		v := reflect.ValueOf(data)
		if v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String {
			m = make(map[string]any, v.Len()+1)
			for it := v.MapRange(); it.Next(); {
				m[it.Key().String()] = it.Value().Interface()
			}
		} else {
			m = map[string]any{"details": templateData(data)}
		}
	}
	m["status_code"] = code
	return m
}

// execute runs tmpl. With DjangoEscapes the page is rendered into a buffer
// and its character references rewritten on the way to w.
func (t *TemplateHTML) execute(w io.Writer, tmpl *template.Template, data any) error {
	if !t.django {
		return tmpl.Execute(w, data)
	}
	buf, _ := t.bufferPool.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer t.bufferPool.Put(buf)
	if err := tmpl.Execute(buf, data); err != nil {
		return err
	}
	return writeDjangoEscapes(w, buf.Bytes())
}

// djangoRefs maps html/template's character references to Django's.
var djangoRefs = [...]struct{ from, to string }{
	{"&#34;", "&quot;"},
	{"&#39;", "&#x27;"},
	{"&#43;", "+"},
}

func writeDjangoEscapes(w io.Writer, b []byte) error {
	var out []byte
	for {
		i := bytes.Index(b, []byte("&#"))
		if i < 0 {
			break
		}
		out = append(out, b[:i]...)
		b = b[i:]
		replaced := false
		for _, r := range djangoRefs {
			if bytes.HasPrefix(b, []byte(r.from)) {
				out = append(out, r.to...)
				b = b[len(r.from):]
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, "&#"...)
			b = b[2:]
		}
	}
	out = append(out, b...)
	_, err := w.Write(out)
	return err
}

// StaticHTML is DRF's StaticHTMLRenderer: data that already is HTML (a
// string, template.HTML or []byte) is sent as is, as text/html. Other data
// is ErrUnsupportedData (DRF would send a Python repr); nil data sends an
// empty body (DRF sends "None").
//
// Error responses (Context.Exception set) are rendered like TemplateHTML's:
// with the error templates of Templates, else the plain "404 Not Found"
// body. The zero value is ready to use and renders errors as plain text.
type StaticHTML struct {
	// Templates provides the error templates ({status}.html,
	// api_exception.html); nil means none.
	Templates *TemplateHTML
	// MediaType is the media type offered; "" means "text/html". Format is
	// the format name; "" means "html".
	MediaType string
	Format    string
	// DjangoContent sends data that is not HTML the way Django's
	// HttpResponse makes content of what DRF's StaticHTMLRenderer passes
	// through unchanged: a web.JSONObject or a map gives its keys
	// concatenated (a Go map's in key order), a slice its items
	// concatenated, and a number or boolean its Python str ("42", "2.5",
	// "True"); items that are themselves containers are
	// ErrUnsupportedData. It exists for byte-exact migrations: OPTIONS on a
	// view whose only renderer is StaticHTML then answers DRF's
	// "namedescriptionrendersparses". Default false: such data is
	// ErrUnsupportedData.
	DjangoContent bool
}

var _ Renderer = StaticHTML{}

// Info returns text/html (or MediaType), format "html" (or Format),
// charset utf-8.
func (s StaticHTML) Info() Info {
	i := Info{MediaType: s.MediaType, Format: s.Format, Charset: "utf-8"}
	if i.MediaType == "" {
		i.MediaType = "text/html"
	}
	if i.Format == "" {
		i.Format = "html"
	}
	return i
}

// Render writes data, which must be pre-rendered HTML, or the error page
// for an error response.
func (s StaticHTML) Render(w io.Writer, data any, ctx *Context) error {
	if ctx != nil && ctx.Exception != nil {
		return s.Templates.renderException(w, data, ctx)
	}
	var err error
	switch d := data.(type) {
	case nil:
	case string:
		_, err = io.WriteString(w, d)
	case template.HTML:
		_, err = io.WriteString(w, string(d))
	case []byte:
		_, err = w.Write(d)
	default:
		if !s.DjangoContent {
			return fmt.Errorf("%w: StaticHTML renders strings, not %T", ErrUnsupportedData, data)
		}
		b, derr := djangoContent(data)
		if derr != nil {
			return derr
		}
		_, err = w.Write(b)
	}
	return err
}

// djangoContent is Django's HttpResponse.content setter for a value that
// is not a string: the items of an iterable (a mapping's keys) joined, each
// as Python's str, else the value's str.
func djangoContent(data any) ([]byte, error) {
	if o, ok := data.(web.JSONObject); ok {
		var b []byte
		for _, m := range o {
			b = append(b, m.Key...)
		}
		return b, nil
	}
	rv := reflect.ValueOf(data)
	var items []reflect.Value
	switch rv.Kind() {
	case reflect.Map:
		items = rv.MapKeys()
		keys := make([]string, len(items))
		for i, k := range items {
			t, err := pyStr(k.Interface())
			if err != nil {
				return nil, err
			}
			keys[i] = t
		}
		sort.Strings(keys)
		return []byte(strings.Join(keys, "")), nil
	case reflect.Slice, reflect.Array:
		items = make([]reflect.Value, rv.Len())
		for i := range items {
			items[i] = rv.Index(i)
		}
	default:
		t, err := pyStr(data)
		return []byte(t), err
	}
	var b []byte
	for _, it := range items {
		t, err := pyStr(it.Interface())
		if err != nil {
			return nil, err
		}
		b = append(b, t...)
	}
	return b, nil
}

// pyStr is Python's str of a scalar; containers are ErrUnsupportedData.
func pyStr(v any) (string, error) {
	switch x := v.(type) {
	case bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case nil:
		return "None", nil
	}
	if t, ok, err := scalarText(v); ok {
		return t, err
	}
	return "", fmt.Errorf("%w: StaticHTML cannot make content of %T", ErrUnsupportedData, v)
}
