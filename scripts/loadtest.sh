#!/usr/bin/env bash
# Loopback load test of a release `storyline serve`: a store of the example corpus plus
# generated articles, then one bounded run per endpoint (the story API, the HTML page
# the story view loads, and search) with the `loadgen` example of storyline-server.
# Prints requests/s and latency percentiles (p50, p90, p99) per endpoint.
# Usage: scripts/loadtest.sh [SECONDS] [CONNECTIONS] [ARTICLES] [MAX_REQUESTS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-10}"
conns="${2:-32}"
n="${3:-1000}"
max="${4:-500000}"
target="${CARGO_TARGET_DIR:-$root/target}/release"
cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p storyline-cli
cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p storyline-server --example loadgen
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/corpus"
for i in $(seq 1 "$n"); do
  printf 'Council meeting %d: the budget for district %d rose by %d percent, officials said on Monday.\n' \
    "$i" $((i % 25)) $((i % 13)) > "$work/corpus/a$i.txt"
done
"$target/storyline" ingest --db "$work/store.db" "$root/examples/corpus" "$work/corpus" 2> "$work/ingest.log" \
  || { cat "$work/ingest.log"; exit 1; }
tail -n 1 "$work/ingest.log"
"$target/storyline" serve --db "$work/store.db" --addr 127.0.0.1:0 2> "$work/serve.log" &
server=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "loadtest: server did not start"; exit 1; }
# The largest story of the example corpus (the one with the wire copy), else the first.
story="$(curl -s "$url/api/stories?limit=100" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)"
troops="$(curl -s "$url/api/articles/nws-2024-11-06-nk-troops" | grep -o '"stories":\[{"id":"[^"]*"' | cut -d'"' -f6 || true)"
story="${troops:-$story}"
[ -n "$story" ] || { echo "loadtest: no story in the store"; exit 1; }
echo "machine: $(nproc) cores; store: $(curl -s "$url/api/articles?limit=1" | grep -o '"total":[0-9]*'); ${secs}s per endpoint, $conns connections, at most $max requests"
status=0
for path in "/api/stories/$story" "/" "/api/search?q=north+korean+troops&limit=20" "/api/search?q=budget+district&lang=en&limit=20"; do
  timeout $((secs + 30)) "$target/examples/loadgen" "$url$path" "$conns" "$secs" "$max" || status=1
done
exit $status
