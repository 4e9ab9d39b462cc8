#!/usr/bin/env bash
# Prints, per units.jsonl kind, how many vector subtests passed and failed.
# The replay tests are named TestVectors<Kind> with one subtest per vector id
# (ids start with the kind); a kind replayed in two packages counts twice.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -count=1 -json -run 'TestVectors' ./... 2>/dev/null | python3 <(cat <<'PY'
import collections, json, sys
ok, bad = collections.Counter(), collections.Counter()
for line in sys.stdin:
    e = json.loads(line)
    t = e.get("Test", "")
    if "/" not in t or e.get("Action") not in ("pass", "fail"):
        continue
    kind = t.split("/", 1)[1].split(".", 1)[0]
    (ok if e["Action"] == "pass" else bad)[kind] += 1
for k in sorted(set(ok) | set(bad)):
    print(f"{k:28} {ok[k]:4} passed {bad[k]:3} failed")
print(f"{'total':28} {sum(ok.values()):4} passed {sum(bad.values()):3} failed")
PY
)
