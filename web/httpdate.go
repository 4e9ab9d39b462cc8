package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// HTTPDateError is the error of ParseHTTPDate: Django's ValueError "... is
// not in a valid HTTP date format" (no format matched) or "... is not a
// valid date" (a format matched but the date does not exist).
type HTTPDateError struct {
	// Value is the input, cut to MaxHTTPDateBytes.
	Value string
	// Format is true when no date format matched, false when the fields
	// are out of range (30 February, hour 24).
	Format bool
}

// Error returns Django's message.
func (e *HTTPDateError) Error() string {
	if e.Format {
		return "web: " + strconv.Quote(e.Value) + " is not in a valid HTTP date format"
	}
	return "web: " + strconv.Quote(e.Value) + " is not a valid date"
}

// Is matches ErrHTTPDate and ErrBadRequest.
func (e *HTTPDateError) Is(target error) bool {
	return target == ErrHTTPDate || target == ErrBadRequest
}

// MaxHTTPDateBytes is the longest input ParseHTTPDate looks at: 64 bytes.
// No valid date is longer (the longest, an RFC 850 date with a long
// weekday name, has about 35), so longer inputs fail at once.
const MaxHTTPDateBytes = 64

// HTTPDate formats t as an HTTP date (RFC 9110 §5.6.7 IMF-fixdate) in UTC,
// e.g. "Tue, 14 Nov 2023 22:13:20 GMT": Django's http_date. Fractions of
// seconds are dropped (rounded down).
func HTTPDate(t time.Time) string { return t.UTC().Format(http.TimeFormat) }

// ParseHTTPDate parses an HTTP date in any of the three formats of
// RFC 9110 §5.6.7: Django's parse_http_date.
//
//   - IMF-fixdate (RFC 1123): "Tue, 14 Nov 2023 22:13:20 GMT"
//   - RFC 850: "Tuesday, 14-Nov-23 22:13:20 GMT"; a two-digit year more than
//     50 years in the future (from the current year) is taken to be in the
//     past century (RFC 9110 §5.6.7)
//   - ANSI C asctime: "Tue Nov 14 22:13:20 2023" (day may be space-padded)
//
// As in Django, the weekday is not checked against the date, month names
// are case-insensitive, and a year below 100 is read as a two-digit year
// even when written with four digits. Digits must be ASCII. The result is
// in UTC. Errors are *HTTPDateError.
func ParseHTTPDate(s string) (time.Time, error) {
	return hdParse(s, time.Now().UTC().Year())
}

// hdParse is ParseHTTPDate with the current year given.
func hdParse(s string, currentYear int) (time.Time, error) {
	if len(s) > MaxHTTPDateBytes {
		return time.Time{}, &HTTPDateError{Value: s[:MaxHTTPDateBytes], Format: true}
	}
	d := s
	// Python's "$" also matches before a final newline.
	d = strings.TrimSuffix(d, "\n")
	f, ok := hdMatchIMF(d)
	if !ok {
		f, ok = hdMatchRFC850(d)
	}
	if !ok {
		f, ok = hdMatchASCTime(d)
	}
	if !ok {
		return time.Time{}, &HTTPDateError{Value: s, Format: true}
	}
	year := f.year
	if year < 100 {
		century := currentYear - currentYear%100
		if year-currentYear%100 > 50 {
			year += century - 100
		} else {
			year += century
		}
	}
	month := hdMonthIndex(f.mon)
	if month == 0 || f.day < 1 || f.day > hdDaysIn(time.Month(month), year) ||
		f.hour > 23 || f.min > 59 || f.sec > 59 || year < 1 || year > 9999 {
		return time.Time{}, &HTTPDateError{Value: s}
	}
	return time.Date(year, time.Month(month), f.day, f.hour, f.min, f.sec, 0, time.UTC), nil
}

// hdDateFields are the captures of Django's date regexes.
type hdDateFields struct {
	mon                       string
	year, day, hour, min, sec int
}

// hdMatchIMF matches `^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$`.
func hdMatchIMF(s string) (f hdDateFields, ok bool) {
	s, ok = hdSkipWord(s, 3, 3)
	if !ok || !strings.HasPrefix(s, ", ") {
		return f, false
	}
	s = s[2:]
	if f.day, s, ok = hdDigits(s, 2); !ok || !strings.HasPrefix(s, " ") {
		return f, false
	}
	if f.mon, s, ok = hdMonthWord(s[1:]); !ok || !strings.HasPrefix(s, " ") {
		return f, false
	}
	if f.year, s, ok = hdDigits(s[1:], 4); !ok || !strings.HasPrefix(s, " ") {
		return f, false
	}
	if s, ok = hdClock(s[1:], &f); !ok {
		return f, false
	}
	return f, s == " GMT"
}

