package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// templateFS holds the Go translations of drf-app/templates (full) and
// drf-app/templates_exc_only (exc_only).
//
//go:embed templates
var templateFS embed.FS

// pngBytes is the 1x1 PNG of views.PNG_BYTES.
const pngBytes = "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\x9c\x63\x60\x00\x00\x02\x00\x01\x54\xa2\x4f\x5d\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82"

// jpegBytes is views.JPEG_BYTES, a fake JPEG header.
const jpegBytes = "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"

// staticHTML is views.STATIC_HTML.
const staticHTML = "<html><body><h1>Static \u2605 HTML</h1><p>a &amp; b</p></body></html>"

// browsableStandIn holds the place of DRF's BrowsableAPIRenderer (text/html,
// format "api") in negotiation until restframe has the browsable API: the
// golden cases it renders are pending in TestGolden. It renders the data as
// JSON inside a minimal page.
func browsableStandIn() render.Renderer {
	return render.Func{
		Spec: render.Info{MediaType: "text/html", Format: "api", Charset: "utf-8"},
		Fn: func(w io.Writer, data any, ctx *render.Context) error {
			var buf bytes.Buffer
			if err := (render.JSON{}).Render(&buf, data, nil); err != nil {
				return err
			}
			_, err := io.WriteString(w, "<!DOCTYPE html>\n<html><body><pre>"+template.HTMLEscapeString(buf.String())+"</pre></body></html>\n")
			return err
		},
	}
}

// user is a user of the app's in-memory database.
type user struct{ name string }

// Username returns the user name.
func (u user) Username() string { return u.name }

// IsAuthenticated returns true.
func (user) IsAuthenticated() bool { return true }

// basicAuth is DRF's BasicAuthentication against the user alice/secret.
func basicAuth() rest.Authenticator {
	return rest.BasicAuthentication{Lookup: func(username, password string) (web.User, error) {
		if username == "alice" && password == "secret" {
			return user{name: "alice"}, nil
		}
		return nil, nil
	}}
}

// alwaysThrottle is views.AlwaysThrottle: every request is throttled, with
// a wait of 7.2 seconds.
type alwaysThrottle struct{}

// Allow returns false.
func (alwaysThrottle) Allow(*rest.Request) bool { return false }

// Wait returns 7.2.
func (alwaysThrottle) Wait(*rest.Request) float64 { return 7.2 }

// drfApp holds what the DRF routes share.
type drfApp struct {
	settings *rest.Settings
	html     *render.TemplateHTML // TemplateHTMLRenderer of the variant
}

// registerDRF registers the DRF routes of ROUTES.md on mux, each also
// answering with a format suffix, and notFound for any other path under
// them.
func registerDRF(mux *http.ServeMux, srv *web.Server, cfg config, notFound http.Handler) error {
	a := new(drfApp)
	a.settings = &rest.Settings{
		Negotiation:    mediatype.ModeDRF,
		Renderers:      []render.Renderer{render.JSON{}, browsableStandIn()},
		Authenticators: []rest.Authenticator{rest.SessionAuthentication{}, basicAuth()},
	}
	tc := render.TemplateHTMLConfig{DjangoEscapes: true}
	if cfg.templates != "none" {
		sub, err := fs.Sub(templateFS, "templates/"+cfg.templates)
		if err != nil {
			return err
		}
		tc.FS = sub
	}
	html, err := render.NewTemplateHTML(tc)
	if err != nil {
		return err
	}
	a.html = html

	drf := http.NewServeMux()
	for pattern, v := range a.views() {
		h := srv.Handle(renderInView(v.Handler()))
		if i := strings.IndexByte(pattern, '{'); i >= 0 {
			h = slugOnly(pattern[i+1:len(pattern)-1], h, notFound)
		}
		drf.Handle(pattern, h)
	}
	drf.Handle("/", notFound)
	mux.Handle("/", rest.FormatSuffix{NotFound: notFound}.Handler(drf))
	return nil
}

