#!/usr/bin/env bash
# Loopback throughput of the JSON endpoint (wrk) and of a 1 GiB download
# (curl): restframe against net/http and the peers. Every server listens on
# 127.0.0.1 only, each in its own process; everything runs for a bounded
# time and the script stops exactly the processes it started.
#
#   bench/load.sh                      # defaults below
#   DURATION=3 ROUNDS=2 bench/load.sh  # a quick check
#
# Settings (environment):
#   DURATION     seconds per wrk run (10)
#   ROUNDS       rounds over all JSON servers, the order rotating (3)
#   CONNS        wrk connections (64); THREADS wrk threads (1)
#   FILE_ROUNDS  1 GiB downloads per file server, alternating (3)
#   SERVERS      JSON servers (nethttp restframe restframe-web gin gin-negotiate
#                echo chi huma fiber)
#   PORT_BASE    first port (18100)
#
# Raw output goes to bench/results/load/<date>/ (results/load/last links to
# it); the tables are printed and run.sh copies them into RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")"

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-64}
THREADS=${THREADS:-1}
FILE_ROUNDS=${FILE_ROUNDS:-3}
SERVERS=${SERVERS:-"nethttp restframe restframe-web gin gin-negotiate echo chi huma fiber"}
PORT_BASE=${PORT_BASE:-18100}
HOST=127.0.0.1

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "--- installing $tool"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pids=()
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

echo "--- building the servers"
go build -o "$tmp/servers" ./cmd/servers
go build -o "$tmp/report" ./cmd/report

out="results/load/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
ln -sfn "$(basename "$out")" results/load/last

{
  echo "date:      $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu:       $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores, shared with wrk and curl)"
  echo "go:        $(go version)"
  echo "wrk:       $(wrk -v 2>&1 | head -n1)"
  echo "json:      wrk -t$THREADS -c$CONNS -d${DURATION}s --latency http://$HOST:PORT/json, $ROUNDS rounds, order rotating"
  echo "file:      curl -o /dev/null http://$HOST:PORT/file (1 GiB sparse file), $FILE_ROUNDS rounds alternating"
} > "$out/meta.txt"

# start NAME PORT [ARGS...]: start a server and wait until it answers.
start() {
  local name=$1 port=$2 path=$3
  shift 3
  "$tmp/servers" -impl "$name" -addr "$HOST:$port" "$@" &
  pids+=($!)
  for _ in $(seq 100); do
    if curl -fsS -o /dev/null -r 0-0 "http://$HOST:$port$path" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "server $name on $HOST:$port did not start" >&2
  exit 1
}

# stop: stop every server started so far.
stop() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}

# --- JSON ---------------------------------------------------------------
read -r -a names <<<"$SERVERS"
echo "--- JSON servers: ${names[*]}"
for i in "${!names[@]}"; do
  start "${names[$i]}" $((PORT_BASE + i)) /json
done
for i in "${!names[@]}"; do # warm up
  wrk -t"$THREADS" -c"$CONNS" -d1s "http://$HOST:$((PORT_BASE + i))/json" >/dev/null
done
n=${#names[@]}
for r in $(seq "$ROUNDS"); do
  for k in $(seq 0 $((n - 1))); do
    i=$(((k + r - 1) % n))
    name=${names[$i]}
    file=$(printf '%s/json-%02d-%s-r%d.txt' "$out" "$i" "$name" "$r")
    echo "round $r: $name"
    wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency "http://$HOST:$((PORT_BASE + i))/json" >"$file"
  done
done
stop

# --- 1 GiB file ---------------------------------------------------------
echo "--- 1 GiB download: restframe FileResponse vs http.ServeFile"
big="$tmp/big.bin"
truncate -s 1G "$big"
cat "$big" >/dev/null # into the page cache, so no download pays for it
fnames=(restframe servefile)
fport=$((PORT_BASE + 90))
for i in "${!fnames[@]}"; do
  start "${fnames[$i]}" $((fport + i)) /file -file "$big"
done
fpids=("${pids[@]}")
for i in "${!fnames[@]}"; do
  rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/${fpids[$i]}/status")
  echo "before $rss" >"$out/file-${fnames[$i]}-rss.txt"
done
for r in $(seq "$FILE_ROUNDS"); do
  for k in 0 1; do
    i=$(((k + r - 1) % 2))
    name=${fnames[$i]}
    echo "round $r: $name"
    curl -sS --max-time 300 -o /dev/null -w '%{http_code} %{size_download} %{speed_download}' \
      "http://$HOST:$((fport + i))/file" >"$(printf '%s/file-%02d-%s-r%d.txt' "$out" "$i" "$name" "$r")" || true
  done
done
for i in "${!fnames[@]}"; do
  hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/${fpids[$i]}/status")
  echo "hwm $hwm" >>"$out/file-${fnames[$i]}-rss.txt"
done
stop
rm -f "$big"

echo
"$tmp/report" load "$out" | tee "$out/load.md"
