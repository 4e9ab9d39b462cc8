package web

import "net/http"

// HostValidation returns middleware that refuses every request whose host
// is not in Settings.AllowedHosts before the view runs: the check Django's
// CommonMiddleware makes by calling get_host on every request. The
// middleware returns the *HostError of Request.Host (a DisallowedHost, so
// the client gets a 400 "Bad Request" and the log gets Django's message).
// Put it first, so that no other middleware works for a forged Host.
//
// Without it the host is checked only when something asks for it
// (Request.Host, absolute URIs, redirects).
func HostValidation() Middleware {
	return func(next Handler) Handler {
		return func(r *Request) (Response, error) {
			if _, err := r.Host(); err != nil {
				return nil, err
			}
			return next(r)
		}
	}
}

// CheckHost is the pure form of HostValidation: it returns the
// *HostError (wrapping ErrDisallowedHost) when r's host is not allowed by
// s, and nil otherwise. s may be nil, meaning the zero Settings, which
// allow no host.
func CheckHost(r *http.Request, s *Settings) error {
	_, err := NewRequest(r, s).Host()
	return err
}
