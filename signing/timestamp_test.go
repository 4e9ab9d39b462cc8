package signing_test

import (
	"errors"
	"testing"
	"time"

	"github.com/restframe/restframe/signing"
)

// t0 is the frozen clock of the spec's and the vectors' oracle runs.
var t0 = time.Unix(1700000000, 0)

func clock(t time.Time) func() time.Time { return func() time.Time { return t } }

func TestTimestampSignerSign(t *testing.T) {
	s := &signing.TimestampSigner{Signer: signing.Signer{Key: "secret"}, Now: clock(t0)}
	const want = "hello:1r31eq:cd3olmP207LffIZrXNJ8LTxzeEF4brfUrRYVM3D-t8Q" // Django 3.2
	if got := s.Sign("hello"); got != want {
		t.Errorf("Sign(hello) = %q; want %q", got, want)
	}
	if got, want := s.Signature("hello:1r31eq"), want[len("hello:1r31eq:"):]; got != want {
		t.Errorf("Signature(hello:1r31eq) = %q; want %q", got, want)
	}
	if got, err := s.Unsign(want); err != nil || got != "hello" {
		t.Errorf("Unsign(%q) = %q, %v; want hello", want, got, err)
	}
	// The embedded Signer's default salt differs: a plain Signer must not
	// accept the timestamped value as its own.
	if _, err := s.Signer.Unsign(want); !errors.Is(err, signing.ErrBadSignature) {
		t.Errorf("Signer.Unsign(timestamped) = %v; want ErrBadSignature", err)
	}
}

// maxAgeTests: signed at t0, read at t0+elapsed with maxAge (spec §22.5, §22.9).
var maxAgeTests = []struct {
	name    string
	elapsed time.Duration
	maxAge  time.Duration
	msg     string // "" = valid
}{
	{"fresh", 0, 10 * time.Second, ""},
	{"equal is valid", 10 * time.Second, 10 * time.Second, ""},
	{"one second over", 11 * time.Second, 10 * time.Second, "Signature age 11 > 10 seconds"},
	{"fraction over", 10*time.Second + 500*time.Millisecond, 10 * time.Second, "Signature age 10.5 > 10 seconds"},
	{"fractional max age", 2 * time.Second, 1500 * time.Millisecond, "Signature age 2 > 1.5 seconds"},
	{"future timestamp", -time.Hour, 10 * time.Second, ""},
	{"zero max age now", 0, 0, ""},
	{"zero max age later", time.Second, 0, "Signature age 1 > 0 seconds"},
	{"negative max age", 0, -time.Second, "Signature age 0 > -1 seconds"},
}

func TestTimestampSignerMaxAge(t *testing.T) {
	signed := (&signing.TimestampSigner{Signer: signing.Signer{Key: "secret"}, Now: clock(t0)}).Sign("hello")
	for _, tt := range maxAgeTests {
		t.Run(tt.name, func(t *testing.T) {
			s := &signing.TimestampSigner{Signer: signing.Signer{Key: "secret"}, Now: clock(t0.Add(tt.elapsed))}
			got, err := s.UnsignMaxAge(signed, tt.maxAge)
			if tt.msg == "" {
				if err != nil || got != "hello" {
					t.Errorf("UnsignMaxAge(%v) = %q, %v; want hello", tt.maxAge, got, err)
				}
				return
			}
			var e *signing.Error
			if !errors.Is(err, signing.ErrSignatureExpired) || !errors.Is(err, signing.ErrBadSignature) ||
				!errors.As(err, &e) || e.Message != tt.msg {
				t.Errorf("UnsignMaxAge(%v) = %q, %v; want SignatureExpired %q", tt.maxAge, got, err, tt.msg)
			}
			// Unsign never checks the age.
			if got, err := s.Unsign(signed); err != nil || got != "hello" {
				t.Errorf("Unsign = %q, %v; want hello", got, err)
			}
		})
	}
}

// badTimestampTests are correctly signed values whose timestamp part is not
// a base62 number: ErrBadSignature, not a panic (Django raises ValueError).
var badTimestampTests = []struct{ name, payload string }{
	{"no timestamp", "hello"},
	{"empty timestamp", "hello:"},
	{"bad digit", "hello:1r31e!"},
	{"overflow", "hello:zzzzzzzzzzzzzz"},
	{"minus only", "hello:-"},
}

func TestTimestampSignerBadTimestamp(t *testing.T) {
	s := &signing.TimestampSigner{Signer: signing.Signer{Key: "secret"}, Now: clock(t0)}
	for _, tt := range badTimestampTests {
		t.Run(tt.name, func(t *testing.T) {
			signed := tt.payload + ":" + s.Signature(tt.payload)
			for _, f := range []func() (string, error){
				func() (string, error) { return s.Unsign(signed) },
				func() (string, error) { return s.UnsignMaxAge(signed, time.Hour) },
			} {
				if got, err := f(); !errors.Is(err, signing.ErrBadSignature) {
					t.Errorf("Unsign(%q) = %q, %v; want ErrBadSignature", signed, got, err)
				}
			}
		})
	}
}

func TestTimestampSignerDefaults(t *testing.T) {
	s := &signing.TimestampSigner{Signer: signing.Signer{Key: "secret"}}
	before := time.Now().Unix()
	signed := s.Sign("v")
	got, err := s.UnsignMaxAge(signed, time.Minute)
	if err != nil || got != "v" {
		t.Fatalf("UnsignMaxAge(%q) = %q, %v; want v", signed, got, err)
	}
	ts, err := signing.Base62Decode(signed[2 : len(signed)-44])
	if err != nil || ts < before || ts > time.Now().Unix() {
		t.Errorf("timestamp of %q = %d, %v; want the current time", signed, ts, err)
	}
	custom := &signing.TimestampSigner{Signer: signing.Signer{Key: "secret", Sep: "/", Salt: "x"}, Now: clock(t0)}
	signed = custom.Sign("a:b")
	if want := "a:b/1r31eq/"; signed[:len(want)] != want {
		t.Errorf("Sign(a:b) with Sep / = %q; want prefix %q", signed, want)
	}
	if got, err := custom.UnsignMaxAge(signed, time.Second); err != nil || got != "a:b" {
		t.Errorf("UnsignMaxAge(%q) = %q, %v; want a:b", signed, got, err)
	}
}
