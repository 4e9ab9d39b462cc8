package web

// infoState caches what Request computes from the request line and headers.
type infoState struct{}
