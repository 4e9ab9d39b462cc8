package web_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

// mpPart is one part of a test multipart body with boundary "B".
func mpPart(headers, data string) string {
	return "--B\r\n" + headers + "\r\n\r\n" + data + "\r\n"
}

const mpEnd = "--B--\r\n"

// mpSettings are the limits of the multipart tests (the Django 3.2 oracle
// ran with the same).
var mpSettings = &web.Settings{MaxNumberFields: 3, MaxMemorySize: 40}

// mpFile describes an expected uploaded file.
type mpFile struct {
	field, name, contentType, charset, content string
}

// multipartTests were checked on Django 3.2 (same limits) unless noted.
var multipartTests = []struct {
	name  string
	ctype string
	body  string
	form  string
	files []mpFile
	err   error
}{
	{name: "golden echo.post_multipart", ctype: "multipart/form-data; boundary=XyZ",
		body: "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x y.txt\"\r\nContent-Type: text/plain\r\n\r\nfile\r\n--XyZ--\r\n",
		form: "<QueryDict: {'a': ['1', '2']}>", files: []mpFile{{"f", "x y.txt", "text/plain", "", "file"}}},
	{name: "empty filename is a field", body: mpPart(`Content-Disposition: form-data; name="f"; filename=""`, "") + mpEnd,
		form: "<QueryDict: {'f': ['']}>"},
	{name: "windows path", body: mpPart("Content-Disposition: form-data; name=\"f\"; filename=\"C:\\\\dir\\\\x.txt\"\r\nContent-Type: Text/Plain; charset=latin-1; x=Y", "hi") + mpEnd,
		form: "<QueryDict: {}>", files: []mpFile{{"f", "x.txt", "text/plain", "latin-1", "hi"}}},
	{name: "dot-dot file skipped", body: mpPart(`Content-Disposition: form-data; name="f"; filename="a/.."`, "hi") + mpPart(`Content-Disposition: form-data; name="a"`, "1") + mpEnd,
		form: "<QueryDict: {'a': ['1']}>"},
	{name: "html entity", body: mpPart(`Content-Disposition: form-data; name="f"; filename="a&amp;b.txt"`, "hi") + mpEnd,
		form: "<QueryDict: {}>", files: []mpFile{{"f", "a&b.txt", "", "", "hi"}}},
	{name: "base64 field", body: mpPart("Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: base64", "aGVs\r\nbG8=") + mpEnd,
		form: "<QueryDict: {'a': ['hello']}>"},
	{name: "bad base64 field kept", body: mpPart("Content-Disposition: form-data; name=\"a\"\r\nContent-Transfer-Encoding: base64", "aGVsb") + mpEnd,
		form: "<QueryDict: {'a': ['aGVsb']}>"},
	{name: "base64 file", body: mpPart("Content-Disposition: form-data; name=\"f\"; filename=\"x\"\r\nContent-Transfer-Encoding: base64", "aGVs\r\nbG8=") + mpEnd,
		form: "<QueryDict: {}>", files: []mpFile{{"f", "x", "", "", "hello"}}},
	{name: "part without disposition", body: mpPart("X-Foo: bar", "1") + mpPart(`Content-Disposition: form-data; name="a"`, "1") + mpEnd,
		form: "<QueryDict: {'a': ['1']}>"},
	{name: "parts without name", body: mpPart(`Content-Disposition: form-data; filename="x"`, "1") + mpPart("Content-Disposition: form-data", "2") + mpEnd,
		form: "<QueryDict: {}>"},
	{name: "fields at the limit", body: strings.Repeat(mpPart(`Content-Disposition: form-data; name="a"`, "1"), 3) + mpEnd,
		form: "<QueryDict: {'a': ['1', '1', '1']}>"},
	{name: "too many fields", body: strings.Repeat(mpPart(`Content-Disposition: form-data; name="a"`, "1"), 4) + mpEnd,
		err: web.ErrTooManyFields},
	{name: "memory at the limit", body: mpPart(`Content-Disposition: form-data; name="aa"`, strings.Repeat("x", 36)) + mpEnd,
		form: "<QueryDict: {'aa': ['" + strings.Repeat("x", 36) + "']}>"},
	{name: "memory over the limit", body: mpPart(`Content-Disposition: form-data; name="aa"`, strings.Repeat("x", 37)) + mpEnd,
		err: web.ErrRequestDataTooBig},
	{name: "files do not count toward memory", body: mpPart(`Content-Disposition: form-data; name="f"; filename="x"`, strings.Repeat("x", 100)) + mpEnd,
		form: "<QueryDict: {}>", files: []mpFile{{"f", "x", "", "", strings.Repeat("x", 100)}}},
	{name: "RFC 2231 filename", body: mpPart(`Content-Disposition: form-data; name="f"; filename*=UTF-8''%E2%82%AC%20rates.txt`, "x") + mpEnd,
		form: "<QueryDict: {}>", files: []mpFile{{"f", "€ rates.txt", "", "", "x"}}},
	{name: "utf-8 names and values", body: mpPart(`Content-Disposition: form-data; name="café"`, "naïve") + mpEnd,
		form: "<QueryDict: {'café': ['naïve']}>"},
	{name: "latin-1 request", ctype: "multipart/form-data; boundary=B; charset=latin-1", body: mpPart(`Content-Disposition: form-data; name="café"`, "naïve") + mpEnd,
		form: "<QueryDict: {'cafÃ©': ['naÃ¯ve']}>"},
	{name: "preamble and epilogue", body: "junk\r\n" + mpPart(`Content-Disposition: form-data; name="a"`, "1") + mpEnd + "epilogue",
		form: "<QueryDict: {'a': ['1']}>"},
	{name: "name is trimmed", body: mpPart(`Content-Disposition: form-data; name=" a "`, "1") + mpEnd,
		form: "<QueryDict: {'a': ['1']}>"},
	{name: "any disposition type", body: mpPart(`Content-Disposition: attachment; name="a"`, "1") + mpEnd,
		form: "<QueryDict: {'a': ['1']}>"},
	{name: "too many files", body: strings.Repeat(mpPart(`Content-Disposition: form-data; name="f"; filename="x"`, "1"), 101) + mpEnd,
		err: web.ErrTooManyFiles},
	{name: "empty file", body: mpPart(`Content-Disposition: form-data; name="f"; filename="x"`, "") + mpEnd,
		form: "<QueryDict: {}>", files: []mpFile{{"f", "x", "", "", ""}}},
	{name: "long file name keeps the extension", body: mpPart(`Content-Disposition: form-data; name="f"; filename="`+strings.Repeat("é", 300)+`.txt"`, "x") + mpEnd,
		form: "<QueryDict: {}>", files: []mpFile{{"f", strings.Repeat("é", 251) + ".txt", "", "", "x"}}},
	// Django gives an empty form for a missing boundary or a body it cannot
	// split, and keeps a truncated last part; restframe answers 400.
	{name: "invalid boundary", ctype: "multipart/form-data", body: mpPart(`Content-Disposition: form-data; name="a"`, "1") + mpEnd, err: web.ErrBadRequest},
	{name: "boundary ends with a space", ctype: `multipart/form-data; boundary="a "`, body: "", err: web.ErrBadRequest},
	{name: "non-ASCII content type", ctype: "multipart/form-data; boundary=B; x=é", body: mpEnd, err: web.ErrBadRequest},
	{name: "truncated", body: mpPart(`Content-Disposition: form-data; name="a"`, "1"), err: web.ErrBadRequest},
	{name: "garbage", body: "hello world", err: web.ErrBadRequest},
	{name: "corrupt base64 file", body: mpPart("Content-Disposition: form-data; name=\"f\"; filename=\"x\"\r\nContent-Transfer-Encoding: base64", "a!b=") + mpEnd, err: web.ErrBadRequest},
	{name: "huge part header", body: mpPart("Content-Disposition: form-data; name=\"a\"\r\nX-Big: "+strings.Repeat("x", web.MaxPartHeaderBytes), "1") + mpEnd, err: web.ErrBadRequest},
	{name: "empty body", body: "", form: "<QueryDict: {}>"},
}

