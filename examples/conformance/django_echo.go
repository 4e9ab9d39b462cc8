package main

import (
	"errors"
	"strings"
	"time"

	"github.com/restframe/restframe/signing"
	"github.com/restframe/restframe/web"
)

// echo is django_views.echo (csrf_exempt, any method): what the request
// object reports, as JSON with the view's key order. Calls that raise in
// Python are reported as "<ErrorName: message>", as the view's safe()
// does.
func (*djangoViews) echo(r *web.Request) (web.Response, error) {
	abs := func(location string) any {
		u, err := r.AbsoluteURI(location)
		if err != nil {
			return pyError(err)
		}
		return u
	}
	get, err := r.Query()
	if err != nil {
		return nil, err
	}
	var encoding any
	if e := r.Encoding(); e != "" {
		encoding = e
	}
	var host any
	if h, err := r.Host(); err != nil {
		host = pyError(err)
	} else {
		host = h
	}
	data := web.JSONObject{
		{Key: "method", Value: r.Method()},
		{Key: "get_host", Value: host},
		{Key: "get_port", Value: r.Port()},
		{Key: "build_absolute_uri", Value: abs("")},
		{Key: "build_absolute_uri_abs_path", Value: abs("/other/?x=1")},
		{Key: "build_absolute_uri_relative", Value: abs("rel/path?y=2")},
		{Key: "build_absolute_uri_full", Value: abs("http://other.example/z")},
		{Key: "build_absolute_uri_scheme_relative", Value: abs("//cdn.example/z")},
		{Key: "get_full_path", Value: r.FullPath(false)},
		{Key: "get_full_path_force_slash", Value: r.FullPath(true)},
		{Key: "get_full_path_info", Value: r.FullPathInfo(false)},
		{Key: "path", Value: r.Path()},
		{Key: "path_info", Value: r.PathInfo()},
		{Key: "is_secure", Value: r.IsSecure()},
		{Key: "scheme", Value: r.Scheme()},
		{Key: "content_type", Value: r.ContentType()},
		{Key: "content_params", Value: r.ContentParams()},
		{Key: "encoding", Value: encoding},
		{Key: "GET_lists", Value: djangoLists(get)},
		{Key: "GET_urlencode", Value: get.URLEncode("")},
		{Key: "POST_lists", Value: echoPOST(r)},
		{Key: "FILES", Value: echoFILES(r)},
		{Key: "COOKIES", Value: echoCookies(r)},
		{Key: "headers", Value: echoHeaders(r)},
		{Key: "signed", Value: echoSigned(r)},
		// After request.POST: a multipart body was streamed, so .body fails.
		{Key: "body_len", Value: echoBodyLen(r)},
	}
	return web.NewJSONResponse(data)
}

// echoPOST is [[k, v] for k, v in request.POST.lists()].
func echoPOST(r *web.Request) any {
	form, err := r.Form()
	if err != nil {
		return pyError(err)
	}
	return djangoLists(form)
}

// echoFILES is [[k, [f.name for f in v]] for k, v in request.FILES.lists()].
func echoFILES(r *web.Request) any {
	files, err := r.Files()
	if err != nil {
		return pyError(err)
	}
	out := make([]any, 0, files.Len())
	for k, fs := range files.Lists() {
		names := make([]string, 0, len(fs))
		for _, f := range fs {
			names = append(names, f.Name)
		}
		out = append(out, []any{k, names})
	}
	return out
}

// echoBodyLen is len(request.body).
func echoBodyLen(r *web.Request) any {
	b, err := r.Body()
	if err != nil {
		return pyError(err)
	}
	return len(b)
}

// echoCookies is request.COOKIES in the order of the Cookie header (a
// Python dict keeps the position of a key's first occurrence; parse_cookie
// splits on ";", takes a chunk without "=" as a value with the empty name,
// and skips chunks empty on both sides).
func echoCookies(r *web.Request) web.JSONObject {
	cookies := r.Cookies()
	out := make(web.JSONObject, 0, len(cookies))
	seen := make(map[string]bool, len(cookies))
	for _, line := range r.HTTP().Header.Values("Cookie") {
		for chunk := range strings.SplitSeq(line, ";") {
			name := ""
			if k, _, ok := strings.Cut(chunk, "="); ok {
				name = strings.TrimSpace(k)
			}
			v, ok := cookies[name]
			if !ok || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, web.JSONMember{Key: name, Value: v})
		}
	}
	return out
}

// echoHeaders is dict(request.headers). net/http does not keep the order
// of the request's header lines, so the headers come in Headers.All's
// order (sorted by name); Django's follows the WSGI environ.
func echoHeaders(r *web.Request) web.JSONObject {
	h := r.Headers()
	out := make(web.JSONObject, 0, h.Len())
	for k, v := range h.All() {
		out = append(out, web.JSONMember{Key: k, Value: v})
	}
	return out
}

// echoSigned is the view's "signed" member: get_signed_cookie with and
// without default, salt and max_age.
func echoSigned(r *web.Request) web.JSONObject {
	const raise = "\x00raise" // Django's RAISE_ERROR: no default
	signed := func(name, salt string, maxAge time.Duration, def any) any {
		v, err := r.SignedCookie(name, salt, maxAge)
		if err == nil {
			return v
		}
		if def != raise {
			return def
		}
		return pyError(err)
	}
	return web.JSONObject{
		{Key: "signed", Value: signed("signed", "", 0, nil)},
		{Key: "signed_no_default", Value: signed("signed", "", 0, raise)},
		{Key: "salted_right_salt", Value: signed("salted", "pepper", 0, nil)},
		{Key: "salted_wrong_salt", Value: signed("salted", "", 0, "<default>")},
		{Key: "salted_wrong_salt_no_default", Value: signed("salted", "", 0, raise)},
		{Key: "signed_max_age_60", Value: signed("signed", "", 60*time.Second, raise)},
		{Key: "signed_max_age_td", Value: signed("signed", "", 10*time.Second, raise)},
		{Key: "missing", Value: signed("missing", "", 0, "<default>")},
		{Key: "missing_no_default", Value: signed("missing", "", 0, raise)},
	}
}

// pyError renders an error as the Python view reports an exception:
// "<ErrorName: message>" with Django's exception class and message
// ("<KeyError>" for a missing cookie, as the view's _signed writes it).
func pyError(err error) string {
	var se *signing.Error
	var he *web.HostError
	switch {
	case errors.Is(err, web.ErrCookieNotFound):
		return "<KeyError>"
	case errors.As(err, &se) && errors.Is(err, signing.ErrSignatureExpired):
		return "<SignatureExpired: " + se.Message + ">"
	case errors.As(err, &se):
		return "<BadSignature: " + se.Message + ">"
	case errors.As(err, &he):
		return "<DisallowedHost: " + he.Error() + ">"
	case errors.Is(err, web.ErrRawPostData):
		return "<RawPostDataException: You cannot access body after reading from request's data stream>"
	case errors.Is(err, web.ErrTooManyFields):
		return "<TooManyFieldsSent: The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.>"
	case errors.Is(err, web.ErrTooManyFiles):
		return "<TooManyFilesSent: The number of files exceeded settings.DATA_UPLOAD_MAX_NUMBER_FILES.>"
	case errors.Is(err, web.ErrRequestDataTooBig):
		return "<RequestDataTooBig: Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.>"
	}
	return "<Exception: " + err.Error() + ">"
}
