package signing_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/restframe/restframe/signing"
)

// FuzzUnsign: Unsign never panics on arbitrary input, a signed value always
// round-trips, and changing any single byte of it makes it fail.
func FuzzUnsign(f *testing.F) {
	for _, tt := range signTests {
		f.Add(tt.value, tt.want, uint16(3), byte('x'))
	}
	for _, tt := range unsignErrorTests {
		f.Add(tt.in, tt.in, uint16(len(tt.in)), byte(':'))
	}
	for _, v := range interopValues {
		f.Add(v, v, uint16(0), byte(0))
	}
	signers := []signing.Signer{
		{Key: "fuzz-key"},
		{Key: "fuzz-key", Sep: "~!", Algorithm: "sha1"},
		{Key: "new", FallbackKeys: []string{"fuzz-key"}, Salt: "s"},
	}
	ts := &signing.TimestampSigner{Signer: signing.Signer{Key: "fuzz-key"}, Now: clock(t0)}
	f.Fuzz(func(t *testing.T, value, arbitrary string, pos uint16, b byte) {
		for i := range signers {
			s := &signers[i]
			if got, err := s.Unsign(arbitrary); err == nil && s.Sign(got) != arbitrary {
				// Accepting a value means its signature is ours.
				t.Errorf("Unsign(%q) accepted %q, but Sign gives %q", arbitrary, got, s.Sign(got))
			} else if err != nil && !errors.Is(err, signing.ErrBadSignature) {
				t.Errorf("Unsign(%q) = %v; want ErrBadSignature", arbitrary, err)
			}
			signed := s.Sign(value)
			if got, err := s.Unsign(signed); len(signed) <= signing.MaxSignedLength && (err != nil || got != value) {
				t.Fatalf("Unsign(Sign(%q)) = %q, %v", value, got, err)
			}
			if len(signed) == 0 {
				continue
			}
			i := int(pos) % len(signed)
			if signed[i] == b {
				b ^= 0x80
			}
			tampered := signed[:i] + string([]byte{b}) + signed[i+1:]
			if got, err := s.Unsign(tampered); !errors.Is(err, signing.ErrBadSignature) {
				t.Errorf("Unsign(%q), byte %d of %q changed, = %q, %v; want ErrBadSignature", tampered, i, signed, got, err)
			}
		}
		if _, err := ts.UnsignMaxAge(arbitrary, time.Minute); err != nil && !errors.Is(err, signing.ErrBadSignature) {
			t.Errorf("UnsignMaxAge(%q) = %v; want ErrBadSignature", arbitrary, err)
		}
		signed := ts.Sign(value)
		if got, err := ts.UnsignMaxAge(signed, 0); len(signed) <= signing.MaxSignedLength && (err != nil || got != value) {
			t.Fatalf("TimestampSigner round trip of %q = %q, %v", value, got, err)
		}
	})
}

// FuzzLoads: Loads never panics on arbitrary input nor on arbitrary payloads
// signed with the right key (the decoder's attack surface once a key leaks),
// and Dumps∘Loads round-trips strings, compressed or not.
func FuzzLoads(f *testing.F) {
	for _, tt := range dumpsTests {
		f.Add(tt.want, "hello", []byte("."+tt.want))
	}
	f.Add("", "café ☃ 😀 \x7f\x00", []byte(".eJxTSkQCSgAkJgTR"))
	f.Add("x:y:z", strings.Repeat("ab", 100), []byte("eyJhIjpbMSwiYiJdfQ"))
	ts := &signing.TimestampSigner{Signer: signing.Signer{Key: "fuzz-key", Salt: "django.core.signing"}, Now: clock(t0)}
	f.Fuzz(func(t *testing.T, arbitrary, s string, payload []byte) {
		o := signing.Options{Key: "fuzz-key", MaxPayloadSize: 1 << 16}
		var v any
		if err := signing.Loads(arbitrary, &v, o); err != nil &&
			!errors.Is(err, signing.ErrBadSignature) && !errors.Is(err, signing.ErrBadPayload) {
			t.Errorf("Loads(%q) = %v; want ErrBadSignature or ErrBadPayload", arbitrary, err)
		}
		// A correctly signed arbitrary payload, raw and as zlib data.
		for _, p := range []string{string(payload), "." + signing.Base64Encode(payload), signing.Base64Encode(payload)} {
			if err := signing.Loads(ts.Sign(p), &v, o); err != nil && !errors.Is(err, signing.ErrBadPayload) {
				t.Errorf("Loads(signed %q) = %v; want nil or ErrBadPayload", p, err)
			}
		}
		want := validUTF8(s)
		for _, compress := range []bool{false, true} {
			o.Compress = compress
			dumped, err := signing.Dumps(s, o)
			if err != nil {
				t.Fatalf("Dumps(%q) = %v", s, err)
			}
			for i := 0; i < len(dumped); i++ {
				if dumped[i] >= utf8.RuneSelf {
					t.Fatalf("Dumps(%q) = %q; not ASCII", s, dumped)
				}
			}
			var got string
			err = signing.Loads(dumped, &got, o)
			if len(dumped) > signing.MaxSignedLength {
				if !errors.Is(err, signing.ErrTooLong) {
					t.Errorf("Loads(%d bytes) = %v; want ErrTooLong", len(dumped), err)
				}
				continue
			}
			if err != nil || got != want {
				t.Errorf("Loads(Dumps(%q, compress=%v)) = %q, %v", s, compress, got, err)
			}
		}
	})
}

// validUTF8 replaces every invalid byte with U+FFFD, as encoding/json does.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r) // utf8.RuneError for an invalid byte
		i += n
	}
	return b.String()
}

// FuzzBase62: Decode(Encode(n)) == n, and whatever Decode accepts re-encodes
// to a string that decodes to the same number.
func FuzzBase62(f *testing.F) {
	for _, tt := range base62Tests {
		f.Add(tt.n, tt.want)
	}
	for _, tt := range base62DecodeTests {
		f.Add(tt.want, tt.in)
	}
	f.Fuzz(func(t *testing.T, n int64, s string) {
		enc := signing.Base62Encode(n)
		if got, err := signing.Base62Decode(enc); err != nil || got != n {
			t.Errorf("Base62Decode(Base62Encode(%d) = %q) = %d, %v", n, enc, got, err)
		}
		v, err := signing.Base62Decode(s)
		if err != nil {
			if !errors.Is(err, signing.ErrInvalidBase62) {
				t.Errorf("Base62Decode(%q) = %v; want ErrInvalidBase62", s, err)
			}
			return
		}
		if again, err := signing.Base62Decode(signing.Base62Encode(v)); err != nil || again != v {
			t.Errorf("Base62Decode(%q) = %d, which does not round-trip (%d, %v)", s, v, again, err)
		}
	})
}
