package web_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/web"
)

// onlyReader hides every method but Read (a non-seekable stream).
type onlyReader struct{ io.Reader }

// closeRecorder is a seekable file that records Close.
type closeRecorder struct {
	*bytes.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

// readTwo returns a reader of "abcdef" positioned after "ab".
func readTwo() io.Reader {
	r := strings.NewReader("abcdef")
	_, _ = r.Read(make([]byte, 2))
	return r
}

// MustTempFile writes content to dir/name and opens it.
func MustTempFile(tb testing.TB, name, content string) *os.File {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// fileHeaderTests are Django 5.2's FileResponse headers (spec 20.2–20.6,
// 25.23), in Django's order.
var fileHeaderTests = []struct {
	name    string
	file    func(testing.TB) io.Reader
	opts    web.FileOptions
	headers [][2]string
	body    string
}{
	{"bytes", func(testing.TB) io.Reader { return bytes.NewReader([]byte("binary content")) }, web.FileOptions{},
		[][2]string{{"Content-Type", "application/octet-stream"}, {"Content-Length", "14"}}, "binary content"},
	{"bytes attachment", func(testing.TB) io.Reader { return bytes.NewReader([]byte("binary content")) }, web.FileOptions{AsAttachment: true},
		[][2]string{{"Content-Type", "application/octet-stream"}, {"Content-Length", "14"}, {"Content-Disposition", "attachment"}}, "binary content"},
	{"disk file", func(tb testing.TB) io.Reader { return MustTempFile(tb, "a.txt", "hello world") }, web.FileOptions{},
		[][2]string{{"Content-Type", "text/plain"}, {"Content-Length", "11"}, {"Content-Disposition", `inline; filename="a.txt"`}}, "hello world"},
	{"position kept", func(testing.TB) io.Reader { return readTwo() }, web.FileOptions{},
		[][2]string{{"Content-Type", "application/octet-stream"}, {"Content-Length", "4"}}, "cdef"},
	{"stream", func(testing.TB) io.Reader { return onlyReader{strings.NewReader("streamed")} }, web.FileOptions{Filename: "x.csv"},
		[][2]string{{"Content-Type", "text/csv"}, {"Content-Disposition", `inline; filename="x.csv"`}}, "streamed"},
	{"base name", func(testing.TB) io.Reader { return strings.NewReader("x") }, web.FileOptions{Filename: "dir/sub/x.txt", AsAttachment: true},
		[][2]string{{"Content-Type", "text/plain"}, {"Content-Length", "1"}, {"Content-Disposition", `attachment; filename="x.txt"`}}, "x"},
	{"unicode name", func(testing.TB) io.Reader { return strings.NewReader("x") }, web.FileOptions{Filename: "résumé.pdf", AsAttachment: true},
		[][2]string{{"Content-Type", "application/pdf"}, {"Content-Length", "1"}, {"Content-Disposition", `attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf`}}, "x"},
	{"explicit type", func(testing.TB) io.Reader { return strings.NewReader("x") }, web.FileOptions{Filename: "a.txt", ContentType: "text/html"},
		[][2]string{{"Content-Type", "text/html"}, {"Content-Length", "1"}, {"Content-Disposition", `inline; filename="a.txt"`}}, "x"},
}

func TestFileResponseHeaders(t *testing.T) {
	for _, tt := range fileHeaderTests {
		t.Run(tt.name, func(t *testing.T) {
			r := web.NewFileResponseWith(tt.file(t), tt.opts)
			if got := headerList(r); !slices.Equal(got, tt.headers) {
				t.Errorf("headers = %q; want %q", got, tt.headers)
			}
			rec := record(t, r, httptest.NewRequest("GET", "/", nil))
			if rec.Body.String() != tt.body || rec.Code != 200 {
				t.Errorf("sent %d %q; want 200 %q", rec.Code, rec.Body.String(), tt.body)
			}
			if cl := rec.Header().Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(tt.body)) {
				t.Errorf("sent Content-Length %s for %d bytes", cl, len(tt.body))
			}
		})
	}
}

// fileTypeTests are Django 5.2's content types for file names (spec 20.4,
// 25.23): Python's mimetypes with the compression types.
var fileTypeTests = []struct {
	filename, want string
}{
	{"a.txt", "text/plain"},
	{"A.TXT", "text/plain"},
	{"x.tar.gz", "application/gzip"},
	{"x.tar.bz2", "application/x-bzip"},
	{"x.tar.xz", "application/x-xz"},
	{"c.json.br", "application/x-brotli"},
	{"x.Z", "application/x-compress"},
	{"x.tgz", "application/gzip"},
	{"x.svgz", "application/gzip"},
	{"x.tbz2", "application/x-bzip"},
	{"page.html", "text/html"},
	{"doc.pdf", "application/pdf"},
	{"img.png", "image/png"},
	{"data.json", "application/json"},
	{"noext", "application/octet-stream"},
	{".bashrc", "application/octet-stream"},
	{"weird.unknownext", "application/octet-stream"},
	{"", "application/octet-stream"},
}

func TestFileResponseContentType(t *testing.T) {
	for _, tt := range fileTypeTests {
		r := web.NewFileResponseWith(strings.NewReader(""), web.FileOptions{Filename: tt.filename})
		if got := r.Header().Get("Content-Type"); got != tt.want {
			t.Errorf("Content-Type for %q = %q; want %q", tt.filename, got, tt.want)
		}
		if r.Header().Get("Content-Encoding") != "" {
			t.Errorf("Content-Encoding set for %q", tt.filename)
		}
	}
}

var modTime = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// fileSendTests exercise http.ServeContent: Range, If-Range, conditional
// GET and HEAD (RFC 9110 §13, §14).
var fileSendTests = []struct {
	name    string
	file    func() io.Reader
	etag    string
	method  string
	header  http.Header
	status  int
	want    http.Header
	body    string
	noRange bool
}{
	{name: "full", file: func() io.Reader { return strings.NewReader("abcdef") }, method: "GET", status: 200,
		want: http.Header{"Content-Length": {"6"}, "Accept-Ranges": {"bytes"}, "Content-Type": {"text/plain"}}, body: "abcdef"},
	{name: "range", file: func() io.Reader { return strings.NewReader("abcdef") }, method: "GET",
		header: http.Header{"Range": {"bytes=2-4"}}, status: 206,
		want: http.Header{"Content-Range": {"bytes 2-4/6"}, "Content-Length": {"3"}}, body: "cde"},
	{name: "range after position", file: readTwo, method: "GET",
		header: http.Header{"Range": {"bytes=0-1"}}, status: 206,
		want: http.Header{"Content-Range": {"bytes 0-1/4"}}, body: "cd"},
	{name: "unsatisfiable range", file: func() io.Reader { return strings.NewReader("abcdef") }, method: "GET",
		header: http.Header{"Range": {"bytes=10-"}}, status: 416, want: http.Header{"Content-Range": {"bytes */6"}}, body: "invalid range: failed to overlap\n"},
	{name: "if-none-match", file: func() io.Reader { return strings.NewReader("abcdef") }, etag: "v1", method: "GET",
		header: http.Header{"If-None-Match": {`"v1"`}}, status: 304,
		want: http.Header{"Etag": {`"v1"`}, "Content-Length": {}, "Content-Type": {}}},
	{name: "if-none-match other", file: func() io.Reader { return strings.NewReader("abcdef") }, etag: `W/"v2"`, method: "GET",
		header: http.Header{"If-None-Match": {`"v1"`}}, status: 200, want: http.Header{"Etag": {`W/"v2"`}}, body: "abcdef"},
	{name: "if-match fails", file: func() io.Reader { return strings.NewReader("abcdef") }, etag: "v1", method: "GET",
		header: http.Header{"If-Match": {`"v0"`}}, status: 412, want: http.Header{"Content-Length": {}}},
	{name: "if-range matches", file: func() io.Reader { return strings.NewReader("abcdef") }, etag: "v1", method: "GET",
		header: http.Header{"Range": {"bytes=0-0"}, "If-Range": {`"v1"`}}, status: 206, body: "a"},
	{name: "if-range stale", file: func() io.Reader { return strings.NewReader("abcdef") }, etag: "v2", method: "GET",
		header: http.Header{"Range": {"bytes=0-0"}, "If-Range": {`"v1"`}}, status: 200, body: "abcdef"},
	{name: "head", file: func() io.Reader { return strings.NewReader("abcdef") }, method: "HEAD", status: 200,
		want: http.Header{"Content-Length": {"6"}}},
	{name: "stream ignores range", file: func() io.Reader { return onlyReader{strings.NewReader("abcdef")} }, method: "GET",
		header: http.Header{"Range": {"bytes=2-4"}}, status: 200, want: http.Header{"Accept-Ranges": {}, "Content-Length": {}}, body: "abcdef", noRange: true},
	{name: "stream head", file: func() io.Reader { return onlyReader{strings.NewReader("abcdef")} }, method: "HEAD", status: 200},
}

func TestFileResponseSend(t *testing.T) {
	for _, tt := range fileSendTests {
		mk := func() *web.FileResponse {
			r := web.NewFileResponseWith(tt.file(), web.FileOptions{Filename: "f.txt"})
			r.ETag = tt.etag
			return r
		}
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "/", nil)
			req.Header = tt.header.Clone()
			if req.Header == nil {
				req.Header = http.Header{}
			}
			rec := record(t, mk(), req)
			checkResult(t, rec.Code, rec.Header(), rec.Body.String(), tt.status, tt.want, tt.body)
		})
		t.Run("wire/"+tt.name, func(t *testing.T) {
			h := sendHandler(t, func(*http.Request) (sender, error) { return mk(), nil })
			runWire(t, h, func(t *testing.T, c *http.Client, u string) {
				req, _ := http.NewRequest(tt.method, u, nil)
				for k, v := range tt.header {
					req.Header[k] = v
				}
				res, err := c.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				body, err := io.ReadAll(res.Body)
				if err != nil {
					t.Fatal(err)
				}
				want := http.Header{}
				for k, v := range tt.want {
					// net/http computes a Content-Length for short bodies
					// and leaves it out of HEAD answers.
					if k != "Content-Length" || (tt.method != "HEAD" && len(v) > 0) {
						want[k] = v
					}
				}
				checkResult(t, res.StatusCode, res.Header, string(body), tt.status, want, tt.body)
			})
		})
	}
}

