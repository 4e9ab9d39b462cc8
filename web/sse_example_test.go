package web_test

import (
	"fmt"
	"iter"
	"strconv"
	"time"

	"github.com/restframe/restframe/web"
)

func ExampleNewSSE() {
	events := func(yield func(web.Event) bool) {
		for i := 1; i <= 2; i++ {
			ev := web.Event{ID: strconv.Itoa(i), Event: "tick", Data: "tick " + strconv.Itoa(i)}
			if !yield(ev) {
				return
			}
		}
	}
	show(web.NewSSE(iter.Seq[web.Event](events)))
	// Output:
	// 200 OK
	// Cache-Control: no-cache
	// Content-Type: text/event-stream
	// X-Accel-Buffering: no
	//
	// id: 1
	// event: tick
	// data: tick 1
	//
	// id: 2
	// event: tick
	// data: tick 2
}

func ExampleEvent_MarshalText() {
	b, _ := web.Event{Data: "line one\nline two", Retry: 3 * time.Second}.MarshalText()
	fmt.Printf("%q\n", b)
	_, err := web.Event{ID: "1\n2"}.MarshalText()
	fmt.Println(err)
	// Output:
	// "retry: 3000\ndata: line one\ndata: line two\n\n"
	// web: server-sent event id and event fields can't contain newlines
}
