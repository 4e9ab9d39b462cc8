// Package resttest is Django REST framework's test tools for restframe:
// Client (DRF's APIClient) sends requests in process to any http.Handler and
// records the responses, and RequestFactory (DRF's APIRequestFactory) builds
// *http.Request values to call a view's handler directly. Both encode request
// data the way DRF does, and only the standard library is used.
//
// # The client
//
//	c := &resttest.Client{Handler: mux, Format: "json"}
//	resp, err := c.Post("/snippets", map[string]any{"code": "print(1)"})
//	if err != nil {
//		t.Fatal(err)
//	}
//	if resp.StatusCode != http.StatusCreated {
//		t.Errorf("POST /snippets = %d; want 201", resp.StatusCode)
//	}
//	var created struct{ ID int }
//	err = resp.JSON(&created)
//
// Get, Head, Post, Put, Patch, Delete and Options mirror DRF's methods; Do
// sends a Request with every option (format, raw body with a content type,
// extra headers, HTTPS, following redirects). GET and HEAD data is the query
// string; the data of the other methods is the body, rendered by the
// renderer of the format:
//
//   - "multipart" (the default, as DRF's TEST_REQUEST_DEFAULT_FORMAT):
//     render.MultiPart with DRF's boundary, Content-Type
//     "multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8"
//     (DRF's exact header); files are *web.UploadedFile or io.Reader values;
//   - "json": render.JSON, Content-Type "application/json";
//   - any renderer of Client.Renderers (DRF's TEST_REQUEST_RENDERER_CLASSES),
//     by its format.
//
// The client keeps state between requests as DRF's does: Credentials are
// headers sent with every request (an Authorization header for
// rest.BasicAuthentication or a token), ForceAuthenticate makes views see a
// user without credentials, and cookies set by responses (a web.Sessions
// session) are sent back, honouring their path, expiry and deletion. Logout
// drops all three; ClearCookies the cookies. Redirects are returned as they
// are unless Client.Follow (or Request.Follow) is set.
//
// # Responses
//
// A Response holds the status, headers and body. DRF's response.data,
// the unrendered data of a rest.Response, does not cross an http.Handler:
// Response.Data decodes a JSON body instead, and Response.JSON decodes
// it into a value of your choice. Bodies of HEAD, 1xx, 204 and 304 responses
// are removed, as Django's test client and HTTP servers do.
//
// # The request factory
//
//	f := resttest.RequestFactory{Format: "json"}
//	req, err := f.Post("/snippets", map[string]any{"code": "print(1)"})
//	req = resttest.ForceAuthenticate(req, user, nil)
//	resp := resttest.Record(view, req)
//
// # Forced authentication
//
// DRF's force_authenticate is honoured by every view. In restframe a
// forced user travels in the request's context (ForceAuthenticate,
// Client.ForceAuthenticate, both rest.ForceAuthenticate underneath) and
// every rest.View takes it instead of running its authenticators;
// requests without a forced user are authenticated as before.
//
// # Limits
//
// Requests are served in the calling goroutine against an
// httptest.ResponseRecorder: bodies are held in memory, and handlers that
// hijack the connection or stream to a reading client need
// httptest.NewServer. Requests go to host DefaultHost ("testserver"), which
// views that validate the host must allow (web.Settings.AllowedHosts), as
// Django's test runner does. Cookies marked Secure are only sent over HTTPS.
package resttest
