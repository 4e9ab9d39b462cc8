package web

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/internal/vectors"
)

// parseHTTPDateTests are Django's parse_http_date, checked against Django
// 3.2 in 2026 (the current year matters for two-digit years). want is a
// Unix time; errFormat says which error: true "not in a valid HTTP date
// format", false "not a valid date".
var parseHTTPDateTests = []struct {
	in        string
	want      int64
	err       bool
	errFormat bool
}{
	{in: "Tue, 14 Nov 2023 22:13:20 GMT", want: 1700000000},
	{in: "Tuesday, 14-Nov-23 22:13:20 GMT", want: 1700000000},
	{in: "Tue Nov 14 22:13:20 2023", want: 1700000000},
	{in: "Tue, 14 nov 2023 22:13:20 GMT", want: 1700000000},
	{in: "Xx1, 14 Nov 2023 22:13:20 GMT", want: 1700000000},
	{in: "Tue, 14 Nov 2023 22:13:20 GMT\n", want: 1700000000},
	{in: "Tue Nov  4 22:13:20 2023", want: 1699136000},
	{in: "Tue Nov 04 22:13:20 2023", want: 1699136000},
	{in: "Tuesday, 14-Nov-76 22:13:20 GMT", want: 3372617600},
	{in: "Tuesday, 14-Nov-77 22:13:20 GMT", want: 248393600},
	{in: "Tue, 14 Nov 0000 22:13:20 GMT", want: 974240000},
	{in: "Mon, 01 Jan 0001 00:00:00 GMT", want: 978307200},
	{in: "Fri, 31 Dec 9999 23:59:59 GMT", want: 253402300799},
	{in: "Thu, 01 Jan 1970 00:00:00 GMT", want: 0},
	{in: "Sun, 06 Nov 1994 08:49:37 GMT", want: 784111777},
	{in: "Sunday, 06-Nov-94 08:49:37 GMT", want: 784111777},
	{in: "Sun Nov  6 08:49:37 1994", want: 784111777},
	{in: "garbage", err: true, errFormat: true},
	{in: "", err: true, errFormat: true},
	{in: "Tue Nov 4 22:13:20 2023", err: true, errFormat: true},
	{in: "Tuesday, 14-Nov-0023 22:13:20 GMT", err: true, errFormat: true},
	{in: "Tue, 14 Nov 2023 22:13:20 UTC", err: true, errFormat: true},
	{in: "Tue, 14 Nov 2023 22:13:20 GMT\n\n", err: true, errFormat: true},
	{in: "Tue, 4 Nov 2023 22:13:20 GMT", err: true, errFormat: true},
	{in: "Tuesdays1, 14-Nov-23 22:13:20 GMT", want: 1700000000},
	{in: "Tuesdays12, 14-Nov-23 22:13:20 GMT", err: true, errFormat: true},
	{in: "Tue, 31 Nov 2023 22:13:20 GMT", err: true},
	{in: "Tue, 14 Nov 2023 24:00:00 GMT", err: true},
	{in: "Tue, 14 Nov 2023 23:59:60 GMT", err: true},
	{in: "Tue, 29 Feb 2023 00:00:00 GMT", err: true},
	{in: "Tue, 00 Nov 2023 00:00:00 GMT", err: true},
	{in: "Tue, 14 Foo 2023 22:13:20 GMT", err: true},
	{in: "Tue, 14 Ñov 2023 22:13:20 GMT", err: true},
}

func TestParseHTTPDate(t *testing.T) {
	for _, tt := range parseHTTPDateTests {
		got, err := hdParse(tt.in, 2026)
		if tt.err {
			var de *HTTPDateError
			if !errors.As(err, &de) || de.Format != tt.errFormat || !errors.Is(err, ErrHTTPDate) {
				t.Errorf("ParseHTTPDate(%q) = %v, %v; want HTTPDateError{Format: %v}", tt.in, got, err, tt.errFormat)
			}
			continue
		}
		if err != nil || got.Unix() != tt.want || got.Location() != time.UTC {
			t.Errorf("ParseHTTPDate(%q) = %v (%d), %v; want %d", tt.in, got, got.Unix(), err, tt.want)
		}
	}
}

func TestParseHTTPDateErrors(t *testing.T) {
	_, err := ParseHTTPDate("garbage")
	if got, want := err.Error(), `web: "garbage" is not in a valid HTTP date format`; got != want {
		t.Errorf("ParseHTTPDate(garbage) error = %q; want %q", got, want)
	}
	if s := StatusOf(err); s != 400 {
		t.Errorf("StatusOf(%v) = %d; want 400", err, s)
	}
	long := strings.Repeat("x", 1000)
	_, err = ParseHTTPDate(long)
	var de *HTTPDateError
	if !errors.As(err, &de) || len(de.Value) != MaxHTTPDateBytes {
		t.Errorf("ParseHTTPDate(1000 bytes) = %v; want an HTTPDateError with the value cut to %d bytes", err, MaxHTTPDateBytes)
	}
}

