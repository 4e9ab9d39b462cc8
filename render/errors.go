package render

import "errors"

// Errors returned by the renderers. A render error is a server-side fault
// (the data or the configuration is wrong, never the client's request): the
// caller answers 500 without showing the message. Compare with errors.Is;
// most are returned wrapped with the value or name concerned.
var (
	// ErrNotImplemented is DRF's NotImplementedError "Renderer class
	// requires .render() to be implemented": a Func without Fn.
	ErrNotImplemented = errors.New("render: renderer requires a render function")

	// ErrOutOfRangeFloat is DRF's ValueError "Out of range float values are
	// not JSON compliant": a NaN or an infinity rendered by a JSON renderer
	// in strict mode (the default; see JSON.AllowNaN).
	ErrOutOfRangeFloat = errors.New("render: Out of range float values are not JSON compliant")

	// ErrUnsupportedType is Python's TypeError "Object of type X is not JSON
	// serializable": a channel, a function, a complex number, or a map
	// whose keys cannot be JSON object names.
	ErrUnsupportedType = errors.New("render: value is not JSON serializable")

	// ErrUnsupportedValue reports a value of a supported type that JSON
	// cannot hold: a time outside years 1–9999 (Python's datetime range),
	// an invalid json.Number, or a json.Marshaler that returned invalid
	// JSON.
	ErrUnsupportedValue = errors.New("render: value cannot be encoded as JSON")

	// ErrTooDeep reports data nested deeper than MaxDepth containers or
	// pointers: in practice a circular reference (Python's ValueError
	// "Circular reference detected" or RecursionError).
	ErrTooDeep = errors.New("render: data nested too deeply (circular reference?)")

	// ErrUnsupportedData reports data that a renderer does not know how to
	// render: non-bytes data for a binary renderer, a non-map for
	// MultiPart, a non-string for StaticHTML. DRF would crash or send a
	// Python repr; a caller can fall back to another renderer.
	ErrUnsupportedData = errors.New("render: data type not supported by this renderer")

	// ErrNoTemplateName is DRF's ImproperlyConfigured "Returned a template
	// response with no `template_name` attribute set on either the view or
	// response".
	ErrNoTemplateName = errors.New("render: returned a template response with no template name set on either the view, the renderer or the response")

	// ErrTemplateNotFound is Django's TemplateDoesNotExist: none of the
	// template names is in the renderer's template set.
	ErrTemplateNotFound = errors.New("render: template does not exist")

	// ErrMultipartNested is DRF's MultiPartRenderer assertion "Test data
	// contained a dictionary value for key '<k>', but multipart uploads do
	// not support nested data. You may want to consider using
	// format='json' in this test case."
	ErrMultipartNested = errors.New("render: multipart uploads do not support nested data (use JSON for this data)")

	// ErrMultipartNil is Django's encode_multipart TypeError "Cannot encode
	// None for key '<k>' as POST data. Did you mean to pass an empty string
	// or omit the value?"
	ErrMultipartNil = errors.New("render: cannot encode nil as POST data; did you mean to pass an empty string or omit the value?")

	// ErrUnencodable is Python's UnicodeEncodeError: text that the
	// renderer's charset cannot represent (a "★" for ISO-8859-1).
	ErrUnencodable = errors.New("render: text cannot be encoded in the renderer's charset")

	// ErrUnknownCharset reports a renderer charset restframe cannot encode
	// to (Python's LookupError "unknown encoding"). UTF-8, US-ASCII and
	// ISO-8859-1 are known.
	ErrUnknownCharset = errors.New("render: unknown charset")
)
