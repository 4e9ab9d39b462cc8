package web

// Handler is a view: Django's view function, returning a response or an
// error. The adapter (see Handle) turns errors into responses.
type Handler func(r *Request) (Response, error)

// Middleware wraps a Handler: Django's middleware. It sees the Response
// before it is written, so it can change headers, cookies, or (for
// rest.Response) the unrendered data.
type Middleware func(next Handler) Handler
