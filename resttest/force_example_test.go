package resttest_test

import (
	"fmt"
	"net/http"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/resttest"
)

// ForceAuthenticate authenticates one request of a factory.
func ExampleForceAuthenticate() {
	view := &rest.View{
		Authenticators: []rest.Authenticator{resttest.ForcedAuthentication{}},
		Permissions:    []rest.Permission{rest.IsAuthenticated{}},
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse(r.User().Username(), http.StatusOK), nil
		},
	}
	var f resttest.RequestFactory
	req, _ := f.Get("/me", nil)
	fmt.Println(resttest.Record(view, req).StatusCode)

	req = resttest.ForceAuthenticate(req, user("carol"), nil)
	resp := resttest.Record(view, req)
	fmt.Println(resp.StatusCode, resp.Text())
	// Output:
	// 403
	// 200 "carol"
}

// Forced reads what ForceAuthenticate put on a request.
func ExampleForced() {
	var f resttest.RequestFactory
	req, _ := f.Get("/", nil)
	req = resttest.ForceAuthenticate(req, nil, "api-token")
	u, token, ok := resttest.Forced(req.Context())
	fmt.Println(u.IsAuthenticated(), token, ok)
	// Output:
	// false api-token true
}

// A test's settings put ForcedAuthentication before the real
// authenticators: requests without a forced user keep their 401.
func ExampleForcedAuthentication() {
	settings := rest.DefaultSettings()
	settings.Authenticators = append([]rest.Authenticator{resttest.ForcedAuthentication{}}, basicAuth)
	settings.Permissions = []rest.Permission{rest.IsAuthenticated{}}
	view := &rest.View{
		Settings: settings,
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse(r.User().Username(), http.StatusOK), nil
		},
	}
	c := &resttest.Client{Handler: view}
	resp, _ := c.Get("/", nil)
	fmt.Println(resp.StatusCode, resp.Header.Get("WWW-Authenticate"))

	c.ForceAuthenticate(user("frank"), nil)
	resp, _ = c.Get("/", nil)
	fmt.Println(resp.StatusCode, resp.Text())
	// Output:
	// 401 Basic realm="api"
	// 200 "frank"
}
