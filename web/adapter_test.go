package web_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/restframe/restframe/web"
)

// textResponse is a minimal Response for the adapter tests.
type textResponse struct {
	web.BaseResponse
	body string
}

func (t *textResponse) Send(w http.ResponseWriter, _ *http.Request) error {
	if err := t.WriteHeader(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, t.body)
	return err
}

func text(status int, body string) *textResponse {
	return &textResponse{BaseResponse: web.BaseResponse{StatusCode: status}, body: body}
}

// sendFunc is a Response whose Send is a function.
type sendFunc struct {
	web.BaseResponse
	send func(w http.ResponseWriter) error
}

func (s *sendFunc) Send(w http.ResponseWriter, _ *http.Request) error { return s.send(w) }

// logBuffer is a goroutine-safe log sink.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// MustLogger returns a logger writing text records into a fresh buffer.
func MustLogger(tb testing.TB) (*slog.Logger, *logBuffer) {
	tb.Helper()
	lb := &logBuffer{}
	return slog.New(slog.NewTextHandler(lb, &slog.HandlerOptions{Level: slog.LevelDebug})), lb
}

// result is what a client saw.
type result struct {
	status int
	header http.Header
	body   string
}

// mode is one way of running a handler: in process, or over HTTP/1.1 or
// HTTP/2 through httptest.NewServer.
type mode string

const (
	modeRecorder mode = "recorder"
	modeHTTP1    mode = "http1"
	modeHTTP2    mode = "http2"
)

var modes = []mode{modeRecorder, modeHTTP1, modeHTTP2}

// run calls fn once per mode with a function that serves one request.
func run(t *testing.T, fn func(t *testing.T, do func(h http.Handler, req *http.Request) result)) {
	t.Helper()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			fn(t, func(h http.Handler, req *http.Request) result {
				t.Helper()
				return MustServe(t, m, h, req)
			})
		})
	}
}

// MustServe serves req with h in mode m and returns the response.
func MustServe(tb testing.TB, m mode, h http.Handler, req *http.Request) result {
	tb.Helper()
	if m == modeRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		b, _ := io.ReadAll(res.Body)
		return result{res.StatusCode, res.Header, string(b)}
	}
	srv := httptest.NewUnstartedServer(h)
	var client *http.Client
	if m == modeHTTP2 {
		srv.EnableHTTP2 = true
		srv.StartTLS()
		client = srv.Client()
	} else {
		srv.Start()
		client = srv.Client()
	}
	defer srv.Close()
	out, err := http.NewRequestWithContext(req.Context(), req.Method, srv.URL+req.URL.RequestURI(), req.Body)
	if err != nil {
		tb.Fatal(err)
	}
	out.Header = req.Header.Clone()
	if req.Host != "example.com" && req.Host != "" {
		out.Host = req.Host
	}
	res, err := client.Do(out)
	if err != nil {
		tb.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	if m == modeHTTP2 && res.ProtoMajor != 2 {
		tb.Fatalf("proto = %s; want HTTP/2", res.Proto)
	}
	b, _ := io.ReadAll(res.Body)
	res.Header.Del("Date")
	return result{res.StatusCode, res.Header, string(b)}
}

