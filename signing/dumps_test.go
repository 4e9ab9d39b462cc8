package signing_test

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/signing"
)

// dumpsTests are Django's dumps() outputs with SECRET_KEY='secret' at
// t=1700000000 (spec §22.6 and Django 3.2).
var dumpsTests = []struct {
	name     string
	v        any
	compress bool
	salt     string
	want     string
}{
	{"string", "hello", false, "", "ImhlbGxvIg:1r31eq:a3CFcK7P0T4YtvcQde-8mW6c7nClbqAtZDLbkQ7-O9A"},
	{"object", map[string]any{"a": []any{1, "b"}}, false, "", "eyJhIjpbMSwiYiJdfQ:1r31eq:o7qHMX6WOG3CRoRp57xjP80Bm9pgbTJKDVtDwqslFsY"},
	{"nested", json.RawMessage(`{"a":[1,"b",null,true,false,{"c":1.5}]}`), false, "", "eyJhIjpbMSwiYiIsbnVsbCx0cnVlLGZhbHNlLHsiYyI6MS41fV19:1r31eq:B9dWaO8_KHWdxyu_pYKi6q6B1mqzba9Le-lBYD5cBr8"},
	{"empty string", "", false, "", "IiI:1r31eq:Ndipz31vZlvAIKo2UaciYusp65YNwNcmBnFlqvb-t28"},
	{"empty list", []int{}, false, "", "W10:1r31eq:_b_Bv43ops2rhlhQHJJiMfMqP9Bxrb7C4Yu3lXp0i4U"},
	{"empty object", struct{}{}, false, "", "e30:1r31eq:wjGWFPC7b1YQDYayH_ELSpEX-JltOtel5y0vc7NnCGA"},
	{"null", nil, false, "", "bnVsbA:1r31eq:NzPVINxm6hyYOqhbSqQU5IMiVG6ae13B6vObtLpFJuM"},
	{"non-ascii", "café ☃ 😀 \x7f \x00 \b\f\n\r\t \"\\ / < > & \u2028 \x1f é", false, "",
		"ImNhZlx1MDBlOSBcdTI2MDMgXHVkODNkXHVkZTAwIFx1MDA3ZiBcdTAwMDAgXGJcZlxuXHJcdCBcIlxcIC8gPCA-ICYgXHUyMDI4IFx1MDAxZiBcdTAwZTki:1r31eq:0FgDXQl9kNFYCJ4hI5BX2GdFSkHpqqMu3i4iJsuT7Qk"},
	// Compression is used only when it saves at least 2 bytes: 11 a's save 1.
	{"compress saves 1", strings.Repeat("a", 11), true, "", "ImFhYWFhYWFhYWFhIg:1r31eq:JzQqJAwZFow4lvK3mbEsFuLJ6cLjJlRW0q7gmnJwwcY"},
	{"compress saves 2", strings.Repeat("a", 12), true, "", ".eJxTSkQCSgAkJgTR:1r31eq:_lYBY2cbmwYyh3rBmgKuI5LFrU_Vn_kKYAjmYim0h98"},
	{"compress range", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, true, "", ".eJwFwcERACAIwLCF-rCiILN47r-GyZVJsNgkxaFxoDgxcOHGxMKD_T7vhAml:1r31eq:CaaUi17Tt1BQuA5McuqTl41NEuFU4oReAMyigSYmPdw"},
}

func TestDumps(t *testing.T) {
	for _, tt := range dumpsTests {
		t.Run(tt.name, func(t *testing.T) {
			o := signing.Options{Key: "secret", Salt: tt.salt, Compress: tt.compress, Now: clock(t0)}
			got, err := signing.Dumps(tt.v, o)
			if err != nil || got != tt.want {
				t.Fatalf("Dumps(%v) = %q, %v; want %q", tt.v, got, err, tt.want)
			}
			// Loads gives back the same JSON value.
			var back, orig any
			if err := signing.Loads(got, &back, signing.Options{Key: "secret"}); err != nil {
				t.Fatalf("Loads(%q) = %v", got, err)
			}
			raw, _ := json.Marshal(tt.v)
			json.Unmarshal(raw, &orig)
			if !reflect.DeepEqual(back, orig) {
				t.Errorf("Loads(Dumps(%v)) = %#v; want %#v", tt.v, back, orig)
			}
		})
	}
}

