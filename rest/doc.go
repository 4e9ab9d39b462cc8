// Package rest is Django REST framework's view layer for Go: content
// negotiated responses holding unrendered data, API views with per-view
// renderers, parsers, authentication and permissions, format suffixes and
// ?format=, DRF's exceptions rendered in the negotiated format, and OPTIONS
// metadata. It sits on package web (Django's HTTP objects) and uses the
// renderers of package render and the parsers of package parse.
//
// # A view
//
// A View handles the methods whose fields are set; a function view is
// APIView, DRF's @api_view:
//
//	snippets := &rest.View{
//		Name: "Snippet List",
//		Get: func(r *rest.Request) (*rest.Response, error) {
//			return rest.NewResponse(list, http.StatusOK), nil
//		},
//		Post: func(r *rest.Request) (*rest.Response, error) {
//			data, err := r.Data() // parsed by the view's parsers
//			if err != nil {
//				return nil, err // 400 or 415, in DRF's words
//			}
//			...
//			return rest.NewResponse(created, http.StatusCreated), nil
//		},
//	}
//	srv := &web.Server{Settings: webSettings}
//	mux.Handle("/snippets", rest.FormatSuffixHandler(srv.Handle(snippets.Handler())))
//
// A View is also an http.Handler (through a zero web.Server) for quick use.
//
// # How a request flows
//
// For each request the view, as DRF's APIView.dispatch:
//
//  1. takes the format from a URL suffix (see FormatSuffix) or ?format=,
//     and keeps the renderers of that format (none: 404);
//  2. negotiates the Accept header among them (none acceptable: 406), in
//     RFC 9110 mode by default or exactly as DRF with mediatype.ModeDRF
//     (Settings.Negotiation); see Negotiation;
//  3. authenticates (Settings.Authenticators), checks the permissions
//     and the throttles (Settings.Throttles: Throttled, 429 with
//     Retry-After);
//  4. calls the handler of the method (405 with Allow when there is none;
//     HEAD is answered by Get, OPTIONS with SimpleMetadata);
//  5. turns any error into a Response with the exception handler
//     (Settings.ExceptionHandler, DefaultExceptionHandler by default);
//  6. finalizes the Response: accepted renderer and media type, renderer
//     context, Allow, and Vary: Accept when it has several renderers. The
//     404 and 406 of negotiation are rendered by the first renderer.
//
// The Response is rendered only when the web adapter sends it, after the
// web middleware, into a pooled buffer and before the status line: middleware
// can still change Response.Data, and a render error is a clean 500, never a
// half-written 200. [Response] documents the Content-Type rules.
//
// # Settings
//
// Settings are DRF's REST_FRAMEWORK settings as a plain struct, read when a
// view is built: DefaultSettings, or the zero value, gives DRF's defaults
// (JSON renderer, JSON/form/multipart parsers, "format" for the query
// override and the suffix). A View's Renderers, Parsers, Authenticators,
// Permissions and Throttles override them per view. Nothing is global.
//
// # Where restframe differs from DRF
//
//   - HEAD on a function view is answered like GET without the body (DRF:
//     405); its Allow header still lists HEAD only when APIView was given
//     it, as DRF's.
//   - Malformed or non-ASCII Accept entries are skipped, never a 500.
//   - Error data that the negotiated renderer cannot render (a binary
//     renderer) is rendered by the view's first text renderer, so that the
//     client reads the error.
//   - An error the exception handler leaves unhandled goes to the web
//     adapter, which logs it and answers a plain 500 that never shows it.
//   - Responses with status 204 or 304 are never rendered: no body, no
//     Content-Type.
//   - Allow lists the methods in Django's order (GET, POST, PUT, PATCH,
//     DELETE, HEAD, OPTIONS); DRF's function views list them in set order.
//
// # Security
//
// The detail of an Error is shown to the client; its Err, and any other
// error, never is. Request.Data parses bodies within the limits of
// web.Settings (2.5 MiB of memory, 1000 fields, 100 files by default).
// FormatSuffix reads any "name.ext" final segment as a suffix unless
// FormatSuffix.Allowed lists the formats.
package rest
