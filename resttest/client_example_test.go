package resttest_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/resttest"
	"github.com/restframe/restframe/web"
)

// snippetView is a small API view: GET lists, POST echoes the parsed data.
func snippetView() *rest.View {
	return &rest.View{
		Name: "Snippet List",
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse([]any{map[string]any{"id": 1, "code": "print(1)"}}, http.StatusOK), nil
		},
		Post: func(r *rest.Request) (*rest.Response, error) {
			data, err := r.Data()
			if err != nil {
				return nil, err
			}
			return rest.NewResponse(data, http.StatusCreated), nil
		},
	}
}

// The client sends JSON to a rest.View and decodes the response.
func ExampleClient() {
	c := &resttest.Client{Handler: snippetView(), Format: "json"}

	resp, err := c.Post("/snippets", map[string]any{"code": "print(2)", "linenos": true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, resp.Request.Header.Get("Content-Type"))
	fmt.Println(resp.Text())

	resp, err = c.Get("/snippets", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var list []struct {
		ID   int
		Code string
	}
	if err := resp.JSON(&list); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, resp.Header.Get("Allow"), list)
	// Output:
	// 201 application/json
	// {"code":"print(2)","linenos":true}
	// 200 GET, POST, HEAD, OPTIONS [{1 print(1)}]
}

// Multipart is DRF's default format: form fields and files, with DRF's
// boundary.
func ExampleClient_multipart() {
	view := &rest.View{
		Post: func(r *rest.Request) (*rest.Response, error) {
			form, err := r.Form()
			if err != nil {
				return nil, err
			}
			files, err := r.Files()
			if err != nil {
				return nil, err
			}
			f, _ := files.Get("file")
			title, _ := form.Get("title")
			return rest.NewResponse(map[string]any{
				"title": title,
				"tags":  form.GetList("tag"),
				"file":  fmt.Sprintf("%s %s %d bytes", f.Name, f.ContentType, f.Size),
			}, http.StatusOK), nil
		},
	}
	c := &resttest.Client{Handler: view} // Format "" is "multipart"
	resp, err := c.Post("/upload", map[string]any{
		"title": "notes",
		"tag":   []string{"a", "b"},
		"file":  web.NewUploadedFile("notes.txt", []byte("hello"), "text/plain"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Request.Header.Get("Content-Type"))
	fmt.Println(resp.StatusCode, resp.Text())
	// Output:
	// multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8
	// 200 {"file":"notes.txt text/plain 5 bytes","tags":["a","b"],"title":"notes"}
}

// Credentials are sent with every request, here for rest.BasicAuthentication.
func ExampleClient_Credentials() {
	basic := rest.BasicAuthentication{
		Lookup: func(username, password string) (web.User, error) {
			if username == "alice" && password == "secret" {
				return user("alice"), nil
			}
			return nil, nil
		},
	}
	whoami := &rest.View{
		Authenticators: []rest.Authenticator{basic},
		Permissions:    []rest.Permission{rest.IsAuthenticated{}},
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse(map[string]any{"username": r.User().Username()}, http.StatusOK), nil
		},
	}
	c := &resttest.Client{Handler: whoami}

	resp, _ := c.Get("/whoami", nil)
	fmt.Println(resp.StatusCode, resp.Header.Get("WWW-Authenticate"), resp.Text())

	c.Credentials(http.Header{"Authorization": {"Basic YWxpY2U6c2VjcmV0"}}) // alice:secret
	resp, _ = c.Get("/whoami", nil)
	fmt.Println(resp.StatusCode, resp.Text())

	c.Logout()
	resp, _ = c.Get("/whoami", nil)
	fmt.Println(resp.StatusCode)
	// Output:
	// 401 Basic realm="api" {"detail":"Authentication credentials were not provided."}
	// 200 {"username":"alice"}
	// 401
}

// ForceAuthenticate makes a view see a user without credentials; the view
// lists resttest.ForcedAuthentication first among its authenticators.
func ExampleClient_ForceAuthenticate() {
	settings := rest.DefaultSettings()
	settings.Authenticators = []rest.Authenticator{resttest.ForcedAuthentication{}, rest.BasicAuthentication{}}
	settings.Permissions = []rest.Permission{rest.IsAuthenticated{}}
	whoami := &rest.View{
		Settings: settings,
		Get: func(r *rest.Request) (*rest.Response, error) {
			return rest.NewResponse(map[string]any{"username": r.User().Username(), "auth": r.Auth()}, http.StatusOK), nil
		},
	}
	c := &resttest.Client{Handler: whoami}

	c.ForceAuthenticate(user("bob"), "tok")
	resp, _ := c.Get("/whoami", nil)
	fmt.Println(resp.StatusCode, resp.Text())

	c.ForceAuthenticate(nil, nil) // undo, as DRF
	resp, _ = c.Get("/whoami", nil)
	fmt.Println(resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	// Output:
	// 200 {"auth":"tok","username":"bob"}
	// 401 Basic realm="api"
}

// Cookies set by a response are sent back, here a web.Sessions session.
func ExampleClient_cookies() {
	counter := func(r *web.Request) (web.Response, error) {
		n, _ := r.Session().GetInt("visits")
		r.Session().Set("visits", n+1)
		return web.NewHTTPResponse(fmt.Sprint("visit ", n+1)), nil
	}
	srv := &web.Server{
		Settings:   &web.Settings{SecretKey: "test-secret", AllowedHosts: []string{resttest.DefaultHost}},
		Middleware: []web.Middleware{web.Sessions(web.SessionOptions{})},
	}
	c := &resttest.Client{Handler: srv.Handle(counter)}
	for range 3 {
		resp, _ := c.Get("/", nil)
		fmt.Println(resp.Text())
	}
	fmt.Println(len(c.Cookies("/")), "cookie:", c.Cookies("/")[0].Name)

	c.ClearCookies()
	resp, _ := c.Get("/", nil)
	fmt.Println(resp.Text())
	// Output:
	// visit 1
	// visit 2
	// visit 3
	// 1 cookie: sessionid
	// visit 1
}

// Redirects are returned unless Follow is set; the chain is recorded.
func ExampleClient_Follow() {
	mux := http.NewServeMux()
	mux.Handle("/old", http.RedirectHandler("/new?from=old", http.StatusMovedPermanently))
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.Method, " ", r.URL.RequestURI())
	})

	c := &resttest.Client{Handler: mux}
	resp, _ := c.Post("/old", nil)
	fmt.Println(resp.StatusCode, resp.Location())

	c.Follow = true
	resp, _ = c.Post("/old", nil)
	fmt.Println(resp.StatusCode, resp.Text(), resp.RedirectChain)

	loop := &resttest.Client{Handler: http.RedirectHandler("/", http.StatusFound), Follow: true}
	_, err := loop.Get("/", nil)
	fmt.Println(err, errors.Is(err, resttest.ErrRedirectCycle))
	// Output:
	// 301 /new?from=old
	// 200 GET /new?from=old [{/new?from=old 301}]
	// resttest: Redirect loop detected. true
}

