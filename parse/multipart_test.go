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

// mpBody is a multipart/form-data body with boundary "XyZ": fields a=1,
// a=2 and the file f ("x.txt", text/plain, "file"), as in the conformance
// case parse.echo.multipart.
const mpBody = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" +
	"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n" +
	"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nfile\r\n" +
	"--XyZ--\r\n"

// mpPart returns one multipart part with boundary "XyZ".
func mpPart(name, filename, content string) string {
	cd := `form-data; name="` + name + `"`
	if filename != "" {
		cd += `; filename="` + filename + `"`
	}
	return "--XyZ\r\nContent-Disposition: " + cd + "\r\n\r\n" + content + "\r\n"
}

// checkData fails unless v is a parse.Data with the fields and the
// content of each file wanted.
func checkData(t *testing.T, v any, fields string, files map[string]string) parse.Data {
	t.Helper()
	d, ok := v.(parse.Data)
	if !ok {
		t.Fatalf("Parse = %T %v; want parse.Data", v, v)
	}
	if got := d.Fields.String(); got != fields {
		t.Errorf("Fields = %s; want %s", got, fields)
	}
	if d.Files.Len() != len(files) {
		t.Errorf("Files.Len() = %d; want %d", d.Files.Len(), len(files))
	}
	for key, content := range files {
		f, ok := d.Files.Get(key)
		if !ok {
			t.Errorf("Files.Get(%q) missing", key)
			continue
		}
		b, err := io.ReadAll(f)
		if err != nil || string(b) != content {
			t.Errorf("file %q = %q, %v; want %q", key, b, err, content)
		}
	}
	return d
}

var multipartParseTests = []struct {
	name   string
	method string
	ct     string
	body   string
	fields string
	files  map[string]string
}{
	{"POST", "POST", "multipart/form-data; boundary=XyZ", mpBody,
		"<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"}},
	{"PUT", "PUT", "multipart/form-data; boundary=XyZ", mpBody,
		"<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"}},
	{"PATCH", "PATCH", "multipart/form-data; boundary=XyZ", mpBody,
		"<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"}},
	{"quoted boundary", "POST", `multipart/form-data; boundary="XyZ"`, mpBody,
		"<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"}},
	{"upper-case type", "POST", "Multipart/Form-Data; boundary=XyZ", mpBody,
		"<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"}},
	{"multipart/* matched by a wildcard", "POST", "multipart/*; boundary=XyZ", mpBody,
		"<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"}},
	{"latin-1 fields on PUT", "PUT", "multipart/form-data; boundary=XyZ; charset=latin-1",
		mpPart("n", "", "\xe9") + "--XyZ--\r\n", "<QueryDict: {'n': ['é']}>", nil},
	{"no parts", "POST", "multipart/form-data; boundary=XyZ", "--XyZ--\r\n", "<QueryDict: {}>", nil},
	{"empty body", "PUT", "multipart/form-data; boundary=XyZ", "", "<QueryDict: {}>", nil},
}

func TestMultiPartParse(t *testing.T) {
	for _, tt := range multipartParseTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRequest(tt.method, tt.ct, tt.body, nil)
			defer r.Close()
			v, err := parse.MultiPart{}.Parse(r, tt.ct)
			if err != nil {
				t.Fatalf("Parse error %v", err)
			}
			d := checkData(t, v, tt.fields, tt.files)
			if err := d.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
		})
	}
}

// TestMultiPartAfterBody: a body read with Body first is parsed from the
// cached copy.
func TestMultiPartAfterBody(t *testing.T) {
	for _, method := range []string{"POST", "PUT"} {
		r := newRequest(method, "multipart/form-data; boundary=XyZ", mpBody, nil)
		if _, err := r.Body(); err != nil {
			t.Fatal(err)
		}
		v, err := parse.MultiPart{}.Parse(r, "")
		if err != nil {
			t.Fatalf("%s: Parse after Body: %v", method, err)
		}
		checkData(t, v, "<QueryDict: {'a': ['1', '2']}>", map[string]string{"f": "file"})
	}
}

var multipartErrorTests = []struct {
	name string
	ct   string
	body string
	want string
}{
	{"no boundary", "multipart/form-data", mpBody,
		"Multipart form parse error - Invalid boundary in multipart: None"},
	{"empty boundary", "multipart/form-data; boundary=", mpBody,
		"Multipart form parse error - Invalid boundary in multipart: "},
	{"boundary ending in a space", `multipart/form-data; boundary="x y "`, mpBody,
		"Multipart form parse error - Invalid boundary in multipart: x y "},
	{"not multipart", "*/form-data; boundary=XyZ", mpBody,
		"Multipart form parse error - Invalid Content-Type: */form-data; boundary=XyZ"},
	{"garbage", "multipart/form-data; boundary=XyZ", "abc",
		"Multipart form parse error - Invalid multipart body."},
	{"truncated", "multipart/form-data; boundary=XyZ", mpPart("a", "", "1"),
		"Multipart form parse error - Invalid multipart body."},
	{"bad base64", "multipart/form-data; boundary=XyZ",
		"--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\r\n--XyZ--\r\n",
		"Multipart form parse error - Could not decode base64 data."},
}

