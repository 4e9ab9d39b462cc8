package resttest_test

import (
	"fmt"
	"io"
	"net/http"

	"github.com/restframe/restframe/resttest"
)

// The factory builds requests to serve with a view directly.
func ExampleRequestFactory() {
	f := resttest.RequestFactory{Format: "json"}
	req, err := f.Post("/snippets?page=2", map[string]any{"code": "print(1)"})
	if err != nil {
		fmt.Println(err)
		return
	}
	rc, _ := req.GetBody() // a copy: req.Body is left for the view
	body, _ := io.ReadAll(rc)
	fmt.Println(req.Method, req.Host, req.RequestURI)
	fmt.Println(req.Header.Get("Content-Type"), req.ContentLength, string(body))

	resp := resttest.Record(snippetView(), req)
	fmt.Println(resp.StatusCode, resp.Text())
	// Output:
	// POST testserver /snippets?page=2
	// application/json 19 {"code":"print(1)"}
	// 201 {"code":"print(1)"}
}

// GET data becomes the query string, encoded as DRF's urlencode(doseq=True).
func ExampleRequestFactory_Get() {
	var f resttest.RequestFactory
	req, _ := f.Get("/search", map[string]any{"q": "go rest", "tag": []string{"a", "b"}, "page": 2})
	fmt.Println(req.URL.RequestURI())
	// Output:
	// /search?page=2&q=go+rest&tag=a&tag=b
}

// The multipart body is the one DRF's MultiPartRenderer writes.
func ExampleRequestFactory_Post() {
	var f resttest.RequestFactory // multipart, DRF's default format
	req, _ := f.Post("/form", map[string]any{"name": "alice"})
	body, _ := io.ReadAll(req.Body)
	fmt.Println(req.Header.Get("Content-Type"))
	fmt.Printf("%q\n", body)
	// Output:
	// multipart/form-data; boundary=BoUnDaRyStRiNg; charset=utf-8
	// "--BoUnDaRyStRiNg\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nalice\r\n--BoUnDaRyStRiNg--\r\n"
}

// New builds any request; Secure makes it HTTPS.
func ExampleRequestFactory_New() {
	f := resttest.RequestFactory{Header: http.Header{"Accept": {"application/json"}}}
	req, _ := f.New(resttest.Request{
		Method:      "put",
		Path:        "/raw",
		Data:        []byte("plain text"),
		ContentType: "text/plain; charset=utf-8",
		Secure:      true,
	})
	fmt.Println(req.Method, req.TLS != nil, req.Header.Get("Accept"), req.Header.Get("Content-Type"), req.ContentLength)
	// Output:
	// PUT true application/json text/plain; charset=utf-8 10
}
