package web

// dataState caches the parsed query string, body, form data and files.
type dataState struct{}
