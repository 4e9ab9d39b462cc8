package web

import "net/http"

// JSONResponse is Django's JsonResponse: an HTTPResponse whose body is data
// encoded as JSON by DumpJSON, with Content-Type "application/json" (no
// charset). The output is byte for byte Django's: `{"a": 1, "b": [1.5,
// null, true]}`.
//
// By default (Django's safe=True) only data that encodes to a JSON object is
// accepted: a map, a struct, a JSONObject. Set JSONOptions.AllowNonObject to
// send lists, strings or null.
type JSONResponse struct {
	HTTPResponse
}

var _ Response = (*JSONResponse)(nil)

// NewJSONResponse returns a 200 response with data encoded as Django's
// JsonResponse(data) does: DjangoJSONEncoder, Python's default separators,
// non-ASCII escaped. Data that is not an object is ErrNonObjectJSON; data
// that cannot be encoded is ErrJSONUnsupported or ErrJSONValue.
func NewJSONResponse(data any) (*JSONResponse, error) {
	return NewJSONResponseWith(data, JSONOptions{})
}

// NewJSONResponseWith is Django's JsonResponse(data, encoder, safe,
// json_dumps_params): see JSONOptions. Set the status and other headers on
// the result (r.StatusCode = 201, r.SetHeader ...).
func NewJSONResponseWith(data any, o JSONOptions) (*JSONResponse, error) {
	body, err := DumpJSON(data, o)
	if err != nil {
		return nil, err
	}
	if !o.AllowNonObject && (len(body) == 0 || body[0] != '{') {
		return nil, ErrNonObjectJSON
	}
	r := &JSONResponse{HTTPResponse{class: "JsonResponse", content: body}}
	r.StatusCode = http.StatusOK
	r.SetFixedHeader(jsonContentType)
	return r, nil
}
