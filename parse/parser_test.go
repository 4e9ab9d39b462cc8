package parse_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

func TestDefaults(t *testing.T) {
	var got []string
	for _, p := range parse.Defaults() {
		got = append(got, p.MediaType())
	}
	want := []string{"application/json", "application/x-www-form-urlencoded", "multipart/form-data"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Defaults() media types = %q; want %q", got, want)
	}
	a, b := parse.Defaults(), parse.Defaults()
	a[0] = parse.Form{}
	if _, ok := b[0].(parse.JSON); !ok {
		t.Fatal("Defaults() shares its slice between calls")
	}
}

func TestFunc(t *testing.T) {
	errBoom := errors.New("boom")
	var gotType string
	p := parse.Func{Type: "text/plain", Fn: func(r *web.Request, mediaType string) (any, error) {
		gotType = mediaType
		return nil, errBoom
	}}
	if got := p.MediaType(); got != "text/plain" {
		t.Errorf("MediaType() = %q; want %q", got, "text/plain")
	}
	_, err := parse.Body(newRequest("POST", "text/plain; charset=utf-8", "x", nil), []parse.Parser{parse.JSON{}, p})
	if err != errBoom || gotType != "text/plain; charset=utf-8" {
		t.Errorf("Body = %v with media type %q; want the Func's error and the Content-Type", err, gotType)
	}
}

func TestDataClose(t *testing.T) {
	if err := (parse.Data{}).Close(); err != nil {
		t.Errorf("zero Data.Close() = %v", err)
	}
}
