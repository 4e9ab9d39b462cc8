package main

import (
	"bytes"
	_ "embed"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/restframe/restframe/web"
)

// webSettings are the Django settings of drf-app/oracle_site/settings.py
// that the web layer reads: SECRET_KEY, ALLOWED_HOSTS, DEBUG off, no proxy
// headers trusted, the app's clock, and the signed-cookie salt scheme of
// Django 3.2 (the recorded cookies are signed with it).
func webSettings(cfg config) *web.Settings {
	return &web.Settings{
		SecretKey:          "oracle-secret-key",
		AllowedHosts:       []string{"testserver", "localhost", "127.0.0.1", "example.com"},
		Debug:              false,
		SignedCookieScheme: web.SignedCookieLegacy,
		Now:                cfg.clock(),
	}
}

// djangoMiddleware is the MIDDLEWARE of the reference app, outermost first:
//
//   - SecurityMiddleware: X-Content-Type-Options: nosniff and
//     Referrer-Policy: same-origin (Django 3.2 sends no
//     Cross-Origin-Opener-Policy);
//   - CommonMiddleware: the Host check (a DisallowedHost raised here skips
//     the rest of the chain, so that 400 has neither Content-Length nor
//     X-Frame-Options), the APPEND_SLASH redirect and Content-Length on
//     the error pages (restframe's other non-streaming responses set it
//     themselves);
//   - XFrameOptionsMiddleware: X-Frame-Options: DENY.
func djangoMiddleware(config) []web.Middleware {
	var slashPaths []string
	for _, rt := range djangoRoutes() {
		if strings.HasSuffix(rt.path, "/") {
			slashPaths = append(slashPaths, rt.path)
		}
	}
	return []web.Middleware{
		web.SecurityHeaders(web.SecurityOptions{
			FrameOptions:            web.NoHeader,
			CrossOriginOpenerPolicy: web.NoHeader,
		}),
		commonMiddleware(slashPaths),
		web.SecurityHeaders(web.SecurityOptions{
			ContentTypeOptions:      web.NoHeader,
			ReferrerPolicy:          web.NoHeader,
			CrossOriginOpenerPolicy: web.NoHeader,
		}),
	}
}

// commonMiddleware is Django 3.2's CommonMiddleware with APPEND_SLASH on and
// DEBUG off: process_request validates the host (get_host) and redirects
// (301) a path that no route answers when the path with a slash appended
// is one of slashPaths (the routes ending with "/"; no other route ends
// with a slash that its slash-less form lacks), for every method;
// process_response sets Content-Length on non-streaming responses that
// have none.
func commonMiddleware(slashPaths []string) web.Middleware {
	appendSlash := func(p string) bool {
		for _, sp := range slashPaths {
			if len(sp) == len(p)+1 && sp[:len(p)] == p {
				return true
			}
		}
		return false
	}
	return func(next web.Handler) web.Handler {
		return func(r *web.Request) (web.Response, error) {
			if _, err := r.Host(); err != nil {
				return nil, err
			}
			var resp web.Response
			if p := r.PathInfo(); !strings.HasSuffix(p, "/") && appendSlash(p) {
				redirect, err := web.NewPermanentRedirect(r.FullPath(true))
				if err != nil {
					return nil, err
				}
				resp = redirect
			} else {
				var err error
				if resp, err = next(r); err != nil || resp == nil {
					return resp, err
				}
			}
			if page, ok := resp.(*djangoPage); ok {
				h := page.Header()
				if _, has := h["Content-Length"]; !has {
					h["Content-Length"] = []string{strconv.Itoa(len(page.body))}
				}
			}
			return resp, nil
		}
	}
}

// djangoPage is a page of Django's default error views
// (django.views.defaults). Unlike web.HTTPResponse it sends Content-Length
// only when the header is set (by commonMiddleware), as Django does.
type djangoPage struct {
	web.BaseResponse
	body []byte
}

// Send writes the status line, the headers and, unless the request is a
// HEAD, the body.
func (p *djangoPage) Send(w http.ResponseWriter, r *http.Request) error {
	if err := p.WriteHeader(w); err != nil {
		return err
	}
	if r != nil && r.Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(p.body)
	return err
}

// errorPageHTML is Django's ERROR_PAGE_TEMPLATE
// (django/views/defaults.py), the page of the default error views when the
// project has no template of that status.
func errorPageHTML(title, details string) string {
	return "\n<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>" + title +
		"</title>\n</head>\n<body>\n  <h1>" + title + "</h1><p>" + details +
		"</p>\n</body>\n</html>\n"
}

// notFoundHTML is templates/full/404.html, the Go translation of
// drf-app/templates/404.html.
//
//go:embed templates/full/404.html
var notFoundHTML string

// djangoErrorResponse is Django's handler400, handler403, handler404 and
// handler500 (the default views, DEBUG off): a 404 renders the project's
// 404.html in the full template variant (context request_path, the quoted
// path) and the built-in "Not Found" page otherwise; 400 (ErrBadRequest and
// every SuspiciousOperation), 403 and 5xx errors get the built-in pages
// (no variant has 400.html, 403.html or 500.html). Other statuses (an
// HTTPError of restframe's own) keep the adapter's plain-text response.
func djangoErrorResponse(cfg config) func(*web.Request, error) web.Response {
	var notFound *template.Template
	if cfg.templates == "full" {
		notFound = template.Must(template.New("404.html").Parse(notFoundHTML))
	}
	return func(r *web.Request, err error) web.Response {
		status := web.StatusOf(err)
		if errors.Is(err, web.ErrSuspiciousOperation) || errors.Is(err, web.ErrBadRequest) {
			// Django answers every SuspiciousOperation (RequestDataTooBig
			// included) with the 400 page.
			status = http.StatusBadRequest
		}
		page := &djangoPage{}
		contentType := "text/html"
		switch {
		case status == http.StatusNotFound && notFound != nil:
			var buf bytes.Buffer
			data := map[string]any{"request_path": pyQuote(r.Path()), "detail": "", "status_code": ""}
			if terr := notFound.Execute(&buf, data); terr != nil {
				return nil
			}
			page.body = buf.Bytes()
			contentType = "text/html; charset=utf-8"
		case status == http.StatusNotFound:
			page.body = []byte(errorPageHTML("Not Found", "The requested resource was not found on this server."))
		case status == http.StatusBadRequest:
			page.body = []byte(errorPageHTML("Bad Request (400)", ""))
		case status == http.StatusForbidden:
			page.body = []byte(errorPageHTML("403 Forbidden", ""))
		case status >= 500:
			status = http.StatusInternalServerError
			page.body = []byte(errorPageHTML("Server Error (500)", ""))
		default:
			return nil
		}
		page.StatusCode = status
		h := page.Header()
		var he *web.HTTPError
		if errors.As(err, &he) {
			for name, values := range he.Header {
				for _, v := range values {
					h.Add(name, v)
				}
			}
		}
		h.Set("Content-Type", contentType)
		return page
	}
}

// pyQuote is Python's urllib.parse.quote(s) (safe "/"): every byte of the
// UTF-8 text but ASCII letters, digits and "_.-~/" is percent-encoded, in
// upper-case hex.
func pyQuote(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_.-~/", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
