package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
)

// Server adapts Handlers to net/http: it is Django's request handler
// (BaseHandler with its middleware chain). The zero value is valid: zero
// Settings, no middleware, logging to slog.Default().
//
// For each request, the http.Handler that Handle returns
//
//   - builds a lazy *Request (NewRequest) with Settings;
//   - runs Middleware, the first listed outermost, around the handler;
//   - converts an error or a panic into a response at the boundary of the
//     layer that produced it (Django's convert_exception_to_response), so
//     that the middleware outside still see a Response;
//   - sends the final Response with its Send method, exactly once.
//
// # Error responses
//
// An error's status is StatusOf(err): 404 for ErrNotFound, 403 for
// ErrPermissionDenied, 400 for ErrBadRequest and every
// ErrSuspiciousOperation (ErrDisallowedHost ...), 413 for
// ErrRequestDataTooBig, the Status of an HTTPError, and 500 for anything
// else. Unless ErrorResponse is set, the body is plain text
// ("text/plain; charset=utf-8", X-Content-Type-Options: nosniff): the Message
// of the first HTTPError in the chain, or else the standard status text,
// followed by a newline ("Not Found\n"). An HTTPError's Header is added to the
// response. The error's own text never reaches the client unless
// Settings.Debug is on; then it follows the message after a blank line (with
// the stack for a recovered panic).
//
// A panic is recovered into a 500 and logged with its stack; a panic with
// http.ErrAbortHandler is re-raised, so that net/http aborts the response.
// A nil Response with a nil error is a 500 (ErrNilResponse is logged).
//
// When the client went away (the error is context.Canceled and the request's
// context is done), nothing is written and the request is logged with status
// 499 (StatusClientClosedRequest). A context.Canceled error while the client
// is still connected is a 500.
//
// If Send fails before anything was written, the plain-text 500 is sent
// instead (it does not pass through the middleware again); once the status
// line has been written the failure is only logged, never written twice. A
// Send that fails after the client went away is logged as a 499.
//
// # Logging
//
// Errors that become 5xx are logged at slog.LevelError, 4xx at
// slog.LevelWarn (as Django's django.request logger does), and client
// disconnects at slog.LevelInfo, each with the method, path, status and
// cause. Successful requests are not logged.
//
// # Request lifetime
//
// The *Request given to the middleware and the handler, and the
// http.ResponseWriter given to the Response's Send, belong to the Server
// until the response has been sent: the Server then reuses their memory
// for a later request, so that serving costs no allocation of its own.
// Handlers and middleware must not keep them, nor use them from a
// goroutine that outlives the request (as net/http says of the
// ResponseWriter); copy what is needed instead. The *http.Request (HTTP)
// and the values read from the Request (strings, QueryDicts, uploaded
// files until they are closed) are not reused and stay valid. A Request
// made with NewRequest is never reused.
type Server struct {
	// Settings are given to every Request. If nil, the zero Settings are
	// used (note that their empty AllowedHosts refuse every Host).
	Settings *Settings
	// Middleware wraps every handler. The first listed is the outermost: it
	// sees the request first and the response last (Django's MIDDLEWARE).
	Middleware []Middleware
	// Logger receives errors, recovered panics and client disconnects. If
	// nil, slog.Default() is used at the time of each log call.
	Logger *slog.Logger
	// ErrorResponse builds the response for an error (the rest package
	// installs negotiated error bodies here). It is called with the request
	// and the error after logging; a nil result falls back to the plain-text
	// response. If nil, the plain-text response is always used.
	ErrorResponse func(r *Request, err error) Response
}

// Handle returns an http.Handler serving h through the Server's middleware.
// The Server's fields are read once, here: later changes to the Server do
// not affect handlers already returned.
func (s *Server) Handle(h Handler) http.Handler {
	a := &adapter{
		settings: s.Settings,
		logger:   s.Logger,
		errResp:  s.ErrorResponse,
	}
	if a.settings == nil {
		a.settings = &Settings{}
	}
	if len(s.Middleware) == 0 {
		a.handler = h
	}
	chain := a.guard(h)
	for i := len(s.Middleware) - 1; i >= 0; i-- {
		chain = a.guard(s.Middleware[i](chain))
	}
	a.chain = chain
	return a
}

