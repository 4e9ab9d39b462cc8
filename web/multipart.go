package web

import (
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/restframe/restframe/internal/textenc"
)

// MaxPartHeaderBytes limits the bytes read while looking for the next part
// of a multipart/form-data body and reading its headers (the preamble
// included): more is a 400 Bad Request. Django reads at most 1 KiB of part
// headers; restframe allows more but not without bound.
const MaxPartHeaderBytes = 64 << 10

// mpConfig holds the limits and encoding of one multipart parse.
type mpConfig struct {
	codec     textenc.Codec
	encoding  string // the form's QueryDict encoding
	maxFields int    // < 0: no limit
	maxFiles  int    // < 0: no limit
	maxMemory int64  // < 0: no limit; non-file bytes
	fileMem   int64  // in-memory budget shared by the files
}

// mpResult is what a multipart body gives: Django's (POST, FILES).
type mpResult struct {
	form  QueryDict
	files UploadedFiles
	made  []*UploadedFile // every file, for Request.Close
}

// mpBadRequest is a 400 with msg shown to the client and cause kept for
// the logs; it matches ErrBadRequest.
func mpBadRequest(msg string, cause error) error {
	err := ErrBadRequest
	if cause != nil {
		err = fmt.Errorf("%w: %w", ErrBadRequest, cause)
	}
	return &HTTPError{Status: 400, Message: msg, Err: err}
}

// mpValidBoundary is Python's cgi.valid_boundary, which Django uses:
// 1 to 201 printable ASCII characters, the last not a space.
func mpValidBoundary(b string) bool {
	if b == "" || len(b) > 201 || b[len(b)-1] == ' ' {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] < ' ' || b[i] > '~' {
			return false
		}
	}
	return true
}

// mpSource reads the body for the multipart reader. While limiting (part
// headers are being read) it allows at most budget bytes; it records the
// first error of the underlying reader, so that a failing connection is
// not reported as a malformed body.
type mpSource struct {
	r        io.Reader
	limiting bool
	budget   int
	tripped  bool
	err      error
}

var errMpHeaderBudget = errors.New("web: multipart part headers too large")

