package web_test

import (
	"errors"
	"fmt"

	"github.com/restframe/restframe/web"
)

func ExampleNewRedirect() {
	r, err := web.NewRedirect("/föö bar/?q=☃")
	if err != nil {
		panic(err)
	}
	fmt.Println(r)
	show(r)
	// Output:
	// <HttpResponseRedirect status_code=302, "text/html; charset=utf-8", url="/f%C3%B6%C3%B6%20bar/?q=%E2%98%83">
	// 302 Found
	// Content-Length: 0
	// Content-Type: text/html; charset=utf-8
	// Location: /f%C3%B6%C3%B6%20bar/?q=%E2%98%83
}

func ExampleNewPermanentRedirect() {
	r, err := web.NewPermanentRedirect("https://example.com/new/")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Status(), r.URL())
	// Output:
	// 301 https://example.com/new/
}

func ExampleNewRedirectWith() {
	// 307 and 308 ask the client to repeat a POST as a POST.
	r, _ := web.NewRedirectWith("/orders/2/", web.RedirectOptions{PreserveRequest: true})
	fmt.Println(r.Status())
	r, _ = web.NewRedirectWith("/orders/2/", web.RedirectOptions{Permanent: true, PreserveRequest: true})
	fmt.Println(r.Status())

	// Redirect targets taken from user input are checked.
	_, err := web.NewRedirect("javascript:alert(document.cookie)")
	fmt.Println(err)
	fmt.Println(errors.Is(err, web.ErrDisallowedRedirect), web.StatusOf(err))
	// Output:
	// 307
	// 308
	// web: disallowed redirect: Unsafe redirect to URL with protocol 'javascript'
	// true 400
}
