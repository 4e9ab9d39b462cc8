package web_test

import (
	"context"
	"errors"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/restframe/restframe/web"
)

// chunks yields each string as a []byte chunk.
func chunks(ss ...string) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for _, s := range ss {
			if !yield([]byte(s)) {
				return
			}
		}
	}
}

func TestStreamingResponseOnce(t *testing.T) {
	s := web.NewStreamingResponse(chunks("a", "b", "", "c"))
	if got, want := s.String(), `<StreamingHttpResponse status_code=200, "text/html; charset=utf-8">`; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	got, err := s.GetValue()
	if err != nil || string(got) != "abc" {
		t.Fatalf("GetValue() = %q, %v; want abc", got, err)
	}
	// Django: the iterator is consumed; a second pass yields nothing.
	if got, err := s.GetValue(); err != nil || len(got) != 0 {
		t.Errorf("second GetValue() = %q, %v; want empty", got, err)
	}
	// Middleware can wrap the content (Django's streaming_content).
	s = web.NewStreamingResponse(chunks("a", "b"))
	inner := s.StreamingContent()
	s.SetStreamingContent(func(yield func([]byte, error) bool) {
		for b, err := range inner {
			if !yield(append([]byte("<"), b...), err) {
				return
			}
		}
	})
	if got, _ := s.GetValue(); string(got) != "<a<b" {
		t.Errorf("wrapped content = %q; want <a<b", got)
	}
	var empty web.StreamingResponse
	if got, err := empty.GetValue(); err != nil || len(got) != 0 {
		t.Errorf("zero StreamingResponse GetValue() = %q, %v", got, err)
	}
}

func TestStreamingResponseString(t *testing.T) {
	s := web.NewStreamingResponseString(slices.Values([]string{"caf", "é"}))
	s.Header().Set("Content-Type", "text/csv; charset=latin-1")
	if got, err := s.GetValue(); err != nil || string(got) != "caf\xe9" {
		t.Errorf("latin-1 stream = %q, %v; want caf\\xe9", got, err)
	}
	s = web.NewStreamingResponseString(slices.Values([]string{"a", "☃", "b"}))
	s.CharsetOverride = "ascii"
	if got, err := s.GetValue(); !errors.Is(err, web.ErrUnicode) || string(got) != "a" {
		t.Errorf("ascii stream of ☃ = %q, %v; want a, ErrUnicode", got, err)
	}
}

func TestStreamingResponseSend(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name   string
		mk     func() *web.StreamingResponse
		method string
		body   string
		err    error
	}{
		{"get", func() *web.StreamingResponse { return web.NewStreamingResponse(chunks("a", "b")) }, "GET", "ab", nil},
		{"head", func() *web.StreamingResponse {
			return web.NewStreamingResponse(func(func([]byte) bool) { panic("HEAD must not iterate") })
		}, "HEAD", "", nil},
		{"error", func() *web.StreamingResponse {
			return web.NewStreamingResponseErr(func(yield func([]byte, error) bool) {
				_ = yield([]byte("a"), nil) && yield(nil, boom) && yield([]byte("never"), nil)
			})
		}, "GET", "a", boom},
		{"nil", func() *web.StreamingResponse { return web.NewStreamingResponse(nil) }, "GET", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			err := tt.mk().Send(rec, httptest.NewRequest(tt.method, "/", nil))
			if !errors.Is(err, tt.err) {
				t.Fatalf("Send = %v; want %v", err, tt.err)
			}
			if rec.Body.String() != tt.body {
				t.Errorf("body = %q; want %q", rec.Body.String(), tt.body)
			}
			if rec.Header().Get("Content-Length") != "" {
				t.Errorf("Content-Length = %q; want none", rec.Header().Get("Content-Length"))
			}
			if tt.method == "GET" && !rec.Flushed {
				t.Errorf("not flushed")
			}
		})
	}
}

// TestStreamingResponseFlush checks that each chunk reaches the client
// before the next one is produced.
func TestStreamingResponseFlush(t *testing.T) {
	next := make(chan struct{}, 1)
	h := sendHandler(t, func(r *http.Request) (sender, error) {
		return web.NewStreamingResponse(func(yield func([]byte) bool) {
			for _, c := range []string{"first;", "second;", "third"} {
				if !yield([]byte(c)) {
					return
				}
				select {
				case <-next: // the client has read the chunk
				case <-time.After(5 * time.Second):
					t.Errorf("chunk %q was not flushed to the client", c)
					return
				}
			}
		}), nil
	})
	runWire(t, h, func(t *testing.T, c *http.Client, u string) {
		res, err := c.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		for _, want := range []string{"first;", "second;", "third"} {
			buf := make([]byte, len(want))
			if _, err := io.ReadFull(res.Body, buf); err != nil || string(buf) != want {
				t.Fatalf("read %q, %v; want %q", buf, err, want)
			}
			next <- struct{}{}
		}
		if rest, _ := io.ReadAll(res.Body); len(rest) != 0 {
			t.Errorf("trailing body %q", rest)
		}
		if res.ContentLength != -1 {
			t.Errorf("ContentLength = %d; want -1 (unknown)", res.ContentLength)
		}
	})
}

// TestStreamingResponseClientGone checks that Send stops, and the iterator
// is stopped, when the client goes away.
func TestStreamingResponseClientGone(t *testing.T) {
	type outcome struct {
		err     error
		stopped bool
	}
	done := make(chan outcome, 1)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stopped := false
		s := web.NewStreamingResponse(func(yield func([]byte) bool) {
			defer func() { stopped = true }()
			for {
				if !yield(make([]byte, 1024)) {
					return
				}
				time.Sleep(time.Millisecond)
			}
		})
		err := s.Send(w, r)
		done <- outcome{err, stopped}
	})
	runWire(t, h, func(t *testing.T, c *http.Client, u string) {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(res.Body, make([]byte, 4096)); err != nil {
			t.Fatal(err)
		}
		cancel()
		res.Body.Close()
		select {
		case o := <-done:
			if o.err == nil {
				t.Errorf("Send returned nil after the client went away")
			}
			if !o.stopped {
				t.Errorf("the iterator was not stopped")
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Send did not return after the client went away")
		}
	})
}