// adapterErrorTests map a handler outcome to the response the client sees.
var adapterErrorTests = []struct {
	name      string
	h         web.Handler
	status    int
	body      string // with Debug off
	debugBody string // a substring of the body with Debug on
	header    http.Header
	level     string // the log level
}{
	{"not found", errHandler(web.ErrNotFound), 404, "Not Found\n", "web: not found", nil, "WARN"},
	{"wrapped not found", errHandler(fmt.Errorf("user 7: %w", web.ErrNotFound)), 404, "Not Found\n", "user 7: web: not found", nil, "WARN"},
	{"permission denied", errHandler(web.ErrPermissionDenied), 403, "Forbidden\n", "web: permission denied", nil, "WARN"},
	{"bad request", errHandler(web.ErrBadRequest), 400, "Bad Request\n", "web: bad request", nil, "WARN"},
	{"suspicious", errHandler(web.ErrSuspiciousOperation), 400, "Bad Request\n", "web: suspicious operation", nil, "WARN"},
	{"disallowed host", errHandler(web.ErrDisallowedHost), 400, "Bad Request\n", "web: disallowed host", nil, "WARN"},
	{"disallowed redirect", errHandler(web.ErrDisallowedRedirect), 400, "Bad Request\n", "web: disallowed redirect", nil, "WARN"},
	{"too big", errHandler(web.ErrRequestDataTooBig), 413, "Request Entity Too Large\n", "maximum memory size", nil, "WARN"},
	{"too many fields", errHandler(web.ErrTooManyFields), 400, "Bad Request\n", "maximum number of fields", nil, "WARN"},
	{"too many files", errHandler(web.ErrTooManyFiles), 400, "Bad Request\n", "maximum number of files", nil, "WARN"},
	{"bad header", errHandler(web.ErrBadHeader), 400, "Bad Request\n", "newlines", nil, "WARN"},
	{"raw post data", errHandler(web.ErrRawPostData), 500, "Internal Server Error\n", "data stream", nil, "ERROR"},
	{"immutable", errHandler(web.ErrImmutable), 500, "Internal Server Error\n", "immutable", nil, "ERROR"},
	{"cross origin", errHandler(web.ErrCrossOrigin), 403, "Forbidden\n", "cross-origin", nil, "WARN"},
	{"not authenticated", errHandler(web.ErrNotAuthenticated), 403, "Forbidden\n", "credentials", nil, "WARN"},
	{"http error", errHandler(&web.HTTPError{Status: 418, Message: "short and stout", Err: errors.New("teapot cause")}), 418, "short and stout\n", "teapot cause", nil, "WARN"},
	{"http error no message", errHandler(&web.HTTPError{Status: 429}), 429, "Too Many Requests\n", "Too Many Requests", nil, "WARN"},
	{"http error unknown status", errHandler(&web.HTTPError{Status: 599}), 599, "Error 599\n", "Error 599", nil, "ERROR"},
	{"http error wrapped", errHandler(fmt.Errorf("ctx: %w", &web.HTTPError{Status: 409, Message: "taken"})), 409, "taken\n", "ctx: taken", nil, "WARN"},
	{"http error headers", errHandler(&web.HTTPError{Status: 401, Message: "log in", Header: http.Header{
		"Www-Authenticate": {`Bearer realm="api"`},
		"Bad":              {"a\r\nInjected: 1"},
	}}), 401, "log in\n", "log in", http.Header{"Www-Authenticate": {`Bearer realm="api"`}}, "WARN"},
	{"internal", errHandler(errors.New("db password is hunter2")), 500, "Internal Server Error\n", "hunter2", nil, "ERROR"},
	{"canceled, client still there", errHandler(context.Canceled), 500, "Internal Server Error\n", "context canceled", nil, "ERROR"},
	{"deadline", errHandler(context.DeadlineExceeded), 500, "Internal Server Error\n", "deadline exceeded", nil, "ERROR"},
	{"nil response", func(*web.Request) (web.Response, error) { return nil, nil }, 500, "Internal Server Error\n", "nil Response", nil, "ERROR"},
	{"panic", func(*web.Request) (web.Response, error) { panic("boom") }, 500, "Internal Server Error\n", "panic: boom", nil, "ERROR"},
	{"panic with sentinel", func(*web.Request) (web.Response, error) { panic(web.ErrNotFound) }, 500, "Internal Server Error\n", "panic: web: not found", nil, "ERROR"},
	{"panic nil", func(*web.Request) (web.Response, error) { panic(nil) }, 500, "Internal Server Error\n", "panic called with nil", nil, "ERROR"},
}

func errHandler(err error) web.Handler {
	return func(*web.Request) (web.Response, error) { return nil, err }
}

