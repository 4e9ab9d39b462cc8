package rest_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

func ExampleBasicAuthentication() {
	auth := rest.BasicAuthentication{Lookup: func(username, password string) (web.User, error) {
		if username == "alice" && password == "secret" {
			return testUser{name: "alice", active: true}, nil
		}
		return nil, nil // wrong credentials
	}}
	for _, h := range []string{"Basic YWxpY2U6c2VjcmV0", "Basic YWxpY2U6bm9wZQ==", "Basic", ""} {
		hr := httptest.NewRequest("GET", "/whoami", nil)
		if h != "" {
			hr.Header.Set("Authorization", h)
		}
		u, _, err := auth.Authenticate(rest.NewRequest(web.NewRequest(hr, nil), nil, nil))
		switch {
		case err != nil:
			fmt.Println("error:", err)
		case u == nil:
			fmt.Println("no credentials")
		default:
			fmt.Println("user:", u.Username())
		}
	}
	fmt.Println(auth.Header(nil))
	// Output:
	// user: alice
	// error: Invalid username/password.
	// error: Invalid basic header. No credentials provided.
	// no credentials
	// Basic realm="api"
}

func ExampleParseBasicCredentials() {
	user, pass, err := rest.ParseBasicCredentials("Basic YWxpY2U6c2VjcmV0")
	fmt.Println(user, pass, err)
	_, _, err = rest.ParseBasicCredentials("Basic a b")
	fmt.Println(err)
	// Output:
	// alice secret <nil>
	// Invalid basic header. Credentials string should not contain spaces.
}

func ExamplePermissionDeniedFor() {
	hr := httptest.NewRequest("GET", "/things/", nil)
	auths := []rest.Authenticator{rest.BasicAuthentication{}}
	r := rest.NewRequest(web.NewRequest(hr, nil), nil, auths)
	e := rest.PermissionDeniedFor(r, auths, "")
	fmt.Println(e.Status, e)
	err := rest.WithAuthenticateHeader(e, r, auths)
	fmt.Println(err.(*rest.Error).Header.Get("WWW-Authenticate"))
	fmt.Println(rest.PermissionDeniedFor(r, nil, "Owners only."))
	// Output:
	// 401 Authentication credentials were not provided.
	// Basic realm="api"
	// Owners only.
}

func ExampleIsAuthenticated() {
	hr := httptest.NewRequest("GET", "/things/", nil)
	r := rest.NewRequest(web.NewRequest(hr, nil), nil, nil)
	fmt.Println(rest.IsAuthenticated{}.HasPermission(r, nil))
	fmt.Println(rest.IsAuthenticatedOrReadOnly{}.HasPermission(r, nil))
	fmt.Println(rest.AllowAny{}.HasPermission(r, nil))
	// Output:
	// false
	// true
	// true
}
