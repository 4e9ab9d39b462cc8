package web_test

import (
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/web"
)

func ExampleRequest_Query() {
	hr := httptest.NewRequest("GET", "/search?q=caf%C3%A9&page=2&page=3", nil)
	r := web.NewRequest(hr, nil)
	q, err := r.Query() // request.GET
	if err != nil {
		// ErrTooManyFields: answer 400 (web.StatusOf(err)).
		panic(err)
	}
	page, _ := q.Get("page")
	fmt.Println(q, page)
	// Output:
	// <QueryDict: {'q': ['café'], 'page': ['2', '3']}> 3
}

func ExampleRequest_Form() {
	hr := httptest.NewRequest("POST", "/login", strings.NewReader("user=ann&next=%2Fhome"))
	hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := web.NewRequest(hr, nil)
	form, err := r.Form() // request.POST
	fmt.Println(form, err)
	fmt.Println(r.ContentType())
	// Output:
	// <QueryDict: {'user': ['ann'], 'next': ['/home']}> <nil>
	// application/x-www-form-urlencoded
}

func ExampleRequest_Files() {
	body := "--B\r\n" +
		"Content-Disposition: form-data; name=\"title\"\r\n\r\n" +
		"Holiday\r\n" +
		"--B\r\n" +
		"Content-Disposition: form-data; name=\"photo\"; filename=\"C:\\\\pics\\\\beach.txt\"\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n\r\n" +
		"sand and sea\r\n" +
		"--B--\r\n"
	hr := httptest.NewRequest("POST", "/upload", strings.NewReader(body))
	hr.Header.Set("Content-Type", "multipart/form-data; boundary=B")
	r := web.NewRequest(hr, &web.Settings{MaxNumberFiles: 10})
	defer r.Close() // removes temporary files

	form, err := r.Form()
	if err != nil {
		panic(err) // a 400 or 413: web.StatusOf(err)
	}
	files, _ := r.Files() // request.FILES
	photo, _ := files.Get("photo")
	content, _ := io.ReadAll(photo)
	fmt.Println(form)
	fmt.Println(photo, photo.Size, photo.Charset)
	fmt.Println(string(content))
	// Output:
	// <QueryDict: {'title': ['Holiday']}>
	// <InMemoryUploadedFile: beach.txt (text/plain)> 12 utf-8
	// sand and sea
}

func ExampleRequest_Body() {
	hr := httptest.NewRequest("PUT", "/doc", strings.NewReader("<doc/>"))
	r := web.NewRequest(hr, &web.Settings{MaxMemorySize: 1 << 20})
	b, err := r.Body() // request.body, cached
	fmt.Printf("%s %v\n", b, err)

	hr = httptest.NewRequest("PUT", "/doc", strings.NewReader("line 1\nline 2\n"))
	r = web.NewRequest(hr, nil)
	for line, err := range r.Lines() { // for line in request
		if err != nil {
			panic(err)
		}
		fmt.Printf("%q\n", line)
	}
	_, err = r.Body()
	fmt.Println(errors.Is(err, web.ErrRawPostData))
	// Output:
	// <doc/> <nil>
	// "line 1\n"
	// "line 2\n"
	// true
}
