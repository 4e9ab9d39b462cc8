package resttest

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"slices"

	"github.com/restframe/restframe/render"
	"github.com/restframe/restframe/web"
)

// DefaultFormat is DRF's default TEST_REQUEST_DEFAULT_FORMAT: request data
// is encoded as multipart/form-data unless a format is chosen.
const DefaultFormat = "multipart"

// encoder is the part of a RequestFactory that encodes request data: DRF's
// APIRequestFactory._encode_data with TEST_REQUEST_RENDERER_CLASSES and
// TEST_REQUEST_DEFAULT_FORMAT.
type encoder struct {
	format    string
	renderers []render.Renderer
}

// renderer returns the renderer of format, from the configured renderers
// or, when there are none, DRF's defaults MultiPart and JSON.
func (e encoder) renderer(format string) (render.Renderer, error) {
	if e.renderers == nil {
		switch format {
		case "multipart":
			return render.MultiPart{}, nil
		case "json":
			return render.JSON{}, nil
		}
	}
	for _, r := range e.renderers {
		if r.Info().Format == format {
			return r, nil
		}
	}
	return nil, fmt.Errorf("%w %q: set Client.Renderers (DRF's TEST_REQUEST_RENDERER_CLASSES) to a renderer of that format", ErrUnknownFormat, format)
}

// body encodes request data as DRF's _encode_data does: no data gives no
// body (and the explicit content type, if any); an explicit content type
// sends data as raw bytes; otherwise the renderer of the format renders
// it and its Info gives the Content-Type.
func (e encoder) body(data any, format, contentType string) ([]byte, string, error) {
	if data == nil {
		return nil, contentType, nil
	}
	if format != "" && contentType != "" {
		return nil, "", ErrFormatAndContentType
	}
	if contentType != "" {
		b, err := rawBytes(data)
		return b, contentType, err
	}
	if format == "" {
		format = e.format
	}
	if format == "" {
		format = DefaultFormat
	}
	r, err := e.renderer(format)
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, data, nil); err != nil {
		return nil, "", fmt.Errorf("resttest: encoding %s request data: %w", format, err)
	}
	return buf.Bytes(), r.Info().ContentType(), nil
}

// rawBytes returns the bytes of a raw body.
func rawBytes(data any) ([]byte, error) {
	switch d := data.(type) {
	case []byte:
		return d, nil
	case string:
		return []byte(d), nil
	case io.Reader:
		b, err := io.ReadAll(d)
		if err != nil {
			return nil, fmt.Errorf("resttest: reading request body: %w", err)
		}
		return b, nil
	}
	return nil, fmt.Errorf("%w, not %T", ErrRawBody, data)
}

// query encodes the query data of a GET or HEAD request as DRF's
// urlencode(data, doseq=True) does. See Request.Data for the types.
func query(data any) (string, error) {
	var params []web.Param
	switch d := data.(type) {
	case nil:
		return "", nil
	case string:
		return d, nil
	case web.QueryDict:
		return d.URLEncode(""), nil
	case *web.MutableQueryDict:
		return d.QueryDict().URLEncode(""), nil
	case []web.Param:
		params = d
	case web.JSONObject:
		params = make([]web.Param, len(d))
		for i, m := range d {
			params[i] = web.Param(m)
		}
	case url.Values:
		params = sortedParams(d)
	case map[string][]string:
		params = sortedParams(d)
	case map[string]string:
		params = sortedParams(d)
	case map[string]any:
		params = sortedParams(d)
	default:
		return "", fmt.Errorf("%w: %T", ErrQueryData, data)
	}
	s, err := web.URLEncode(params, true)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrQueryData, err)
	}
	return s, nil
}

// sortedParams lists the members of a map in key order (a Go map has no
// order; Python's dict keeps insertion order, so use web.QueryDict,
// []web.Param or web.JSONObject to choose it).
func sortedParams[V any, M ~map[string]V](m M) []web.Param {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	params := make([]web.Param, len(keys))
	for i, k := range keys {
		params[i] = web.Param{Key: k, Value: m[k]}
	}
	return params
}
