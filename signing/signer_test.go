package signing_test

import (
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/restframe/restframe/signing"
)

// signTests are Signer.sign outputs of Django (spec §22.4 and Django 3.2 with
// SECRET_KEY='secret').
var signTests = []struct {
	name   string
	signer signing.Signer
	value  string
	want   string
}{
	{"default", signing.Signer{Key: "secret"}, "hello", "hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18"},
	{"salt", signing.Signer{Key: "secret", Salt: "extra"}, "hello", "hello:X9jRVCptZJtpkMmhaViOf95HsF0mjIncJ6CwvBFjBm4"},
	{"sep", signing.Signer{Key: "secret", Sep: "/"}, "hello", "hello/FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18"},
	{"sha1", signing.Signer{Key: "secret", Algorithm: "sha1"}, "hello", "hello:AmyOTQY9JAikz0u2GebORkTo4LA"},
	{"sha224", signing.Signer{Key: "secret", Algorithm: "sha224"}, "hello", "hello:BdntiszDbzV0ZuuNYdhcjuBqXzk35b-rordEIw"},
	{"sha384", signing.Signer{Key: "secret", Algorithm: "sha384"}, "hello", "hello:gxdrtt9VcQNdWpfuuEdlcus7M736GIs-vhj2OQl179eQPdByxxX7GDGSMa9h3E_k"},
	{"sha512", signing.Signer{Key: "secret", Algorithm: "sha512"}, "hello", "hello:HUG8MNDvYOPd4KZi12-hPVnXaLoZjDiiAfuruEtZNE4DAruByQRKS-T4GCWvwkazuFsd73uZycFKKx8QNlGFRg"},
}

func TestSignerSign(t *testing.T) {
	for _, tt := range signTests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.signer
			if got := s.Sign(tt.value); got != tt.want {
				t.Errorf("Sign(%q) = %q; want %q", tt.value, got, tt.want)
			}
			sep := s.Sep
			if sep == "" {
				sep = ":"
			}
			if got, want := s.Signature(tt.value), tt.want[len(tt.value)+len(sep):]; got != want {
				t.Errorf("Signature(%q) = %q; want %q", tt.value, got, want)
			}
			got, err := s.Unsign(tt.want)
			if err != nil || got != tt.value {
				t.Errorf("Unsign(%q) = %q, %v; want %q, nil", tt.want, got, err, tt.value)
			}
		})
	}
}

// unsignErrorTests use Signer{Key: "secret"}; msg is Django's message.
var unsignErrorTests = []struct {
	name, in, msg string
}{
	{"empty", "", `No ":" found in value`},
	{"no sep", "hello", `No ":" found in value`},
	{"tampered value", "hellp:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18", `Signature "FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18" does not match`},
	{"tampered sig", "hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa19", `Signature "FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa19" does not match`},
	{"extra part", "x:hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18", `Signature "FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18" does not match`},
	{"padded sig", "hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18=", `Signature "FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18=" does not match`},
	{"truncated sig", "hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa1", `Signature "FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa1" does not match`},
	{"empty sig", "hello:", `Signature "" does not match`},
	{"other salt", "hello:X9jRVCptZJtpkMmhaViOf95HsF0mjIncJ6CwvBFjBm4", `Signature "X9jRVCptZJtpkMmhaViOf95HsF0mjIncJ6CwvBFjBm4" does not match`},
	{"sha1 not accepted", "hello:AmyOTQY9JAikz0u2GebORkTo4LA", `Signature "AmyOTQY9JAikz0u2GebORkTo4LA" does not match`},
}

func TestSignerUnsignErrors(t *testing.T) {
	s := &signing.Signer{Key: "secret"}
	for _, tt := range unsignErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Unsign(tt.in)
			var e *signing.Error
			if !errors.Is(err, signing.ErrBadSignature) || !errors.As(err, &e) || e.Message != tt.msg {
				t.Errorf("Unsign(%q) = %q, %v; want BadSignature %q", tt.in, got, err, tt.msg)
			}
			if errors.Is(err, signing.ErrSignatureExpired) {
				t.Errorf("Unsign(%q) error %v is ErrSignatureExpired", tt.in, err)
			}
		})
	}
}

func TestSignerTooLong(t *testing.T) {
	s := &signing.Signer{Key: "secret"}
	value := strings.Repeat("a", signing.MaxSignedLength-44)
	signed := s.Sign(value)
	if len(signed) != signing.MaxSignedLength {
		t.Fatalf("len(Sign) = %d; want %d", len(signed), signing.MaxSignedLength)
	}
	if got, err := s.Unsign(signed); err != nil || got != value {
		t.Errorf("Unsign(%d bytes) = %v; want the value", len(signed), err)
	}
	long := s.Sign(value + "a")
	if _, err := s.Unsign(long); !errors.Is(err, signing.ErrTooLong) || !errors.Is(err, signing.ErrBadSignature) {
		t.Errorf("Unsign(%d bytes) = %v; want ErrTooLong", len(long), err)
	}
}

