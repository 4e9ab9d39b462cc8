package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"

	"github.com/restframe/restframe/web"
)

// show sends resp for a GET (or the given method) and prints what a client
// receives: the status, the headers in sorted order and the body.
func show(resp web.Response, method ...string) {
	m := http.MethodGet
	if len(method) > 0 {
		m = method[0]
	}
	rec := httptest.NewRecorder()
	if err := resp.Send(rec, httptest.NewRequest(m, "/", nil)); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(rec.Code, http.StatusText(rec.Code))
	keys := make([]string, 0, len(rec.Header()))
	for k := range rec.Header() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range rec.Header()[k] {
			fmt.Printf("%s: %s\n", k, v)
		}
	}
	if rec.Body.Len() > 0 {
		fmt.Printf("\n%s\n", rec.Body)
	}
}

func ExampleNewHTTPResponse() {
	r := web.NewHTTPResponse("<p>Here's the text of the web page.</p>")
	fmt.Println(r)
	show(r)
	// Output:
	// <HttpResponse status_code=200, "text/html; charset=utf-8">
	// 200 OK
	// Content-Length: 39
	// Content-Type: text/html; charset=utf-8
	//
	// <p>Here's the text of the web page.</p>
}

func ExampleNewHTTPResponseBytes() {
	r := web.NewHTTPResponseBytes([]byte("Bytestrings are also accepted."))
	if err := r.SetHeader("Content-Type", "text/plain"); err != nil {
		panic(err)
	}
	show(r)
	// Output:
	// 200 OK
	// Content-Length: 30
	// Content-Type: text/plain
	//
	// Bytestrings are also accepted.
}

func ExampleNewHTTPResponseWith() {
	r, err := web.NewHTTPResponseWith("café", web.ResponseOptions{
		ContentType: "text/plain; charset=latin-1",
		Status:      http.StatusCreated,
		Header:      http.Header{"X-Request-Id": {"42"}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", r.Content()) // encoded in the response charset
	fmt.Printf("%q\n", r.Serialize())

	_, err = web.NewHTTPResponseWith("x", web.ResponseOptions{
		ContentType: "text/plain",
		Header:      http.Header{"Content-Type": {"text/html"}},
	})
	fmt.Println(err)
	// Output:
	// "caf\xe9"
	// "X-Request-Id: 42\r\nContent-Type: text/plain; charset=latin-1\r\n\r\ncaf\xe9"
	// web: 'headers' must not contain 'Content-Type' when the 'content_type' parameter is provided
}

// An HTTPResponse is written to like a file, as in Django's
// response.write(...).
func ExampleHTTPResponse_Write() {
	r := web.NewHTTPResponse("")
	fmt.Fprintf(r, "<p>%d items</p>", 3)
	_ = r.WriteLines("<p>Here's another ", "paragraph.</p>")
	text, _ := r.Text()
	fmt.Println(text, r.Tell())
	// Output:
	// <p>3 items</p><p>Here's another paragraph.</p> 46
}

func ExampleBaseResponse_SetHeader() {
	r := web.NewHTTPResponse("")
	_ = r.SetHeader("X-Snow", "☃ snow") // beyond Latin-1: RFC 2047 encoded
	fmt.Println(r.Header().Get("X-Snow"))
	fmt.Println(r.SetHeader("X-Evil", "a\r\nSet-Cookie: x=y"))
	// Output:
	// =?utf-8?b?4piDIHNub3c=?=
	// web: header values can't contain newlines
}

// Which response to return: HTTPResponse (and the status family) for a body
// built in memory, JSONResponse for JSON, a Redirect to send the client
// elsewhere, StreamingResponse (or NewSSE) for a body produced over time,
// and FileResponse for files, which also answers Range and conditional
// requests.
func Example_pickResponse() {
	pick := func(kind string) (web.Response, error) {
		switch kind {
		case "page":
			return web.NewHTTPResponse("<h1>Hello</h1>"), nil
		case "missing":
			return web.NewNotFound("<h1>Not Found</h1>"), nil
		case "api":
			return web.NewJSONResponse(map[string]bool{"ok": true})
		case "moved":
			return web.NewPermanentRedirect("/new/")
		case "export":
			return web.NewStreamingResponse(slices.Values([][]byte{[]byte("a,b\n")})), nil
		}
		return web.NewFileResponseWith(strings.NewReader("%PDF-"), web.FileOptions{Filename: "doc.pdf"}), nil
	}
	for _, kind := range []string{"page", "missing", "api", "moved", "export", "file"} {
		r, err := pick(kind)
		if err != nil {
			panic(err)
		}
		fmt.Println(kind, r)
	}
	// Output:
	// page <HttpResponse status_code=200, "text/html; charset=utf-8">
	// missing <HttpResponseNotFound status_code=404, "text/html; charset=utf-8">
	// api <JsonResponse status_code=200, "application/json">
	// moved <HttpResponsePermanentRedirect status_code=301, "text/html; charset=utf-8", url="/new/">
	// export <StreamingHttpResponse status_code=200, "text/html; charset=utf-8">
	// file <FileResponse status_code=200, "application/pdf">
}