func TestAdapterErrors(t *testing.T) {
	for _, tt := range adapterErrorTests {
		for _, debug := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/debug=%v", tt.name, debug), func(t *testing.T) {
				logger, logs := MustLogger(t)
				srv := &web.Server{Settings: &web.Settings{Debug: debug}, Logger: logger}
				rec := httptest.NewRecorder()
				srv.Handle(tt.h).ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
				if rec.Code != tt.status {
					t.Errorf("status = %d; want %d", rec.Code, tt.status)
				}
				body := rec.Body.String()
				if !debug && body != tt.body {
					t.Errorf("body = %q; want %q", body, tt.body)
				}
				if debug && (!strings.HasPrefix(body, tt.body+"\n") || !strings.Contains(body, tt.debugBody)) {
					t.Errorf("debug body = %q; want %q then %q", body, tt.body, tt.debugBody)
				}
				if !debug && tt.debugBody != tt.body[:len(tt.body)-1] && strings.Contains(body, tt.debugBody) {
					t.Errorf("body = %q leaks %q", body, tt.debugBody)
				}
				if got := rec.Header().Get("Content-Type"); got != "text/plain; charset=utf-8" {
					t.Errorf("Content-Type = %q", got)
				}
				if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
					t.Errorf("X-Content-Type-Options = %q", got)
				}
				if got, want := rec.Header().Get("Content-Length"), fmt.Sprint(len(body)); got != want {
					t.Errorf("Content-Length = %q; want %q", got, want)
				}
				for name, want := range tt.header {
					if got := rec.Header().Values(name); fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("header %s = %q; want %q", name, got, want)
					}
				}
				if rec.Header().Get("Bad") != "" || rec.Header().Get("Injected") != "" {
					t.Errorf("header with CR/LF was written: %v", rec.Header())
				}
				l := logs.String()
				if !strings.Contains(l, "level="+tt.level) || !strings.Contains(l, fmt.Sprintf("status=%d", tt.status)) || !strings.Contains(l, "path=/x") {
					t.Errorf("log = %q; want level %s, status %d", l, tt.level, tt.status)
				}
				if strings.HasPrefix(tt.name, "panic") && !strings.Contains(l, "stack=") {
					t.Errorf("log = %q; want a stack", l)
				}
			})
		}
	}
}

func TestAdapterErrorsOverTheWire(t *testing.T) {
	logger, _ := MustLogger(t)
	h := (&web.Server{Logger: logger}).Handle(errHandler(&web.HTTPError{Status: 404, Message: "no such snippet"}))
	run(t, func(t *testing.T, do func(http.Handler, *http.Request) result) {
		res := do(h, httptest.NewRequest("GET", "/snippets/9", nil))
		if res.status != 404 || res.body != "no such snippet\n" {
			t.Errorf("GET = %d %q; want 404 %q", res.status, res.body, "no such snippet\n")
		}
		res = do(h, httptest.NewRequest("HEAD", "/snippets/9", nil))
		if res.status != 404 || res.body != "" {
			t.Errorf("HEAD = %d %q; want 404 and no body", res.status, res.body)
		}
	})
}

func TestAdapterSuccess(t *testing.T) {
	h := web.Handle(func(r *web.Request) (web.Response, error) {
		resp := text(201, "made "+r.HTTP().URL.Path)
		resp.Header().Set("X-Kind", "snippet")
		return resp, nil
	}, nil)
	run(t, func(t *testing.T, do func(http.Handler, *http.Request) result) {
		res := do(h, httptest.NewRequest("POST", "/snippets", nil))
		if res.status != 201 || res.body != "made /snippets" || res.header.Get("X-Kind") != "snippet" {
			t.Errorf("POST = %d %q %v; want 201 %q", res.status, res.body, res.header, "made /snippets")
		}
	})
}

func TestAdapterCustomErrorResponse(t *testing.T) {
	logger, _ := MustLogger(t)
	srv := &web.Server{
		Logger: logger,
		ErrorResponse: func(r *web.Request, err error) web.Response {
			if web.StatusOf(err) == 404 {
				return text(404, `{"detail":"Not found."}`)
			}
			return nil
		},
	}
	for _, tt := range []struct {
		err    error
		status int
		body   string
	}{
		{web.ErrNotFound, 404, `{"detail":"Not found."}`},
		{web.ErrPermissionDenied, 403, "Forbidden\n"},
	} {
		rec := httptest.NewRecorder()
		srv.Handle(errHandler(tt.err)).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		if rec.Code != tt.status || rec.Body.String() != tt.body {
			t.Errorf("error %v = %d %q; want %d %q", tt.err, rec.Code, rec.Body, tt.status, tt.body)
		}
	}
}