// OPTIONS answers the view's metadata; HEAD the headers of a GET.
func ExampleClient_Options() {
	c := &resttest.Client{Handler: snippetView()}
	resp, _ := c.Options("/snippets", nil)
	fmt.Println(resp.StatusCode, resp.Text())

	resp, _ = c.Head("/snippets", nil)
	fmt.Println(resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Length"), len(resp.Body))
	// Output:
	// 200 {"name":"Snippet List","description":"","renders":["application/json"],"parses":["application/json","application/x-www-form-urlencoded","multipart/form-data"]}
	// 200 application/json 28 0
}

// Do sends any request: here a raw body with its content type and an extra
// header.
func ExampleClient_Do() {
	c := &resttest.Client{Handler: snippetView()}
	resp, err := c.Do(resttest.Request{
		Method:      http.MethodPost,
		Path:        "/snippets?format=json",
		Data:        `{"code": "print(3)"}`,
		ContentType: "application/json",
		Header:      http.Header{"Accept": {"application/json; indent=2"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode)
	fmt.Println(resp.Text())

	resp, _ = c.Do(resttest.Request{Method: http.MethodPost, Path: "/snippets", Data: "x", ContentType: "text/csv"})
	fmt.Println(resp.StatusCode, resp.Text())
	// Output:
	// 201
	// {
	//   "code": "print(3)"
	// }
	// 415 {"detail":"Unsupported media type \"text/csv\" in request."}
}

// user is a web.User for the examples.
type user string

func (u user) Username() string      { return string(u) }
func (u user) IsAuthenticated() bool { return true }