// slugOnly routes to h when the path value name is a slug ([-a-zA-Z0-9_]+,
// Django's slug converter), else to notFound.
func slugOnly(name string, h, notFound http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := r.PathValue(name)
		for i := 0; i < len(v); i++ {
			c := v[i]
			if !(c == '-' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				notFound.ServeHTTP(w, r)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// renderInView renders the view's Response before the middleware sees it,
// as Django renders a TemplateResponse (DRF's Response) inside the handler:
// a render error (NaN with STRICT_JSON, a character the charset cannot
// encode, no template name) then becomes Django's 500 page, which the
// response middleware still decorates. restframe itself renders after the
// middleware (the adapter answers a plain 500 then).
func renderInView(h web.Handler) web.Handler {
	return func(r *web.Request) (web.Response, error) {
		resp, err := h(r)
		if err != nil {
			return resp, err
		}
		if rr, isRest := resp.(*rest.Response); isRest {
			if _, err := rr.Render(); err != nil {
				return nil, err
			}
		}
		return resp, nil
	}
}

// views returns the DRF views by route pattern. Their names are DRF's
// get_view_name of the view classes ("StaticHTMLView" is "Static Html").
func (a *drfApp) views() map[string]*rest.View {
	s := a.settings
	json := []render.Renderer{render.JSON{}}
	staticHTMLR := render.StaticHTML{Templates: a.html, DjangoContent: true}
	usersCount := rest.APIView([]string{"GET"}, func(*rest.Request) (*rest.Response, error) {
		return ok(web.JSONObject{{Key: "user_count", Value: 3}}), nil
	})
	usersCount.Name = "Users Count"
	usersCount.Settings = s
	return map[string]*rest.View{
		"/users_count": usersCount,
		"/json_only": {Name: "Json Only", Settings: s, Renderers: json, Get: func(r *rest.Request) (*rest.Response, error) {
			return ok(web.JSONObject{{Key: "json_only", Value: true}, {Key: "accepted_media_type", Value: r.AcceptedMediaType()}}), nil
		}},
		"/json_parser_only": {Name: "Json Parser Only", Settings: s, Parsers: []parse.Parser{parse.JSON{UseNumber: true}},
			Post: func(r *rest.Request) (*rest.Response, error) {
				data, err := r.Data()
				if err != nil {
					return nil, err
				}
				return ok(web.JSONObject{{Key: "received", Value: data}}), nil
			}},
		"/conneg": {Name: "Conneg", Description: "Reports what content negotiation picked.", Settings: s,
			Renderers: []render.Renderer{render.JSON{}, browsableStandIn(), render.PlainText{}},
			Get: func(r *rest.Request) (*rest.Response, error) {
				format := r.AcceptedRenderer().Info().Format
				if format == "txt" {
					return ok("accepted_media_type=" + r.AcceptedMediaType() + " renderer_format=txt"), nil
				}
				return ok(web.JSONObject{{Key: "accepted_media_type", Value: r.AcceptedMediaType()}, {Key: "renderer_format", Value: format}}), nil
			}},
		"/template_user": {Name: "Template User", Settings: s, Renderers: []render.Renderer{a.html, render.JSON{}},
			Get: func(*rest.Request) (*rest.Response, error) {
				resp := ok(web.JSONObject{{Key: "user", Value: userData()}})
				resp.TemplateName = "user_detail.html"
				return resp, nil
			}},
		"/template_noname": {Name: "Template No Name", Settings: s, Renderers: []render.Renderer{a.html},
			Get: func(*rest.Request) (*rest.Response, error) {
				return ok(web.JSONObject{{Key: "user", Value: userData()}}), nil
			}},
		"/static_html": {Name: "Static Html", Settings: s, Renderers: []render.Renderer{staticHTMLR},
			Get: func(*rest.Request) (*rest.Response, error) { return ok(staticHTML), nil }},
		"/static_html_multi": {Name: "Static Html Multi", Settings: s, Renderers: []render.Renderer{staticHTMLR, render.JSON{}},
			Get: func(*rest.Request) (*rest.Response, error) { return ok(staticHTML), nil }},
		"/plaintext": {Name: "Plain Text", Settings: s, Renderers: []render.Renderer{render.PlainText{}, render.JSON{}},
			Get: func(*rest.Request) (*rest.Response, error) { return ok("hello \u2605 world\nsecond line"), nil }},
		"/plaintext_api": {Name: "Plain Text Api", Description: "Browsable API whose default renderer has a charset.", Settings: s,
			Renderers: []render.Renderer{render.PlainText{}, browsableStandIn()},
			Get:       func(*rest.Request) (*rest.Response, error) { return ok("plain <text> & more"), nil }},
		"/plaintext_latin1": {Name: "Latin1 Text", Settings: s, Renderers: []render.Renderer{render.PlainText{Charset: "iso-8859-1"}},
			Get: func(r *rest.Request) (*rest.Response, error) {
				if q, _ := r.QueryParams(); q.Has("bad") {
					if v, _ := q.Get("bad"); v != "" {
						return ok("caf\u00e9 \u2605"), nil
					}
				}
				return ok("Caf\u00e9 na\u00efve \u00a3 \u00a9 \u00ff"), nil
			}},
		"/binary": {Name: "Binary", Settings: s, Renderers: []render.Renderer{render.Binary{MediaType: "image/jpeg", Format: "jpg"}, browsableStandIn()},
			Get: func(*rest.Request) (*rest.Response, error) { return ok([]byte(jpegBytes)), nil }},
		"/image_any": {Name: "Any Image", Settings: s, Renderers: []render.Renderer{render.Image{}},
			Get: func(*rest.Request) (*rest.Response, error) {
				resp := ok([]byte(pngBytes))
				resp.ContentType = "image/png"
				return resp, nil
			}},
		"/image_any_noct": {Name: "Any Image No Ct", Settings: s, Renderers: []render.Renderer{render.Image{}},
			Get: func(*rest.Request) (*rest.Response, error) { return ok([]byte(pngBytes)), nil }},
		"/json_data": {Name: "Json Data", Settings: s, Get: func(*rest.Request) (*rest.Response, error) { return ok(jsonData()), nil }},
		"/json_nan": {Name: "Json Na N", Settings: s, Get: func(*rest.Request) (*rest.Response, error) {
			return ok(web.JSONObject{{Key: "nan", Value: math.NaN()}}), nil
		}},
		"/json_value/{name}": {Name: "Json Value", Settings: s, Get: func(r *rest.Request) (*rest.Response, error) {
			v, found := jsonValue(r.PathValue("name"))
			if !found {
				return nil, fmt.Errorf("KeyError: %q", r.PathValue("name"))
			}
			return ok(v), nil
		}},
		"/none_data": {Name: "None Data", Settings: s, Get: func(*rest.Request) (*rest.Response, error) { return ok(nil), nil }},
		"/no_content": {Name: "No Content", Settings: s,
			Get:    func(*rest.Request) (*rest.Response, error) { return rest.NewResponse(nil, http.StatusNoContent), nil },
			Delete: func(*rest.Request) (*rest.Response, error) { return rest.NewResponse(nil, http.StatusNoContent), nil }},
		"/created": {Name: "Created", Settings: s, Post: func(*rest.Request) (*rest.Response, error) {
			resp := rest.NewResponse(web.JSONObject{{Key: "id", Value: 1}}, http.StatusCreated)
			return resp, resp.SetHeader("Location", "/things/1/")
		}},
		"/custom_headers": {Name: "Custom Headers", Settings: s, Get: customHeaders},
		"/echo":           a.echoView(),
		"/get_only": {Name: "Get Only", Settings: s, Get: func(*rest.Request) (*rest.Response, error) {
			return ok(web.JSONObject{{Key: "get_only", Value: true}}), nil
		}},
		"/whoami": {Name: "Who Am I", Settings: s, Authenticators: []rest.Authenticator{basicAuth()},
			Permissions: []rest.Permission{rest.IsAuthenticated{}},
			Get: func(r *rest.Request) (*rest.Response, error) {
				return ok(web.JSONObject{{Key: "user", Value: r.User().Username()}, {Key: "auth", Value: "None"}}), nil
			}},
		"/throttled": {Name: "Throttled", Settings: s, Throttles: []rest.Throttle{alwaysThrottle{}},
			Get: func(*rest.Request) (*rest.Response, error) {
				return ok(web.JSONObject{{Key: "never", Value: "reached"}}), nil
			}},
		"/exc/{kind}": {Name: "Exception", Description: "Default authenticators (Session, Basic): NotAuthenticated -> 403.",
			Settings: s, Get: raiseKind},
		"/exc_noauth/{kind}": {Name: "No Auth Exception", Description: "No authenticators at all: NotAuthenticated -> 403.",
			Settings: s, Authenticators: []rest.Authenticator{}, Get: raiseKind},
		"/exc_basic/{kind}": {Name: "Basic Auth Exception", Description: `BasicAuthentication first: 401 + WWW-Authenticate: Basic realm="api".`,
			Settings: s, Authenticators: []rest.Authenticator{basicAuth()}, Get: raiseKind},
		"/html/{kind}": {Name: "Html Exception", Settings: s, Renderers: []render.Renderer{a.html}, Get: raiseKind},
		"/html_multi/{kind}": {Name: "Html Multi Exception", Settings: s, Renderers: []render.Renderer{a.html, render.JSON{}},
			Get: raiseKind},
		"/static_exc/{kind}": {Name: "Static Html Exception", Settings: s, Renderers: []render.Renderer{staticHTMLR}, Get: raiseKind},
	}
}

// ok returns a 200 Response with data.
func ok(data any) *rest.Response { return rest.NewResponse(data, http.StatusOK) }

// userData is views.USER.
func userData() web.JSONObject {
	return web.JSONObject{
		{Key: "id", Value: 1},
		{Key: "username", Value: "alice"},
		{Key: "email", Value: "alice@example.com"},
		{Key: "bio", Value: "<b>bold</b> & \"quoted\" \u2605"},
		{Key: "tags", Value: []any{"a", "b<c"}},
	}
}

// jsonData is views.JSON_DATA in the Go values that render to the same
// bytes.
func jsonData() web.JSONObject {
	big30, _ := new(big.Int).SetString("1000000000000000000000000000000", 10)
	return web.JSONObject{
		{Key: "star", Value: "\u2605"},
		{Key: "line_sep", Value: "a\u2028b\u2029c"},
		{Key: "escapes", Value: "quote \" backslash \\ slash / tab \t nl \n ctrl \x01 del \x7f"},
		{Key: "html", Value: "<script>&</script>"},
		{Key: "non_bmp", Value: "\U0001F600"},
		{Key: "latin", Value: "caf\u00e9"},
		{Key: "nested", Value: web.JSONObject{
			{Key: "list", Value: []any{1, []any{2, []any{3, web.JSONObject{{Key: "deep", Value: nil}}}}}},
			{Key: "empty_list", Value: []any{}},
			{Key: "empty_obj", Value: web.JSONObject{}},
		}},
		{Key: "floats", Value: []any{1.5, 0.1, 1e20, 1e-7, 3.0, math.Copysign(0, -1), 123456789.123456789, 1e300}},
		{Key: "ints", Value: []any{0, -1, int64(1<<53 + 1), big30}},
		{Key: "bools", Value: []any{true, false}},
		{Key: "none", Value: nil},
		{Key: "decimal", Value: json.Number("1.1")},
		{Key: "datetime_aware", Value: time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC)},
		{Key: "datetime_naive", Value: web.NaiveDateTime(time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC))},
		{Key: "date", Value: web.Date(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC))},
		{Key: "time", Value: web.TimeOfDay(time.Date(1, 1, 1, 3, 4, 5, 600000, time.UTC))},
		{Key: "timedelta", Value: 24*time.Hour + 2*time.Second + 3*time.Microsecond},
		{Key: "uuid", Value: "12345678-1234-5678-1234-567812345678"},
		{Key: "tuple", Value: []any{1, "two"}},
		{Key: "bytes", Value: []byte("raw bytes")},
		{Key: "int_key_dict", Value: web.JSONObject{
			{Key: "1", Value: "one"}, {Key: "2.5", Value: "two and half"},
			{Key: "null", Value: "none"}, {Key: "false", Value: "false"},
		}},
	}
}