// TestParseHTTPDateTwoDigitYears checks RFC 9110 §5.6.7 / Django's rule:
// a two-digit year more than 50 years ahead is in the past century.
func TestParseHTTPDateTwoDigitYears(t *testing.T) {
	tests := []struct {
		yy, current, want int
	}{
		{23, 2026, 2023}, {76, 2026, 2076}, {77, 2026, 1977}, {99, 2026, 1999},
		{0, 2026, 2000}, {50, 2000, 2050}, {51, 2000, 1951}, {0, 2099, 2000}, // Django never picks the next century
	}
	for _, tt := range tests {
		s := "Sunday, 01-Jan-" + string(rune('0'+tt.yy/10)) + string(rune('0'+tt.yy%10)) + " 00:00:00 GMT"
		got, err := hdParse(s, tt.current)
		if err != nil || got.Year() != tt.want {
			t.Errorf("ParseHTTPDate(%q) in %d = %v, %v; want year %d", s, tt.current, got, err, tt.want)
		}
	}
}

var httpDateTests = []struct {
	in   time.Time
	want string
}{
	{time.Unix(0, 0), "Thu, 01 Jan 1970 00:00:00 GMT"},
	{time.Unix(1700000000, 999999999), "Tue, 14 Nov 2023 22:13:20 GMT"},
	{time.Unix(-1, 500000000), "Wed, 31 Dec 1969 23:59:59 GMT"},
	{time.Unix(-2, 500000000), "Wed, 31 Dec 1969 23:59:58 GMT"},
	{time.Date(2023, 11, 15, 1, 13, 20, 0, time.FixedZone("X", 3*3600)), "Tue, 14 Nov 2023 22:13:20 GMT"},
	{time.Unix(253402300799, 0), "Fri, 31 Dec 9999 23:59:59 GMT"},
}

func TestHTTPDate(t *testing.T) {
	for _, tt := range httpDateTests {
		if got := HTTPDate(tt.in); got != tt.want {
			t.Errorf("HTTPDate(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestVectorsHTTPDate(t *testing.T) {
	for _, u := range vectors.Units(t, "http_date") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Epoch float64 `json:"epoch"`
			}
			var want string
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			if got := HTTPDate(vecTime(in.Epoch)); got != want {
				t.Errorf("HTTPDate(%v) = %q; want %q", in.Epoch, got, want)
			}
		})
	}
}

func TestVectorsParseHTTPDate(t *testing.T) {
	for _, u := range vectors.Units(t, "parse_http_date") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Date string `json:"date"`
			}
			vectors.Decode(t, u.Input, &in)
			got, err := ParseHTTPDate(in.Date)
			if checkVectorError(t, err, u.Output) {
				var e struct{ Message string }
				vectors.Decode(t, u.Output, &e)
				var de *HTTPDateError
				wantFormat := strings.HasSuffix(e.Message, "is not in a valid HTTP date format")
				if !errors.As(err, &de) || de.Format != wantFormat {
					t.Errorf("ParseHTTPDate(%q) = %v; want %q", in.Date, err, e.Message)
				}
				return
			}
			var want int64
			vectors.Decode(t, u.Output, &want)
			if err != nil || got.Unix() != want {
				t.Errorf("ParseHTTPDate(%q) = %d, %v; want %d", in.Date, got.Unix(), err, want)
			}
		})
	}
}

func FuzzParseHTTPDate(f *testing.F) {
	for _, tt := range parseHTTPDateTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseHTTPDate(s)
		if err != nil {
			if !errors.Is(err, ErrHTTPDate) {
				t.Fatalf("ParseHTTPDate(%q) = %v; not an ErrHTTPDate", s, err)
			}
			return
		}
		if len(s) > MaxHTTPDateBytes {
			t.Fatalf("ParseHTTPDate(%d bytes) succeeded beyond MaxHTTPDateBytes", len(s))
		}
		// format∘parse: the formatted date parses back to the same time
		// and formats the same again.
		d := HTTPDate(got)
		back, err := ParseHTTPDate(d)
		if err != nil || !back.Equal(got) || HTTPDate(back) != d {
			t.Fatalf("ParseHTTPDate(HTTPDate(ParseHTTPDate(%q))) = %v, %v; want %v", s, back, err, got)
		}
	})
}