func (s *mpSource) Read(p []byte) (int, error) {
	if s.limiting {
		if s.budget <= 0 {
			s.tripped = true
			return 0, errMpHeaderBudget
		}
		if len(p) > s.budget {
			p = p[:s.budget]
		}
	}
	n, err := s.r.Read(p)
	if s.limiting {
		s.budget -= n
	}
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

// mpParse is Django's MultiPartParser over src: non-file parts become the
// form, parts with a non-empty filename become UploadedFiles. On error
// every file made is closed.
func mpParse(src io.Reader, boundary string, cfg mpConfig) (res mpResult, err error) {
	defer func() {
		if err != nil {
			for _, f := range res.made {
				f.Close()
			}
			res = mpResult{}
		}
	}()
	s := &mpSource{r: src}
	mr := multipart.NewReader(s, boundary)
	form := &qdData{encoding: cfg.encoding}
	var (
		numFields, numFiles int
		used                int64 // non-file bytes, as Django counts them
		memLeft             = cfg.fileMem
		buf                 []byte
	)
	fail := func(err error) error {
		switch {
		case s.err != nil:
			return bodyReadError(s.err)
		case s.tripped:
			return mpBadRequest("Multipart part headers too large.", errMpHeaderBudget)
		}
		return err
	}
	for {
		s.limiting, s.budget = true, MaxPartHeaderBytes
		part, err := mr.NextRawPart()
		s.limiting = false
		if err == io.EOF {
			break
		}
		if err != nil {
			return res, fail(mpBadRequest("Invalid multipart body.", err))
		}
		cd := part.Header.Get("Content-Disposition")
		var params map[string]string
		if cd != "" {
			_, params = ctParse(cd)
		}
		filename := params["filename"]
		if cd == "" || filename == "" {
			// Django's FIELD and RAW items both count as fields.
			numFields++
			if cfg.maxFields >= 0 && numFields > cfg.maxFields {
				return res, ErrTooManyFields
			}
		}
		name, ok := params["name"]
		if cd == "" || !ok {
			if _, err := io.Copy(io.Discard, part); err != nil {
				return res, fail(mpBadRequest("Invalid multipart body.", err))
			}
			continue
		}
		name, _ = csDecode(cfg.codec, strings.TrimSpace(name), false)
		b64 := strings.TrimSpace(part.Header.Get("Content-Transfer-Encoding")) == "base64"

		if filename == "" {
			var rd io.Reader = part
			if cfg.maxMemory >= 0 {
				rd = io.LimitReader(part, max(cfg.maxMemory-used, 0))
			}
			data, err := io.ReadAll(rd)
			if err != nil {
				return res, fail(mpBadRequest("Invalid multipart body.", err))
			}
			used += int64(len(data)) + int64(utf8.RuneCountInString(name)) + 2
			if cfg.maxMemory >= 0 && used > cfg.maxMemory {
				return res, ErrRequestDataTooBig
			}
			if b64 {
				if dec, err := base64.StdEncoding.DecodeString(mpBase64Alphabet(data)); err == nil {
					data = dec
				}
			}
			value, _ := csDecode(cfg.codec, string(data), false)
			form.appendList(name, value)
			continue
		}

		numFiles++
		if cfg.maxFiles >= 0 && numFiles > cfg.maxFiles {
			return res, ErrTooManyFiles
		}
		filename, _ = csDecode(cfg.codec, filename, false)
		filename = ufSanitizeName(filename)
		if filename == "" {
			if _, err := io.Copy(io.Discard, part); err != nil {
				return res, fail(mpBadRequest("Invalid multipart body.", err))
			}
			continue
		}
		f := &UploadedFile{FieldName: name, Name: filename}
		if ct := part.Header.Get("Content-Type"); ct != "" {
			f.ContentType, f.ContentTypeExtra = ctParse(ct)
			f.Charset = f.ContentTypeExtra["charset"]
		}
		res.made = append(res.made, f)
		var content io.Reader = part
		if b64 {
			content = base64.NewDecoder(base64.StdEncoding, &mpSpaceStripper{r: part})
		}
		if buf == nil {
			buf = make([]byte, 32<<10)
		}
		if err := mpStore(f, content, buf, &memLeft); err != nil {
			var cerr base64.CorruptInputError
			var perr *os.PathError
			switch {
			case s.err != nil || s.tripped:
				return res, fail(err)
			case errors.As(err, &cerr), b64 && errors.Is(err, io.ErrUnexpectedEOF):
				return res, mpBadRequest("Could not decode base64 data.", err)
			case errors.As(err, &perr):
				return res, err // the temporary file: a server error
			}
			return res, mpBadRequest("Invalid multipart body.", err)
		}
		res.files.add(name, f)
	}
	res.form = QueryDict{d: form}
	return res, nil
}

// mpStore reads the content of f into memory while the shared budget
// allows, spooling it to a temporary file beyond that.
func mpStore(f *UploadedFile, content io.Reader, buf []byte, memLeft *int64) error {
	var mem []byte
	var tmp *os.File
	for {
		n, rerr := content.Read(buf)
		if n > 0 {
			switch {
			case tmp != nil:
				if _, err := tmp.Write(buf[:n]); err != nil {
					return mpDropTemp(tmp, err)
				}
			case int64(len(mem)+n) <= *memLeft:
				mem = append(mem, buf[:n]...)
			default:
				var err error
				if tmp, err = os.CreateTemp("", "restframe-*.upload"+ufTempExt(f.Name)); err != nil {
					return err
				}
				if _, err := tmp.Write(mem); err != nil {
					return mpDropTemp(tmp, err)
				}
				mem = nil
				if _, err := tmp.Write(buf[:n]); err != nil {
					return mpDropTemp(tmp, err)
				}
			}
			f.Size += int64(n)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if tmp != nil {
				return mpDropTemp(tmp, rerr)
			}
			return rerr
		}
	}
	if tmp != nil {
		if err := tmp.Close(); err != nil {
			os.Remove(tmp.Name())
			return err
		}
		f.path = tmp.Name()
		return nil
	}
	if mem == nil {
		mem = []byte{}
	}
	*memLeft -= int64(len(mem))
	f.mem = mem
	return nil
}

// mpDropTemp closes and removes a temporary file after err.
func mpDropTemp(tmp *os.File, err error) error {
	tmp.Close()
	os.Remove(tmp.Name())
	return err
}

// mpBase64Alphabet keeps the base64 alphabet and "=" of data, as Python's
// non-strict b64decode does.
func mpBase64Alphabet(data []byte) string {
	b := make([]byte, 0, len(data))
	for _, c := range data {
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '=' {
			b = append(b, c)
		}
	}
	return string(b)
}

// mpSpaceStripper drops ASCII whitespace, which Django strips from base64
// file content before decoding.
type mpSpaceStripper struct{ r io.Reader }

func (s *mpSpaceStripper) Read(p []byte) (int, error) {
	for {
		n, err := s.r.Read(p)
		j := 0
		for _, c := range p[:n] {
			switch c {
			case ' ', '\t', '\n', '\r', '\v', '\f':
			default:
				p[j] = c
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}

// ufSanitizeName is Django's MultiPartParser.sanitize_file_name followed by
// the UploadedFile name setter: HTML entities decoded, everything up to the
// last "/" and "\" dropped, "", "." and ".." refused (""), and names longer
// than 255 characters cut, keeping the extension.
func ufSanitizeName(name string) string {
	name = html.UnescapeString(name)
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		name = name[i+1:]
	}
	if name == "" || name == "." || name == ".." {
		return ""
	}
	if utf8.RuneCountInString(name) <= 255 {
		return name
	}
	r := []rune(name)
	stem, ext := r, []rune(nil)
	if i := ufExtIndex(r); i >= 0 {
		stem, ext = r[:i], r[i:]
	}
	if len(ext) > 255 {
		ext = ext[:255]
	}
	if keep := 255 - len(ext); len(stem) > keep {
		stem = stem[:keep]
	}
	return string(stem) + string(ext)
}

// ufExtIndex is where Python's os.path.splitext puts the extension: the
// last ".", unless only dots precede it; -1 for none.
func ufExtIndex(r []rune) int {
	dot := -1
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == '.' {
			dot = i
			break
		}
	}
	if dot <= 0 {
		return -1
	}
	for i := 0; i < dot; i++ {
		if r[i] != '.' {
			return dot
		}
	}
	return -1
}

// ufTempExt is the extension of name for a temporary file's name (Django
// names them "*.upload<ext>"), or "" when it is long or unusual.
func ufTempExt(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || len(name)-i > 16 {
		return ""
	}
	ext := name[i:]
	for j := 1; j < len(ext); j++ {
		c := ext[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return ""
		}
	}
	return ext
}
