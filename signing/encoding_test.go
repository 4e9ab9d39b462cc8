package signing_test

import (
	"errors"
	"math"
	"testing"

	"github.com/restframe/restframe/signing"
)

// base62Tests are Django's b62_encode outputs (spec §22.2, Django 3.2).
var base62Tests = []struct {
	n    int64
	want string
}{
	{0, "0"},
	{1, "1"},
	{61, "z"},
	{62, "10"},
	{-1, "-1"},
	{1700000000, "1r31eq"},
	{math.MaxInt64, "AzL8n0Y58m7"},
	{math.MinInt64, "-AzL8n0Y58m8"},
}

func TestBase62Encode(t *testing.T) {
	for _, tt := range base62Tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := signing.Base62Encode(tt.n); got != tt.want {
				t.Errorf("Base62Encode(%d) = %q; want %q", tt.n, got, tt.want)
			}
			got, err := signing.Base62Decode(tt.want)
			if err != nil || got != tt.n {
				t.Errorf("Base62Decode(%q) = %d, %v; want %d, nil", tt.want, got, err, tt.n)
			}
		})
	}
}

var base62DecodeTests = []struct {
	in   string
	want int64
	ok   bool
}{
	{"00", 0, true},
	{"-0", 0, true},
	{"0001r31eq", 1700000000, true},
	{"", 0, false},
	{"-", 0, false},
	{"--1", 0, false},
	{"1 ", 0, false},
	{"+1", 0, false},
	{"é", 0, false},
	{"AzL8n0Y58m8", 0, false},  // MaxInt64 + 1
	{"-AzL8n0Y58m9", 0, false}, // MinInt64 - 1
	{"zzzzzzzzzzzz", 0, false}, // beyond 2^64
	{"LygHa16AHYG", 0, false},  // 2^64 exactly
}

func TestBase62Decode(t *testing.T) {
	for _, tt := range base62DecodeTests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := signing.Base62Decode(tt.in)
			if tt.ok {
				if err != nil || got != tt.want {
					t.Errorf("Base62Decode(%q) = %d, %v; want %d, nil", tt.in, got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, signing.ErrInvalidBase62) {
				t.Errorf("Base62Decode(%q) = %d, %v; want ErrInvalidBase62", tt.in, got, err)
			}
		})
	}
}

// base64Tests are Django's b64_encode outputs.
var base64Tests = []struct {
	in, want string
}{
	{"", ""},
	{"a", "YQ"},
	{"ab", "YWI"},
	{"hello?>", "aGVsbG8_Pg"},
	{"\xff\xfe\xfd", "__79"},
}

func TestBase64(t *testing.T) {
	for _, tt := range base64Tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := signing.Base64Encode([]byte(tt.in)); got != tt.want {
				t.Errorf("Base64Encode(%q) = %q; want %q", tt.in, got, tt.want)
			}
			for _, enc := range []string{tt.want, tt.want + "==="[:(4-len(tt.want)%4)%4]} {
				got, err := signing.Base64Decode(enc)
				if err != nil || string(got) != tt.in {
					t.Errorf("Base64Decode(%q) = %q, %v; want %q, nil", enc, got, err, tt.in)
				}
			}
		})
	}
}

var base64DecodeErrorTests = []string{"a", "a+b/", "ab cd", "YQ#", "YW=J"}

func TestBase64DecodeErrors(t *testing.T) {
	for _, in := range base64DecodeErrorTests {
		t.Run(in, func(t *testing.T) {
			got, err := signing.Base64Decode(in)
			if !errors.Is(err, signing.ErrInvalidBase64) {
				t.Errorf("Base64Decode(%q) = %q, %v; want ErrInvalidBase64", in, got, err)
			}
		})
	}
}
