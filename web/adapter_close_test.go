package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// closeTracker is a file body that records whether it was closed.
type closeTracker struct {
	*strings.Reader
	closed bool
}

func (c *closeTracker) Close() error { c.closed = true; return nil }

func TestAdapterClosesRequestAndResponse(t *testing.T) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("doc", "big.txt")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(bytes.Repeat([]byte("x"), 4096))
	mw.Close()

	var tempPath string
	file := &closeTracker{Reader: strings.NewReader("content")}
	h := func(r *Request) (Response, error) {
		files, err := r.Files()
		if err != nil {
			return nil, err
		}
		f, ok := files.Get("doc")
		if !ok {
			t.Fatal("Files().Get(\"doc\"): missing")
		}
		tempPath = f.TemporaryFilePath()
		if _, err := os.Stat(tempPath); err != nil {
			t.Fatalf("upload not spooled to a temporary file: %v", err)
		}
		return NewFileResponseWith(file, FileOptions{Filename: "a.txt"}), nil
	}
	settings := &Settings{AllowedHosts: []string{"*"}, FileMaxMemorySize: 16}
	req := httptest.NewRequest(http.MethodPost, "/upload", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	Handle(h, settings).ServeHTTP(rec, req)

	if rec.Code != http.StatusOK || rec.Body.String() != "content" {
		t.Fatalf("response = %d %q; want 200 \"content\"", rec.Code, rec.Body.String())
	}
	if tempPath == "" {
		t.Fatal("handler did not run")
	}
	if _, err := os.Stat(tempPath); !os.IsNotExist(err) {
		t.Errorf("temporary upload %s still exists after the response (stat err %v)", tempPath, err)
	}
	if !file.closed {
		t.Error("the FileResponse's file was not closed after the response")
	}
}