// newMultipart builds a POST Request with the given multipart body.
func newMultipart(ctype, body string, s *web.Settings) *web.Request {
	if ctype == "" {
		ctype = "multipart/form-data; boundary=B"
	}
	r := httptest.NewRequest(http.MethodPost, "/upload", strings.NewReader(body))
	r.Header.Set("Content-Type", ctype)
	return web.NewRequest(r, s)
}

func TestMultipartForm(t *testing.T) {
	for _, tt := range multipartTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newMultipart(tt.ctype, tt.body, mpSettings)
			defer r.Close()
			form, err := r.Form()
			files, ferr := r.Files()
			if err != ferr {
				t.Errorf("Form error %v, Files error %v; want the same", err, ferr)
			}
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Form() error %v; want %v", err, tt.err)
				}
				if s := web.StatusOf(err); s != 400 && s != 413 {
					t.Errorf("StatusOf(%v) = %d; want 400 or 413", err, s)
				}
				if form.Len() != 0 || files.Len() != 0 {
					t.Errorf("Form() after an error = %s with %d files; want empty", form, files.Len())
				}
				return
			}
			if err != nil {
				t.Fatalf("Form() error %v", err)
			}
			if got := form.String(); got != tt.form {
				t.Errorf("Form() = %s; want %s", got, tt.form)
			}
			var got []mpFile
			for field, list := range files.Lists() {
				for _, f := range list {
					content, err := io.ReadAll(f)
					if err != nil {
						t.Fatal(err)
					}
					if f.Size != int64(len(content)) {
						t.Errorf("%s: Size %d, content %d bytes", f.Name, f.Size, len(content))
					}
					if f.FieldName != field {
						t.Errorf("%s: FieldName %q; want %q", f.Name, f.FieldName, field)
					}
					got = append(got, mpFile{field, f.Name, f.ContentType, f.Charset, string(content)})
				}
			}
			if len(got) != len(tt.files) {
				t.Fatalf("Files() = %q; want %q", got, tt.files)
			}
			for i := range got {
				if got[i] != tt.files[i] {
					t.Errorf("file %d = %q; want %q", i, got[i], tt.files[i])
				}
			}
		})
	}
}

