package web_test

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/restframe/restframe/web"
)

// chunkTests check UploadedFile.Chunks and MultipleChunks.
var chunkTests = []struct {
	content string
	size    int
	chunks  []string
}{
	{"", 4, nil},
	{"abc", 4, []string{"abc"}},
	{"abcd", 4, []string{"abcd"}},
	{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	{"abc", 0, []string{"abc"}},
}

func TestUploadedFileChunks(t *testing.T) {
	for _, tt := range chunkTests {
		t.Run(tt.content, func(t *testing.T) {
			f := web.NewUploadedFile("a.txt", []byte(tt.content), "text/plain")
			var got []string
			for c, err := range f.Chunks(tt.size) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, string(c))
			}
			if !slices.Equal(got, tt.chunks) {
				t.Errorf("Chunks(%d) of %q = %q; want %q", tt.size, tt.content, got, tt.chunks)
			}
			if want := len(tt.chunks) > 1; f.MultipleChunks(tt.size) != want {
				t.Errorf("MultipleChunks(%d) of %q = %v; want %v", tt.size, tt.content, !want, want)
			}
		})
	}
}

func TestUploadedFileChunksFromTemporaryFile(t *testing.T) {
	body := mpPart(`Content-Disposition: form-data; name="f"; filename="x.bin"`, "abcdefghij") + mpEnd
	r := newMultipart("", body, &web.Settings{FileMaxMemorySize: 3})
	defer r.Close()
	files, err := r.Files()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := files.Get("f")
	if f.TemporaryFilePath() == "" {
		t.Fatal("file not spooled")
	}
	for _, tt := range chunkTests[3:4] {
		var got []string
		for c, err := range f.Chunks(tt.size) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, string(c))
		}
		if !slices.Equal(got, tt.chunks) {
			t.Errorf("Chunks(%d) = %q; want %q", tt.size, got, tt.chunks)
		}
	}
	for range f.Chunks(2) {
		break
	}
}

func TestUploadedFileReadSeekOpen(t *testing.T) {
	f := web.NewUploadedFile("a.txt", []byte("hello"), "text/plain")
	if f.String() != "<InMemoryUploadedFile: a.txt (text/plain)>" || f.Size != 5 || f.TemporaryFilePath() != "" {
		t.Errorf("NewUploadedFile: %s, Size %d", f, f.Size)
	}
	buf := make([]byte, 2)
	if n, err := f.Read(buf); n != 2 || err != nil || string(buf) != "he" {
		t.Errorf("Read = %d, %v, %q", n, err, buf)
	}
	// Open is independent of Read's position.
	o, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	all, _ := io.ReadAll(o)
	o.Close()
	if string(all) != "hello" {
		t.Errorf("Open then ReadAll = %q", all)
	}
	rest, _ := io.ReadAll(f)
	if string(rest) != "llo" {
		t.Errorf("ReadAll after Read = %q", rest)
	}
	if pos, err := f.Seek(1, io.SeekStart); pos != 1 || err != nil {
		t.Errorf("Seek = %d, %v", pos, err)
	}
	rest, _ = io.ReadAll(f)
	if string(rest) != "ello" {
		t.Errorf("ReadAll after Seek = %q", rest)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if _, err := f.Open(); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Open after Close: %v; want fs.ErrClosed", err)
	}
	if _, err := f.Read(buf); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Read after Close: %v; want fs.ErrClosed", err)
	}
	if _, err := f.Seek(0, io.SeekStart); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Seek after Close: %v; want fs.ErrClosed", err)
	}
	for _, err := range f.Chunks(0) {
		if !errors.Is(err, fs.ErrClosed) {
			t.Errorf("Chunks after Close: %v; want fs.ErrClosed", err)
		}
	}
	if web.NewUploadedFile("e", nil, "").Size != 0 {
		t.Error("NewUploadedFile(nil) has a size")
	}
}

func TestUploadedFiles(t *testing.T) {
	body := mpPart(`Content-Disposition: form-data; name="f"; filename="1.txt"`, "1") +
		mpPart(`Content-Disposition: form-data; name="g"; filename="2.txt"`, "2") +
		mpPart(`Content-Disposition: form-data; name="f"; filename="3.txt"`, "3") + mpEnd
	r := newMultipart("", body, nil)
	defer r.Close()
	files, err := r.Files()
	if err != nil {
		t.Fatal(err)
	}
	if files.Len() != 2 || !files.Has("f") || files.Has("x") {
		t.Errorf("Len %d, Has(f) %v, Has(x) %v", files.Len(), files.Has("f"), files.Has("x"))
	}
	if got := slices.Collect(files.Keys()); !slices.Equal(got, []string{"f", "g"}) {
		t.Errorf("Keys() = %q", got)
	}
	var names []string
	for _, f := range files.GetList("f") {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"1.txt", "3.txt"}) {
		t.Errorf(`GetList("f") = %q`, names)
	}
	if files.GetList("x") != nil {
		t.Error(`GetList("x") != nil`)
	}
	var items []string
	for k, f := range files.Items() {
		items = append(items, k+"="+f.Name)
	}
	if strings.Join(items, ",") != "f=3.txt,g=2.txt" {
		t.Errorf("Items() = %q", items)
	}
	if _, ok := files.Get("x"); ok {
		t.Error(`Get("x") found a file`)
	}
	for range files.Keys() {
		break
	}
	for range files.Items() {
		break
	}
	for range files.Lists() {
		break
	}
	var zero web.UploadedFiles
	if zero.Len() != 0 || zero.Has("f") || zero.GetList("f") != nil {
		t.Error("zero UploadedFiles is not empty")
	}
	if _, ok := zero.Get("f"); ok {
		t.Error("zero UploadedFiles has a file")
	}
	for range zero.Keys() {
		t.Error("zero UploadedFiles has keys")
	}
	for range zero.Items() {
		t.Error("zero UploadedFiles has items")
	}
	for range zero.Lists() {
		t.Error("zero UploadedFiles has lists")
	}
}
