// Package web is Django's HTTP layer (django.http and friends) for Go's
// net/http: a rich, lazy [Request], the [QueryDict] for query strings and
// form data, response values that all implement [Response], cookie and
// cache-header helpers, and handlers that return a response or an error,
// adapted to [http.Handler] with middleware.
//
// # Handlers
//
// A [Handler] is a view: it takes a *[Request] and returns a [Response] or
// an error.
//
//	func hello(r *web.Request) (web.Response, error) {
//		name := r.PathValue("name")
//		if name == "" {
//			return nil, web.ErrNotFound
//		}
//		return web.NewJSONResponse(map[string]any{"hello": name})
//	}
//
// [Server.Handle] (or the shorthand [Handle]) adapts it to an http.Handler
// for any router; http.ServeMux patterns work, and [Request.PathValue] reads
// their wildcards. The adapter maps errors to statuses through one table
// ([StatusOf]): [ErrNotFound] is a 404, [ErrPermissionDenied] a 403, the
// [ErrSuspiciousOperation] family (disallowed hosts, too many fields or
// files) a 400, [ErrRequestDataTooBig] a 413, an [*HTTPError] its own
// status, anything else a 500 whose body never shows the cause unless
// [Settings].Debug is on. Panics are recovered into 500s, a response is
// written once, and a client that went away is logged as 499.
//
// # Requests
//
// [Request] wraps *http.Request and parses nothing until asked. It offers
// Django's attributes as methods: [Request.Method], [Request.Path] and
// [Request.PathInfo] (with [Settings].ScriptName as the mount prefix),
// [Request.Query] (request.GET) and [Request.Form] (request.POST) as
// read-only [QueryDict] values, [Request.Files] (request.FILES) with
// [UploadedFile], [Request.Body] and streaming reads ([Request.Read],
// [Request.ReadLine]) that exclude each other as in Django,
// [Request.Cookies] and [Request.SignedCookie], case-insensitive
// [Request.Headers] that treat "_" and "-" alike, a META-style view
// ([Request.Meta]), [Request.Host] validated against
// [Settings].AllowedHosts, [Request.AbsoluteURI], [Request.IsSecure],
// [Request.Accepts] and [Request.PreferredType], and what middleware sets:
// [Request.Session] and [Request.User].
//
// # QueryDict
//
// [QueryDict] is an ordered, multi-value dictionary: Django keeps the order
// in which keys arrive, url.Values does not. A QueryDict from a request is
// read-only by type; [QueryDict.Copy] returns a [MutableQueryDict] with
// Django's mutation methods (Update appends, Pop returns the list). Parsing
// splits on "&" only and honours the field limit.
//
// # Responses
//
// Every response embeds [BaseResponse] (status, headers, cookies) and
// implements [Response]: [HTTPResponse] (Django's HttpResponse, with the
// status family [NewNotFound], [NewBadRequest], [NewForbidden], [NewGone],
// [NewServerError], [NewNotModified], [NewNotAllowed]), [Redirect] (302,
// 301, and 307/308 when the method must be preserved; unsafe schemes are
// refused), [JSONResponse] (Django's JsonResponse bytes),
// [StreamingResponse] over Go iterators (with [NewSSE] for server-sent
// events), and [FileResponse], which serves Range, If-Range and conditional
// GET through http.ServeContent. Bodies are built before the status line
// is written, so a failure is still a clean 500; only streaming and file
// responses write early.
//
// # Cookies and cache headers
//
// [BaseResponse.SetCookie], [BaseResponse.DeleteCookie] and
// [BaseResponse.SetSignedCookie] write Set-Cookie headers byte for byte as
// Django does; signed cookies verify in Django and back (see the signing
// package for the two salt schemes). [PatchVaryHeaders],
// [PatchCacheControl], [GetMaxAge], [AddNeverCacheHeaders] and
// [PatchResponseHeaders] are django.utils.cache; [HTTPDate],
// [ParseHTTPDate], [QuoteETag] and [ParseETags] handle the header formats;
// [IRIToURI], [URIToIRI] and [EscapeURIPath] are Django's URL encoders.
//
// # Middleware
//
// A [Middleware] wraps a Handler and sees the Response before it is
// written. The package provides [SecurityHeaders] (X-Frame-Options,
// X-Content-Type-Options, Referrer-Policy), [HostValidation], [Sessions]
// (Django's signed_cookies session engine, readable by Django),
// [Authentication] and [RequireAuthenticated], [NeverCache], and
// [CrossOriginProtection] against cross-site form posts.
//
// # Settings and limits
//
// [Settings] holds the Django settings the layer reads; the zero value is
// valid and every field documents its default. There are no globals: pass
// one *Settings to [Server]. Every parser of client input is bounded: the
// body read into memory (MaxMemorySize, 2.5 MiB), fields
// (MaxNumberFields, 1000), files (MaxNumberFiles, 100), cookie headers
// ([MaxCookieHeaderBytes]), multipart part headers ([MaxPartHeaderBytes]);
// going over a limit is a typed error that becomes a 4xx.
//
// # Differences from Django
//
// restframe follows current Django (5.2/6.x) where it differs from 3.2,
// and is stricter where Django answers a client error with a 500: a
// missing or forged signed cookie is a 400, a malformed multipart body a
// 400, and a urlencoded body that declares a charset other than UTF-8 a
// 400 (as Django 5.2 does). Header names containing "_" are not shown in
// Headers or Meta, as in Django 5.2.13+, so they cannot impersonate
// headers spelled with "-".
package web
