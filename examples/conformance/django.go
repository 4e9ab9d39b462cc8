package main

import (
	"bytes"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/restframe/restframe/web"
)

// djangoRoute is one route of django_patterns (drf-app/oracle_site/urls.py).
type djangoRoute struct {
	path string
	view func(d *djangoViews, r *web.Request) (web.Response, error)
}

// djangoRoutes are the plain Django routes of ROUTES.md, in urls.py order.
// They answer every method, as Django function views do.
func djangoRoutes() []djangoRoute {
	return []djangoRoute{
		{"/django/httpresponse", (*djangoViews).httpResponse},
		{"/django/httpresponse_latin1", (*djangoViews).httpResponseLatin1},
		{"/django/httpresponse_charset", (*djangoViews).httpResponseCharset},
		{"/django/httpresponse_bytes", (*djangoViews).httpResponseBytes},
		{"/django/json_dict", (*djangoViews).jsonDict},
		{"/django/json_list", (*djangoViews).jsonList},
		{"/django/json_list_unsafe", (*djangoViews).jsonListUnsafe},
		{"/django/json_encoder", (*djangoViews).jsonEncoder},
		{"/django/json_indent", (*djangoViews).jsonIndent},
		{"/django/redirect", (*djangoViews).redirect},
		{"/django/redirect_abs", (*djangoViews).redirectAbs},
		{"/django/redirect_unsafe", (*djangoViews).redirectUnsafe},
		{"/django/permanent_redirect", (*djangoViews).permanentRedirect},
		{"/django/not_allowed", (*djangoViews).notAllowed},
		{"/django/not_modified", (*djangoViews).notModified},
		{"/django/gone", (*djangoViews).gone},
		{"/django/streaming", (*djangoViews).streaming},
		{"/django/file", (*djangoViews).file},
		{"/django/cookies", (*djangoViews).cookies},
		{"/django/signed_cookies", (*djangoViews).signedCookies},
		{"/django/delete_cookie", (*djangoViews).deleteCookie},
		{"/django/unicode_cookies", (*djangoViews).unicodeCookies},
		{"/django/echo", (*djangoViews).echo},
		{"/django/querydict", (*djangoViews).querydict},
		{"/django/slash/", (*djangoViews).slash},
		{"/django/server_error", (*djangoViews).serverError},
	}
}

// registerDjango registers the plain Django routes on mux, served through
// the app's middleware and error pages.
func registerDjango(mux *http.ServeMux, cfg config) error {
	srv := &web.Server{
		Settings:      webSettings(cfg),
		Middleware:    djangoMiddleware(cfg),
		ErrorResponse: djangoErrorResponse(cfg),
		Logger:        cfg.logger,
	}
	d := &djangoViews{settings: srv.Settings, now: cfg.clock()}
	for _, rt := range djangoRoutes() {
		pattern := rt.path
		if strings.HasSuffix(pattern, "/") {
			pattern += "{$}" // exactly this path, not the subtree
			// http.ServeMux would redirect the path without its slash
			// itself (307); route it to Django's 404, which
			// CommonMiddleware turns into APPEND_SLASH's 301.
			mux.Handle(strings.TrimSuffix(rt.path, "/"), srv.Handle(notFoundView))
		}
		view := rt.view
		mux.Handle(pattern, srv.Handle(func(r *web.Request) (web.Response, error) { return view(d, r) }))
	}
	return nil
}

// notFoundView is Django's handler404 for a path no route answers.
func notFoundView(*web.Request) (web.Response, error) { return nil, web.ErrNotFound }

// djangoViews are the views of drf-app/oracle_site/django_views.py.
type djangoViews struct {
	settings *web.Settings
	now      func() time.Time
}

func (*djangoViews) httpResponse(*web.Request) (web.Response, error) {
	return web.NewHTTPResponse("hello \u2605"), nil
}

func (*djangoViews) httpResponseLatin1(*web.Request) (web.Response, error) {
	return web.NewHTTPResponseWith("Caf\u00e9 \u00a3", web.ResponseOptions{ContentType: "text/plain; charset=iso-8859-1"})
}

// httpResponseCharset gives the charset= argument without a charset in
// content_type.
func (*djangoViews) httpResponseCharset(*web.Request) (web.Response, error) {
	return web.NewHTTPResponseWith("Caf\u00e9", web.ResponseOptions{ContentType: "text/plain", Charset: "iso-8859-1"})
}

func (*djangoViews) httpResponseBytes(*web.Request) (web.Response, error) {
	return web.NewHTTPResponseWith([]byte{0x00, 0x01, 0xfe, 0xff}, web.ResponseOptions{ContentType: "application/octet-stream"})
}

func (*djangoViews) jsonDict(*web.Request) (web.Response, error) {
	return web.NewJSONResponse(web.JSONObject{
		{Key: "a", Value: 1},
		{Key: "b", Value: "\u2605"},
		{Key: "c", Value: []any{1.5, nil, true}},
		{Key: "d", Value: "a\u2028b"},
		{Key: "e", Value: "<&>"},
	})
}

