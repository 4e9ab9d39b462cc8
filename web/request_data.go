package web

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/textenc"
)

// dataState caches the content type, the parsed query string, the body,
// the form data and the uploaded files of a Request.
type dataState struct {
	flags dataFlags

	contentType   string            // ContentType
	contentParams map[string]string // ContentParams
	encoding      string            // Encoding: "" for none

	query    QueryDict // Query
	queryErr error

	body    []byte        // Body, once cached
	bodyErr error         // the error that ended reading the body
	stream  *bufio.Reader // Read, ReadLine: over the stream or the cached body

	form    QueryDict // Form
	files   UploadedFiles
	formErr error
	made    []*UploadedFile // every file made, for Close
}

// dataFlags records what dataState holds.
type dataFlags uint8

const (
	dataContentType dataFlags = 1 << iota // contentType, contentParams, encoding
	dataEncodingSet                       // SetEncoding was called
	dataQuery                             // query, queryErr
	dataBody                              // body is cached
	dataReadStarted                       // the stream was read
	dataForm                              // form, files, formErr
)

// ContentType is Django's HttpRequest.content_type: the media type of the
// Content-Type header without parameters, trimmed and lower-cased (as in
// current Django; Django 3.2 kept the case), "" when there is none.
func (r *Request) ContentType() string {
	r.initContentType()
	return r.data.contentType
}

// ContentParams is Django's HttpRequest.content_params: the parameters of
// the Content-Type header, names lower-cased, values unquoted with their
// case kept (a new map on each call; empty, not nil, when there are none).
// RFC 2231 extended parameters (name*=charset'lang'value, RFC 2231 §4) are
// decoded.
func (r *Request) ContentParams() map[string]string {
	r.initContentType()
	if r.data.contentParams == nil {
		return map[string]string{}
	}
	return maps.Clone(r.data.contentParams)
}

func (r *Request) initContentType() {
	if r.data.flags&dataContentType != 0 {
		return
	}
	r.data.flags |= dataContentType
	r.data.contentType, r.data.contentParams = ctParse(r.req.Header.Get("Content-Type"))
	if cs, ok := r.data.contentParams["charset"]; ok && textenc.Lookup(cs) != textenc.Unknown {
		r.data.encoding = cs
	}
}

// Encoding is Django's HttpRequest.encoding: the encoding used to decode
// the query string and form data. It is the charset parameter of the
// Content-Type header when restframe knows that encoding (an unknown
// charset is ignored, as Django ignores codecs Python lacks), or what
// SetEncoding set; "" when neither, meaning Settings.DefaultCharset.
func (r *Request) Encoding() string {
	r.initContentType()
	return r.data.encoding
}

// SetEncoding is Django's `request.encoding = enc`: the query string and
// form data are decoded again with enc on their next access (uploaded
// files already read are kept until Close). "" returns to
// Settings.DefaultCharset. An unknown encoding returns ErrUnknownEncoding
// and changes nothing.
func (r *Request) SetEncoding(enc string) error {
	if enc != "" && textenc.Lookup(enc) == textenc.Unknown {
		return ErrUnknownEncoding
	}
	r.initContentType()
	r.data.encoding = enc
	r.data.flags |= dataEncodingSet
	r.data.flags &^= dataQuery | dataForm
	r.data.query, r.data.queryErr = QueryDict{}, nil
	r.data.form, r.data.files, r.data.formErr = QueryDict{}, UploadedFiles{}, nil
	return nil
}

// encodingCodec returns the name and codec that decode the query and form
// data: the request's encoding, else Settings.DefaultCharset.
func (r *Request) encodingCodec() (string, textenc.Codec) {
	r.initContentType()
	if r.data.encoding != "" {
		return r.data.encoding, textenc.Lookup(r.data.encoding)
	}
	cs := r.settings.charset()
	if cs == DefaultCharset {
		return "", textenc.UTF8 // the QueryDict default
	}
	return cs, textenc.LookupOrUTF8(cs)
}

// Query is Django's request.GET: the query string of the URL parsed into a
// read-only QueryDict (see QueryConfig.Parse) with the request's encoding
// and Settings.MaxNumberFields. It is parsed once and cached. More fields
// than the limit return an empty QueryDict and ErrTooManyFields (400).
func (r *Request) Query() (QueryDict, error) {
	if r.data.flags&dataQuery == 0 {
		raw := ""
		if r.req.URL != nil {
			raw = r.req.URL.RawQuery
		}
		enc, codec := r.encodingCodec()
		r.data.query, r.data.queryErr = qdParse(raw, codec, enc, r.settings.maxNumberFields())
		r.data.flags |= dataQuery
	}
	return r.data.query, r.data.queryErr
}

