#!/usr/bin/env bash
# Instruction counts of BenchmarkNegotiate (every impl and header) under
# valgrind's callgrind: unlike ns/op they do not move with the load of a
# shared machine. Each benchmark runs twice, N1 and N2 iterations, and the
# difference divided by N2-N1 is the count per negotiation (setup cancels).
#
#   bench/insns.sh            # writes bench/results/insns-<date>.txt
#
# The same for BenchmarkJSON of the JSON_IMPLS (the whole request through
# each framework, collected inside serveBench), with the garbage collector
# off so that the count does not depend on when a cycle happens to run.
#
# Settings: N1 (2000), N2 (12000), JSON_N1 (10000), JSON_N2 (30000),
# JSON_IMPLS (nethttp restframe gin
# gin-negotiate echo chi huma). Installs Debian's valgrind if missing.
set -euo pipefail
cd "$(dirname "$0")"

N1=${N1:-2000}
N2=${N2:-12000}
# The JSON requests run more: a Go type assertion's cache is filled only
# once in ~1000 misses, at a random moment, and both counts must start
# after that for the difference to be steady.
JSON_N1=${JSON_N1:-10000}
JSON_N2=${JSON_N2:-30000}
JSON_IMPLS=${JSON_IMPLS:-"nethttp restframe gin gin-negotiate echo chi huma"}

if ! command -v valgrind >/dev/null 2>&1; then
  echo "--- installing valgrind"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/bench.test" .
go build -o "$tmp/report" ./cmd/report

# collected PATTERN N: instructions callgrind counts for N iterations,
# inside the benchmark's function only (the runtime's other threads, such
# as sysmon, would add counts that grow with the slowed-down wall time).
# Asynchronous preemption is off: callgrind cannot follow Go's SIGURG.
collected() {
  GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 GOGC=${GOGC:-100} valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect="${TOGGLE:-*BenchmarkNegotiate.func1.1}" "$tmp/bench.test" -test.run '^$' -test.bench "$1" -test.benchtime="$2x" 2>&1 |
    sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p'
}

mkdir -p results
out="results/insns-$(date -u +%Y%m%dT%H%M%SZ).txt"
echo "--- callgrind, N1=$N1 N2=$N2 -> bench/$out"
"$tmp/report" negotiate-names | while read -r name; do
  impl=${name%%/*}
  header=${name#*/}
  pattern="^BenchmarkNegotiate\$/^$impl\$/^$header\$"
  c1=$(collected "$pattern" "$N1")
  c2=$(collected "$pattern" "$N2")
  if [ -z "$c1" ] || [ -z "$c2" ]; then
    echo "callgrind failed for $name" >&2
    exit 1
  fi
  line="BenchmarkNegotiate/$name 1 $(((c2 - c1) / (N2 - N1))) insns/op"
  echo "$line"
  echo "$line" >>"$out"
done
for impl in $JSON_IMPLS; do
  pattern="^BenchmarkJSON\$/^$impl\$"
  c1=$(GOGC=off TOGGLE='*bench_test.serveBench' collected "$pattern" "$JSON_N1")
  c2=$(GOGC=off TOGGLE='*bench_test.serveBench' collected "$pattern" "$JSON_N2")
  if [ -z "$c1" ] || [ -z "$c2" ]; then
    echo "callgrind failed for BenchmarkJSON/$impl" >&2
    exit 1
  fi
  line="BenchmarkJSON/$impl 1 $(((c2 - c1) / (JSON_N2 - JSON_N1))) insns/op"
  echo "$line"
  echo "$line" >>"$out"
done
ln -sfn "$(basename "$out")" results/insns-last.txt
