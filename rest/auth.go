package rest

import (
	"encoding/base64"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/web"
)

// Authenticator is DRF's BaseAuthentication: one way to identify the user
// of a request. A view tries its authenticators in order (DRF's
// DEFAULT_AUTHENTICATION_CLASSES); the first that returns a user wins.
type Authenticator interface {
	// Authenticate is DRF's authenticate(request): a user and the
	// credentials' auth value (a token, ...) when the request carries
	// credentials this authenticator understands; nil, nil, nil when it
	// does not try (the next authenticator is asked); an error, usually
	// AuthenticationFailed, when the credentials are wrong.
	Authenticate(r *Request) (web.User, any, error)
	// Header is DRF's authenticate_header(request): the WWW-Authenticate
	// challenge of a 401 (RFC 9110 §11.6.1), or "" for none, in which case
	// an unauthenticated request is answered 403.
	Header(r *Request) string
}

// AuthenticatorFunc adapts a function to an Authenticator with the given
// WWW-Authenticate challenge ("" for none).
type AuthenticatorFunc struct {
	Fn        func(r *Request) (web.User, any, error)
	Challenge string
}

// Authenticate calls f.Fn.
func (f AuthenticatorFunc) Authenticate(r *Request) (web.User, any, error) { return f.Fn(r) }

// Header returns f.Challenge.
func (f AuthenticatorFunc) Header(*Request) string { return f.Challenge }

// MaxBasicCredentialsBytes is the longest base64 credentials string that
// ParseBasicCredentials decodes; longer ones are refused as not correctly
// encoded.
const MaxBasicCredentialsBytes = 4096

// Detail strings of BasicAuthentication, DRF's exact messages.
const (
	DetailBasicNoCredentials = "Invalid basic header. No credentials provided."
	DetailBasicSpaces        = "Invalid basic header. Credentials string should not contain spaces."
	DetailBasicEncoding      = "Invalid basic header. Credentials not correctly base64 encoded."
	DetailInvalidCredentials = "Invalid username/password."
	DetailUserInactive       = "User inactive or deleted."
)

const (
	defaultBasicRealm = "api"
	basicScheme       = "basic"
)

// ErrNoBasicCredentials is returned by ParseBasicCredentials for an
// Authorization header that is absent or of another scheme: Basic
// authentication does not apply (DRF's authenticate returns None).
var ErrNoBasicCredentials = errors.New("rest: no basic credentials")

// ParseBasicCredentials parses an Authorization header value of the Basic
// scheme (RFC 7617 §2) as DRF's BasicAuthentication does: the value is
// split on whitespace, the scheme compared case-insensitively, the
// credentials base64-decoded (characters outside the alphabet are dropped,
// as Python's b64decode does), read as UTF-8 or else Latin-1, and split at
// the first ":". It returns ErrNoBasicCredentials when the header is not
// Basic, and AuthenticationFailed with DRF's detail when it is malformed.
func ParseBasicCredentials(header string) (username, password string, err error) {
	fields := strings.Fields(header)
	if len(fields) == 0 || !strings.EqualFold(fields[0], basicScheme) {
		return "", "", ErrNoBasicCredentials
	}
	switch {
	case len(fields) == 1:
		return "", "", AuthenticationFailed(DetailBasicNoCredentials)
	case len(fields) > 2:
		return "", "", AuthenticationFailed(DetailBasicSpaces)
	}
	raw := fields[1]
	if len(raw) > MaxBasicCredentialsBytes {
		return "", "", AuthenticationFailed(DetailBasicEncoding)
	}
	clean := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' {
			clean = append(clean, c)
		}
	}
	// The padding must be right, as in Python ("Incorrect padding").
	dec, derr := base64.StdEncoding.DecodeString(string(clean))
	if derr != nil {
		return "", "", AuthenticationFailed(DetailBasicEncoding)
	}
	text := string(dec)
	if !utf8.Valid(dec) {
		rs := make([]rune, len(dec))
		for i, b := range dec {
			rs[i] = rune(b)
		}
		text = string(rs)
	}
	username, password, _ = strings.Cut(text, ":")
	return username, password, nil
}

// BasicAuthentication is DRF's BasicAuthentication: HTTP Basic credentials
// (RFC 7617) checked by Lookup. Its challenge is `Basic realm="api"`, so an
// unauthenticated request to a view that lists it first is a 401. Send it
// only over HTTPS: the password travels in clear.
type BasicAuthentication struct {
	// Lookup checks a username and password and returns the user: DRF's
	// authenticate(). A nil user with a nil error means the credentials are
	// wrong ("Invalid username/password."); an error is returned as is (an
	// *Error is answered with its status, anything else is a 500). A user
	// with an IsActive() bool method that reports false is refused with
	// "User inactive or deleted.". A nil Lookup refuses every credential.
	Lookup func(username, password string) (web.User, error)
	// Realm is the realm of the challenge (DRF's www_authenticate_realm).
	// If empty, defaults to "api".
	Realm string
}

var _ Authenticator = BasicAuthentication{}

// Authenticate reads the Authorization header (see ParseBasicCredentials)
// and checks the credentials with Lookup. It returns nil, nil, nil for a
// request without Basic credentials.
func (b BasicAuthentication) Authenticate(r *Request) (web.User, any, error) {
	username, password, err := ParseBasicCredentials(r.Headers().Get("Authorization"))
	if errors.Is(err, ErrNoBasicCredentials) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	if b.Lookup == nil {
		return nil, nil, AuthenticationFailed(DetailInvalidCredentials)
	}
	u, err := b.Lookup(username, password)
	if err != nil {
		return nil, nil, err
	}
	if u == nil {
		return nil, nil, AuthenticationFailed(DetailInvalidCredentials)
	}
	if a, ok := u.(interface{ IsActive() bool }); ok && !a.IsActive() {
		return nil, nil, AuthenticationFailed(DetailUserInactive)
	}
	return u, nil, nil
}

// Header returns `Basic realm="<Realm>"` (RFC 7617 §2).
func (b BasicAuthentication) Header(*Request) string {
	realm := b.Realm
	if realm == "" {
		realm = defaultBasicRealm
	}
	return `Basic realm="` + realm + `"`
}

// SessionAuthentication is a light form of DRF's SessionAuthentication: it
// takes the user that web middleware (web.Authentication, usually inside
// web.Sessions) set on the underlying request, when that user is
// authenticated (and active, for users with an IsActive() bool method). It
// has no challenge, so an unauthenticated request to a view that lists it
// first is a 403, as in DRF. CSRF is not enforced here: protect unsafe
// methods with web.CrossOriginProtection.
type SessionAuthentication struct{}

var _ Authenticator = SessionAuthentication{}

// Authenticate returns the middleware's user, or nil, nil, nil.
func (SessionAuthentication) Authenticate(r *Request) (web.User, any, error) {
	u := r.Request.User()
	if u == nil || !u.IsAuthenticated() {
		return nil, nil, nil
	}
	if a, ok := u.(interface{ IsActive() bool }); ok && !a.IsActive() {
		return nil, nil, nil
	}
	return u, nil, nil
}

// Header returns "": session authentication has no challenge.
func (SessionAuthentication) Header(*Request) string { return "" }