// TestSignerFallbackKeys: sign with Key, verify with Key then each fallback
// (Django 4.1+ SECRET_KEY_FALLBACKS).
func TestSignerFallbackKeys(t *testing.T) {
	old := &signing.Signer{Key: "old"}
	signedOld := old.Sign("v")
	rotated := &signing.Signer{Key: "new", FallbackKeys: []string{"", "older", "old"}}
	if got, err := rotated.Unsign(signedOld); err != nil || got != "v" {
		t.Errorf("Unsign(old signature) = %q, %v; want \"v\", nil", got, err)
	}
	if got, want := rotated.Sign("v"), (&signing.Signer{Key: "new"}).Sign("v"); got != want {
		t.Errorf("Sign with fallbacks = %q; want %q (signed with Key)", got, want)
	}
	noFallback := &signing.Signer{Key: "new"}
	if _, err := noFallback.Unsign(signedOld); !errors.Is(err, signing.ErrBadSignature) {
		t.Errorf("Unsign(old signature) without fallback = %v; want ErrBadSignature", err)
	}
	// Fallbacks are not keys to sign with: the reverse direction fails.
	if _, err := old.Unsign(rotated.Sign("v")); !errors.Is(err, signing.ErrBadSignature) {
		t.Errorf("old.Unsign(new signature) = %v; want ErrBadSignature", err)
	}
}

// TestSignerLegacyAlgorithm: Django 3.2 accepted SHA-1 signatures besides
// SHA-256 ones (the signing.signer_sha1_algorithm vector).
func TestSignerLegacyAlgorithm(t *testing.T) {
	sha1Signed := (&signing.Signer{Key: "secret", Algorithm: "sha1"}).Sign("hello")
	s := &signing.Signer{Key: "secret", LegacyAlgorithm: "sha1"}
	if got, err := s.Unsign(sha1Signed); err != nil || got != "hello" {
		t.Errorf("Unsign(sha1 signature) with LegacyAlgorithm = %q, %v; want hello", got, err)
	}
	if got, want := s.Sign("hello"), "hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18"; got != want {
		t.Errorf("Sign with LegacyAlgorithm = %q; want %q (sha256)", got, want)
	}
	rotated := &signing.Signer{Key: "new", FallbackKeys: []string{"secret"}, LegacyAlgorithm: "sha1"}
	if got, err := rotated.Unsign(sha1Signed); err != nil || got != "hello" {
		t.Errorf("Unsign(sha1 signature under a fallback key) = %q, %v; want hello", got, err)
	}
}

