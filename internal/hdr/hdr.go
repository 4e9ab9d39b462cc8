// Package hdr holds allocation-free helpers for response header values,
// shared by the web and rest packages. It is not API.
package hdr

import "strconv"

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
