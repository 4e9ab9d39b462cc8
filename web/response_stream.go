package web

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"strconv"
)

// StreamingResponse is Django's StreamingHttpResponse: a response whose body
// comes from an iterator, written chunk by chunk as it is produced, each
// chunk flushed to the client at once. Use it for large or long-lived
// bodies (CSV exports, server-sent events with NewSSE); it is never buffered
// and has no Content-Length unless one is set.
//
// The content can be iterated only once, as in Django: a second iteration
// (or a second Send) yields nothing. Middleware may wrap it with
// StreamingContent and SetStreamingContent (Django's streaming_content).
//
// Send stops when the request's context is done (the client went away),
// returning the context's error, or when the iterator yields an error, which
// Send returns. The status line has been written by then, so the adapter can
// only log it. An iterator that blocks between chunks should watch the
// request's context itself.
type StreamingResponse struct {
	BaseResponse

	content iter.Seq2[[]byte, error]
	class   string // Django's class name, for String
}

var _ Response = (*StreamingResponse)(nil)

// NewStreamingResponse returns a 200 streaming response with Content-Type
// "text/html; charset=utf-8" whose body is the chunks of content: Django's
// StreamingHttpResponse(streaming_content).
func NewStreamingResponse(content iter.Seq[[]byte]) *StreamingResponse {
	s := newStreamingResponse("StreamingHttpResponse")
	if content != nil {
		s.SetStreamingContent(func(yield func([]byte, error) bool) {
			for b := range content {
				if !yield(b, nil) {
					return
				}
			}
		})
	}
	return s
}

// NewStreamingResponseString is NewStreamingResponse for text chunks, each
// encoded in the response charset when it is sent (Django encodes str
// chunks so). A chunk the charset cannot encode ends the stream with
// ErrUnicode; an unknown charset ends it with ErrUnknownEncoding.
func NewStreamingResponseString(content iter.Seq[string]) *StreamingResponse {
	s := newStreamingResponse("StreamingHttpResponse")
	if content != nil {
		s.SetStreamingContent(func(yield func([]byte, error) bool) {
			for str := range content {
				b, err := encodeText(nil, str, s.Charset())
				if !yield(b, err) || err != nil {
					return
				}
			}
		})
	}
	return s
}

// NewStreamingResponseErr is NewStreamingResponse for an iterator that can
// fail: the stream ends at the first error, which Send returns.
func NewStreamingResponseErr(content iter.Seq2[[]byte, error]) *StreamingResponse {
	s := newStreamingResponse("StreamingHttpResponse")
	s.SetStreamingContent(content)
	return s
}

func newStreamingResponse(class string) *StreamingResponse {
	s := &StreamingResponse{class: class}
	s.StatusCode = http.StatusOK
	s.setHeader("Content-Type", defaultHTMLContentType)
	return s
}

// StreamingContent returns the content iterator (Django's
// streaming_content). It can be ranged over once; middleware that wraps it
// passes the wrapper to SetStreamingContent.
func (s *StreamingResponse) StreamingContent() iter.Seq2[[]byte, error] {
	if s.content == nil {
		return func(func([]byte, error) bool) {}
	}
	return s.content
}

// SetStreamingContent replaces the content iterator (Django's
// streaming_content = ...). The response will range over it at most once;
// nil means an empty body.
func (s *StreamingResponse) SetStreamingContent(content iter.Seq2[[]byte, error]) {
	if content == nil {
		s.content = nil
		return
	}
	used := false
	s.content = func(yield func([]byte, error) bool) {
		if used {
			return
		}
		used = true
		content(yield)
	}
}

// GetValue consumes the content and returns it joined: Django's getvalue.
// It is meant for tests; the content cannot be sent afterwards.
func (s *StreamingResponse) GetValue() ([]byte, error) {
	var out []byte
	for b, err := range s.StreamingContent() {
		if err != nil {
			return out, err
		}
		out = append(out, b...)
	}
	return out, nil
}

// String returns Django's repr, such as `<StreamingHttpResponse
// status_code=200, "text/html; charset=utf-8">`.
func (s *StreamingResponse) String() string {
	return "<" + s.class + " status_code=" + strconv.Itoa(s.Status()) + contentTypeRepr(&s.BaseResponse) + ">"
}

// Send writes the status line and headers, flushes them, then writes and
// flushes each chunk (through http.ResponseController; writers that cannot
// flush are written to all the same). HEAD requests and statuses without a
// body get the headers only, and the iterator is not started.
func (s *StreamingResponse) Send(w http.ResponseWriter, r *http.Request) error {
	if err := s.WriteHeader(w); err != nil {
		return err
	}
	if (r != nil && r.Method == http.MethodHead) || !bodyAllowed(s.Status()) {
		return nil
	}
	ctx := context.Background()
	if r != nil {
		ctx = r.Context()
	}
	rc := http.NewResponseController(w)
	if err := flushStream(rc); err != nil {
		return err
	}
	for chunk, err := range s.StreamingContent() {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(chunk) == 0 {
			continue
		}
		if _, err := w.Write(chunk); err != nil {
			return err
		}
		if err := flushStream(rc); err != nil {
			return err
		}
	}
	return nil
}

// flushStream flushes through rc, ignoring writers that cannot flush.
func flushStream(rc *http.ResponseController) error {
	if err := rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}