// separatorTests: Django's _SEP_UNSAFE decisions, checked against Django 3.2.
var separatorTests = []struct {
	sep    string
	unsafe bool
}{
	{"a", true}, {"-", true}, {"_", true}, {"=", true}, {"9", true}, {"aZ09-_=", true},
	{"[", true}, {"`", true}, {"^", true}, {`\`, true}, {"]", true}, // inside A-z
	{"\n", true}, {"a\n", true}, // Python's $ matches before a final newline
	{":", false}, {"/", false}, {".", false}, {"ab\n\n", false}, {"~", false},
	{"{", false}, {"@", false}, {"é", false}, {" ", false}, {"a:", false},
}

func TestSignerValidateSeparator(t *testing.T) {
	for _, tt := range separatorTests {
		t.Run(tt.sep, func(t *testing.T) {
			s := &signing.Signer{Key: "secret", Sep: tt.sep}
			err := s.Validate()
			if !tt.unsafe {
				if err != nil {
					t.Fatalf("Validate(Sep %q) = %v; want nil", tt.sep, err)
				}
				signed := s.Sign("v")
				if got, err := s.Unsign(signed); err != nil || got != "v" {
					t.Errorf("Unsign(%q) = %q, %v; want v", signed, got, err)
				}
				return
			}
			if !errors.Is(err, signing.ErrUnsafeSeparator) {
				t.Fatalf("Validate(Sep %q) = %v; want ErrUnsafeSeparator", tt.sep, err)
			}
			if _, uerr := s.Unsign("v" + tt.sep + "x"); !errors.Is(uerr, signing.ErrUnsafeSeparator) {
				t.Errorf("Unsign with Sep %q = %v; want ErrUnsafeSeparator", tt.sep, uerr)
			}
		})
	}
}

func TestSignerValidateMessage(t *testing.T) {
	err := (&signing.Signer{Key: "k", Sep: "abc"}).Validate()
	var e *signing.Error
	want := "Unsafe Signer separator: 'abc' (cannot be empty or consist of only A-z0-9-_=)"
	if !errors.As(err, &e) || e.Message != want {
		t.Errorf("Validate(Sep abc) = %v; want message %q", err, want)
	}
	err = (&signing.Signer{Key: "k", Sep: `\`}).Validate()
	want = `Unsafe Signer separator: '\\' (cannot be empty or consist of only A-z0-9-_=)`
	if !errors.As(err, &e) || e.Message != want {
		t.Errorf("Validate(Sep \\) = %v; want message %q", err, want)
	}
}

var validateTests = []struct {
	name   string
	signer signing.Signer
	want   error
}{
	{"ok", signing.Signer{Key: "k"}, nil},
	{"all fields", signing.Signer{Key: "k", FallbackKeys: []string{"j"}, Salt: "s", Sep: "/", Algorithm: "sha512", LegacyAlgorithm: "sha1"}, nil},
	{"empty key", signing.Signer{}, signing.ErrEmptyKey},
	{"empty key with fallbacks", signing.Signer{FallbackKeys: []string{"k"}}, signing.ErrEmptyKey},
	{"md5", signing.Signer{Key: "k", Algorithm: "md5"}, signing.ErrUnknownAlgorithm},
	{"upper case", signing.Signer{Key: "k", Algorithm: "SHA256"}, signing.ErrUnknownAlgorithm},
	{"legacy md5", signing.Signer{Key: "k", LegacyAlgorithm: "md5"}, signing.ErrUnknownAlgorithm},
}

func TestSignerValidate(t *testing.T) {
	for _, tt := range validateTests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.signer
			err := s.Validate()
			if tt.want == nil {
				if err != nil {
					t.Errorf("Validate() = %v; want nil", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Validate() = %v; want %v", err, tt.want)
			}
			if _, uerr := s.Unsign("a:b"); !errors.Is(uerr, tt.want) {
				t.Errorf("Unsign() = %v; want %v", uerr, tt.want)
			}
			ts := signing.TimestampSigner{Signer: s}
			if _, uerr := ts.UnsignMaxAge("a:b:c", 1); !errors.Is(uerr, tt.want) {
				t.Errorf("TimestampSigner.UnsignMaxAge() = %v; want %v", uerr, tt.want)
			}
			mustPanic(t, tt.want, "Sign", func() { s.Sign("v") })
			mustPanic(t, tt.want, "Signature", func() { s.Signature("v") })
			mustPanic(t, tt.want, "TimestampSigner.Sign", func() { ts.Sign("v") })
		})
	}
}

func mustPanic(t *testing.T, want error, name string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		err, _ := r.(error)
		if !errors.Is(err, want) {
			t.Errorf("%s panicked with %v; want %v", name, r, want)
		}
	}()
	f()
}

// saltedHMACTests are django.utils.crypto.salted_hmac hex digests (Django 3.2).
var saltedHMACTests = []struct {
	alg, want string
}{
	{"", "a82be9ba6efe61405ee8d2e8a3781c37e103360a"},
	{"sha1", "a82be9ba6efe61405ee8d2e8a3781c37e103360a"},
	{"sha256", "debaddcd9ecbaab181289870baf8af49b0af0a7050d620d1a63f1e69bd87ceb8"},
}

func TestSaltedHMAC(t *testing.T) {
	for _, tt := range saltedHMACTests {
		t.Run(tt.alg, func(t *testing.T) {
			mac, err := signing.SaltedHMAC("salt", "value", "secret", tt.alg)
			if got := hex.EncodeToString(mac); err != nil || got != tt.want {
				t.Errorf("SaltedHMAC(salt, value, secret, %q) = %s, %v; want %s", tt.alg, got, err, tt.want)
			}
		})
	}
	if _, err := signing.SaltedHMAC("s", "v", "k", "md5"); !errors.Is(err, signing.ErrUnknownAlgorithm) {
		t.Errorf("SaltedHMAC(md5) = %v; want ErrUnknownAlgorithm", err)
	}
	got, err := signing.Base64HMAC("django.core.signing.Signersigner", "hello", "secret", "sha256")
	if want := "FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18"; err != nil || got != want {
		t.Errorf("Base64HMAC = %q, %v; want %q", got, err, want)
	}
	if _, err := signing.Base64HMAC("s", "v", "k", "md5"); !errors.Is(err, signing.ErrUnknownAlgorithm) {
		t.Errorf("Base64HMAC(md5) = %v; want ErrUnknownAlgorithm", err)
	}
}

func TestErrorHierarchy(t *testing.T) {
	tests := []struct {
		err, target error
		want        bool
	}{
		{signing.ErrSignatureExpired, signing.ErrBadSignature, true},
		{signing.ErrTooLong, signing.ErrBadSignature, true},
		{signing.ErrPayloadTooLarge, signing.ErrBadPayload, true},
		{signing.ErrBadSignature, signing.ErrSignatureExpired, false},
		{signing.ErrBadPayload, signing.ErrBadSignature, false},
		{signing.ErrUnsafeSeparator, signing.ErrBadSignature, false},
	}
	for _, tt := range tests {
		if got := errors.Is(tt.err, tt.target); got != tt.want {
			t.Errorf("errors.Is(%v, %v) = %v; want %v", tt.err, tt.target, got, tt.want)
		}
	}
	e := &signing.Error{Err: signing.ErrBadSignature, Message: `No ":" found in value`}
	if got, want := e.Error(), `signing: bad signature: No ":" found in value`; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
	if got, want := (&signing.Error{Err: signing.ErrBadSignature}).Error(), "signing: bad signature"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
}

func BenchmarkSignerUnsign(b *testing.B) {
	s := &signing.Signer{Key: "secret"}
	signed := s.Sign("hello")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Unsign(signed); err != nil {
			b.Fatal(err)
		}
	}
}
