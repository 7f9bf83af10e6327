#!/usr/bin/env bash
# Loopback load test of `storyline serve` with wrk (Debian package `wrk`): a store of
# generated articles, then bounded runs against a few endpoints. Prints requests/s and
# latency percentiles (p99) per endpoint. Usage: scripts/loadtest.sh [SECONDS] [ARTICLES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-10}"
n="${2:-1000}"
command -v wrk >/dev/null || { echo "loadtest: wrk not found (apt-get install -y wrk)"; exit 1; }
# PROFILE=release for a release build (slow to compile on small machines).
profile="${PROFILE:-debug}"
if [ "$profile" = release ]; then cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p storyline-cli
else cargo build --quiet --manifest-path "$root/Cargo.toml" -p storyline-cli; fi
bin="${CARGO_TARGET_DIR:-$root/target}/$profile/storyline"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/corpus"
for i in $(seq 1 "$n"); do
  printf 'Council meeting %d: the budget for district %d rose by %d percent, officials said on Monday.\n' \
    "$i" $((i % 25)) $((i % 13)) > "$work/corpus/a$i.txt"
done
"$bin" ingest --db "$work/store.db" "$work"/corpus/*.txt 2>/dev/null
"$bin" serve --db "$work/store.db" --addr 127.0.0.1:0 2> "$work/serve.log" &
server=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "loadtest: server did not start"; exit 1; }
id="$(curl -s "$url/api/articles?limit=1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')"
for path in "/api/articles?limit=20" "/api/articles/$id" "/api/search?q=budget+district&limit=10" "/"; do
  echo "== GET $path (${secs}s, 2 threads, 32 connections)"
  timeout $((secs + 20)) wrk -t2 -c32 -d"${secs}s" --latency "$url$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|errors"
done
