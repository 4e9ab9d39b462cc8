package parse_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// formParseTests: the wanted QueryDicts are DRF 3.14's FormParser results.
var formParseTests = []struct {
	name   string
	method string
	ct     string
	body   string
	want   string // the QueryDict's String()
}{
	{"fields", "POST", "application/x-www-form-urlencoded", "a=1&a=2&b=x+y", "<QueryDict: {'a': ['1', '2'], 'b': ['x y']}>"},
	{"PUT is parsed", "PUT", "application/x-www-form-urlencoded", "a=1", "<QueryDict: {'a': ['1']}>"},
	{"PATCH is parsed", "PATCH", "application/x-www-form-urlencoded", "a=1", "<QueryDict: {'a': ['1']}>"},
	{"empty", "POST", "application/x-www-form-urlencoded", "", "<QueryDict: {}>"},
	{"blank values kept", "POST", "application/x-www-form-urlencoded", "a&b=", "<QueryDict: {'a': [''], 'b': ['']}>"},
	{"declared latin-1", "POST", "application/x-www-form-urlencoded; charset=latin-1", "a=1&b=%E9", "<QueryDict: {'a': ['1'], 'b': ['é']}>"},
	{"raw latin-1 bytes fall back", "POST", "application/x-www-form-urlencoded", "a=1&b=\xe9", "<QueryDict: {'a': ['1'], 'b': ['é']}>"},
	{"utf-8", "POST", "application/x-www-form-urlencoded", "q=%E2%98%85", "<QueryDict: {'q': ['★']}>"},
	{"semicolon is not a separator", "POST", "application/x-www-form-urlencoded", "a=1;b=2", "<QueryDict: {'a': ['1;b=2']}>"},
}

func TestFormParse(t *testing.T) {
	for _, tt := range formParseTests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRequest(tt.method, tt.ct, tt.body, nil)
			v, err := parse.Form{}.Parse(r, tt.ct)
			if err != nil {
				t.Fatalf("Parse(%q) error %v", tt.body, err)
			}
			q, ok := v.(web.QueryDict)
			if !ok {
				t.Fatalf("Parse(%q) = %T; want web.QueryDict", tt.body, v)
			}
			if got := q.String(); got != tt.want {
				t.Fatalf("Parse(%q) = %s; want %s", tt.body, got, tt.want)
			}
		})
	}
}

func TestFormLimits(t *testing.T) {
	for _, tt := range []struct {
		name   string
		s      *web.Settings
		body   string
		err    error
		status int
	}{
		{"too many fields", &web.Settings{MaxNumberFields: 2}, "a=1&b=2&c=3", web.ErrTooManyFields, http.StatusBadRequest},
		{"too big", &web.Settings{MaxMemorySize: 4}, "a=12345", web.ErrRequestDataTooBig, http.StatusRequestEntityTooLarge},
		{"default field limit", nil, strings.Repeat("a&", 1000), web.ErrTooManyFields, http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRequest("POST", "application/x-www-form-urlencoded", tt.body, tt.s)
			v, err := parse.Form{}.Parse(r, "")
			if v != nil || !errors.Is(err, tt.err) || errors.Is(err, parse.ErrParse) {
				t.Fatalf("Parse = %v, %v; want %v unchanged", v, err, tt.err)
			}
			if got := web.StatusOf(err); got != tt.status {
				t.Fatalf("StatusOf(%v) = %d; want %d", err, got, tt.status)
			}
		})
	}
	// No limit when negative.
	r := newRequest("POST", "application/x-www-form-urlencoded", strings.Repeat("a&", 2000), &web.Settings{MaxNumberFields: -1})
	if _, err := (parse.Form{}).Parse(r, ""); err != nil {
		t.Fatalf("Parse without a field limit: %v", err)
	}
}

func TestFormMediaType(t *testing.T) {
	if got := (parse.Form{}).MediaType(); got != "application/x-www-form-urlencoded" {
		t.Errorf("Form{}.MediaType() = %q", got)
	}
	if got := (parse.Form{Type: "application/x-foo"}).MediaType(); got != "application/x-foo" {
		t.Errorf("Form{Type}.MediaType() = %q", got)
	}
}
