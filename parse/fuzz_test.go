package parse_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/restframe/restframe/mediatype"
	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// FuzzJSONParser checks that JSON.Parse never panics, fails only with
// parse.ErrParse, agrees with ParseInto, accepts exactly the bodies
// encoding/json finds valid (strict mode, UTF-8, within the limits), and
// that what it returns encodes and parses back to the same value.
func FuzzJSONParser(f *testing.F) {
	// Long seeds (the digit and depth limits) are left out: minimizing
	// inputs derived from them takes the fuzzer longer than -fuzztime.
	for _, tt := range pythonJSONMessages {
		if len(tt.body) <= 256 {
			f.Add([]byte(tt.body), "", false, true)
		}
	}
	for _, tt := range jsonParseTests {
		if len(tt.body) <= 256 {
			f.Add([]byte(tt.body), tt.ct, tt.p.AllowNaN, tt.p.UseNumber)
		}
	}
	for _, tt := range jsonErrorTests {
		if len(tt.body) <= 256 {
			f.Add([]byte(tt.body), tt.ct, tt.p.AllowNaN, tt.p.UseNumber)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, ct string, allowNaN, useNumber bool) {
		if ct == "" || strings.ContainsAny(ct, "\r\n") {
			ct = "application/json"
		}
		p := parse.JSON{AllowNaN: allowNaN, UseNumber: useNumber, MaxDepth: 64}
		v, err := p.Parse(newRequest("POST", ct, string(body), nil), ct)
		if useNumber { // float64 overflow is Parse's own check
			var into any
			err2 := p.ParseInto(newRequest("POST", ct, string(body), nil), &into)
			switch {
			case err != nil && detailOf(err2) != detailOf(err):
				t.Fatalf("ParseInto(%q) = %v; Parse gave %v", body, err2, err)
			case err == nil && err2 != nil && !(allowNaN && strings.Contains(detailOf(err2), "NaN and Infinity")):
				t.Fatalf("ParseInto(%q) = %v; Parse succeeded", body, err2)
			}
		}
		if err != nil && (v != nil || !errors.Is(err, parse.ErrParse) || !strings.HasPrefix(detailOf(err), "JSON parse error - ")) {
			t.Fatalf("Parse(%q) = %v, %v; want a JSON parse error", body, v, err)
		}
		charset := newRequest("POST", ct, "", nil).Encoding()
		if allowNaN || !useNumber || len(body) == 0 || bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) ||
			!utf8.Valid(body) || charset != "" && !strings.EqualFold(charset, "utf-8") {
			return
		}
		d := detailOf(err)
		if strings.Contains(d, "Maximum nesting depth") || strings.Contains(d, "Exceeds the limit") {
			return
		}
		if valid := json.Valid(body); valid != (err == nil) {
			t.Fatalf("Parse(%q) = %v; encoding/json says valid=%v", body, err, valid)
		}
		if err != nil {
			return
		}
		b, merr := json.Marshal(v)
		if merr != nil {
			t.Fatalf("Marshal(Parse(%q)) = %v", body, merr)
		}
		again, err := p.Parse(newRequest("POST", "application/json", string(b), nil), "")
		if err != nil || !reflect.DeepEqual(again, v) {
			t.Fatalf("round trip of %q: %#v, %v; want %#v", body, again, err, v)
		}
	})
}