// Body is Django's request.body: the whole request body, read once and
// cached. The slice must not be modified.
//
// A body larger than Settings.MaxMemorySize returns ErrRequestDataTooBig
// (413), whether the Content-Length says so or the stream turns out longer
// (at most the limit plus one byte is read). After the stream was read
// with Read, ReadLine or Lines, or consumed by multipart form parsing,
// Body returns ErrRawPostData; after Body, those read from the cached copy.
// A failing read returns an error matching ErrBadRequest, or
// ErrRequestDataTooBig for an *http.MaxBytesError.
func (r *Request) Body() ([]byte, error) {
	d := &r.data
	switch {
	case d.flags&dataBody != 0:
		return d.body, nil
	case d.bodyErr != nil:
		return nil, d.bodyErr
	case d.flags&dataReadStarted != 0:
		return nil, ErrRawPostData
	}
	limit := r.settings.maxMemorySize()
	if limit >= 0 && r.req.ContentLength > limit {
		return nil, ErrRequestDataTooBig
	}
	body, err := bdReadAll(r.req.Body, r.req.ContentLength, limit)
	if err != nil {
		d.flags |= dataReadStarted
		d.bodyErr = err
		return nil, err
	}
	d.body = body
	d.flags |= dataBody
	return body, nil
}

// bdReadAll reads src to its end; more than limit bytes (limit >= 0) is
// ErrRequestDataTooBig, and at most limit+1 bytes are read. hint is the
// Content-Length, or -1.
func bdReadAll(src io.Reader, hint, limit int64) ([]byte, error) {
	if src == nil || src == http.NoBody {
		return []byte{}, nil
	}
	n := int64(512)
	if hint >= 0 {
		n = hint + 1
	}
	if limit >= 0 && n > limit+1 {
		n = limit + 1
	}
	b := make([]byte, 0, n)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		buf := b[len(b):cap(b)]
		if limit >= 0 && int64(len(buf)) > limit+1-int64(len(b)) {
			buf = buf[:limit+1-int64(len(b))]
		}
		m, err := src.Read(buf)
		b = b[:len(b)+m]
		if limit >= 0 && int64(len(b)) > limit {
			return nil, ErrRequestDataTooBig
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, bodyReadError(err)
		}
	}
}

// bodyReadError classifies an error of the body's reader: a
// *http.MaxBytesError is ErrRequestDataTooBig (413), a cancelled request
// keeps its context error (499), anything else (a truncated body, a
// broken connection) is ErrBadRequest (400).
func bodyReadError(err error) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return fmt.Errorf("%w: %w", ErrRequestDataTooBig, err)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("web: reading the request body: %w", err)
	}
	return fmt.Errorf("%w: reading the request body: %w", ErrBadRequest, err)
}

// bodyStream returns the reader of Read and ReadLine, marking the stream
// as read (Django's _read_started).
func (r *Request) bodyStream() *bufio.Reader {
	d := &r.data
	d.flags |= dataReadStarted
	if d.stream == nil {
		var src io.Reader = http.NoBody
		switch {
		case d.flags&dataBody != 0:
			src = bytes.NewReader(d.body)
		case r.req.Body != nil:
			src = r.req.Body
		}
		d.stream = bufio.NewReader(src)
	}
	return d.stream
}

// Read is Django's HttpRequest.read(): it reads the body as a stream
// (io.Reader), for bodies too large to hold in memory. Once Read is used,
// Body returns ErrRawPostData and Form and Files are empty, unless Body was
// called first, in which case Read reads from the cached body.
func (r *Request) Read(p []byte) (int, error) {
	return r.bodyStream().Read(p)
}

var _ io.Reader = (*Request)(nil)

