package signing

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// TimestampSigner is Django's django.core.signing.TimestampSigner: Sign
// appends the current Unix time in base62 before signing, so that
// UnsignMaxAge can refuse signatures older than a maximum age.
//
// Its default Salt is "django.core.signing.TimestampSigner". The zero value
// is not usable: Key is required (see [Signer]).
type TimestampSigner struct {
	Signer
	// Now returns the current time, used for the timestamp written by Sign
	// and the age checked by UnsignMaxAge. If nil, time.Now.
	Now func() time.Time
}

func (s *TimestampSigner) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Signature returns the signature of value under the TimestampSigner's salt.
// It panics if Validate reports an error.
func (s *TimestampSigner) Signature(value string) string {
	r := s.mustResolve(timestampSignerSalt)
	var buf [88]byte
	return string(appendSignature(buf[:0], r.newHash, r.keySalt, s.Key, value))
}

// Sign returns value + Sep + base62(Unix time) + Sep + signature, Django's
// TimestampSigner.sign. It panics if Validate reports an error.
func (s *TimestampSigner) Sign(value string) string {
	r := s.mustResolve(timestampSignerSalt)
	var ts [12]byte
	return s.sign(value+r.sep+string(appendBase62(ts[:0], s.now().Unix())), r)
}

// Unsign checks the signature and returns the value without its timestamp,
// whatever its age: Django's TimestampSigner.unsign without max_age.
// Errors are those of [Signer.Unsign]; a timestamp that is not base62 is
// ErrBadSignature.
func (s *TimestampSigner) Unsign(signed string) (string, error) {
	return s.unsignAge(signed, 0, false)
}

// UnsignMaxAge is Unsign that also refuses a signature older than maxAge
// with ErrSignatureExpired (Django's unsign(value, max_age=...)). A signature
// exactly maxAge old is still valid. The message is Django's, for instance
// "Signature age 11 > 10 seconds".
func (s *TimestampSigner) UnsignMaxAge(signed string, maxAge time.Duration) (string, error) {
	return s.unsignAge(signed, maxAge, true)
}

func (s *TimestampSigner) unsignAge(signed string, maxAge time.Duration, check bool) (string, error) {
	r, err := s.resolve(timestampSignerSalt)
	if err != nil {
		return "", err
	}
	return s.unsignResolved(signed, r, maxAge, check)
}

func (s *TimestampSigner) unsignResolved(signed string, r resolved, maxAge time.Duration, check bool) (string, error) {
	result, err := s.unsign(signed, r)
	if err != nil {
		return "", err
	}
	i := strings.LastIndex(result, r.sep)
	if i < 0 {
		return "", newError(ErrBadSignature, `No "`+r.sep+`" found in value`)
	}
	value, stamp := result[:i], result[i+len(r.sep):]
	ts, err := Base62Decode(stamp)
	if err != nil {
		return "", &Error{Err: ErrBadSignature, Message: "Signature timestamp " + strconv.Quote(stamp) + " is not a base62 number", Cause: err}
	}
	if check {
		// Django: age = time.time() - timestamp, in float seconds.
		now := s.now()
		age := float64(now.Unix()) - float64(ts) + float64(now.Nanosecond())/1e9
		limit := maxAge.Seconds()
		if age > limit {
			return "", newError(ErrSignatureExpired, "Signature age "+formatSeconds(age)+" > "+formatSeconds(limit)+" seconds")
		}
	}
	return value, nil
}

// formatSeconds writes whole seconds as an integer ("11") and other values
// with the shortest decimal that round-trips, as Python prints a float.
func formatSeconds(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatInt(int64(x), 10)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