func TestMultiPartErrors(t *testing.T) {
	for _, tt := range multipartErrorTests {
		for _, method := range []string{"POST", "PUT"} {
			t.Run(tt.name+"/"+method, func(t *testing.T) {
				r := newRequest(method, tt.ct, tt.body, nil)
				defer r.Close()
				v, err := parse.MultiPart{}.Parse(r, tt.ct)
				if v != nil {
					t.Errorf("Parse value = %v; want nil", v)
				}
				checkParseError(t, "Parse", err, tt.want)
			})
		}
	}
}

func TestMultiPartLimits(t *testing.T) {
	twoFiles := mpPart("f", "a.txt", "1") + mpPart("g", "b.txt", "2") + "--XyZ--\r\n"
	twoFields := mpPart("a", "", "1") + mpPart("b", "", "2") + "--XyZ--\r\n"
	for _, tt := range []struct {
		name   string
		s      *web.Settings
		body   string
		err    error
		status int
	}{
		{"files", &web.Settings{MaxNumberFiles: 1}, twoFiles, web.ErrTooManyFiles, http.StatusBadRequest},
		{"fields", &web.Settings{MaxNumberFields: 1}, twoFields, web.ErrTooManyFields, http.StatusBadRequest},
		{"field bytes", &web.Settings{MaxMemorySize: 5}, twoFields, web.ErrRequestDataTooBig, http.StatusRequestEntityTooLarge},
	} {
		for _, method := range []string{"POST", "PATCH"} {
			t.Run(tt.name+"/"+method, func(t *testing.T) {
				r := newRequest(method, "multipart/form-data; boundary=XyZ", tt.body, tt.s)
				defer r.Close()
				_, err := parse.MultiPart{}.Parse(r, "")
				if !errors.Is(err, tt.err) || errors.Is(err, parse.ErrParse) {
					t.Fatalf("Parse = %v; want %v unchanged", err, tt.err)
				}
				if got := web.StatusOf(err); got != tt.status {
					t.Fatalf("StatusOf = %d; want %d", got, tt.status)
				}
			})
		}
	}
}

// TestMultiPartSpooled: a file beyond FileMaxMemorySize goes to a
// temporary file, which Data.Close removes (for POST, web.Request.Close
// does too).
func TestMultiPartSpooled(t *testing.T) {
	big := strings.Repeat("x", 100)
	for _, method := range []string{"POST", "PUT"} {
		r := newRequest(method, "multipart/form-data; boundary=XyZ",
			mpPart("f", "big.bin", big)+"--XyZ--\r\n", &web.Settings{FileMaxMemorySize: 10})
		v, err := parse.MultiPart{}.Parse(r, "")
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		d := checkData(t, v, "<QueryDict: {}>", map[string]string{"f": big})
		f, _ := d.Files.Get("f")
		path := f.TemporaryFilePath()
		if path == "" {
			t.Fatalf("%s: file not spooled", method)
		}
		if err := d.Close(); err != nil {
			t.Fatalf("%s: Close: %v", method, err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatalf("%s: %s still exists after Close (%v)", method, path, err)
		}
		if err := r.Close(); err != nil {
			t.Fatalf("%s: Request.Close after Data.Close: %v", method, err)
		}
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

// TestMultiPartReadError: a failing connection is not a malformed body.
func TestMultiPartReadError(t *testing.T) {
	for _, method := range []string{"POST", "PUT"} {
		hr := httptest.NewRequest(method, "/", io.MultiReader(strings.NewReader(mpBody[:30]), failingReader{}))
		hr.Header.Set("Content-Type", "multipart/form-data; boundary=XyZ")
		_, err := parse.MultiPart{}.Parse(web.NewRequest(hr, nil), "")
		if !errors.Is(err, web.ErrBadRequest) || errors.Is(err, parse.ErrParse) {
			t.Fatalf("%s: Parse = %v; want web.ErrBadRequest unchanged", method, err)
		}
	}
}

func TestMultiPartMediaType(t *testing.T) {
	if got := (parse.MultiPart{}).MediaType(); got != "multipart/form-data" {
		t.Errorf("MultiPart{}.MediaType() = %q", got)
	}
	if got := (parse.MultiPart{Type: "multipart/mixed"}).MediaType(); got != "multipart/mixed" {
		t.Errorf("MultiPart{Type}.MediaType() = %q", got)
	}
}
