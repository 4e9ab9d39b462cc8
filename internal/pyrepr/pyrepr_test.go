package pyrepr

import (
	"math"
	"testing"
)

// Expected values are Python 3's repr() and str().
var strTests = []struct{ in, want string }{
	{"", `''`},
	{"abc", `'abc'`},
	{"it's", `"it's"`},
	{`it's "x"`, `'it\'s "x"'`},
	{"a\\b", `'a\\b'`},
	{"\t\n\r", `'\t\n\r'`},
	{"\x00\x1f\x7f", `'\x00\x1f\x7f'`},
	{"café ★", `'café ★'`},
	{"\u0085\u00a0", `'\x85\xa0'`},
	{"\u2028", `'\u2028'`},
	{"\U000e0001", `'\U000e0001'`},
	{"\xff", `'\xff'`},
}

func TestStr(t *testing.T) {
	for _, tt := range strTests {
		if got := Str(tt.in); got != tt.want {
			t.Errorf("Str(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}

var floatTests = []struct {
	f    float64
	bits int
	want string
}{
	{0, 64, "0.0"},
	{math.Copysign(0, -1), 64, "-0.0"},
	{1, 64, "1.0"},
	{0.1, 64, "0.1"},
	{1.5, 64, "1.5"},
	{1e-4, 64, "0.0001"},
	{9.999999999999999e-05, 64, "9.999999999999999e-05"},
	{1e-5, 64, "1e-05"},
	{1e16, 64, "1e+16"},
	{9999999999999998, 64, "9999999999999998.0"},
	{1.5e300, 64, "1.5e+300"},
	{-2.5e-7, 64, "-2.5e-07"},
	{float64(float32(0.1)), 32, "0.1"},
	{math.MaxFloat64, 64, "1.7976931348623157e+308"},
	{5e-324, 64, "5e-324"},
}

func TestAppendFloat(t *testing.T) {
	for _, tt := range floatTests {
		if got := string(AppendFloat(nil, tt.f, tt.bits)); got != tt.want {
			t.Errorf("AppendFloat(%v, %d) = %s; want %s", tt.f, tt.bits, got, tt.want)
		}
	}
}

func TestFloatStr(t *testing.T) {
	for _, tt := range []struct {
		f    float64
		want string
	}{{math.NaN(), "nan"}, {math.Inf(1), "inf"}, {math.Inf(-1), "-inf"}, {2, "2.0"}} {
		if got := FloatStr(tt.f, 64); got != tt.want {
			t.Errorf("FloatStr(%v) = %s; want %s", tt.f, got, tt.want)
		}
	}
}