// jsonValue is views.JSON_VALUES.
func jsonValue(name string) (any, bool) {
	switch name {
	case "string":
		return "just a string", true
	case "empty_string":
		return "", true
	case "list":
		return []any{1, "two", nil}, true
	case "empty_list":
		return []any{}, true
	case "empty_dict":
		return web.JSONObject{}, true
	case "false":
		return false, true
	case "true":
		return true, true
	case "zero":
		return 0, true
	case "float":
		return 2.5, true
	}
	return nil, false
}

// customHeaders is views.CustomHeadersView.
func customHeaders(r *rest.Request) (*rest.Response, error) {
	q, err := r.QueryParams()
	if err != nil {
		return nil, err
	}
	if v, _ := q.Get("v"); v == "newline" {
		resp := ok(web.JSONObject{{Key: "ok", Value: false}})
		if err := resp.SetHeader("X-Bad", "a\nb"); err != nil {
			// Django's BadHeaderError is a server error (500), not
			// the client's fault.
			return nil, errors.New("BadHeaderError: " + err.Error())
		}
		return resp, nil
	}
	resp := ok(web.JSONObject{{Key: "ok", Value: true}})
	for _, h := range [][2]string{
		{"X-Custom", "plain"}, {"X-Latin", "caf\u00e9"}, {"X-Unicode", "\u2605"},
		{"Cache-Control", "no-cache"}, {"Vary", "Cookie"},
	} {
		if err := resp.SetHeader(h[0], h[1]); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

// validationDict is views.VALIDATION_DICT.
func validationDict() web.JSONObject {
	return web.JSONObject{
		{Key: "name", Value: []any{"This field is required."}},
		{Key: "age", Value: []any{"Must be positive.", "Must be an integer."}},
		{Key: "nested", Value: web.JSONObject{{Key: "inner", Value: "plain string stays a string"}}},
		{Key: "non_field_errors", Value: []any{"Bad combo \u2605"}},
	}
}

// errUnknownKind is views._raise's AssertionError.
var errUnknownKind = errors.New("conformance: unknown exception kind")

// raiseKind is views._raise: it fails with the exception of the kind path
// value.
func raiseKind(r *rest.Request) (*rest.Response, error) {
	switch kind := r.PathValue("kind"); kind {
	case "not_found":
		return nil, rest.NotFound()
	case "not_found_custom":
		return nil, rest.NewError(http.StatusNotFound, "Custom message \u2605", "custom_code")
	case "django_http404":
		return nil, fmt.Errorf("django message is discarded: %w", web.ErrNotFound)
	case "permission_denied":
		return nil, rest.PermissionDenied()
	case "django_permission_denied":
		return nil, fmt.Errorf("discarded too: %w", web.ErrPermissionDenied)
	case "validation_dict":
		return nil, rest.ValidationError(validationDict())
	case "validation_list":
		return nil, rest.ValidationError([]any{"first error", "second error"})
	case "validation_str":
		return nil, rest.ValidationError("single message")
	case "validation_default":
		return nil, rest.ValidationError(nil)
	case "parse_error":
		return nil, rest.ParseError()
	case "parse_error_custom":
		return nil, rest.ParseError("Bad thing at byte 7")
	case "custom":
		return nil, rest.NewError(http.StatusServiceUnavailable, "Service temporarily unavailable, try again later.", "service_unavailable")
	case "custom_code":
		return nil, rest.NewError(http.StatusServiceUnavailable, "Down for maintenance", "maintenance")
	case "api_exception":
		return nil, rest.APIException(nil, "")
	case "throttled":
		q, err := r.QueryParams()
		if err != nil {
			return nil, err
		}
		wait := -1.0
		if w, found := q.Get("wait"); found {
			f, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
			if err != nil {
				return nil, fmt.Errorf("ValueError: could not convert string to float: %q", w)
			}
			wait = f
		}
		return nil, rest.Throttled(wait)
	case "not_authenticated":
		return nil, rest.NotAuthenticated()
	case "authentication_failed":
		return nil, rest.AuthenticationFailed()
	case "not_acceptable":
		return nil, rest.NotAcceptable()
	case "unsupported_media_type":
		return nil, rest.UnsupportedMediaType("application/x-thing")
	case "method_not_allowed":
		return nil, rest.MethodNotAllowed("PATCH")
	case "unhandled":
		return nil, errors.New("ZeroDivisionError: division by zero")
	default:
		return nil, fmt.Errorf("%w: %q", errUnknownKind, kind)
	}
}
