package web

import (
	"net/http"
	"strings"
)

// ReasonPhrase returns the reason phrase of an HTTP status code as Python
// 3.11's http.HTTPStatus spells it (the table Django's reason_phrase reads on
// the Debian 3.2 oracle), or "" for a code it does not know. It equals
// http.StatusText except for 414 "Request-URI Too Long" and 418 "I'm a
// Teapot". Go's servers write http.StatusText's phrase on the wire whatever
// this says; the phrase matters for bodies built from it (DRF's error
// fallbacks) and for logs.
func ReasonPhrase(code int) string {
	switch code {
	case http.StatusRequestURITooLong:
		return "Request-URI Too Long"
	case http.StatusTeapot:
		return "I'm a Teapot"
	}
	return http.StatusText(code)
}

// bodyAllowed reports whether a response with this status may have a body
// (RFC 9110 §6.4.1: not 1xx, 204 or 304).
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// NewBadRequest returns a 400 response with an HTML body: Django's
// HttpResponseBadRequest.
func NewBadRequest(content string) *HTTPResponse {
	return newHTTPResponse("HttpResponseBadRequest", http.StatusBadRequest, []byte(content))
}

// NewNotFound returns a 404 response with an HTML body: Django's
// HttpResponseNotFound.
func NewNotFound(content string) *HTTPResponse {
	return newHTTPResponse("HttpResponseNotFound", http.StatusNotFound, []byte(content))
}

// NewForbidden returns a 403 response with an HTML body: Django's
// HttpResponseForbidden.
func NewForbidden(content string) *HTTPResponse {
	return newHTTPResponse("HttpResponseForbidden", http.StatusForbidden, []byte(content))
}

// NewGone returns a 410 response with an HTML body: Django's
// HttpResponseGone.
func NewGone(content string) *HTTPResponse {
	return newHTTPResponse("HttpResponseGone", http.StatusGone, []byte(content))
}

// NewServerError returns a 500 response with an HTML body: Django's
// HttpResponseServerError.
func NewServerError(content string) *HTTPResponse {
	return newHTTPResponse("HttpResponseServerError", http.StatusInternalServerError, []byte(content))
}

// NewNotModified returns a 304 response without Content-Type and without a
// body: Django's HttpResponseNotModified. Setting non-empty content on it
// (SetContent, SetText, Write ...) fails with ErrNotModifiedContent.
func NewNotModified() *HTTPResponse {
	r := &HTTPResponse{class: "HttpResponseNotModified", notModified: true}
	r.StatusCode = http.StatusNotModified
	return r
}

// NewNotAllowed returns a 405 response whose Allow header lists methods in
// the given order, joined with ", ": Django's HttpResponseNotAllowed. The
// body is empty; a method containing CR or LF makes Send fail with
// ErrBadHeader.
func NewNotAllowed(methods ...string) *HTTPResponse {
	r := newHTTPResponse("HttpResponseNotAllowed", http.StatusMethodNotAllowed, nil)
	r.setHeader("Allow", strings.Join(methods, ", "))
	return r
}
