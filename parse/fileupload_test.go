package parse_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

var fileUploadTests = []struct {
	name        string
	method      string
	ct          string
	disposition string
	body        string
	wantName    string
	wantType    string
	wantCharset string
}{
	{"filename", "POST", "text/plain", `attachment; filename="a.txt"`, "hello", "a.txt", "text/plain", ""},
	{"RFC 5987 filename*", "PUT", "text/plain; charset=utf-8", "attachment; filename*=utf-8''%E2%98%85.txt", "hello", "★.txt", "text/plain", "utf-8"},
	{"no Content-Type", "POST", "", `attachment; filename="a.bin"`, "\x00\x01", "a.bin", "", ""},
	{"path is stripped", "POST", "", `attachment; filename="../../etc/passwd"`, "x", "passwd", "", ""},
	{"inline", "PUT", "image/png", `inline; filename=pic.png`, "\x89PNG", "pic.png", "image/png", ""},
	{"quotes and semicolons", "POST", "", `attachment; filename="a \"b\"; c'd.txt"`, "x", `a "b"; c'd.txt`, "", ""},
	{"empty body", "POST", "text/plain", `attachment; filename="e.txt"`, "", "e.txt", "text/plain", ""},
	{"control character in Content-Type is dropped", "POST", "\x19", `attachment; filename="c"`, "0", "c", "", ""},
	{"long name keeps its start and extension", "POST", "", `attachment; filename="d/` + strings.Repeat("é", 2000) + `.txt"`,
		"x", strings.Repeat("é", 251) + ".txt", "", ""},
	{"long name with a long extension", "POST", "", "attachment; filename=" + strings.Repeat("a", 3000) + "." + strings.Repeat("b", 600),
		"x", "." + strings.Repeat("b", 254), "", ""},
	{"body looks like a boundary", "POST", "", `attachment; filename="m.txt"`,
		"\r\n--restframe-upload-00000000000000000000000000000000--\r\n--XyZ\r\n", "m.txt", "", ""},
}

func TestFileUploadParse(t *testing.T) {
	for _, tt := range fileUploadTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRequest(tt.method, tt.ct, tt.body, nil)
			r.HTTP().Header.Set("Content-Disposition", tt.disposition)
			v, err := parse.FileUpload{}.Parse(r, tt.ct)
			if err != nil {
				t.Fatalf("Parse error %v", err)
			}
			d := checkData(t, v, "<QueryDict: {}>", map[string]string{"file": tt.body})
			defer d.Close()
			f, _ := d.Files.Get("file")
			if f.Name != tt.wantName || f.ContentType != tt.wantType || f.Charset != tt.wantCharset || f.FieldName != "file" {
				t.Fatalf("file = %q %q %q %q; want %q %q %q \"file\"",
					f.Name, f.ContentType, f.Charset, f.FieldName, tt.wantName, tt.wantType, tt.wantCharset)
			}
			if f.Size != int64(len(tt.body)) {
				t.Fatalf("Size = %d; want %d", f.Size, len(tt.body))
			}
		})
	}
}

// TestFileUploadURLValue: the "filename" URL value wins over the header.
func TestFileUploadURLValue(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"kw.txt", "kw.txt"},
		{"%C3%A9.txt", "é.txt"},
		{strings.Repeat("x", 100000) + ".bin", strings.Repeat("x", 251) + ".bin"},
	} {
		var got string
		mux := http.NewServeMux()
		mux.HandleFunc("PUT /upload/{filename}", func(w http.ResponseWriter, hr *http.Request) {
			v, err := parse.FileUpload{}.Parse(web.NewRequest(hr, nil), "")
			if err != nil {
				t.Errorf("Parse: %v", err)
				return
			}
			f, _ := v.(parse.Data).Files.Get("file")
			got = f.Name
			v.(parse.Data).Close()
		})
		hr := httptest.NewRequest("PUT", "/upload/"+tt.path, strings.NewReader("x"))
		hr.Header.Set("Content-Disposition", `attachment; filename="header.txt"`)
		mux.ServeHTTP(httptest.NewRecorder(), hr)
		if got != tt.want {
			t.Errorf("file name for /upload/%.20s = %.40q; want %.40q", tt.path, got, tt.want)
		}
	}
}