func TestFileResponseModTime(t *testing.T) {
	f := MustTempFile(t, "m.txt", "content")
	if err := os.Chtimes(f.Name(), modTime, modTime); err != nil {
		t.Fatal(err)
	}
	r := web.NewFileResponse(f)
	if !r.ModTime.Equal(modTime) {
		t.Errorf("ModTime = %v; want %v (from Stat)", r.ModTime, modTime)
	}
	if r.Filename() != "m.txt" {
		t.Errorf("Filename() = %q; want m.txt", r.Filename())
	}
	rec := record(t, r, httptest.NewRequest("GET", "/", nil))
	if got := rec.Header().Get("Last-Modified"); got != "Mon, 06 May 2024 07:08:09 GMT" {
		t.Errorf("Last-Modified = %q", got)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("If-Modified-Since", "Mon, 06 May 2024 07:08:09 GMT")
	f2, _ := os.Open(f.Name())
	rec = record(t, web.NewFileResponse(f2), req)
	if rec.Code != 304 || rec.Body.Len() != 0 {
		t.Errorf("If-Modified-Since: %d %q; want 304 and no body", rec.Code, rec.Body.String())
	}
	// A non-200 status streams the file as it is.
	f3, _ := os.Open(f.Name())
	nf := web.NewFileResponse(f3)
	nf.StatusCode = 404
	rec = record(t, nf, httptest.NewRequest("GET", "/", nil))
	checkResult(t, rec.Code, rec.Header(), rec.Body.String(), 404,
		http.Header{"Content-Length": {"7"}, "Last-Modified": {"Mon, 06 May 2024 07:08:09 GMT"}}, "content")
}

func TestFileResponseClose(t *testing.T) {
	c := &closeRecorder{Reader: bytes.NewReader([]byte("x"))}
	r := web.NewFileResponse(c)
	record(t, r, httptest.NewRequest("GET", "/", nil))
	if !c.closed {
		t.Errorf("Send did not close the file")
	}
	if err := r.Send(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil)); !errors.Is(err, web.ErrResponseSent) {
		t.Errorf("second Send = %v; want ErrResponseSent", err)
	}
	c2 := &closeRecorder{Reader: bytes.NewReader([]byte("x"))}
	if err := web.NewFileResponse(c2).Close(); err != nil || !c2.closed {
		t.Errorf("Close() = %v, closed %v", err, c2.closed)
	}
	if got, want := web.NewFileResponse(strings.NewReader("")).String(), `<FileResponse status_code=200, "application/octet-stream">`; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

// zeros is an endless reader of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestFileResponseLarge streams a 1 GiB file (sparse, so it costs no disk)
// and a 256 MiB non-seekable stream over HTTP/1.1 and checks that memory
// does not grow with the size.
func TestFileResponseLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 1.25 GiB")
	}
	const size = 1 << 30
	p := filepath.Join(t.TempDir(), "big.bin")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name string
		open func() io.Reader
		size int64
	}{
		{"file", func() io.Reader {
			f, err := os.Open(p)
			if err != nil {
				t.Error(err)
			}
			return f
		}, size},
		{"stream", func() io.Reader { return onlyReader{io.LimitReader(zeros{}, size/4)} }, size / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(sendHandler(t, func(*http.Request) (sender, error) {
				return web.NewFileResponse(tt.open()), nil
			}))
			defer srv.Close()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			res, err := srv.Client().Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			n, err := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if err != nil || n != tt.size {
				t.Fatalf("read %d bytes, %v; want %d", n, err, tt.size)
			}
			runtime.ReadMemStats(&after)
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 32<<20 {
				t.Errorf("allocated %d MiB to stream %d MiB", grown>>20, tt.size>>20)
			}
		})
	}
}