// Handle returns an http.Handler serving h with settings s and no
// middleware: shorthand for (&Server{Settings: s}).Handle(h).
func Handle(h Handler, s *Settings) http.Handler {
	return (&Server{Settings: s}).Handle(h)
}

// adapter is the http.Handler built by Server.Handle.
type adapter struct {
	chain Handler
	// handler is h itself when there is no middleware: ServeHTTP then
	// does the guard's work, and finish recovers the handler's panics, so
	// that a request costs one deferred call.
	handler  Handler
	settings *Settings
	logger   *slog.Logger
	errResp  func(*Request, error) Response
	states   sync.Pool // *serveState, reused from request to request
}

// serveState is the per-request memory of the adapter: the Request given
// to the chain, the writer wrapper given to Send and the response being
// sent. It is reused once the response has been sent (see Server, "Request
// lifetime").
type serveState struct {
	req     Request
	w       responseWriter
	resp    Response // the chain's response, closed after sending
	running bool     // the unguarded handler is running: finish recovers its panics
	sending bool     // resp.Send is running: finish recovers its panics
}

// get returns a serveState for hr and w.
func (a *adapter) get(w http.ResponseWriter, hr *http.Request) *serveState {
	st, _ := a.states.Get().(*serveState)
	if st == nil {
		st = new(serveState)
	}
	st.req.req, st.req.settings, st.req.reusable = hr, a.settings, true
	st.w.ResponseWriter = w
	return st
}

// put clears st, so that it holds on to nothing of the request but the
// Request's Spare slot, and keeps it for the next one.
func (a *adapter) put(st *serveState) {
	spare := st.req.spare
	*st = serveState{}
	st.req.spare = spare
	a.states.Put(st)
}

func (a *adapter) log() *slog.Logger {
	if a.logger != nil {
		return a.logger
	}
	return slog.Default()
}

// ServeHTTP runs the chain and sends its response once.
func (a *adapter) ServeHTTP(w http.ResponseWriter, hr *http.Request) {
	st := a.get(w, hr)
	// Runs last, even on a panic: it recovers a panic in Send, closes the
	// response and the Request and puts st back. One deferred call serves
	// all of this, which keeps the common path short.
	defer a.finish(st)
	if a.handler != nil {
		st.running = true
		st.resp = a.handle(&st.req)
		st.running = false
	} else {
		st.resp, _ = a.chain(&st.req) // guarded: never an error, never nil
	}
	a.send(st)
}

// handle runs the handler without middleware and converts its error or nil
// response as the guard does; finish recovers its panics.
func (a *adapter) handle(r *Request) Response {
	resp, err := a.handler(r)
	switch {
	case err != nil:
		return a.fromError(r, err)
	case resp == nil:
		return a.fromError(r, ErrNilResponse)
	}
	return resp
}

// send sends st.resp, unless the client went away.
func (a *adapter) send(st *serveState) {
	if er, ok := st.resp.(*errorResponse); ok && er.clientGone {
		return
	}
	st.sending = true
	err := st.resp.Send(&st.w, st.req.req)
	st.sending = false // Send returned: finish need not call recover
	if err != nil {
		a.sendFailed(&st.w, &st.req, err)
	}
}

// finish is deferred by ServeHTTP. A panic of the unguarded handler
// becomes a 500 response, as the guard makes it, which is then sent. A
// panic in Send is recovered, logged and answered with a 500 when nothing
// has been written yet. A panic with http.ErrAbortHandler is re-raised, as
// is any other panic (from the guards' own error handling). Either way the
// response and the Request are closed and st is reused.
func (a *adapter) finish(st *serveState) {
	if st.running || st.sending {
		// recover is called by the deferred function itself, as it must be.
		if p := recover(); p != nil {
			a.recovered(st, p)
			return
		}
	}
	a.release(st)
}

// recovered handles the panic p that finish recovered.
func (a *adapter) recovered(st *serveState, p any) {
	if st.sending || p == http.ErrAbortHandler {
		defer a.release(st)
		if p == http.ErrAbortHandler {
			panic(p)
		}
		a.sendPanicked(&st.w, &st.req, p)
		return
	}
	// The handler panicked: its 500 response is sent as the guard's would
	// be, a panic in sending it recovered by finish as any Send's.
	defer a.finish(st)
	st.running = false
	r := &st.req
	stack := debug.Stack()
	perr := &HTTPError{Status: http.StatusInternalServerError, Err: &panicError{value: p, stack: stack}}
	a.logError(r, http.StatusInternalServerError, perr, stack)
	st.resp = a.respond(r, perr)
	a.send(st)
}

