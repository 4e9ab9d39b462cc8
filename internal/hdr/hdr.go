// Package hdr holds allocation-free helpers for response header values,
// shared by the web and rest packages. It is not API.
package hdr

import (
	"net/http"
	"strconv"
)

// smallLengths is how many Content-Length values ContentLength has ready.
const smallLengths = 1024

// lengths holds strconv.Itoa(n) for n < smallLengths; lengths[n:n+1:n+1]
// is the header value slice for n, shared by every response.
var lengths = func() []string {
	var digits []byte
	ends := make([]int, smallLengths)
	for n := range smallLengths {
		digits = strconv.AppendInt(digits, int64(n), 10)
		ends[n] = len(digits)
	}
	all := string(digits)
	out := make([]string, smallLengths)
	start := 0
	for n, end := range ends {
		out[n] = all[start:end]
		start = end
	}
	return out
}()

// ContentLength returns the header values for a Content-Length of n: a
// one-element slice with len == cap, so that appending to it copies. For n
// below 1024 the slice is shared and allocates nothing; it must not be
// modified.
func ContentLength(n int) []string {
	if n >= 0 && n < smallLengths {
		return lengths[n : n+1 : n+1]
	}
	return []string{strconv.Itoa(n)}
}

// ServerBuffered is how many body bytes net/http's servers hold back before
// they send the header: the HTTP/1 server's bufferBeforeChunkingSize (its
// HTTP/2 server holds 4096). A handler that returns without flushing,
// having written at most this much, is given a Content-Length by the
// server itself, written from the server's own buffer instead of an entry
// in the header map; a larger body is sent chunked unless the handler set
// a Content-Length.
const ServerBuffered = 2048

// ServerAddsLength reports whether net/http's server adds the
// Content-Length of a body of n bytes that a handler wrote whole and
// returned, for a request of method head (HEAD) or not: the server does
// so when n is at most ServerBuffered, except for an empty HEAD response
// (it cannot tell an empty body from one the handler left out). The
// status must allow a body and the header must name no Transfer-Encoding
// or Trailer, as for any Content-Length.
func ServerAddsLength(n int, head bool) bool {
	return n <= ServerBuffered && (!head || n > 0)
}

// AddServerLength adds to h the Content-Length that net/http's server would
// add to a response recorded without a server (httptest.ResponseRecorder):
// status and the n body bytes written, head for a HEAD request, flushed
// when the handler flushed. It does nothing when h has a Content-Length,
// a Transfer-Encoding or a Trailer, or when the status allows no body.
func AddServerLength(h http.Header, status, n int, head, flushed bool) {
	if flushed || !ServerAddsLength(n, head) || status < 200 || status == http.StatusNoContent || status == http.StatusNotModified {
		return
	}
	for _, k := range [...]string{"Content-Length", "Transfer-Encoding", "Trailer"} {
		if _, ok := h[k]; ok {
			return
		}
	}
	h["Content-Length"] = []string{strconv.Itoa(n)}
}
