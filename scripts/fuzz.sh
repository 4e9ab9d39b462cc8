#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 2m), one at
# a time, and lists the targets that failed at the end (exit 1 if any).
# New crashers land in the package's testdata/fuzz/ as Go writes them.
# Usage: scripts/fuzz.sh [package-pattern] [target-regexp]
#   e.g. scripts/fuzz.sh ./web 'Cookie|Host'
set -uo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-2m}
pattern=${1:-./...}
only=${2:-.}
failed=()
for pkg in $(go list "$pattern"); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u | grep -E "$only"); do
    echo "=== $pkg $target ($fuzztime)"
    if ! go test "$pkg" -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" -parallel="${FUZZPARALLEL:-2}"; then
      failed+=("$pkg $target")
    fi
  done
done
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "all fuzz targets passed"
