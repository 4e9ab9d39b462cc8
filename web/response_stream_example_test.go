package web_test

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/restframe/restframe/web"
)

func ExampleNewStreamingResponse() {
	rows := func(yield func([]byte) bool) {
		for i := 1; i <= 3; i++ {
			if !yield([]byte("row " + strconv.Itoa(i) + "\n")) {
				return // the client went away
			}
		}
	}
	r := web.NewStreamingResponse(rows)
	_ = r.SetHeader("Content-Type", "text/csv")
	show(r)
	// Output:
	// 200 OK
	// Content-Type: text/csv
	//
	// row 1
	// row 2
	// row 3
}

func ExampleNewStreamingResponseString() {
	r := web.NewStreamingResponseString(slices.Values([]string{"a,b\n", "1,2\n"}))
	fmt.Println(r)
	b, _ := r.GetValue()
	fmt.Printf("%q\n", b)
	// Output:
	// <StreamingHttpResponse status_code=200, "text/html; charset=utf-8">
	// "a,b\n1,2\n"
}

func ExampleNewStreamingResponseErr() {
	r := web.NewStreamingResponseErr(func(yield func([]byte, error) bool) {
		if !yield([]byte("partial "), nil) {
			return
		}
		yield(nil, errors.New("database gone"))
	})
	b, err := r.GetValue()
	fmt.Printf("%q %v\n", b, err)
	// Output:
	// "partial " database gone
}