func TestMultipartSpoolsToTemporaryFiles(t *testing.T) {
	s := &web.Settings{FileMaxMemorySize: 10}
	body := mpPart(`Content-Disposition: form-data; name="small"; filename="s.txt"`, "12345") +
		mpPart(`Content-Disposition: form-data; name="big"; filename="b.txt"`, strings.Repeat("b", 70000)) +
		mpPart(`Content-Disposition: form-data; name="second"; filename="t"`, "123456") + mpEnd
	r := newMultipart("", body, s)
	files, err := r.Files()
	if err != nil {
		t.Fatal(err)
	}
	small, _ := files.Get("small")
	big, _ := files.Get("big")
	second, _ := files.Get("second")
	if small.TemporaryFilePath() != "" {
		t.Errorf("small file spooled to %s", small.TemporaryFilePath())
	}
	// The in-memory budget is shared: 5 + 6 > 10.
	for _, f := range []*web.UploadedFile{big, second} {
		path := f.TemporaryFilePath()
		if path == "" {
			t.Fatalf("%s not spooled", f.Name)
		}
		if f.Name == "b.txt" && !strings.HasSuffix(path, ".upload.txt") {
			t.Errorf("temporary file %s does not end with .upload.txt", path)
		}
		if !strings.HasPrefix(f.String(), "<TemporaryUploadedFile: ") {
			t.Errorf("String() = %s", f)
		}
	}
	content, err := io.ReadAll(big)
	if err != nil || string(content) != strings.Repeat("b", 70000) {
		t.Fatalf("big content: %d bytes, %v", len(content), err)
	}
	n := 0
	for chunk, err := range big.Chunks(0) {
		if err != nil {
			t.Fatal(err)
		}
		n += len(chunk)
	}
	if n != 70000 || !big.MultipleChunks(0) {
		t.Errorf("Chunks gave %d bytes, MultipleChunks %v", n, big.MultipleChunks(0))
	}
	paths := []string{big.TemporaryFilePath(), second.TemporaryFilePath()}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("temporary file %s still there after Close: %v", p, err)
		}
	}
	if _, err := big.Open(); err == nil {
		t.Error("Open after Close succeeded")
	}
}