func (*djangoViews) jsonList(*web.Request) (web.Response, error) {
	return web.NewJSONResponseWith([]any{1, 2, "three"}, web.JSONOptions{AllowNonObject: true})
}

// jsonListUnsafe is JsonResponse([1, 2]) with safe=True: a TypeError, so
// Django's 500 page.
func (*djangoViews) jsonListUnsafe(*web.Request) (web.Response, error) {
	return web.NewJSONResponse([]any{1, 2})
}

// textValue is a value that DjangoJSONEncoder writes as its str(): a
// Decimal or a UUID.
type textValue string

// MarshalText returns the text.
func (v textValue) MarshalText() ([]byte, error) { return []byte(v), nil }

// jsonEncoder shows DjangoJSONEncoder's forms of datetime (aware and
// naive), date, time, timedelta, Decimal and UUID.
func (*djangoViews) jsonEncoder(*web.Request) (web.Response, error) {
	dt := time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC)
	return web.NewJSONResponse(web.JSONObject{
		{Key: "datetime_aware", Value: dt},
		{Key: "datetime_naive", Value: web.NaiveDateTime(dt)},
		{Key: "date", Value: web.Date(dt)},
		{Key: "time", Value: web.TimeOfDay(time.Date(1, 1, 1, 3, 4, 5, 600000, time.UTC))},
		{Key: "timedelta", Value: 24*time.Hour + 2*time.Second + 3*time.Microsecond},
		{Key: "decimal", Value: textValue("1.10")},
		{Key: "uuid", Value: textValue("12345678-1234-5678-1234-567812345678")},
	})
}

func (*djangoViews) jsonIndent(*web.Request) (web.Response, error) {
	return web.NewJSONResponseWith(web.JSONObject{
		{Key: "a", Value: []any{1, 2}},
		{Key: "b", Value: web.JSONObject{{Key: "c", Value: "\u2605"}}},
	}, web.JSONOptions{Indent: 2, RawUnicode: true})
}

func (*djangoViews) redirect(*web.Request) (web.Response, error) {
	return web.NewRedirect("/target/?x=1&y=\u2605")
}

func (*djangoViews) redirectAbs(*web.Request) (web.Response, error) {
	return web.NewRedirect("https://example.com/a b/\u00e9?q=1 2")
}

// redirectUnsafe fails with DisallowedRedirect (a SuspiciousOperation):
// Django's 400 page.
func (*djangoViews) redirectUnsafe(*web.Request) (web.Response, error) {
	return web.NewRedirect("javascript:alert(1)")
}

func (*djangoViews) permanentRedirect(*web.Request) (web.Response, error) {
	return web.NewPermanentRedirect("/new-home/")
}

func (*djangoViews) notAllowed(*web.Request) (web.Response, error) {
	return web.NewNotAllowed("GET", "POST"), nil
}

func (*djangoViews) notModified(*web.Request) (web.Response, error) {
	return web.NewNotModified(), nil
}

func (*djangoViews) gone(*web.Request) (web.Response, error) {
	return web.NewGone(""), nil
}

// streaming is StreamingHttpResponse(iter(['a', 'b★', b'c\n'])): text
// chunks encoded with the response charset, bytes as they are.
func (*djangoViews) streaming(*web.Request) (web.Response, error) {
	return web.NewStreamingResponse(slices.Values([][]byte{[]byte("a"), []byte("b\u2605"), []byte("c\n")})), nil
}

// file is FileResponse(BytesIO(content), as_attachment=attach,
// filename=name) with the query parameters name (default report.txt),
// attach (default 1), content (default "file content ★\n") and noname.
func (*djangoViews) file(r *web.Request) (web.Response, error) {
	q, err := r.Query()
	if err != nil {
		return nil, err
	}
	get := func(key, def string) string {
		if v, ok := q.Get(key); ok {
			return v
		}
		return def
	}
	o := web.FileOptions{AsAttachment: get("attach", "1") == "1"}
	content := []byte(get("content", "file content \u2605\n"))
	if get("noname", "") == "" {
		o.Filename = get("name", "report.txt")
	}
	return web.NewFileResponseWith(bytes.NewReader(content), o), nil
}

// cookieSpec is one set_cookie call of the cookies view.
type cookieSpec struct {
	name, value string
	opts        web.CookieOptions
}

