package resttest

import (
	"context"
	"net/http"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// forcedKey is the context key of a forced authentication.
type forcedKey struct{}

// forced is what ForceAuthenticate puts in a request's context.
type forced struct {
	user  web.User
	token any
}

// ForceAuthenticate is DRF's rest_framework.test.force_authenticate(request,
// user, token): it returns a shallow copy of r whose context carries user and
// token, which ForcedAuthentication hands to the view instead of checking
// credentials. A nil user with a non-nil token authenticates the token alone
// (the user is then web.AnonymousUser); both nil return r unchanged.
//
// Client.ForceAuthenticate does this for every request of a client.
func ForceAuthenticate(r *http.Request, user web.User, token any) *http.Request {
	if user == nil && token == nil {
		return r
	}
	return r.WithContext(context.WithValue(r.Context(), forcedKey{}, forced{user, token}))
}

// Forced returns the user and token that ForceAuthenticate placed in ctx, and
// whether there are any. The user is web.AnonymousUser when only a token
// was forced.
func Forced(ctx context.Context) (user web.User, token any, ok bool) {
	f, ok := ctx.Value(forcedKey{}).(forced)
	if !ok {
		return nil, nil, false
	}
	if f.user == nil {
		return web.AnonymousUser{}, f.token, true
	}
	return f.user, f.token, true
}

// ForcedAuthentication is DRF's ForcedAuthentication: a rest.Authenticator
// that authenticates a request with the user and token forced on it by
// ForceAuthenticate or Client.ForceAuthenticate, and does not try requests
// without one (the next authenticator is asked).
//
// DRF makes every APIView honour a forced user by itself (its Request
// replaces the authenticators with a ForcedAuthentication); a rest.View does
// so for the views that list ForcedAuthentication first among their
// authenticators, as a test's settings can do:
//
//	settings.Authenticators = append([]rest.Authenticator{resttest.ForcedAuthentication{}}, settings.Authenticators...)
//
// Requests without a forced user are then authenticated as before: the
// other authenticators are asked in order, and the challenge of a 401 is
// still the next authenticator's (see Header). A view without
// authenticators takes its user from web middleware; list
// rest.SessionAuthentication{} after ForcedAuthentication to keep that.
//
// The zero value is ready to use.
type ForcedAuthentication struct{}

var _ rest.Authenticator = ForcedAuthentication{}

// Authenticate returns the forced user and token of r, or nil, nil, nil.
func (ForcedAuthentication) Authenticate(r *rest.Request) (web.User, any, error) {
	u, token, ok := Forced(r.HTTP().Context())
	if !ok {
		return nil, nil, nil
	}
	return u, token, nil
}

// Header returns the WWW-Authenticate challenge of the first authenticator
// of r's view that is not a ForcedAuthentication, or "" when there is none:
// listed first, ForcedAuthentication leaves the view's 401 and 403 answers
// as they were without it (DRF's ForcedAuthentication is never asked for a
// challenge, as a forced request is authenticated).
func (ForcedAuthentication) Header(r *rest.Request) string {
	for _, a := range r.Authenticators() {
		switch a.(type) {
		case ForcedAuthentication, *ForcedAuthentication:
			continue
		}
		return a.Header(r)
	}
	return ""
}
