package web_test

import (
	"mime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/restframe/restframe/web"
)

// contentDispositionTests are Django 5.2's content_disposition_header
// (spec 20.5).
var contentDispositionTests = []struct {
	attachment bool
	filename   string
	want       string
}{
	{true, "résumé.pdf", `attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf`},
	{true, `a"b\c.txt`, `attachment; filename="a\"b\\c.txt"`},
	{false, "a\tb.txt", "inline; filename=\"a\tb.txt\""},
	{false, "a\x01b.txt", `inline; filename*=utf-8''a%01b.txt`},
	{true, "祝您平安.odt", `attachment; filename*=utf-8''%E7%A5%9D%E6%82%A8%E5%B9%B3%E5%AE%89.odt`},
	{false, "a.txt", `inline; filename="a.txt"`},
	{true, "", "attachment"},
	{false, "", ""},
	{false, "dir/sub x.txt", `inline; filename="dir/sub x.txt"`},
	{false, "a\x7f", `inline; filename*=utf-8''a%7F`},
	{true, "é/ñ ~'.txt", `attachment; filename*=utf-8''%C3%A9/%C3%B1%20~%27.txt`},
	{true, "a.txt\n", `attachment; filename*=utf-8''a.txt%0A`},
	{true, "a\r\nb", `attachment; filename*=utf-8''a%0D%0Ab`},
}

func TestContentDisposition(t *testing.T) {
	for _, tt := range contentDispositionTests {
		if got := web.ContentDisposition(tt.attachment, tt.filename); got != tt.want {
			t.Errorf("ContentDisposition(%v, %q) = %q; want %q", tt.attachment, tt.filename, got, tt.want)
		}
	}
}

// FuzzContentDisposition checks that the header never contains CR or LF
// and that the filename survives mime.ParseMediaType.
func FuzzContentDisposition(f *testing.F) {
	for _, tt := range contentDispositionTests {
		f.Add(tt.attachment, tt.filename)
	}
	f.Fuzz(func(t *testing.T, attachment bool, filename string) {
		h := web.ContentDisposition(attachment, filename)
		if strings.ContainsAny(h, "\r\n") {
			t.Fatalf("ContentDisposition(%v, %q) = %q contains CR or LF", attachment, filename, h)
		}
		if filename == "" {
			return
		}
		if strings.Contains(h, "filename*=") && strings.Contains(filename, "/") {
			return // Django leaves "/" unescaped, which RFC 5987's attr-char excludes
		}
		disp, params, err := mime.ParseMediaType(h)
		if err != nil {
			t.Fatalf("ParseMediaType(%q): %v", h, err)
		}
		want := "inline"
		if attachment {
			want = "attachment"
		}
		if disp != want {
			t.Fatalf("ContentDisposition(%v, %q) disposition = %q; want %q", attachment, filename, disp, want)
		}
		if !utf8.ValidString(filename) {
			return // mime decodes RFC 2231 values, but keeps no invalid UTF-8 promise
		}
		if got := params["filename"]; got != filename {
			t.Fatalf("ContentDisposition(%v, %q) = %q; filename round-trips as %q", attachment, filename, h, got)
		}
	})
}
