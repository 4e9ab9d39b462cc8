#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 2m), one at
# a time. New crashers land in the package's testdata/fuzz/ as Go writes them.
# Usage: scripts/fuzz.sh [package-pattern]   e.g. scripts/fuzz.sh ./web
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-2m}
pattern=${1:-./...}
for pkg in $(go list "$pattern"); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "=== $pkg $target ($fuzztime)"
    go test "$pkg" -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" -parallel=${FUZZPARALLEL:-2}
  done
done
