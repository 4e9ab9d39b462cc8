package mediatype_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/restframe/restframe/mediatype"
)

type parseTest struct {
	in   string
	want mediatype.MediaType
	err  error
}

func mt(typ, sub string, kv ...string) mediatype.MediaType {
	m := mediatype.MediaType{Type: typ, Subtype: sub}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Params = append(m.Params, mediatype.Param{Name: kv[i], Value: kv[i+1]})
	}
	return m
}

var parseTests = []parseTest{
	{in: "text/html", want: mt("text", "html")},
	{in: "Text/HTML; Charset=UTF-8", want: mt("text", "html", "charset", "UTF-8")},
	{in: "  text/plain ; charset=utf-8 ", want: mt("text", "plain", "charset", "utf-8")},
	{in: "text/plain;charset=utf-8;format=flowed", want: mt("text", "plain", "charset", "utf-8", "format", "flowed")},
	{in: "text/plain;;charset=utf-8;", want: mt("text", "plain", "charset", "utf-8")},
	{in: `multipart/form-data; boundary="abc;def, ghi"`, want: mt("multipart", "form-data", "boundary", "abc;def, ghi")},
	{in: `a/b; x="q\"uo\\te"`, want: mt("a", "b", "x", `q"uo\te`)},
	{in: `a/b; x=""`, want: mt("a", "b", "x", "")},
	{in: "a/b; x=\"caf\xc3\xa9\"", want: mt("a", "b", "x", "café")},
	{in: "application/vnd.api+json", want: mt("application", "vnd.api+json")},
	{in: "image/*", want: mt("image", "*")},
	{in: "*/*", want: mt("*", "*")},
	{in: "application/json; indent=4", want: mt("application", "json", "indent", "4")},

	{in: "", err: mediatype.ErrInvalid},
	{in: "text", err: mediatype.ErrInvalid},
	{in: "text/", err: mediatype.ErrInvalid},
	{in: "/html", err: mediatype.ErrInvalid},
	{in: "text /html", err: mediatype.ErrInvalid},
	{in: "text/html/x", err: mediatype.ErrInvalid},
	{in: "text/html x", err: mediatype.ErrInvalid},
	{in: "application/jsön", err: mediatype.ErrInvalid},
	{in: "text/html; charset", err: mediatype.ErrInvalidParam},
	{in: "text/html; charset=", err: mediatype.ErrInvalidParam},
	{in: "text/html; charset = utf-8", err: mediatype.ErrInvalidParam},
	{in: `text/html; a="x`, err: mediatype.ErrInvalidParam},
	{in: `text/html; a="x\`, err: mediatype.ErrInvalidParam},
	{in: "text/html; a=\"\x01\"", err: mediatype.ErrInvalidParam},
	{in: "text/html; a b=1", err: mediatype.ErrInvalidParam},
	{in: "text/html; a=b c", err: mediatype.ErrInvalidParam},
	{in: "text/html; \xfc=1", err: mediatype.ErrInvalidParam},
	{in: "text/html; a=1; A=2", err: mediatype.ErrDuplicateParam},
	{in: "text/html; a=" + strings.Repeat("x", mediatype.MaxLength), err: mediatype.ErrTooLong},
	{in: "text/html" + strings.Repeat("; a=1", 0) + manyParams(mediatype.MaxParams+1), err: mediatype.ErrTooManyParams},
}

// manyParams returns n distinct parameters "; p0=0; p1=1 …".
func manyParams(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("; p")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteByte(byte('a' + i%26))
		b.WriteByte(byte('a' + i/26))
		b.WriteString("=1")
	}
	return b.String()
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := mediatype.Parse(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Parse(%q) error = %v; want %v", tt.in, err, tt.err)
			}
			if err == nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q) = %#v; want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseMaxParams(t *testing.T) {
	in := "a/b" + manyParams(mediatype.MaxParams)
	m, err := mediatype.Parse(in)
	if err != nil || len(m.Params) != mediatype.MaxParams {
		t.Errorf("Parse(%d params) = %d params, %v; want %d, nil", mediatype.MaxParams, len(m.Params), err, mediatype.MaxParams)
	}
}

var formatTests = []struct {
	in   mediatype.MediaType
	want string
}{
	{mt("text", "html"), "text/html"},
	{mt("text", "html", "charset", "utf-8"), "text/html; charset=utf-8"},
	{mt("a", "b", "x", "hello world"), `a/b; x="hello world"`},
	{mt("a", "b", "x", ""), `a/b; x=""`},
	{mt("a", "b", "x", `q"uo\te`), `a/b; x="q\"uo\\te"`},
	{mt("a", "b", "x", "a;b", "y", "1"), `a/b; x="a;b"; y=1`},
	{mt("a", "b", "x", "café"), `a/b; x="café"`},
	{mediatype.MediaType{}, "/"},
}

func TestMediaTypeString(t *testing.T) {
	for _, tt := range formatTests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%#v.String() = %q; want %q", tt.in, got, tt.want)
		}
		if got := string(tt.in.AppendTo([]byte("x:"))); got != "x:"+tt.want {
			t.Errorf("%#v.AppendTo(x:) = %q; want %q", tt.in, got, "x:"+tt.want)
		}
	}
}

func TestParseFormatRoundTrip(t *testing.T) {
	for _, tt := range parseTests {
		if tt.err != nil {
			continue
		}
		m, _ := mediatype.Parse(tt.in)
		again, err := mediatype.Parse(m.String())
		if err != nil || !reflect.DeepEqual(again, m) {
			t.Errorf("Parse(%q) = %#v, %v; want %#v", m.String(), again, err, m)
		}
	}
}

func TestMediaTypeParam(t *testing.T) {
	m := mt("text", "html", "charset", "UTF-8", "level", "1")
	for _, tt := range []struct {
		name, want string
		ok         bool
	}{
		{"charset", "UTF-8", true},
		{"CHARSET", "UTF-8", true},
		{"level", "1", true},
		{"q", "", false},
	} {
		if got, ok := m.Param(tt.name); got != tt.want || ok != tt.ok {
			t.Errorf("Param(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