func (d *djangoViews) cookies(*web.Request) (web.Response, error) {
	resp := web.NewHTTPResponse("cookies set")
	for _, c := range []cookieSpec{
		{"plain", "v", web.CookieOptions{}},
		{"maxage", "m", web.CookieOptions{MaxAge: time.Hour}},
		{"expires_str", "e", web.CookieOptions{ExpiresText: "Wed, 21 Oct 2037 07:28:00 GMT"}},
		{"lax", "l", web.CookieOptions{SameSite: "Lax"}},
		{"strict", "s", web.CookieOptions{SameSite: "Strict", Secure: true, HTTPOnly: true}},
		{"none", "n", web.CookieOptions{SameSite: "None", Secure: true}},
		{"scoped", "p", web.CookieOptions{Path: "/sub", Domain: ".example.com"}},
		{"nopath", "x", web.CookieOptions{NoPath: true}},
		{"spaces", "a b", web.CookieOptions{}},
		{"special", "a;b,c\"d\\e", web.CookieOptions{}},
		{"empty", "", web.CookieOptions{}},
		{"eq", "a=b", web.CookieOptions{}},
	} {
		c.opts.Now = d.now()
		if err := resp.SetCookie(c.name, c.value, c.opts); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

func (d *djangoViews) signedCookies(*web.Request) (web.Response, error) {
	resp := web.NewHTTPResponse("signed cookies set")
	if err := resp.SetSignedCookie(d.settings, "signed", "value", "", web.CookieOptions{}); err != nil {
		return nil, err
	}
	if err := resp.SetSignedCookie(d.settings, "salted", "value", "pepper", web.CookieOptions{}); err != nil {
		return nil, err
	}
	if err := resp.SetSignedCookie(d.settings, "signed_opts", "v", "", web.CookieOptions{MaxAge: time.Minute, HTTPOnly: true}); err != nil {
		return nil, err
	}
	return resp, nil
}

// unicodeCookies sets cookie values that latin-1 cannot encode: Django
// emits them raw (SimpleCookie quotes them).
func (d *djangoViews) unicodeCookies(*web.Request) (web.Response, error) {
	resp := web.NewHTTPResponse("unicode cookies set")
	if err := resp.SetCookie("unicode", "\u2605", web.CookieOptions{Now: d.now()}); err != nil {
		return nil, err
	}
	if err := resp.SetSignedCookie(d.settings, "signed_unicode", "caf\u00e9 \u2605", "", web.CookieOptions{}); err != nil {
		return nil, err
	}
	return resp, nil
}

func (*djangoViews) deleteCookie(*web.Request) (web.Response, error) {
	resp := web.NewHTTPResponse("deleted")
	for _, c := range []struct {
		name string
		opts web.DeleteCookieOptions
	}{
		{"gone", web.DeleteCookieOptions{}},
		{"gone_scoped", web.DeleteCookieOptions{Path: "/sub", Domain: ".example.com"}},
		{"__Secure-x", web.DeleteCookieOptions{}},
		{"gone_samesite", web.DeleteCookieOptions{SameSite: "Lax"}},
	} {
		if err := resp.DeleteCookie(c.name, c.opts); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

func (*djangoViews) slash(*web.Request) (web.Response, error) {
	return web.NewHTTPResponse("slash view"), nil
}

// serverError raises RuntimeError('boom'): Django's 500 page.
func (*djangoViews) serverError(*web.Request) (web.Response, error) {
	return nil, errors.New("boom")
}

// querydictInputs is django_views.QUERYDICT_INPUTS.
func querydictInputs() []string {
	return []string{
		"a=1&a=2&b=3",
		"q=a+b",
		"q=a%20b",
		"q=a%2Bb",
		"q=%E2%98%85",
		"empty=&novalue&=noname",
		"path=/a/b?c",
		"x=%2F%3F%26%3D%23",
		"semi=a;b",
		"a[]=1&a[]=2",
		"&&a=1&&",
		"%zz=bad%G0",
		"k%20ey=v+al",
		"tilde=~&star=*&excl=!&quote=%27&paren=()",
		"caf%C3%A9=na%C3%AFve",
		"latin1=%E9",
	}
}

// querydict runs QueryDict over META's QUERY_STRING, over request.GET and
// over the fixed tricky inputs.
func (*djangoViews) querydict(r *web.Request) (web.Response, error) {
	describe := func(qs string) (web.JSONObject, error) {
		d, err := web.ParseQueryDict(qs)
		if err != nil {
			return nil, err
		}
		return web.JSONObject{
			{Key: "input", Value: qs},
			{Key: "lists", Value: djangoLists(d)},
			{Key: "dict", Value: djangoDict(d)},
			{Key: "urlencode", Value: d.URLEncode("")},
			{Key: "urlencode_safe_slash", Value: d.URLEncode("/")},
		}, nil
	}
	requestGET, err := describe(r.Meta()["QUERY_STRING"])
	if err != nil {
		return nil, err
	}
	get, err := r.Query()
	if err != nil {
		return nil, err
	}
	inputs := querydictInputs()
	fixed := make([]any, 0, len(inputs))
	for _, qs := range inputs {
		d, err := describe(qs)
		if err != nil {
			return nil, err
		}
		fixed = append(fixed, d)
	}
	return web.NewJSONResponse(web.JSONObject{
		{Key: "request_GET", Value: requestGET},
		{Key: "request_GET_lists", Value: djangoLists(get)},
		{Key: "fixed", Value: fixed},
	})
}

// djangoLists is [[k, v] for k, v in d.lists()].
func djangoLists(d web.QueryDict) []any {
	out := make([]any, 0, d.Len())
	for k, v := range d.Lists() {
		out = append(out, []any{k, v})
	}
	return out
}

// djangoDict is d.dict(): each key with its last value, in key order.
func djangoDict(d web.QueryDict) web.JSONObject {
	out := make(web.JSONObject, 0, d.Len())
	for k, v := range d.Lists() {
		out = append(out, web.JSONMember{Key: k, Value: v[len(v)-1]})
	}
	return out
}
