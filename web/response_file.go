package web

import (
	"context"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// FileResponse is Django's FileResponse: a response that streams a file.
// Its headers are set when it is made, as Django 5.2+ sets them:
// Content-Type guessed from the file name, Content-Length from the size of
// a seekable file minus its current position, Content-Disposition from the
// name (see ContentDisposition).
//
// A seekable file (io.Seeker: *os.File, embed and os.DirFS files,
// bytes.Reader ...) answering a 200 is sent with http.ServeContent, so
// Range, If-Range and conditional GET (If-None-Match with ETag,
// If-Modified-Since with ModTime) work, HEAD gets the headers only, and an
// *os.File is copied by sendfile where the platform has it. Other readers,
// and responses whose StatusCode is not 200, are streamed as they are,
// without Range. Memory use does not depend on the file's size.
//
// Send closes the file when it implements io.Closer (as Django closes it):
// open the file in the handler and do not close it there. Close releases a
// response that will not be sent.
type FileResponse struct {
	BaseResponse

	// ModTime is the file's modification time, sent as Last-Modified and
	// compared with If-Modified-Since, If-Unmodified-Since and If-Range.
	// The constructors fill it from the file's Stat method when it has one;
	// the zero time sends no Last-Modified.
	ModTime time.Time
	// ETag, when set, is sent as the ETag header (quoted with QuoteETag if
	// it is not already an entity tag) and compared with If-None-Match,
	// If-Match and If-Range. Default "": none.
	ETag string

	file     io.Reader
	filename string
	start    int64 // position of the file when the response was made
	size     int64 // bytes from start to the end; -1 when unknown
	seekable bool
	sent     bool
	closed   bool
}

var _ Response = (*FileResponse)(nil)

// FileOptions are the arguments of Django's FileResponse besides the file.
// The zero value serves the file inline under its own name.
type FileOptions struct {
	// Filename names the file for the Content-Type guess and the
	// Content-Disposition header; only its base name (after the last "/")
	// is used. "" means the file's own name: Name() of an *os.File, or
	// Stat().Name() of an fs.File.
	Filename string
	// AsAttachment is as_attachment: Content-Disposition "attachment" (a
	// download) instead of "inline".
	AsAttachment bool
	// ContentType is content_type (one with CR or LF makes Send fail with
	// ErrBadHeader). "" means guessed from the file name:
	// mime.TypeByExtension (parameters removed), then Python's default
	// table; .gz, .br, .bz2, .xz and .Z files get the compressed format's
	// own type (application/gzip ...) and no Content-Encoding; unknown
	// names and unnamed files get application/octet-stream.
	ContentType string
}

// NewFileResponse returns a 200 response streaming f: Django's
// FileResponse(f). See FileResponse for the headers.
func NewFileResponse(f io.Reader) *FileResponse {
	return NewFileResponseWith(f, FileOptions{})
}

// NewFileResponseWith is Django's FileResponse(f, as_attachment, filename,
// content_type): see FileOptions.
func NewFileResponseWith(f io.Reader, o FileOptions) *FileResponse {
	r := &FileResponse{file: f, size: -1}
	r.StatusCode = http.StatusOK
	name := ""
	if n, ok := f.(interface{ Name() string }); ok {
		name = n.Name()
	}
	if st, ok := f.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil {
			r.ModTime = fi.ModTime()
			if name == "" {
				name = fi.Name()
			}
		}
	}
	if s, ok := f.(io.Seeker); ok {
		if pos, err := s.Seek(0, io.SeekCurrent); err == nil {
			if end, err := s.Seek(0, io.SeekEnd); err == nil {
				if _, err := s.Seek(pos, io.SeekStart); err == nil && end >= pos {
					r.seekable, r.start, r.size = true, pos, end-pos
				}
			}
		}
	}
	if o.Filename != "" {
		name = o.Filename
	}
	r.filename = name[strings.LastIndexByte(name, '/')+1:]
	ct := o.ContentType
	if ct == "" {
		ct = guessFileType(r.filename)
	}
	r.setHeader("Content-Type", ct)
	if r.size >= 0 {
		r.setHeader("Content-Length", strconv.FormatInt(r.size, 10))
	}
	if cd := ContentDisposition(o.AsAttachment, r.filename); cd != "" {
		r.setHeader("Content-Disposition", cd)
	}
	return r
}

// Filename returns the base name the response uses ("" for an unnamed
// file).
func (r *FileResponse) Filename() string { return r.filename }

// Close closes the file when it implements io.Closer. Send calls it; a
// second call does nothing.
func (r *FileResponse) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	if c, ok := r.file.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// String returns Django's repr, such as `<FileResponse status_code=200,
// "text/plain">`.
func (r *FileResponse) String() string {
	return "<FileResponse status_code=" + strconv.Itoa(r.Status()) + contentTypeRepr(&r.BaseResponse) + ">"
}

