package hdr

import (
	"strconv"
	"testing"
)

var lengthTests = []int{0, 1, 9, 10, 99, 100, 512, 1023, 1024, 65536, 1 << 40}

func TestContentLength(t *testing.T) {
	for _, n := range lengthTests {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			got := ContentLength(n)
			if len(got) != 1 || cap(got) != 1 || got[0] != strconv.Itoa(n) {
				t.Errorf("ContentLength(%d) = %q (cap %d); want [%q] with cap 1", n, got, cap(got), strconv.Itoa(n))
			}
		})
	}
	for n := range smallLengths {
		if got := ContentLength(n); got[0] != strconv.Itoa(n) {
			t.Fatalf("ContentLength(%d) = %q; want %q", n, got, strconv.Itoa(n))
		}
	}
}

func TestContentLengthAllocs(t *testing.T) {
	var sink []string
	allocs := testing.AllocsPerRun(100, func() { sink = ContentLength(837) })
	if allocs != 0 {
		t.Errorf("ContentLength(837) allocates %v times; want 0", allocs)
	}
	_ = sink
}