// TestAdapterMiddlewareOrder checks that the first middleware is the
// outermost and that errors reach the outer middleware as responses.
func TestAdapterMiddlewareOrder(t *testing.T) {
	var trace []string
	mw := func(name string) web.Middleware {
		return func(next web.Handler) web.Handler {
			return func(r *web.Request) (web.Response, error) {
				trace = append(trace, name+" in")
				resp, err := next(r)
				if err != nil || resp == nil {
					t.Errorf("%s saw (%v, %v); want a response", name, resp, err)
					return resp, err
				}
				resp.Base().Header().Add("X-Trace", name)
				trace = append(trace, fmt.Sprintf("%s out %d", name, resp.Base().Status()))
				return resp, nil
			}
		}
	}
	refuse := func(next web.Handler) web.Handler {
		return func(r *web.Request) (web.Response, error) {
			if r.HTTP().URL.Path == "/refused" {
				trace = append(trace, "refuse")
				return nil, web.ErrPermissionDenied
			}
			return next(r)
		}
	}
	logger, _ := MustLogger(t)
	srv := &web.Server{Logger: logger, Middleware: []web.Middleware{mw("a"), refuse, web.Chain(mw("b"), mw("c"))}}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		trace = append(trace, "view")
		if r.HTTP().URL.Path == "/missing" {
			return nil, web.ErrNotFound
		}
		if r.HTTP().URL.Path == "/panic" {
			panic("view exploded")
		}
		return text(200, "ok"), nil
	})
	for _, tt := range []struct {
		path   string
		status int
		trace  string
		header string
	}{
		{"/", 200, "a in|b in|c in|view|c out 200|b out 200|a out 200", "[c b a]"},
		{"/missing", 404, "a in|b in|c in|view|c out 404|b out 404|a out 404", "[c b a]"},
		{"/panic", 500, "a in|b in|c in|view|c out 500|b out 500|a out 500", "[c b a]"},
		{"/refused", 403, "a in|refuse|a out 403", "[a]"},
	} {
		trace = nil
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if got := strings.Join(trace, "|"); got != tt.trace {
			t.Errorf("GET %s trace = %q; want %q", tt.path, got, tt.trace)
		}
		if rec.Code != tt.status {
			t.Errorf("GET %s = %d; want %d", tt.path, rec.Code, tt.status)
		}
		if got := fmt.Sprint(rec.Header().Values("X-Trace")); got != tt.header {
			t.Errorf("GET %s X-Trace = %s; want %s", tt.path, got, tt.header)
		}
	}
}

