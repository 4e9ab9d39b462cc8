package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/web"
)

func ExampleNewFileResponse() {
	// Usually an *os.File from os.Open, left open: Send closes it.
	f := strings.NewReader("binary content")
	r := web.NewFileResponse(f)
	fmt.Printf("%q\n", r.SerializeHeaders())

	// http.ServeContent answers Range requests.
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Range", "bytes=7-")
	rec := httptest.NewRecorder()
	_ = r.Send(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Range"), rec.Body)
	// Output:
	// "Content-Type: application/octet-stream\r\nContent-Length: 14"
	// 206 bytes 7-13/14 content
}

func ExampleNewFileResponseWith() {
	r := web.NewFileResponseWith(strings.NewReader("a,b\n"), web.FileOptions{
		Filename:     "reports/résumé 2024.csv",
		AsAttachment: true,
	})
	r.ETag = "v1"
	show(r)

	// A client that has this version gets 304 Not Modified.
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("If-None-Match", `"v1"`)
	r = web.NewFileResponseWith(strings.NewReader("a,b\n"), web.FileOptions{Filename: "x.csv"})
	r.ETag = "v1"
	rec := httptest.NewRecorder()
	_ = r.Send(rec, req)
	fmt.Println(rec.Code, http.StatusText(rec.Code))
	// Output:
	// 200 OK
	// Accept-Ranges: bytes
	// Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9%202024.csv
	// Content-Length: 4
	// Content-Type: text/csv
	// Etag: "v1"
	//
	// a,b
	//
	// 304 Not Modified
}

func ExampleContentDisposition() {
	fmt.Println(web.ContentDisposition(true, `report "final".pdf`))
	fmt.Println(web.ContentDisposition(false, "祝您平安.odt"))
	fmt.Println(web.ContentDisposition(true, ""))
	fmt.Printf("%q\n", web.ContentDisposition(false, ""))
	// Output:
	// attachment; filename="report \"final\".pdf"
	// inline; filename*=utf-8''%E7%A5%9D%E6%82%A8%E5%B9%B3%E5%AE%89.odt
	// attachment
	// ""
}
