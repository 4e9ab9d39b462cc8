package web

import (
	"iter"
	"strconv"
	"strings"
	"time"
)

// Event is one server-sent event (HTML Living Standard §9.2, "Server-sent
// events"). Empty fields are not written.
type Event struct {
	// ID sets the client's last event ID (the "id" field). It must not
	// contain CR, LF or NUL.
	ID string
	// Event is the event type (the "event" field); "" means "message". It
	// must not contain CR or LF.
	Event string
	// Data is the payload. Each of its lines (split at CRLF, CR or LF) is
	// written as its own "data" field, so the client receives the text
	// back with its line breaks as LF. Clients do not dispatch an event
	// whose data is empty.
	Data string
	// Retry is the client's reconnection delay (the "retry" field, written
	// in whole milliseconds). Zero or less is not written.
	Retry time.Duration
	// Comment is written as comment lines (": text"), which clients ignore;
	// a comment-only event keeps an idle connection open.
	Comment string
}

// MarshalText returns the event in the text/event-stream format: the
// fields, each on a line of its own, then a blank line. An event with no
// fields is empty. ErrBadEvent reports an ID or Event with a line break.
func (e Event) MarshalText() ([]byte, error) {
	return e.appendTo(nil)
}

func (e Event) appendTo(b []byte) ([]byte, error) {
	if strings.ContainsAny(e.ID, "\r\n\x00") || strings.ContainsAny(e.Event, "\r\n") {
		return b, ErrBadEvent
	}
	start := len(b)
	if e.Comment != "" {
		b = appendEventLines(b, ":", e.Comment)
	}
	if e.ID != "" {
		b = append(b, "id: "...)
		b = append(b, e.ID...)
		b = append(b, '\n')
	}
	if e.Event != "" {
		b = append(b, "event: "...)
		b = append(b, e.Event...)
		b = append(b, '\n')
	}
	if ms := e.Retry.Milliseconds(); e.Retry > 0 {
		b = append(b, "retry: "...)
		b = strconv.AppendInt(b, ms, 10)
		b = append(b, '\n')
	}
	if e.Data != "" {
		b = appendEventLines(b, "data:", e.Data)
	}
	if len(b) > start {
		b = append(b, '\n')
	}
	return b, nil
}

// appendEventLines writes one "field: line" per line of s, splitting at
// CRLF, CR and LF as the event-stream parser does.
func appendEventLines(b []byte, field, s string) []byte {
	for {
		i := strings.IndexAny(s, "\r\n")
		line := s
		if i >= 0 {
			line = s[:i]
		}
		b = append(b, field...)
		b = append(b, ' ')
		b = append(b, line...)
		b = append(b, '\n')
		if i < 0 {
			return b
		}
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
}

// NewSSE returns a streaming response of server-sent events: Content-Type
// "text/event-stream", Cache-Control "no-cache" and X-Accel-Buffering "no"
// (so that nginx passes each event on at once). Each event is written and
// flushed as it comes; an invalid event ends the stream with ErrBadEvent.
// The iterator should stop when the request's context is done.
func NewSSE(events iter.Seq[Event]) *StreamingResponse {
	s := &StreamingResponse{class: "StreamingHttpResponse"}
	s.StatusCode = 200
	s.setHeader("Content-Type", "text/event-stream")
	s.setHeader("Cache-Control", "no-cache")
	s.setHeader("X-Accel-Buffering", "no")
	if events != nil {
		s.SetStreamingContent(func(yield func([]byte, error) bool) {
			for ev := range events {
				b, err := ev.appendTo(nil)
				if !yield(b, err) || err != nil {
					return
				}
			}
		})
	}
	return s
}