// TestDumpsStruct: struct fields keep their order and JSON tags.
func TestDumpsStruct(t *testing.T) {
	type user struct {
		Name  string `json:"name"`
		ID    int    `json:"id"`
		Admin bool   `json:"-"`
	}
	o := signing.Options{Key: "secret", Now: clock(t0)}
	got, err := signing.Dumps(user{"bob", 7, true}, o)
	if err != nil {
		t.Fatal(err)
	}
	payload, _, _ := strings.Cut(got, ":")
	raw, _ := signing.Base64Decode(payload)
	if want := `{"name":"bob","id":7}`; string(raw) != want {
		t.Errorf("Dumps(struct) JSON = %s; want %s", raw, want)
	}
	var back user
	if err := signing.Loads(got, &back, signing.Options{Key: "secret"}); err != nil || back != (user{Name: "bob", ID: 7}) {
		t.Errorf("Loads = %+v, %v", back, err)
	}
}

func TestDumpsErrors(t *testing.T) {
	if _, err := signing.Dumps("v", signing.Options{}); !errors.Is(err, signing.ErrEmptyKey) {
		t.Errorf("Dumps(no key) = %v; want ErrEmptyKey", err)
	}
	if _, err := signing.Dumps("v", signing.Options{Key: "k", Algorithm: "md5"}); !errors.Is(err, signing.ErrUnknownAlgorithm) {
		t.Errorf("Dumps(md5) = %v; want ErrUnknownAlgorithm", err)
	}
	var jerr *json.UnsupportedTypeError
	if _, err := signing.Dumps(make(chan int), signing.Options{Key: "k"}); !errors.As(err, &jerr) {
		t.Errorf("Dumps(chan) = %v; want *json.UnsupportedTypeError", err)
	}
	if err := signing.Loads("x", new(any), signing.Options{}); !errors.Is(err, signing.ErrEmptyKey) {
		t.Errorf("Loads(no key) = %v; want ErrEmptyKey", err)
	}
}

