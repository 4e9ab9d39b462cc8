// Package parse holds Django REST framework's request body parsers for
// restframe: the [Parser] interface, the built-in [JSON], [Form],
// [MultiPart] and [FileUpload] parsers, and the selection of a parser by
// the request's Content-Type ([Select], [Body]).
//
// # Parsing a request body
//
// [Body] is what DRF's request.data does: a request without a body gives
// empty data, otherwise the first parser whose media type matches the
// Content-Type parses it.
//
//	data, err := parse.Body(r, parse.Defaults()) // JSON, Form, MultiPart
//	if err != nil {
//		return nil, err // 400, 413 or 415 (see Errors)
//	}
//	switch data := data.(type) {
//	case map[string]any: // a JSON object
//	case web.QueryDict: // a urlencoded form
//	case parse.Data: // a multipart form: data.Fields and data.Files
//	}
//
// A handler that expects one format can call a parser directly; [JSON]
// also decodes into a typed value with [JSON.ParseInto]:
//
//	var in struct{ Name string `json:"name"` }
//	if err := (parse.JSON{}).ParseInto(r, &in); err != nil {
//		return nil, err
//	}
//
// # Selection
//
// [Select] is DRF's select_parser: parsers are tried in order and the first
// whose [Parser.MediaType] matches the Content-Type by DRF's
// media_type_matches wins, so wildcards ("*/*", "image/*") match anything
// of their range and an empty Content-Type matches only "*/*". No match is
// a 415 with DRF's detail `Unsupported media type "text/plain" in
// request.`.
//
// # Errors
//
// A body the client got wrong is an [*Error]: errors.Is(err, [ErrParse])
// for DRF's ParseError (400) and errors.Is(err, [ErrUnsupportedMediaType])
// for UnsupportedMediaType (415). Its Detail is DRF's exact detail string
// ("JSON parse error - Expecting value: line 1 column 7 (char 6)",
// "Multipart form parse error - Invalid boundary in multipart: None"),
// which the rest layer renders as {"detail": "..."}; errors.As also finds a
// *web.HTTPError in it, so web.StatusOf and the plain web adapter answer
// with the right status too. The web layer's limits pass through
// unchanged: web.ErrRequestDataTooBig (413), web.ErrTooManyFields and
// web.ErrTooManyFiles (400). No body makes a parser panic.
//
// # Limits
//
// Every parser reads the body through the *web.Request, so
// web.Settings.MaxMemorySize bounds what is held in memory
// (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MiB by default) and
// web.Settings.MaxNumberFields and MaxNumberFiles bound forms. [JSON]
// also limits nesting ([JSON].MaxDepth) and integer digits
// ([MaxIntDigits]). Uploaded file content is not limited by default, as in
// Django; see [MultiPart] and [FileUpload].MaxSize.
//
// # Writing a parser
//
// A parser is any type with MediaType and Parse; [Func] adapts a function:
//
//	text := parse.Func{Type: "text/plain", Fn: func(r *web.Request, _ string) (any, error) {
//		b, err := r.Body()
//		return string(b), err
//	}}
//	data, err := parse.Body(r, []parse.Parser{parse.JSON{}, text})
package parse