const missingFilename = "Missing filename. Request should include a Content-Disposition header with a filename parameter."

func TestFileUploadErrors(t *testing.T) {
	for _, tt := range []struct {
		name, disposition, want string
	}{
		{"no header", "", missingFilename},
		{"no filename", "attachment", missingFilename},
		{"empty filename", `attachment; filename=""`, missingFilename},
		{"dot-dot", `attachment; filename=".."`, missingFilename},
		{"non-ASCII parameter name", "attachment; fil\xe9name=a", missingFilename},
		{"header beyond mediatype.MaxLength", `attachment; filename="` + strings.Repeat("a", 4096) + `"`, missingFilename},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRequest("POST", "text/plain", "x", nil)
			if tt.disposition != "" {
				r.HTTP().Header.Set("Content-Disposition", tt.disposition)
			}
			v, err := parse.FileUpload{}.Parse(r, "")
			if v != nil {
				t.Errorf("Parse value = %v; want nil", v)
			}
			checkParseError(t, "Parse", err, tt.want)
		})
	}
}

func TestFileUploadLimits(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    *web.Request
	}{
		{"Content-Length", newRequest("POST", "", "0123456789", nil)},
		{"stream", newStreamRequest("POST", "", "0123456789", nil)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.HTTP().Header.Set("Content-Disposition", `attachment; filename="a"`)
			_, err := parse.FileUpload{MaxSize: 9}.Parse(tt.r, "")
			if !errors.Is(err, web.ErrRequestDataTooBig) || errors.Is(err, parse.ErrParse) {
				t.Fatalf("Parse = %v; want web.ErrRequestDataTooBig", err)
			}
			if got := web.StatusOf(err); got != http.StatusRequestEntityTooLarge {
				t.Fatalf("StatusOf = %d; want 413", got)
			}
		})
	}
	r := newStreamRequest("POST", "", "0123456789", nil)
	r.HTTP().Header.Set("Content-Disposition", `attachment; filename="a"`)
	v, err := parse.FileUpload{MaxSize: 10}.Parse(r, "")
	if err != nil {
		t.Fatalf("Parse at MaxSize: %v", err)
	}
	v.(parse.Data).Close()
}

// TestFileUploadSpooled: a large upload goes to a temporary file, which
// Data.Close removes; the web layer's MaxMemorySize does not apply.
func TestFileUploadSpooled(t *testing.T) {
	body := strings.Repeat("0123456789", 100)
	r := newStreamRequest("POST", "application/octet-stream", body, &web.Settings{MaxMemorySize: 10, FileMaxMemorySize: 100})
	r.HTTP().Header.Set("Content-Disposition", `attachment; filename="big.bin"`)
	v, err := parse.FileUpload{}.Parse(r, "")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	d := checkData(t, v, "<QueryDict: {}>", map[string]string{"file": body})
	f, _ := d.Files.Get("file")
	path := f.TemporaryFilePath()
	if path == "" {
		t.Fatal("file not spooled")
	}
	if err := d.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("%s still exists after Close (%v)", path, err)
	}
}

func TestFileUploadReadError(t *testing.T) {
	hr := httptest.NewRequest("POST", "/", io.MultiReader(strings.NewReader("abc"), failingReader{}))
	hr.Header.Set("Content-Disposition", `attachment; filename="a"`)
	_, err := parse.FileUpload{}.Parse(web.NewRequest(hr, nil), "")
	if !errors.Is(err, web.ErrBadRequest) || errors.Is(err, parse.ErrParse) {
		t.Fatalf("Parse = %v; want web.ErrBadRequest unchanged", err)
	}
}

func TestFileUploadMediaType(t *testing.T) {
	if got := (parse.FileUpload{}).MediaType(); got != "*/*" {
		t.Errorf("FileUpload{}.MediaType() = %q", got)
	}
	if got := (parse.FileUpload{Type: "image/*"}).MediaType(); got != "image/*" {
		t.Errorf("FileUpload{Type}.MediaType() = %q", got)
	}
}