// release closes the response (Django closes a FileResponse's file once it
// is sent) and then the Request (removing spooled uploads), and puts st
// back: nothing touches the Request once it is in the pool.
func (a *adapter) release(st *serveState) {
	if c, ok := st.resp.(io.Closer); ok {
		// The response's Close is not ours and may panic: the Request is
		// closed and st put back all the same.
		defer a.closeAndPut(st)
		c.Close()
		return
	}
	a.closeAndPut(st)
}

// closeAndPut closes the Request and puts st back.
func (a *adapter) closeAndPut(st *serveState) {
	st.req.Close()
	a.put(st)
}

// sendPanicked logs the panic p of a Send and answers 500 when nothing
// has been written yet.
func (a *adapter) sendPanicked(w *responseWriter, req *Request, p any) {
	stack := debug.Stack()
	err := &HTTPError{Status: http.StatusInternalServerError, Err: &panicError{value: p, stack: stack}}
	a.logError(req, http.StatusInternalServerError, err, stack)
	if w.status == 0 {
		_ = a.plain(req, http.StatusInternalServerError, err).Send(w, req.req)
	}
}

// sendFailed handles the error of a Send: logged, and answered with a 500
// when nothing has been written yet.
func (a *adapter) sendFailed(w *responseWriter, req *Request, err error) {
	// A write to a client that went away fails with a network error, not
	// context.Canceled: the cancelled request context tells.
	if clientGone(req, err) || errors.Is(req.req.Context().Err(), context.Canceled) {
		a.logError(req, StatusClientClosedRequest, err, nil)
		return
	}
	if w.status != 0 {
		a.log().LogAttrs(req.req.Context(), slog.LevelError,
			"web: sending the response failed after the status line was written",
			slog.String("method", req.req.Method),
			slog.String("path", req.req.URL.Path),
			slog.Int("status", w.status),
			slog.Any("err", err))
		return
	}
	err = &HTTPError{Status: http.StatusInternalServerError, Err: err}
	a.logError(req, http.StatusInternalServerError, err, nil)
	if err := a.plain(req, http.StatusInternalServerError, err).Send(w, req.req); err != nil && !clientGone(req, err) {
		a.log().LogAttrs(req.req.Context(), slog.LevelError,
			"web: sending the error response failed",
			slog.String("method", req.req.Method),
			slog.String("path", req.req.URL.Path),
			slog.Any("err", err))
	}
}

// guard converts the errors, panics and nil responses of next into
// responses, so that the layer outside always receives a Response.
func (a *adapter) guard(next Handler) Handler {
	return func(r *Request) (resp Response, err error) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			stack := debug.Stack()
			perr := &HTTPError{Status: http.StatusInternalServerError, Err: &panicError{value: p, stack: stack}}
			a.logError(r, http.StatusInternalServerError, perr, stack)
			resp, err = a.respond(r, perr), nil
		}()
		resp, err = next(r)
		switch {
		case err != nil:
			return a.fromError(r, err), nil
		case resp == nil:
			return a.fromError(r, ErrNilResponse), nil
		}
		return resp, nil
	}
}

// fromError logs err and turns it into a response.
func (a *adapter) fromError(r *Request, err error) Response {
	status := StatusOf(err)
	if status == StatusClientClosedRequest {
		if clientGone(r, err) {
			a.logError(r, status, err, nil)
			return &errorResponse{BaseResponse: BaseResponse{StatusCode: status}, clientGone: true}
		}
		// Cancelled by the server's own code while the client waits.
		err = &HTTPError{Status: http.StatusInternalServerError, Err: err}
		status = http.StatusInternalServerError
	}
	a.logError(r, status, err, nil)
	return a.respond(r, err)
}

// respond builds the response for an already logged error.
func (a *adapter) respond(r *Request, err error) Response {
	if a.errResp != nil {
		if resp := a.errResp(r, err); resp != nil {
			return resp
		}
	}
	return a.plain(r, StatusOf(err), err)
}

