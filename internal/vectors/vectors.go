// Package vectors loads the recorded DRF/Django conformance vectors kept in
// testdata/conformance (a copy of ../shared/conformance) for the unit tests
// of the packages that replay them.
package vectors

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Unit is one line of units.jsonl: a pure-function vector recorded from
// DRF 3.14 / Django 3.2.
type Unit struct {
	ID     string          `json:"id"`
	Kind   string          `json:"kind"`
	Input  json.RawMessage `json:"input"`
	Output json.RawMessage `json:"output"`
	Note   string          `json:"note,omitempty"`
}

// Dir returns the absolute path of testdata/conformance at the module root.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "conformance")
}

// Units returns every units.jsonl vector of the given kind, in file order.
// It fails the test when the file cannot be read or the kind has no vectors.
func Units(tb testing.TB, kind string) []Unit {
	tb.Helper()
	f, err := os.Open(filepath.Join(Dir(), "units.jsonl"))
	if err != nil {
		tb.Fatalf("vectors: %v", err)
	}
	defer f.Close()
	var out []Unit
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var u Unit
		if err := json.Unmarshal(sc.Bytes(), &u); err != nil {
			tb.Fatalf("vectors: %v", err)
		}
		if u.Kind == kind {
			out = append(out, u)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("vectors: %v", err)
	}
	if len(out) == 0 {
		tb.Fatalf("vectors: no %q vectors in units.jsonl", kind)
	}
	return out
}

// Decode unmarshals raw into v and fails the test on error.
func Decode(tb testing.TB, raw json.RawMessage, v any) {
	tb.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		tb.Fatalf("vectors: decode %s: %v", raw, err)
	}
}
