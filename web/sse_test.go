package web_test

import (
	"bufio"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/web"
)

var eventTests = []struct {
	ev   web.Event
	want string
	err  error
}{
	{web.Event{Data: "hello"}, "data: hello\n\n", nil},
	{web.Event{ID: "1", Event: "update", Data: "a\nb\r\nc\rd", Retry: 1500 * time.Millisecond}, "id: 1\nevent: update\nretry: 1500\ndata: a\ndata: b\ndata: c\ndata: d\n\n", nil},
	{web.Event{Data: "trailing\n"}, "data: trailing\ndata: \n\n", nil},
	{web.Event{Data: " lead"}, "data:  lead\n\n", nil},
	{web.Event{Comment: "keep-alive"}, ": keep-alive\n\n", nil},
	{web.Event{Comment: "a\nb", Data: "x"}, ": a\n: b\ndata: x\n\n", nil},
	{web.Event{}, "", nil},
	{web.Event{ID: "a\nb"}, "", web.ErrBadEvent},
	{web.Event{ID: "a\rb"}, "", web.ErrBadEvent},
	{web.Event{ID: "a\x00b"}, "", web.ErrBadEvent},
	{web.Event{Event: "x\ny", Data: "d"}, "", web.ErrBadEvent},
}

func TestEventMarshalText(t *testing.T) {
	for _, tt := range eventTests {
		got, err := tt.ev.MarshalText()
		if !errors.Is(err, tt.err) || string(got) != tt.want {
			t.Errorf("%+v.MarshalText() = %q, %v; want %q, %v", tt.ev, got, err, tt.want, tt.err)
		}
	}
}

// parseEventStream is a minimal client-side event-stream parser (HTML
// §9.2.6): it returns the data of each dispatched event.
func parseEventStream(s string) []string {
	var out []string
	var data []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if data != nil {
				out = append(out, strings.Join(data, "\n"))
			}
			data = nil
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		if field == "data" {
			data = append(data, value)
		}
	}
	return out
}

func TestNewSSE(t *testing.T) {
	events := []web.Event{{Data: "one"}, {ID: "2", Data: "two\nlines"}, {Comment: "ping"}, {Event: "end", Data: "bye"}}
	h := sendHandler(t, func(*http.Request) (sender, error) { return web.NewSSE(slices.Values(events)), nil })
	runWire(t, h, func(t *testing.T, c *http.Client, u string) {
		res, err := c.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body strings.Builder
		if _, err := bufio.NewReader(res.Body).WriteTo(&body); err != nil {
			t.Fatal(err)
		}
		want := "data: one\n\nid: 2\ndata: two\ndata: lines\n\n: ping\n\nevent: end\ndata: bye\n\n"
		if body.String() != want {
			t.Errorf("body = %q; want %q", body.String(), want)
		}
		if got := parseEventStream(body.String()); !slices.Equal(got, []string{"one", "two\nlines", "bye"}) {
			t.Errorf("client saw %q", got)
		}
		checkResult(t, res.StatusCode, res.Header, body.String(), 200, http.Header{
			"Content-Type":      {"text/event-stream"},
			"Cache-Control":     {"no-cache"},
			"X-Accel-Buffering": {"no"},
			"Content-Length":    {},
		}, want)
	})
	bad := web.NewSSE(slices.Values([]web.Event{{Data: "ok"}, {ID: "x\ny"}}))
	if got, err := bad.GetValue(); !errors.Is(err, web.ErrBadEvent) || string(got) != "data: ok\n\n" {
		t.Errorf("bad event stream = %q, %v; want the first event and ErrBadEvent", got, err)
	}
}
