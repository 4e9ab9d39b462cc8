package vectors

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pending lists the units.jsonl kinds that belong to layers not built yet,
// with where they will be replayed. Remove a kind once a test replays it.
var pending = map[string]string{}

var unitsCall = regexp.MustCompile(`vectors\.Units\(\w+, "([a-z0-9_]+)"\)`)

// TestEveryKindReplayed fails when a kind of units.jsonl is not replayed by
// any test of the module (a call vectors.Units(t, "kind")), so that a new
// vector kind, or a deleted replay test, cannot go unnoticed.
func TestEveryKindReplayed(t *testing.T) {
	kinds := map[string]int{}
	f, err := os.Open(filepath.Join(Dir(), "units.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var u Unit
		if err := json.Unmarshal(sc.Bytes(), &u); err != nil {
			t.Fatal(err)
		}
		kinds[u.Kind]++
	}

	replayed := map[string]bool{}
	root := filepath.Join(Dir(), "..", "..")
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range unitsCall.FindAllSubmatch(src, -1) {
			replayed[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	for kind, n := range kinds {
		where, isPending := pending[kind]
		switch {
		case replayed[kind] && isPending:
			t.Errorf("kind %q (%d vectors) is replayed now: remove it from pending", kind, n)
		case !replayed[kind] && !isPending:
			t.Errorf("kind %q (%d vectors) is replayed by no test", kind, n)
		case !replayed[kind]:
			t.Logf("kind %q (%d vectors): pending, to be replayed in %s", kind, n, where)
		}
	}
	for kind := range pending {
		if kinds[kind] == 0 {
			t.Errorf("pending kind %q has no vectors in units.jsonl", kind)
		}
	}
}