// plain builds the default plain-text error response.
func (a *adapter) plain(r *Request, status int, err error) *errorResponse {
	msg := ""
	var he *HTTPError
	if errors.As(err, &he) {
		msg = he.Message
	}
	if msg == "" {
		msg = http.StatusText(status)
		if msg == "" {
			msg = "Error " + strconv.Itoa(status)
		}
	}
	body := msg + "\n"
	if r.settings.Debug {
		body += "\n" + err.Error() + "\n"
		var pe *panicError
		if errors.As(err, &pe) {
			body += "\n" + string(pe.stack)
		}
	}
	e := &errorResponse{BaseResponse: BaseResponse{StatusCode: status}, body: body}
	h := e.Header()
	if he != nil {
		for name, values := range he.Header {
			for _, v := range values {
				if checkHeader(name, v) == nil {
					h.Add(name, v)
				}
			}
		}
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	return e
}

// logError logs an error that became a response with the given status.
func (a *adapter) logError(r *Request, status int, err error, stack []byte) {
	level := slog.LevelError
	msg := "web: server error"
	switch {
	case status == StatusClientClosedRequest:
		level, msg = slog.LevelInfo, "web: client closed request"
	case status < 500:
		level, msg = slog.LevelWarn, "web: client error"
	}
	l := a.log()
	ctx := r.req.Context()
	if !l.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", r.req.Method),
		slog.String("path", r.req.URL.Path),
		slog.Int("status", status),
		slog.Any("err", err),
	}
	if stack != nil {
		attrs = append(attrs, slog.String("stack", string(stack)))
	}
	l.LogAttrs(ctx, level, msg, attrs...)
}

// clientGone reports whether err is the cancellation of a request whose
// client went away.
func clientGone(r *Request, err error) bool {
	return errors.Is(err, context.Canceled) && r.req.Context().Err() != nil
}

// panicError is a recovered panic.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprint("panic: ", e.value) }

// Unwrap returns the panic value when it is an error.
func (e *panicError) Unwrap() error {
	err, _ := e.value.(error)
	return err
}

// errorResponse is the adapter's plain-text error response.
type errorResponse struct {
	BaseResponse
	body       string
	clientGone bool // nothing is sent: the client went away
}

// Send writes the status, headers and body.
func (e *errorResponse) Send(w http.ResponseWriter, r *http.Request) error {
	if err := e.WriteHeader(w); err != nil {
		return err
	}
	if r != nil && r.Method == http.MethodHead {
		return nil
	}
	_, err := io.WriteString(w, e.body)
	return err
}

var _ Response = (*errorResponse)(nil)

// responseWriter records whether the status line was written, so that the
// adapter never writes twice. Optional capabilities (Hijack, SetReadDeadline
// ...) are reached through http.ResponseController and Unwrap.
type responseWriter struct {
	http.ResponseWriter
	status int // 0 until the status line is written
}

// WriteHeader records the status; 1xx informational statuses other than
// 101 do not commit the response.
func (w *responseWriter) WriteHeader(code int) {
	if w.status == 0 && (code < 100 || code > 199 || code == http.StatusSwitchingProtocols) {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write commits a 200 when no status was written.
func (w *responseWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(p)
}

// WriteString is Write for a string, without converting it to bytes when
// the underlying writer is an io.StringWriter (net/http's is).
func (w *responseWriter) WriteString(s string) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return io.WriteString(w.ResponseWriter, s)
}

// ReadFrom keeps the underlying writer's io.ReaderFrom (sendfile) for
// file responses.
func (w *responseWriter) ReadFrom(src io.Reader) (int64, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if rf, ok := w.ResponseWriter.(io.ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	return io.Copy(writerOnly{w.ResponseWriter}, src)
}

// FlushError flushes through http.ResponseController; flushing commits a
// 200 when no status was written.
func (w *responseWriter) FlushError() error {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// Flush is FlushError for callers that assert http.Flusher.
func (w *responseWriter) Flush() { _ = w.FlushError() }

// Unwrap returns the wrapped writer, for http.ResponseController.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// writerOnly hides every method but Write, so io.Copy does not recurse into
// ReadFrom.
type writerOnly struct{ io.Writer }

var (
	_ http.Flusher    = (*responseWriter)(nil)
	_ io.ReaderFrom   = (*responseWriter)(nil)
	_ io.StringWriter = (*responseWriter)(nil)
)