func TestChain(t *testing.T) {
	var trace []string
	mw := func(name string) web.Middleware {
		return func(next web.Handler) web.Handler {
			return func(r *web.Request) (web.Response, error) {
				trace = append(trace, name)
				return next(r)
			}
		}
	}
	list := []web.Middleware{mw("1"), mw("2")}
	chain := web.Chain(list...)
	list[0] = mw("changed")
	h := chain(func(*web.Request) (web.Response, error) { trace = append(trace, "h"); return text(200, ""), nil })
	if _, err := h(web.NewRequest(httptest.NewRequest("GET", "/", nil), nil)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(trace, ","); got != "1,2,h" {
		t.Errorf("Chain trace = %q; want %q", got, "1,2,h")
	}
	empty := web.Chain()(func(*web.Request) (web.Response, error) { return text(204, ""), nil })
	if resp, _ := empty(nil); resp.Base().Status() != 204 {
		t.Errorf("Chain() changed the handler")
	}
}

// sendTests exercise failures while sending.
var sendTests = []struct {
	name   string
	send   func(w http.ResponseWriter) error
	status int
	body   string
	log    string
}{
	{
		name:   "error before writing",
		send:   func(http.ResponseWriter) error { return errors.New("render failed") },
		status: 500, body: "Internal Server Error\n", log: "render failed",
	},
	{
		name: "bad header before writing",
		send: func(w http.ResponseWriter) error {
			var b web.BaseResponse
			b.Header()["X-Bad"] = []string{"a\nb"}
			return b.WriteHeader(w)
		},
		status: 500, body: "Internal Server Error\n", log: "newlines",
	},
	{
		name: "error after writing",
		send: func(w http.ResponseWriter) error {
			w.WriteHeader(200)
			io.WriteString(w, "partial")
			return errors.New("stream broke")
		},
		status: 200, body: "partial", log: "after the status line was written",
	},
	{
		name: "error after a body write",
		send: func(w http.ResponseWriter) error {
			io.WriteString(w, "partial")
			return errors.New("stream broke")
		},
		status: 200, body: "partial", log: "after the status line was written",
	},
	{
		name: "error after a flush",
		send: func(w http.ResponseWriter) error {
			if err := http.NewResponseController(w).Flush(); err != nil {
				return err
			}
			return errors.New("stream broke")
		},
		status: 200, body: "", log: "after the status line was written",
	},
	{
		name: "error after ReadFrom",
		send: func(w http.ResponseWriter) error {
			w.Header().Set("Content-Type", "text/plain")
			io.Copy(w, strings.NewReader("file body"))
			return errors.New("file broke")
		},
		status: 200, body: "file body", log: "after the status line was written",
	},
	{
		name: "error after 103",
		send: func(w http.ResponseWriter) error {
			w.Header().Set("Link", "</style.css>; rel=preload")
			w.WriteHeader(103)
			return errors.New("late failure")
		},
		status: 500, body: "Internal Server Error\n", log: "late failure",
	},
	{
		name:   "panic before writing",
		send:   func(http.ResponseWriter) error { panic("send exploded") },
		status: 500, body: "Internal Server Error\n", log: "send exploded",
	},
	{
		name: "panic after writing",
		send: func(w http.ResponseWriter) error {
			w.WriteHeader(202)
			io.WriteString(w, "half")
			panic("send exploded late")
		},
		status: 202, body: "half", log: "send exploded late",
	},
}

func TestAdapterNoDoubleWrite(t *testing.T) {
	for _, tt := range sendTests {
		t.Run(tt.name, func(t *testing.T) {
			logger, logs := MustLogger(t)
			h := (&web.Server{Logger: logger}).Handle(func(*web.Request) (web.Response, error) {
				return &sendFunc{send: tt.send}, nil
			})
			for _, m := range modes {
				if m == modeRecorder && strings.Contains(tt.name, "103") {
					continue // httptest.ResponseRecorder takes a 1xx for the final status
				}
				res := MustServe(t, m, h, httptest.NewRequest("GET", "/", nil))
				if res.status != tt.status || res.body != tt.body {
					t.Errorf("%s: got %d %q; want %d %q", m, res.status, res.body, tt.status, tt.body)
				}
			}
			if l := logs.String(); !strings.Contains(l, tt.log) || !strings.Contains(l, "level=ERROR") {
				t.Errorf("log = %q; want an error with %q", l, tt.log)
			}
			if strings.Contains(logs.String(), "superfluous") {
				t.Errorf("log = %q: the status line was written twice", logs.String())
			}
		})
	}
}

// TestAdapterSuperfluous checks through net/http's own detector that no
// path writes the status line twice.
func TestAdapterSuperfluous(t *testing.T) {
	var errLog bytes.Buffer
	logger, _ := MustLogger(t)
	h := (&web.Server{Logger: logger}).Handle(func(r *web.Request) (web.Response, error) {
		return &sendFunc{send: sendTests[2].send}, nil
	})
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = newStdLogger(&errLog)
	srv.Start()
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	srv.Close()
	if strings.Contains(errLog.String(), "superfluous") {
		t.Errorf("server log = %q", errLog.String())
	}
}

func TestAdapterAbortHandler(t *testing.T) {
	logger, _ := MustLogger(t)
	h := (&web.Server{Logger: logger}).Handle(func(*web.Request) (web.Response, error) { panic(http.ErrAbortHandler) })
	defer func() {
		if p := recover(); p != http.ErrAbortHandler {
			t.Errorf("recovered %v; want http.ErrAbortHandler", p)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	t.Errorf("ServeHTTP returned; want the panic to propagate")
}

func TestAdapterClientGone(t *testing.T) {
	t.Run("recorder", func(t *testing.T) {
		logger, logs := MustLogger(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		h := (&web.Server{Logger: logger}).Handle(func(r *web.Request) (web.Response, error) {
			return nil, fmt.Errorf("query: %w", r.HTTP().Context().Err())
		})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/slow", nil).WithContext(ctx))
		if rec.Body.Len() != 0 || len(rec.Header()) != 0 || rec.Flushed {
			t.Errorf("wrote %d %v %q to a client that went away", rec.Code, rec.Header(), rec.Body)
		}
		if l := logs.String(); !strings.Contains(l, "status=499") || !strings.Contains(l, "level=INFO") {
			t.Errorf("log = %q; want status=499 at INFO", l)
		}
	})
	t.Run("send fails", func(t *testing.T) {
		logger, logs := MustLogger(t)
		ctx, cancel := context.WithCancel(context.Background())
		h := (&web.Server{Logger: logger}).Handle(func(r *web.Request) (web.Response, error) {
			return &sendFunc{send: func(http.ResponseWriter) error {
				cancel()
				return context.Canceled
			}}, nil
		})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/slow", nil).WithContext(ctx))
		if rec.Body.Len() != 0 {
			t.Errorf("wrote %q to a client that went away", rec.Body)
		}
		if l := logs.String(); !strings.Contains(l, "status=499") {
			t.Errorf("log = %q; want status=499", l)
		}
	})
	t.Run("write fails", func(t *testing.T) {
		logger, logs := MustLogger(t)
		ctx, cancel := context.WithCancel(context.Background())
		h := (&web.Server{Logger: logger}).Handle(func(r *web.Request) (web.Response, error) {
			return &sendFunc{send: func(w http.ResponseWriter) error {
				w.WriteHeader(200)
				cancel()
				return errors.New("write tcp: broken pipe")
			}}, nil
		})
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/big", nil).WithContext(ctx))
		if l := logs.String(); !strings.Contains(l, "status=499") || strings.Contains(l, "level=ERROR") {
			t.Errorf("log = %q; want status=499 and no error", l)
		}
	})
	t.Run("server", func(t *testing.T) {
		logger, logs := MustLogger(t)
		started := make(chan struct{})
		done := make(chan struct{})
		h := (&web.Server{Logger: logger}).Handle(func(r *web.Request) (web.Response, error) {
			close(started)
			<-r.HTTP().Context().Done()
			return nil, r.HTTP().Context().Err()
		})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer close(done)
			h.ServeHTTP(w, r)
		}))
		defer srv.Close()
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/slow", nil)
		go func() {
			<-started
			cancel()
		}()
		if res, err := srv.Client().Do(req); err == nil {
			res.Body.Close()
			t.Fatalf("request succeeded; want it cancelled")
		}
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("handler did not return after the client went away")
		}
		if l := logs.String(); !strings.Contains(l, "status=499") || !strings.Contains(l, "client closed request") {
			t.Errorf("log = %q; want a 499", l)
		}
	})
}

