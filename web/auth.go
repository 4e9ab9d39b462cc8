package web

// User is the authenticated principal that authentication middleware sets
// on the request: Django's request.user.
type User interface {
	// Username is Django's user.get_username().
	Username() string
	// IsAuthenticated is Django's user.is_authenticated.
	IsAuthenticated() bool
}