// TestMultipartInterplay is spec §15.4.
func TestMultipartInterplay(t *testing.T) {
	body := mpPart(`Content-Disposition: form-data; name="a"`, "1") + mpEnd

	t.Run("form then body", func(t *testing.T) {
		r := newMultipart("", body, nil)
		if f, err := r.Form(); err != nil || f.Len() != 1 {
			t.Fatalf("Form() = %s, %v", f, err)
		}
		if _, err := r.Body(); !errors.Is(err, web.ErrRawPostData) {
			t.Errorf("Body() after a multipart Form() error %v; want ErrRawPostData", err)
		}
	})
	t.Run("body then form", func(t *testing.T) {
		r := newMultipart("", body, nil)
		b, err := r.Body()
		if err != nil || string(b) != body {
			t.Fatalf("Body() = %q, %v", b, err)
		}
		if f, err := r.Form(); err != nil || f.String() != "<QueryDict: {'a': ['1']}>" {
			t.Errorf("Form() after Body() = %s, %v", f, err)
		}
		if b2, err := r.Body(); err != nil || !bytes.Equal(b, b2) {
			t.Errorf("Body() again = %q, %v", b2, err)
		}
	})
	t.Run("stream then form", func(t *testing.T) {
		r := newMultipart("", body, nil)
		if _, err := r.Read(make([]byte, 4)); err != nil {
			t.Fatal(err)
		}
		if f, err := r.Form(); err != nil || f.Len() != 0 {
			t.Errorf("Form() after Read() = %s, %v; want empty", f, err)
		}
	})
	t.Run("set encoding re-parses from the cached body", func(t *testing.T) {
		r := newMultipart("", mpPart(`Content-Disposition: form-data; name="a"`, "é")+mpEnd, nil)
		if _, err := r.Body(); err != nil {
			t.Fatal(err)
		}
		if f, _ := r.Form(); f.String() != "<QueryDict: {'a': ['é']}>" {
			t.Errorf("Form() = %s", f)
		}
		if err := r.SetEncoding("latin-1"); err != nil {
			t.Fatal(err)
		}
		if f, _ := r.Form(); f.String() != "<QueryDict: {'a': ['Ã©']}>" {
			t.Errorf("Form() after SetEncoding(latin-1) = %s", f)
		}
	})
	t.Run("set encoding after streaming gives an empty form", func(t *testing.T) {
		r := newMultipart("", body, nil)
		if f, _ := r.Form(); f.Len() != 1 {
			t.Fatalf("Form() = %s", f)
		}
		r.SetEncoding("latin-1")
		if f, err := r.Form(); err != nil || f.Len() != 0 {
			t.Errorf("Form() after SetEncoding = %s, %v; want empty", f, err)
		}
	})
}

func FuzzMultipartForm(f *testing.F) {
	for _, tt := range multipartTests {
		if tt.ctype == "" {
			f.Add([]byte(tt.body))
		}
	}
	f.Add([]byte(mpPart("Content-Disposition: form-data; name=\"f\"; filename=\"x\"\r\nContent-Transfer-Encoding: base64", "YWJj\r\nZGVm") + mpEnd))
	s := &web.Settings{MaxNumberFields: 4, MaxNumberFiles: 2, MaxMemorySize: 64, FileMaxMemorySize: 16}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := newMultipart("", string(body), s)
		form, err := r.Form()
		files, _ := r.Files()
		var temps []string
		defer func() {
			if err := r.Close(); err != nil {
				t.Errorf("Close() error %v", err)
			}
			for _, p := range temps {
				if _, err := os.Stat(p); !os.IsNotExist(err) {
					t.Errorf("temporary file %s left after Close", p)
				}
			}
		}()
		if err != nil {
			if st := web.StatusOf(err); st != 400 && st != 413 {
				t.Fatalf("Form() error %v has status %d; want 400 or 413", err, st)
			}
			if form.Len() != 0 || files.Len() != 0 {
				t.Fatalf("Form() error %v with data", err)
			}
			return
		}
		fields, used := 0, 0
		for k, vals := range form.Lists() {
			fields += len(vals)
			for _, v := range vals {
				used += len(k) + 2 + len(v)
			}
		}
		if fields > 4 {
			t.Fatalf("%d fields; limit 4", fields)
		}
		if used > 64*4 { // values may grow by decoding (U+FFFD) but not unboundedly
			t.Fatalf("%d bytes of fields; limit 64", used)
		}
		n := 0
		for _, list := range files.Lists() {
			for _, f := range list {
				n++
				if p := f.TemporaryFilePath(); p != "" {
					temps = append(temps, p)
				}
				data, err := io.ReadAll(f)
				if err != nil || int64(len(data)) != f.Size {
					t.Fatalf("file %q: %d bytes, Size %d, %v", f.Name, len(data), f.Size, err)
				}
			}
		}
		if n > 2 {
			t.Fatalf("%d files; limit 2", n)
		}
	})
}

func TestMultipartBrokenStream(t *testing.T) {
	body := mpPart(`Content-Disposition: form-data; name="f"; filename="x"`, strings.Repeat("x", 1000)) + mpEnd
	hr := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	hr.Header.Set("Content-Type", "multipart/form-data; boundary=B")
	hr.Body = http.MaxBytesReader(httptest.NewRecorder(), hr.Body, 100)
	r := web.NewRequest(hr, nil)
	defer r.Close()
	if _, err := r.Form(); !errors.Is(err, web.ErrRequestDataTooBig) {
		t.Errorf("Form() over http.MaxBytesReader: error %v; want ErrRequestDataTooBig", err)
	}
}