func TestLoadsOptions(t *testing.T) {
	signed, err := signing.Dumps([]int{1}, signing.Options{Key: "old", Salt: "s", Algorithm: "sha512", Now: clock(t0)})
	if err != nil {
		t.Fatal(err)
	}
	var v []int
	tests := []struct {
		name string
		o    signing.Options
		want error
	}{
		{"ok", signing.Options{Key: "old", Salt: "s", Algorithm: "sha512"}, nil},
		{"fallback", signing.Options{Key: "new", FallbackKeys: []string{"old"}, Salt: "s", Algorithm: "sha512"}, nil},
		{"wrong key", signing.Options{Key: "new", Salt: "s", Algorithm: "sha512"}, signing.ErrBadSignature},
		{"wrong salt", signing.Options{Key: "old", Algorithm: "sha512"}, signing.ErrBadSignature},
		{"wrong algorithm", signing.Options{Key: "old", Salt: "s"}, signing.ErrBadSignature},
		{"max age ok", signing.Options{Key: "old", Salt: "s", Algorithm: "sha512", MaxAge: 10 * time.Second, Now: clock(t0.Add(10 * time.Second))}, nil},
		{"expired", signing.Options{Key: "old", Salt: "s", Algorithm: "sha512", MaxAge: 10 * time.Second, Now: clock(t0.Add(11 * time.Second))}, signing.ErrSignatureExpired},
		{"no max age", signing.Options{Key: "old", Salt: "s", Algorithm: "sha512", Now: clock(t0.Add(100 * 365 * 24 * time.Hour))}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v = nil
			err := signing.Loads(signed, &v, tt.o)
			if tt.want == nil {
				if err != nil || len(v) != 1 || v[0] != 1 {
					t.Errorf("Loads(%q) = %v, %v; want [1], nil", signed, v, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Loads(%q) = %v; want %v", signed, err, tt.want)
			}
		})
	}
}

func zlibBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// TestLoadsPayloadErrors signs broken payloads with the right key: each must
// fail with a typed error, never a panic or an unbounded allocation.
func TestLoadsPayloadErrors(t *testing.T) {
	ts := &signing.TimestampSigner{Signer: signing.Signer{Key: "secret", Salt: "django.core.signing"}, Now: clock(t0)}
	bomb := zlibBytes(t, make([]byte, 8<<20)) // 8 MiB of zeros in ~8 KiB
	big := zlibBytes(t, []byte(`"`+strings.Repeat("x", 2000)+`"`))
	tests := []struct {
		name    string
		payload string
		limit   int
		want    error
	}{
		{"not base64", "!!!", 0, signing.ErrBadPayload},
		{"base64 length", "abcde", 0, signing.ErrBadPayload},
		{"not zlib", ".aGVsbG8", 0, signing.ErrBadPayload},
		{"truncated zlib", "." + signing.Base64Encode(big[:len(big)-3]), 0, signing.ErrBadPayload},
		{"bad checksum", "." + signing.Base64Encode(append(big[:len(big)-1:len(big)-1], big[len(big)-1]^1)), 0, signing.ErrBadPayload},
		{"not json", signing.Base64Encode([]byte("{nope")), 0, signing.ErrBadPayload},
		{"python NaN", signing.Base64Encode([]byte("NaN")), 0, signing.ErrBadPayload},
		{"zlib bomb", "." + signing.Base64Encode(bomb), 0, signing.ErrPayloadTooLarge},
		{"over custom limit", "." + signing.Base64Encode(big), 1000, signing.ErrPayloadTooLarge},
		{"plain over limit", signing.Base64Encode([]byte(`"` + strings.Repeat("x", 2000) + `"`)), 1000, signing.ErrPayloadTooLarge},
		{"under custom limit", "." + signing.Base64Encode(big), 2002, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			signed := ts.Sign(tt.payload)
			var v any
			err := signing.Loads(signed, &v, signing.Options{Key: "secret", MaxPayloadSize: tt.limit})
			if tt.want == nil {
				if err != nil {
					t.Errorf("Loads(%s) = %v; want nil", tt.name, err)
				}
				return
			}
			if !errors.Is(err, tt.want) || errors.Is(err, signing.ErrBadSignature) {
				t.Errorf("Loads(%s) = %v; want %v", tt.name, err, tt.want)
			}
		})
	}
}

// TestLoadsLatin1: Django decodes the JSON bytes as Latin-1, so raw UTF-8 in
// a payload (which Django's dumps never writes) reads as mojibake there too.
func TestLoadsLatin1(t *testing.T) {
	ts := &signing.TimestampSigner{Signer: signing.Signer{Key: "secret", Salt: "django.core.signing"}, Now: clock(t0)}
	signed := ts.Sign(signing.Base64Encode([]byte("\"caf\xc3\xa9 \xe9\"")))
	var got string
	if err := signing.Loads(signed, &got, signing.Options{Key: "secret"}); err != nil || got != "cafÃ© é" {
		t.Errorf("Loads(latin-1 payload) = %q, %v; want %q", got, err, "cafÃ© é")
	}
}

func TestLoadsTooLong(t *testing.T) {
	signed, _ := signing.Dumps(strings.Repeat("x", signing.MaxSignedLength), signing.Options{Key: "secret"})
	var v any
	if err := signing.Loads(signed, &v, signing.Options{Key: "secret"}); !errors.Is(err, signing.ErrTooLong) {
		t.Errorf("Loads(%d bytes) = %v; want ErrTooLong", len(signed), err)
	}
}

func BenchmarkDumpsCompress(b *testing.B) {
	v := map[string]any{"user": 42, "items": []string{"alpha", "beta", "gamma", "alpha", "beta", "gamma"}}
	o := signing.Options{Key: "secret", Compress: true}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := signing.Dumps(v, o); err != nil {
			b.Fatal(err)
		}
	}
}
