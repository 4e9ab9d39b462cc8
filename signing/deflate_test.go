package signing

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// zlibGoldenTests are CPython's zlib.compress outputs (zlib 1.2.13, level 6).
var zlibGoldenTests = []struct {
	name string
	in   []byte
	want string // standard base64
}{
	{"empty", nil, "eJwDAAAAAAE="},
	{"one byte", []byte("a"), "eJxLBAAAYgBi"},
	{"repeats", []byte("hello hello hello hello"), "eJzLSM3JyVfIQCcBaAMIsQ=="},
	{"json", []byte(`{"a":"` + strings.Repeat("x", 200) + `"}`), "eJyrVkpUslKqGCZAqRYAvw9f3A=="},
	{"stored block", func() []byte {
		b := make([]byte, 256)
		for i := range b {
			b[i] = byte(i)
		}
		return b
	}(), "eJwBAAH//gABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v+t9n+B"},
}

func TestZlibCompressGolden(t *testing.T) {
	for _, tt := range zlibGoldenTests {
		t.Run(tt.name, func(t *testing.T) {
			got := base64.StdEncoding.EncodeToString(zlibCompress(nil, tt.in))
			if got != tt.want {
				t.Errorf("zlibCompress(%.20q) = %s; want %s", tt.in, got, tt.want)
			}
		})
	}
}

func inflate(t testing.TB, b []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("zlib.NewReader: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("inflate: %v", err)
	}
	return out
}

// roundTripInputs exercise every path of the compressor: stored, fixed and
// dynamic blocks, window slides, block starts that slid out of the window,
// long matches and bit-length overflow.
func roundTripInputs() map[string][]byte {
	fib := []int{1, 1}
	for len(fib) < 24 {
		fib = append(fib, fib[len(fib)-1]+fib[len(fib)-2])
	}
	var skewed []byte
	for i, f := range fib {
		skewed = append(skewed, bytes.Repeat([]byte{byte(i * 7)}, f)...)
	}
	lcg := uint32(1)
	random := make([]byte, 100000)
	for i := range random {
		lcg = lcg*1664525 + 1013904223
		random[i] = byte(lcg >> 24)
	}
	return map[string][]byte{
		"zeros":       make([]byte, 300000),
		"pattern":     bytes.Repeat([]byte("abcabcabd"), 600000),
		"random":      random,
		"skewed":      skewed,
		"json":        []byte(strings.Repeat(`{"id":1,"name":"user","tags":["a","b"]},`, 5000)),
		"short":       []byte("ab"),
		"mixed":       append(append([]byte{}, random[:40000]...), bytes.Repeat([]byte("xy"), 40000)...),
		"max matches": bytes.Repeat([]byte("0123456789"), 100000),
	}
}

func TestZlibCompressRoundTrip(t *testing.T) {
	for name, in := range roundTripInputs() {
		t.Run(name, func(t *testing.T) {
			out := zlibCompress([]byte("prefix"), in)
			if !bytes.HasPrefix(out, []byte("prefix")) {
				t.Fatalf("zlibCompress did not append to dst")
			}
			if got := inflate(t, out[len("prefix"):]); !bytes.Equal(got, in) {
				t.Errorf("inflate(zlibCompress(%d bytes)) = %d bytes, different", len(in), len(got))
			}
		})
	}
}

// zlibPythonScript compresses a seeded variety of inputs with CPython's zlib
// and prints them as JSON: the differential test against the real zlib.
const zlibPythonScript = `
import zlib, sys, json, base64, random
random.seed(int(sys.argv[1]))
out = []
def add(b):
    out.append({"in": base64.b64encode(b).decode(), "out": base64.b64encode(zlib.compress(b)).decode()})
for _ in range(40):
    n = random.choice([0, 1, 2, 3, 5, 50, 300, 4000, 17000, 33000, 66000, 140000])
    kind = random.randrange(5)
    if kind == 0:
        b = bytes(random.getrandbits(8) for _ in range(n))
    elif kind == 1:
        b = bytes(random.choice(b"ab") for _ in range(n))
    elif kind == 2:
        b = bytearray()
        while len(b) < n:
            if b and random.random() < 0.5:
                s = random.randrange(len(b)); b += b[s:s + random.randrange(1, 300)]
            else:
                b += bytes(random.getrandbits(8) for _ in range(random.randrange(1, 20)))
        b = bytes(b[:n])
    elif kind == 3:
        b = json.dumps([{"id": i, "name": "user%d" % (i % 97), "tags": ["a", "b"][:i % 3]} for i in range(n // 20 + 1)], separators=(",", ":")).encode()
    else:
        b = bytes((i * i) % 251 for i in range(n))
    add(b)
print(json.dumps(out))
`

// TestZlibCompressMatchesPython compares zlibCompress with CPython's
// zlib.compress on random inputs. It needs /usr/bin/python3.
func TestZlibCompressMatchesPython(t *testing.T) {
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("skipping: /usr/bin/python3 not installed (apt-get install python3)")
	}
	if testing.Short() {
		t.Skip("skipping in -short mode")
	}
	for _, seed := range []string{"1", "2"} {
		out, err := exec.Command("/usr/bin/python3", "-c", zlibPythonScript, seed).Output()
		if err != nil {
			t.Fatalf("python3: %v", err)
		}
		var cases []struct{ In, Out string }
		if err := json.Unmarshal(out, &cases); err != nil {
			t.Fatal(err)
		}
		for i, c := range cases {
			in, _ := base64.StdEncoding.DecodeString(c.In)
			want, _ := base64.StdEncoding.DecodeString(c.Out)
			if got := zlibCompress(nil, in); !bytes.Equal(got, want) {
				t.Errorf("seed %s case %d: zlibCompress(%d bytes) = %d bytes; Python's zlib.compress = %d bytes", seed, i, len(in), len(got), len(want))
			}
		}
	}
}

func FuzzZlibCompress(f *testing.F) {
	for _, tt := range zlibGoldenTests {
		f.Add(tt.in)
	}
	f.Add([]byte(strings.Repeat("abcd", 1000)))
	f.Fuzz(func(t *testing.T, in []byte) {
		out := zlibCompress(nil, in)
		if got := inflate(t, out); !bytes.Equal(got, in) {
			t.Fatalf("inflate(zlibCompress(%q)) = %q", in, got)
		}
	})
}

func BenchmarkZlibCompress(b *testing.B) {
	in := []byte(strings.Repeat(`{"id":1,"name":"user","tags":["a","b"]},`, 25))
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		zlibCompress(nil, in)
	}
}