// ReadLine is Django's HttpRequest.readline(): the next line of the body
// stream, with its "\n" (the last line may lack it), or nil and io.EOF at
// the end. A line longer than Settings.MaxMemorySize returns
// ErrRequestDataTooBig. It marks the stream as read, like Read.
func (r *Request) ReadLine() ([]byte, error) {
	br := r.bodyStream()
	limit := r.settings.maxMemorySize()
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		if limit >= 0 && int64(len(line)+len(frag)) > limit {
			return nil, ErrRequestDataTooBig
		}
		line = append(line, frag...)
		switch err {
		case nil:
			return line, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if len(line) > 0 {
				return line, nil
			}
			return nil, io.EOF
		}
		return line, err
	}
}

// Lines is Django's iteration over an HttpRequest: the lines of the body
// stream as ReadLine returns them. A read error other than io.EOF is
// yielded last, with a nil line.
func (r *Request) Lines() iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		for {
			line, err := r.ReadLine()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(line, nil) {
				return
			}
		}
	}
}

// ReadLines is Django's HttpRequest.readlines(): every remaining line of
// the body stream.
func (r *Request) ReadLines() ([][]byte, error) {
	var lines [][]byte
	for line, err := range r.Lines() {
		if err != nil {
			return lines, err
		}
		lines = append(lines, line)
	}
	return lines, nil
}

// Form is Django's request.POST: the form fields of a POST request, as a
// read-only QueryDict. It is parsed once and cached.
//
//   - Only the POST method has form data; for others Form is empty.
//   - Content type application/x-www-form-urlencoded: the body (see Body
//     and its limit) parsed as a UTF-8 query string with
//     Settings.MaxNumberFields. As in current Django, a declared charset
//     other than "utf-8" (or an Encoding set to one) is a 400
//     (ErrBadRequest); Django 3.2 decoded with the declared charset.
//     restframe also refuses charsets it does not know, which Django
//     ignores.
//   - Content type multipart/form-data: the body is parsed as a stream
//     (or from the cached Body) into fields and files (see Files). Limits:
//     Settings.MaxNumberFields for non-file parts (ErrTooManyFields),
//     Settings.MaxNumberFiles for file parts (ErrTooManyFiles), non-file
//     bytes plus their names count toward Settings.MaxMemorySize
//     (ErrRequestDataTooBig), part headers toward MaxPartHeaderBytes.
//     File parts are not limited in size, as in Django: wrap the body in
//     http.MaxBytesReader to cap them. A malformed body is a 400.
//   - Any other content type: empty.
//   - When the stream was already read with Read, ReadLine or Lines (and
//     Body was not called first), Form is empty.
//
// After an error, Form keeps returning it with an empty QueryDict.
func (r *Request) Form() (QueryDict, error) {
	r.loadForm()
	return r.data.form, r.data.formErr
}

// Files is Django's request.FILES: the files of a multipart/form-data POST
// request, parsed together with Form (see there for the limits). Files up
// to Settings.FileMaxMemorySize in total stay in memory; beyond that they
// are spooled to temporary files (Django's FILE_UPLOAD_MAX_MEMORY_SIZE,
// which Django applies to the whole request size). Call Close to remove
// them; the Handle adapter does.
func (r *Request) Files() (UploadedFiles, error) {
	r.loadForm()
	return r.data.files, r.data.formErr
}

// loadForm is Django's HttpRequest._load_post_and_files.
func (r *Request) loadForm() {
	d := &r.data
	if d.flags&dataForm != 0 {
		return
	}
	d.flags |= dataForm
	enc, codec := r.encodingCodec()
	d.form, d.files, d.formErr = QueryDict{}, UploadedFiles{}, nil
	if enc != "" {
		d.form = QueryDict{d: &qdData{encoding: enc}}
	}
	if r.Method() != http.MethodPost {
		return
	}
	if d.flags&dataReadStarted != 0 && d.flags&dataBody == 0 {
		return
	}
	switch r.ContentType() {
	case "multipart/form-data":
		d.formErr = r.loadMultipart(enc, codec)
	case "application/x-www-form-urlencoded":
		// RFC 1866 §8.2.1: urlencoded data has no charset; current Django
		// requires UTF-8.
		declared := d.encoding
		if d.flags&dataEncodingSet == 0 {
			if cs, ok := d.contentParams["charset"]; ok {
				declared = cs
			}
		}
		if declared != "" && !csIsUTF8Name(declared) {
			d.formErr = &HTTPError{
				Status:  http.StatusBadRequest,
				Message: "HTTP requests with the 'application/x-www-form-urlencoded' content type must be UTF-8 encoded.",
				Err:     ErrBadRequest,
			}
			return
		}
		body, err := r.Body()
		if err != nil {
			d.formErr = err
			return
		}
		d.form, d.formErr = qdParse(string(body), textenc.UTF8, "utf-8", r.settings.maxNumberFields())
	}
}