// FuzzMultiPartParser checks that MultiPart.Parse never panics and fails
// only with a parse error or one of the web layer's 4xx errors, for POST
// (the web layer's own parsing) and PUT (the stream path).
func FuzzMultiPartParser(f *testing.F) {
	for _, tt := range multipartParseTests {
		f.Add(tt.method == "POST", tt.ct, []byte(tt.body))
	}
	for _, tt := range multipartErrorTests {
		f.Add(true, tt.ct, []byte(tt.body))
		f.Add(false, tt.ct, []byte(tt.body))
	}
	s := &web.Settings{MaxNumberFields: 5, MaxNumberFiles: 2, MaxMemorySize: 1024, FileMaxMemorySize: 64}
	f.Fuzz(func(t *testing.T, post bool, ct string, body []byte) {
		if strings.ContainsAny(ct, "\r\n") {
			return
		}
		method := "PUT"
		if post {
			method = "POST"
		}
		r := newRequest(method, ct, string(body), s)
		defer r.Close()
		v, err := parse.MultiPart{}.Parse(r, ct)
		if err == nil {
			d, ok := v.(parse.Data)
			if !ok {
				t.Fatalf("Parse = %T; want parse.Data", v)
			}
			for _, files := range d.Files.Lists() {
				for _, f := range files {
					if b, err := io.ReadAll(f); err != nil || int64(len(b)) != f.Size {
						t.Fatalf("file %q: %d bytes, %v; Size %d", f.Name, len(b), err, f.Size)
					}
				}
			}
			if err := d.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			return
		}
		if v != nil {
			t.Fatalf("Parse = %v with error %v", v, err)
		}
		switch {
		case errors.Is(err, parse.ErrParse):
			if !strings.HasPrefix(detailOf(err), "Multipart form parse error - ") {
				t.Fatalf("detail %q", detailOf(err))
			}
		case errors.Is(err, web.ErrTooManyFields), errors.Is(err, web.ErrTooManyFiles),
			errors.Is(err, web.ErrRequestDataTooBig):
		default:
			t.Fatalf("Parse(%q, %q) = %v; want a typed 4xx error", ct, body, err)
		}
		if st := web.StatusOf(err); st < 400 || st >= 500 {
			t.Fatalf("StatusOf(%v) = %d", err, st)
		}
	})
}

// FuzzFileUploadParser checks that the uploaded file holds the body byte
// for byte whatever it contains, under a sanitized name, and that the only
// error is DRF's missing filename.
func FuzzFileUploadParser(f *testing.F) {
	for _, tt := range fileUploadTests {
		f.Add(tt.disposition, tt.ct, []byte(tt.body))
	}
	f.Add(`attachment; filename="a"`, "", []byte("\r\n--restframe-upload-"))
	f.Fuzz(func(t *testing.T, disposition, ct string, body []byte) {
		if strings.ContainsAny(disposition+ct, "\r\n") {
			return
		}
		r := newStreamRequest("POST", ct, string(body), &web.Settings{FileMaxMemorySize: 64})
		r.HTTP().Header.Set("Content-Disposition", disposition)
		v, err := parse.FileUpload{}.Parse(r, ct)
		if err != nil {
			if detailOf(err) != missingFilename {
				t.Fatalf("Parse(%q) = %v", disposition, err)
			}
			return
		}
		d := v.(parse.Data)
		defer d.Close()
		file, ok := d.Files.Get("file")
		if !ok || d.Files.Len() != 1 || d.Fields.Len() != 0 {
			t.Fatalf("Parse(%q) = %v; want one file", disposition, d)
		}
		if file.Name == "" || strings.ContainsAny(file.Name, `/\`) {
			t.Fatalf("file name %q", file.Name)
		}
		if got, err := io.ReadAll(file); err != nil || !bytes.Equal(got, body) {
			t.Fatalf("content %q, %v; want %q", got, err, body)
		}
	})
}

// FuzzFormParser checks that Form.Parse never panics and fails only on
// the field limit.
func FuzzFormParser(f *testing.F) {
	for _, tt := range formParseTests {
		f.Add(tt.ct, []byte(tt.body))
	}
	s := &web.Settings{MaxNumberFields: 8}
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		if strings.ContainsAny(ct, "\r\n") {
			return
		}
		v, err := parse.Form{}.Parse(newRequest("PUT", ct, string(body), s), ct)
		if err != nil {
			if !errors.Is(err, web.ErrTooManyFields) {
				t.Fatalf("Parse(%q) = %v", body, err)
			}
			return
		}
		if q := v.(web.QueryDict); q.Len() > 8 {
			t.Fatalf("Parse(%q) has %d fields", body, q.Len())
		}
	})
}

// FuzzSelect checks Select against mediatype.MediaTypeMatches.
func FuzzSelect(f *testing.F) {
	for _, tt := range selectTests {
		f.Add(tt.ct)
	}
	f.Fuzz(func(t *testing.T, ct string) {
		p, err := parse.Select(selectParsers, ct)
		want := -1
		for i, sp := range selectParsers {
			if mediatype.MediaTypeMatches(sp.MediaType(), ct) {
				want = i
				break
			}
		}
		if want < 0 {
			if p != nil || detailOf(err) != `Unsupported media type "`+ct+`" in request.` {
				t.Fatalf("Select(%q) = %v, %v; want 415", ct, p, err)
			}
			return
		}
		if err != nil || p.MediaType() != selectParsers[want].MediaType() {
			t.Fatalf("Select(%q) = %v, %v; want %v", ct, p, err, selectParsers[want])
		}
	})
}