// hdMatchRFC850 matches `^\w{6,9}, \d{2}-\w{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$`.
func hdMatchRFC850(s string) (f hdDateFields, ok bool) {
	s, ok = hdSkipWord(s, 6, 9)
	if !ok || !strings.HasPrefix(s, ", ") {
		return f, false
	}
	s = s[2:]
	if f.day, s, ok = hdDigits(s, 2); !ok || !strings.HasPrefix(s, "-") {
		return f, false
	}
	if f.mon, s, ok = hdMonthWord(s[1:]); !ok || !strings.HasPrefix(s, "-") {
		return f, false
	}
	if f.year, s, ok = hdDigits(s[1:], 2); !ok || !strings.HasPrefix(s, " ") {
		return f, false
	}
	if s, ok = hdClock(s[1:], &f); !ok {
		return f, false
	}
	return f, s == " GMT"
}

// hdMatchASCTime matches `^\w{3} \w{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$`.
func hdMatchASCTime(s string) (f hdDateFields, ok bool) {
	s, ok = hdSkipWord(s, 3, 3)
	if !ok || !strings.HasPrefix(s, " ") {
		return f, false
	}
	if f.mon, s, ok = hdMonthWord(s[1:]); !ok || !strings.HasPrefix(s, " ") {
		return f, false
	}
	s = s[1:]
	if len(s) < 2 || !(s[0] == ' ' || hdIsDigit(s[0])) || !hdIsDigit(s[1]) {
		return f, false
	}
	f.day = int(s[1] - '0')
	if s[0] != ' ' {
		f.day += 10 * int(s[0]-'0')
	}
	s = s[2:]
	if !strings.HasPrefix(s, " ") {
		return f, false
	}
	if s, ok = hdClock(s[1:], &f); !ok || !strings.HasPrefix(s, " ") {
		return f, false
	}
	f.year, s, ok = hdDigits(s[1:], 4)
	return f, ok && s == ""
}

// clock reads `\d{2}:\d{2}:\d{2}`.
func hdClock(s string, f *hdDateFields) (rest string, ok bool) {
	if f.hour, s, ok = hdDigits(s, 2); !ok || !strings.HasPrefix(s, ":") {
		return s, false
	}
	if f.min, s, ok = hdDigits(s[1:], 2); !ok || !strings.HasPrefix(s, ":") {
		return s, false
	}
	f.sec, s, ok = hdDigits(s[1:], 2)
	return s, ok
}

// digits reads exactly n ASCII digits.
func hdDigits(s string, n int) (v int, rest string, ok bool) {
	if len(s) < n {
		return 0, s, false
	}
	for i := 0; i < n; i++ {
		if !hdIsDigit(s[i]) {
			return 0, s, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, s[n:], true
}

func hdIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// hdSkipWord skips between lo and hi word characters (Python's \w:
// letters, numbers and "_"), as many as possible, and reports whether at
// least lo were there. Backtracking is not needed: the next character in
// every format is not a word character.
func hdSkipWord(s string, lo, hi int) (string, bool) {
	n := 0
	for n < hi && s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)) || (r == utf8.RuneError && size == 1) {
			break
		}
		s = s[size:]
		n++
	}
	return s, n >= lo
}

// hdMonthWord reads three word characters (the month).
func hdMonthWord(s string) (mon, rest string, ok bool) {
	rest, ok = hdSkipWord(s, 3, 3)
	return s[:len(s)-len(rest)], rest, ok
}

// hdMonthIndex returns 1–12 for a month abbreviation in any case, else 0.
func hdMonthIndex(m string) int {
	if len(m) != 3 {
		return 0
	}
	const months = "janfebmaraprmayjunjulaugsepoctnovdec"
	lower := [3]byte{m[0] | 0x20, m[1] | 0x20, m[2] | 0x20}
	for i := 0; i < 12; i++ {
		if months[3*i] == lower[0] && months[3*i+1] == lower[1] && months[3*i+2] == lower[2] {
			return i + 1
		}
	}
	return 0
}

// hdDaysIn returns the number of days in the month of the year.
func hdDaysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