// loadMultipart parses a multipart/form-data body into the form and files.
func (r *Request) loadMultipart(enc string, codec textenc.Codec) error {
	d := &r.data
	raw := r.req.Header.Get("Content-Type")
	for i := 0; i < len(raw); i++ {
		if raw[i] >= utf8.RuneSelf {
			return mpBadRequest("Invalid non-ASCII Content-Type in multipart: "+strings.ToValidUTF8(raw, "\uFFFD"), nil)
		}
	}
	boundary := d.contentParams["boundary"]
	if !mpValidBoundary(boundary) {
		return mpBadRequest("Invalid boundary in multipart: "+boundary, nil)
	}
	if r.req.ContentLength == 0 {
		d.form = QueryDict{d: &qdData{encoding: enc}}
		return nil
	}
	var src io.Reader
	if d.flags&dataBody != 0 {
		src = bytes.NewReader(d.body)
	} else {
		src = r.bodyStream()
	}
	res, err := mpParse(src, boundary, mpConfig{
		codec:     codec,
		encoding:  enc,
		maxFields: r.settings.maxNumberFields(),
		maxFiles:  r.settings.maxNumberFiles(),
		maxMemory: r.settings.maxMemorySize(),
		fileMem:   r.settings.fileMaxMemorySize(),
	})
	if err != nil {
		return err
	}
	d.form, d.files = res.form, res.files
	d.made = append(d.made, res.made...)
	return nil
}

// Close is Django's HttpRequest.close(): it closes every uploaded file,
// removing temporary files. It returns the first error. The Handle adapter
// calls it when the response is written; call it yourself for a Request
// you made with NewRequest and parsed a multipart body with.
func (r *Request) Close() error {
	var first error
	for _, f := range r.data.made {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
	}
	r.data.made = nil
	return first
}

// ctParse is Django's parse_header_parameters (§1.1 of the behaviour
// spec): the value before the first ";" trimmed and lower-cased, and each
// following "name=value" piece as a parameter (name trimmed and
// lower-cased, value trimmed, surrounding double quotes removed and \\ and
// \" unescaped). Pieces without "=" are dropped; a ";" inside double quotes
// does not split; the last duplicate wins. A name ending in "*" is an
// RFC 2231 §4 extended parameter: charset'lang'percent-encoded-value.
func ctParse(line string) (string, map[string]string) {
	end := ctPieceEnd(line)
	key := strings.ToLower(strings.TrimSpace(line[:end]))
	var params map[string]string
	for end < len(line) {
		line = line[end+1:]
		end = ctPieceEnd(line)
		p := strings.TrimSpace(line[:end])
		i := strings.IndexByte(p, '=')
		if i < 0 {
			continue
		}
		name := strings.ToLower(strings.TrimSpace(p[:i]))
		extended := false
		if strings.HasSuffix(name, "*") {
			name = name[:len(name)-1]
			extended = strings.Count(p, "'") == 2
		}
		value := strings.TrimSpace(p[i+1:])
		if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
			value = value[1 : len(value)-1]
			value = strings.ReplaceAll(value, `\\`, `\`)
			value = strings.ReplaceAll(value, `\"`, `"`)
		}
		if extended {
			cs, rest, _ := strings.Cut(value, "'")
			_, enc, _ := strings.Cut(rest, "'")
			codec := textenc.Lookup(cs)
			if codec == textenc.Unknown {
				continue
			}
			value = qdUnquote(strings.ReplaceAll(enc, "+", "%2B"), codec)
		}
		if params == nil {
			params = make(map[string]string, 2)
		}
		params[name] = value
	}
	return key, params
}

// ctPieceEnd is the index of the ";" that ends the first piece of s, or
// len(s): a ";" at which an odd number of unescaped double quotes has been
// seen does not end it (Python's _parseparam).
func ctPieceEnd(s string) int {
	quotes := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			if i == 0 || s[i-1] != '\\' {
				quotes++
			}
		case ';':
			if i == 0 || quotes%2 == 0 {
				return i
			}
		}
	}
	return len(s)
}
