package web

import "net/http"

// User is the authenticated principal that authentication middleware sets
// on the request: Django's request.user.
type User interface {
	// Username is Django's user.get_username().
	Username() string
	// IsAuthenticated is Django's user.is_authenticated.
	IsAuthenticated() bool
}

// AnonymousUser is Django's AnonymousUser: the User of a request that
// carries no (or no valid) credentials. Its Username is "" and it is not
// authenticated.
type AnonymousUser struct{}

// Username returns "" (Django's AnonymousUser.username).
func (AnonymousUser) Username() string { return "" }

// IsAuthenticated returns false.
func (AnonymousUser) IsAuthenticated() bool { return false }

var _ User = AnonymousUser{}

// Authentication returns middleware that identifies the user of every
// request: Django's AuthenticationMiddleware with the authentication
// backend supplied as a function. authenticate reads the request (a session
// key, a token header, a client certificate ...) and returns:
//
//   - the User, which is set on the request (Request.User) before the view
//     runs;
//   - a nil User and a nil error for a request without credentials: the
//     request gets AnonymousUser{};
//   - an error to refuse the request outright; the view is not called and
//     the error becomes the response. Return an *HTTPError to choose the
//     status and client message, for example 401 with a WWW-Authenticate
//     header (RFC 9110 §11.6.1) for bad credentials; ErrPermissionDenied
//     gives 403; any other error a 500.
//
// When the users come from the session, put Authentication inside
// Sessions, so that authenticate can read Request.Session.
func Authentication(authenticate func(r *Request) (User, error)) Middleware {
	return func(next Handler) Handler {
		return func(r *Request) (Response, error) {
			u, err := authenticate(r)
			if err != nil {
				return nil, err
			}
			if u == nil {
				u = AnonymousUser{}
			}
			r.SetUser(u)
			return next(r)
		}
	}
}

// RequireAuthenticated returns middleware that lets only authenticated
// users through: Django's login_required and DRF's IsAuthenticated
// permission. It goes inside Authentication. A request whose user is
// missing or not authenticated is refused with DRF's NotAuthenticated
// message "Authentication credentials were not provided.", wrapping
// ErrNotAuthenticated:
//
//   - with challenge set (for example `Bearer realm="api"`), as 401
//     Unauthorized carrying WWW-Authenticate: challenge, as RFC 9110
//     §15.5.2 requires of a 401;
//   - with challenge "", as 403 Forbidden (DRF's answer when no
//     authenticator gives a WWW-Authenticate header).
func RequireAuthenticated(challenge string) Middleware {
	return func(next Handler) Handler {
		return func(r *Request) (Response, error) {
			if u := r.User(); u != nil && u.IsAuthenticated() {
				return next(r)
			}
			e := &HTTPError{
				Status:  http.StatusForbidden,
				Message: "Authentication credentials were not provided.",
				Err:     ErrNotAuthenticated,
			}
			if challenge != "" {
				e.Status = http.StatusUnauthorized
				e.Header = http.Header{"Www-Authenticate": {challenge}}
			}
			return nil, e
		}
	}
}