// TestResponseWriterUnwrap checks that optional capabilities reach the
// underlying writer through http.ResponseController.
func TestResponseWriterUnwrap(t *testing.T) {
	h := web.Handle(func(*web.Request) (web.Response, error) {
		return &sendFunc{send: func(w http.ResponseWriter) error {
			rc := http.NewResponseController(w)
			if err := rc.SetWriteDeadline(time.Now().Add(time.Minute)); err != nil {
				return err
			}
			if err := rc.SetReadDeadline(time.Now().Add(time.Minute)); err != nil {
				return err
			}
			w.WriteHeader(200)
			io.WriteString(w, "event: 1\n")
			if err := rc.Flush(); err != nil {
				return err
			}
			io.WriteString(w, "event: 2\n")
			return nil
		}}, nil
	}, nil)
	for _, m := range []mode{modeHTTP1, modeHTTP2} {
		res := MustServe(t, m, h, httptest.NewRequest("GET", "/events", nil))
		if res.status != 200 || res.body != "event: 1\nevent: 2\n" {
			t.Errorf("%s: got %d %q", m, res.status, res.body)
		}
	}
}

// newStdLogger adapts a buffer to http.Server.ErrorLog.
func newStdLogger(w io.Writer) *log.Logger { return log.New(w, "", 0) }