// Send writes the file (see FileResponse) and closes it. A second Send is
// ErrResponseSent. When the client goes away the copy stops with the
// request context's error.
func (r *FileResponse) Send(w http.ResponseWriter, req *http.Request) (err error) {
	if r.sent {
		return ErrResponseSent
	}
	r.sent = true
	defer func() {
		if cerr := r.Close(); err == nil {
			err = cerr
		}
	}()
	if err := r.CopyHeader(w); err != nil {
		return err
	}
	h := w.Header()
	if r.ETag != "" {
		h.Set("ETag", QuoteETag(r.ETag))
	}
	if req == nil {
		req = &http.Request{Method: http.MethodGet, Header: http.Header{}}
	}
	status := r.Status()
	if rs, ok := r.file.(io.ReadSeeker); ok && r.seekable && status == http.StatusOK {
		// http.ServeContent sets Content-Length itself (206 and 304
		// included); a stale one would break 412 and 416 answers.
		h.Del("Content-Length")
		content := rs
		if r.start != 0 {
			content = &offsetSeeker{rs: rs, base: r.start}
		}
		http.ServeContent(w, req, r.filename, r.ModTime, content)
		return nil
	}
	if t := r.ModTime; !t.IsZero() && !t.Equal(time.Unix(0, 0)) && h.Get("Last-Modified") == "" {
		h.Set("Last-Modified", t.UTC().Format(http.TimeFormat))
	}
	w.WriteHeader(status)
	if req.Method == http.MethodHead || !bodyAllowed(status) {
		return nil
	}
	src := r.file
	if r.seekable {
		s := r.file.(io.Seeker)
		if _, err := s.Seek(r.start, io.SeekStart); err != nil {
			return err
		}
		src = io.LimitReader(r.file, r.size)
	}
	return copyContext(req.Context(), w, src)
}

// copyContext copies src to w in 32 KiB chunks, stopping when ctx is done.
func copyContext(ctx context.Context, w io.Writer, src io.Reader) error {
	buf := make([]byte, 32<<10)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, rerr := src.Read(buf)
		if n > 0 {
			if _, err := w.Write(buf[:n]); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

// offsetSeeker presents the part of rs after base as a whole file, for
// http.ServeContent, which always serves from offset 0.
type offsetSeeker struct {
	rs   io.ReadSeeker
	base int64
}

func (o *offsetSeeker) Read(p []byte) (int, error) { return o.rs.Read(p) }

func (o *offsetSeeker) Seek(offset int64, whence int) (int64, error) {
	if whence == io.SeekStart {
		offset += o.base
	}
	n, err := o.rs.Seek(offset, whence)
	return n - o.base, err
}

// guessFileType is the content type Django's FileResponse gives a file
// name: Python's mimetypes.guess_type (suffix map, case-sensitive
// compression suffixes), with compressed files typed by their compression.
func guessFileType(name string) string {
	if name == "" {
		return "application/octet-stream"
	}
	base, ext := pySplitExt(name)
	for i := 0; i < 8; i++ {
		full := pySuffixMap(strings.ToLower(ext))
		if full == "" {
			break
		}
		base, ext = pySplitExt(base + full)
	}
	switch ext { // Python's encodings_map, case-sensitive
	case ".gz":
		return "application/gzip"
	case ".br":
		return "application/x-brotli"
	case ".bz2":
		return "application/x-bzip"
	case ".xz":
		return "application/x-xz"
	case ".Z":
		return "application/x-compress"
	}
	ext = strings.ToLower(ext)
	if ext == "" {
		return "application/octet-stream"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		if i := strings.IndexByte(t, ';'); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		return t
	}
	if t := pyDefaultType(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// pySplitExt is Python's posixpath.splitext: the extension starts at the
// last "." of the last path element, leading dots excepted.
func pySplitExt(p string) (root, ext string) {
	sep := strings.LastIndexByte(p, '/')
	dot := strings.LastIndexByte(p, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if p[i] != '.' {
				return p[:dot], p[dot:]
			}
		}
	}
	return p, ""
}

// pySuffixMap is Python's mimetypes.suffix_map.
func pySuffixMap(ext string) string {
	switch ext {
	case ".svgz":
		return ".svg.gz"
	case ".tgz", ".taz", ".tz":
		return ".tar.gz"
	case ".tbz2":
		return ".tar.bz2"
	case ".txz":
		return ".tar.xz"
	}
	return ""
}

// pyDefaultType is a part of Python's default mimetypes table, for systems
// whose MIME database (which Go and Python both read) lacks an extension.
func pyDefaultType(ext string) string {
	switch ext {
	case ".txt", ".bat", ".c", ".h", ".ksh", ".pl", ".srt":
		return "text/plain"
	case ".csv":
		return "text/csv"
	case ".tsv":
		return "text/tab-separated-values"
	case ".html", ".htm":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "text/javascript"
	case ".xml":
		return "text/xml"
	case ".py":
		return "text/x-python"
	case ".vtt":
		return "text/vtt"
	case ".json":
		return "application/json"
	case ".pdf":
		return "application/pdf"
	case ".zip":
		return "application/zip"
	case ".tar":
		return "application/x-tar"
	case ".wasm":
		return "application/wasm"
	case ".sh":
		return "application/x-sh"
	case ".ps", ".ai", ".eps":
		return "application/postscript"
	case ".doc", ".dot":
		return "application/msword"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".ppt":
		return "application/vnd.ms-powerpoint"
	case ".bin", ".exe", ".dll", ".so", ".o", ".obj", ".a":
		return "application/octet-stream"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg", ".jpe":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".svg":
		return "image/svg+xml"
	case ".ico":
		return "image/vnd.microsoft.icon"
	case ".bmp":
		return "image/bmp"
	case ".tif", ".tiff":
		return "image/tiff"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".mp3":
		return "audio/mpeg"
	case ".wav":
		return "audio/x-wav"
	case ".mp4":
		return "video/mp4"
	case ".mpeg", ".mpg", ".mpe":
		return "video/mpeg"
	case ".webm":
		return "video/webm"
	case ".mov", ".qt":
		return "video/quicktime"
	}
	return ""
}
