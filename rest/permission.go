package rest

import "net/http"

// Permission is DRF's BasePermission.has_permission: whether a request may
// use a view. A view checks all of its permissions (Settings.Permissions,
// View.Permissions) after authentication; the first that refuses ends the
// request with PermissionDeniedFor. A permission may also have a
// Message() string method, whose result replaces the default detail of the
// PermissionDenied it causes (DRF's permission.message).
type Permission interface {
	HasPermission(r *Request, v *View) bool
}

// PermissionFunc adapts a function to a Permission.
type PermissionFunc func(r *Request, v *View) bool

// HasPermission calls f(r, v).
func (f PermissionFunc) HasPermission(r *Request, v *View) bool { return f(r, v) }

// AllowAny is DRF's AllowAny: every request is allowed.
type AllowAny struct{}

// HasPermission returns true.
func (AllowAny) HasPermission(*Request, *View) bool { return true }

// IsAuthenticated is DRF's IsAuthenticated: only authenticated users are
// allowed.
type IsAuthenticated struct{}

// HasPermission reports whether r's user is authenticated.
func (IsAuthenticated) HasPermission(r *Request, _ *View) bool { return authenticated(r) }

// IsAuthenticatedOrReadOnly is DRF's IsAuthenticatedOrReadOnly:
// authenticated users may do anything, others only the safe methods GET,
// HEAD and OPTIONS (RFC 9110 §9.2.1).
type IsAuthenticatedOrReadOnly struct{}

// HasPermission reports whether the method is safe or r's user is
// authenticated.
func (IsAuthenticatedOrReadOnly) HasPermission(r *Request, _ *View) bool {
	switch r.HTTP().Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	return authenticated(r)
}

var (
	_ Permission = AllowAny{}
	_ Permission = IsAuthenticated{}
	_ Permission = IsAuthenticatedOrReadOnly{}
	_ Permission = PermissionFunc(nil)
)

// authenticated reports whether r's user is authenticated (DRF's
// bool(request.user and request.user.is_authenticated)).
func authenticated(r *Request) bool {
	u := r.User()
	return u != nil && u.IsAuthenticated()
}

// PermissionDeniedFor is DRF's permission_denied(request, message) (spec
// §6.10): NotAuthenticated when authenticators are configured and none
// authenticated the request, else PermissionDenied with message (the
// default detail when message is empty). The view then turns a
// NotAuthenticated into a 401 or a 403 (WithAuthenticateHeader).
func PermissionDeniedFor(r *Request, authenticators []Authenticator, message string) *Error {
	if len(authenticators) > 0 && (r == nil || r.SuccessfulAuthenticator() == nil) {
		return NotAuthenticated()
	}
	return PermissionDenied(message)
}