// TestRequestSpare checks the Spare slot: nil for NewRequest, kept with the
// Request's memory by a Server.
func TestRequestSpare(t *testing.T) {
	if s := web.NewRequest(httptest.NewRequest("GET", "/", nil), nil).Spare(); s != nil {
		t.Fatalf("NewRequest(...).Spare() = %p; want nil", s)
	}
	var seen []any
	h := web.Handle(func(r *web.Request) (web.Response, error) {
		slot := r.Spare()
		if slot == nil {
			t.Fatal("Spare() = nil for a Server's Request; want a slot")
		}
		seen = append(seen, *slot)
		if *slot == nil {
			*slot = "kept"
		}
		return web.NewHTTPResponse("ok"), nil
	}, &web.Settings{AllowedHosts: []string{"*"}})
	for range 2 {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	}
	// sync.Pool may drop the memory between requests (always under the
	// race detector): the second request sees the value or a fresh slot.
	if seen[0] != nil || (seen[1] != nil && seen[1] != "kept") {
		t.Fatalf("Spare() values = %v; want [<nil> kept] or [<nil> <nil>]", seen)
	}
}

// closingResponse counts the calls of its Close.
type closingResponse struct {
	sendFunc
	closed *int
}

func (c *closingResponse) Close() error { *c.closed++; return nil }

// panicChainTests are the ways a handler's panic reaches the client, with
// and without middleware (without, the adapter recovers it itself).
var panicChainTests = []struct {
	name       string
	middleware []web.Middleware
}{
	{"no middleware", nil},
	{"middleware", []web.Middleware{func(next web.Handler) web.Handler { return next }}},
}

// TestAdapterPanicInErrorResponse checks that the 500 response made for a
// handler's panic is sent and closed, and that a panic in its own Send is
// recovered into the plain-text 500.
func TestAdapterPanicInErrorResponse(t *testing.T) {
	for _, tt := range panicChainTests {
		for _, sendPanics := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/send panics=%v", tt.name, sendPanics), func(t *testing.T) {
				logger, logs := MustLogger(t)
				closed := 0
				srv := &web.Server{Logger: logger, Middleware: tt.middleware,
					ErrorResponse: func(*web.Request, error) web.Response {
						return &closingResponse{closed: &closed, sendFunc: sendFunc{send: func(w http.ResponseWriter) error {
							if sendPanics {
								panic("error response exploded")
							}
							w.WriteHeader(http.StatusInternalServerError)
							_, err := io.WriteString(w, "custom")
							return err
						}}}
					}}
				h := srv.Handle(func(*web.Request) (web.Response, error) { panic("view exploded") })
				res := MustServe(t, modeRecorder, h, httptest.NewRequest("GET", "/", nil))
				want := "custom"
				if sendPanics {
					want = "Internal Server Error\n"
				}
				if res.status != 500 || res.body != want {
					t.Errorf("got %d %q; want 500 %q", res.status, res.body, want)
				}
				if closed != 1 {
					t.Errorf("error response closed %d times; want 1", closed)
				}
				if l := logs.String(); !strings.Contains(l, "view exploded") || sendPanics != strings.Contains(l, "error response exploded") {
					t.Errorf("log = %q", l)
				}
			})
		}
	}
}
