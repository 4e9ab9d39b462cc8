package mediatype

import (
	"strings"
	"testing"
)

func TestTcharTable(t *testing.T) {
	if len(tcharTable) != 256 {
		t.Fatalf("len(tcharTable) = %d; want 256", len(tcharTable))
	}
	for c := 0; c < 256; c++ {
		want := c < 128 && (strings.IndexByte("!#$%&'*+-.^_`|~", byte(c)) >= 0 ||
			'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
		if got := isTchar(byte(c)); got != want {
			t.Errorf("isTchar(%#x) = %v; want %v", c, got, want)
		}
	}
}
