package rest

import (
	"context"
	"net/http"

	"github.com/restframe/restframe/web"
)

// forcedKey is the context key of a forced authentication.
type forcedKey struct{}

// forced is what ForceAuthenticate puts in a request's context.
type forced struct {
	user web.User
	auth any
}

// ForceAuthenticate is DRF's force_authenticate(request, user, token) (and
// what APIClient.force_authenticate does for each request): it returns a
// shallow copy of r whose context carries user and auth, and every View
// then takes them as the authenticated user and Request.Auth without
// running its authenticators, as DRF's Request does with a forced user.
// A nil user with a non-nil auth forces the token alone (the user is then
// web.AnonymousUser); both nil return r unchanged.
//
// It is meant for tests (package resttest uses it); the context value can
// only be set by Go code, never by a client.
func ForceAuthenticate(r *http.Request, user web.User, auth any) *http.Request {
	if user == nil && auth == nil {
		return r
	}
	return r.WithContext(context.WithValue(r.Context(), forcedKey{}, forced{user, auth}))
}

// Forced returns the user and auth that ForceAuthenticate placed in ctx,
// and whether there are any. The user is web.AnonymousUser when only auth
// was forced.
func Forced(ctx context.Context) (user web.User, auth any, ok bool) {
	f, ok := ctx.Value(forcedKey{}).(forced)
	if !ok {
		return nil, nil, false
	}
	if f.user == nil {
		return web.AnonymousUser{}, f.auth, true
	}
	return f.user, f.auth, true
}

// ForcedAuthentication is DRF's ForcedAuthentication: the authenticator a
// Request reports (SuccessfulAuthenticator) when ForceAuthenticate decided
// its user. Listed among a view's authenticators it authenticates forced
// requests and lets the next authenticator try the others; views need not
// list it, as they honour a forced user by themselves.
type ForcedAuthentication struct{}

var _ Authenticator = ForcedAuthentication{}

// Authenticate returns the forced user and auth of r, or nil, nil, nil.
func (ForcedAuthentication) Authenticate(r *Request) (web.User, any, error) {
	u, auth, ok := Forced(r.HTTP().Context())
	if !ok {
		return nil, nil, nil
	}
	return u, auth, nil
}

// Header returns the WWW-Authenticate challenge of the first of r's
// authenticators that is not a ForcedAuthentication, or "": a forced
// request never needs a challenge, and the others keep their 401 answers.
func (ForcedAuthentication) Header(r *Request) string {
	for _, a := range r.Authenticators() {
		switch a.(type) {
		case ForcedAuthentication, *ForcedAuthentication:
			continue
		}
		return a.Header(r)
	}
	return ""
}
