package resttest

import (
	"context"
	"net/http"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// ForceAuthenticate is DRF's rest_framework.test.force_authenticate(request,
// user, token): rest.ForceAuthenticate. It returns a shallow copy of r whose
// context carries user and token; every rest.View then takes them as the
// authenticated user and request.auth without checking credentials. A nil
// user with a non-nil token authenticates the token alone (the user is then
// web.AnonymousUser); both nil return r unchanged.
//
// Client.ForceAuthenticate does this for every request of a client.
func ForceAuthenticate(r *http.Request, user web.User, token any) *http.Request {
	return rest.ForceAuthenticate(r, user, token)
}

// Forced returns the user and token that ForceAuthenticate placed in ctx, and
// whether there are any (rest.Forced). The user is web.AnonymousUser when
// only a token was forced.
func Forced(ctx context.Context) (user web.User, token any, ok bool) {
	return rest.Forced(ctx)
}

// ForcedAuthentication is DRF's ForcedAuthentication, rest.ForcedAuthentication:
// views honour a forced user without it; listing it first among a view's
// authenticators changes nothing else (its challenge is the next
// authenticator's).
type ForcedAuthentication = rest.ForcedAuthentication

// forced is a user and token that a Client forces on its requests.
type forced struct {
	user  web.User
	token any
}
