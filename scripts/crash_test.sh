#!/usr/bin/env bash
# Crash test of `storyline ingest`: starts it on a generated corpus, kills it with
# SIGKILL at a random moment while it writes, checks the store (no article doubled,
# search index in agreement), and repeats for a bounded number of rounds, every other
# round resuming on the store the last kill left; then ingests to the end and checks
# that no article was lost. About a minute with the defaults.
# Usage: scripts/crash_test.sh [ROUNDS] [ARTICLES]
# Ends with "N passed, M failed"; exits non-zero on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-8}"
n="${2:-600}"
# PROFILE=release for a release build (slow to compile on small machines).
profile="${PROFILE:-debug}"
if [ "$profile" = release ]; then cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p storyline-cli
else cargo build --quiet --manifest-path "$root/Cargo.toml" -p storyline-cli; fi
bin="${CARGO_TARGET_DIR:-$root/target}/$profile/storyline"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A corpus of short, distinct articles, one JSONL-free folder of text files.
mkdir -p "$work/corpus"
for i in $(seq 1 "$n"); do
  printf 'Harbour bulletin %d: the ferry from pier %d left %d minutes late on route marker%d, the operator said.\n' \
    "$i" $((i % 40)) $((i % 57)) "$i" > "$work/corpus/a$i.txt"
done
db="$work/store.db"
passed=0; failed=0
check() { if "$bin" ingest --db "$db" --check > "$work/check.json"; then passed=$((passed+1)); echo "ok   $1 $(cat "$work/check.json")"; else failed=$((failed+1)); echo "FAIL $1 $(cat "$work/check.json")"; fi; }

# Ingest analyses every article first, then writes: time both on a scratch store, and
# let the kills land in the writing, from a little before it starts to its end.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(now_ms)
"$bin" analyze --json "$work"/corpus/*.txt > /dev/null 2>&1
analysis=$(( $(now_ms) - t0 ))
t0=$(now_ms)
"$bin" ingest --db "$work/scratch.db" "$work"/corpus/*.txt 2>/dev/null
ms=$(( $(now_ms) - t0 + 1 ))
from=$(( analysis * 9 / 10 ))
[ "$from" -lt "$ms" ] || from=0
echo "a full run takes ${ms} ms, of which about ${analysis} ms analysis; kills land after ${from} ms"
partial=0
for r in $(seq 1 "$rounds"); do
  # Odd rounds start on an empty store; even ones resume on what the last kill left.
  if [ $((r % 2)) -eq 1 ]; then rm -rf "$db" "$db"-* "$db.index"; fi
  "$bin" ingest --db "$db" "$work"/corpus/*.txt 2>/dev/null &
  pid=$!
  wait_ms=$(( from + (RANDOM * 32768 + RANDOM) % (ms - from) ))
  sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check "round $r (killed after ${wait_ms} ms)"
  stored=$(sed -n 's/.*"articles":\([0-9]*\),.*/\1/p' "$work/check.json")
  if [ "${stored:-0}" -gt 0 ] && [ "${stored:-0}" -lt "$n" ]; then partial=$((partial+1)); fi
done
echo "$partial of $rounds kills left a partly written store"

"$bin" ingest --db "$db" "$work"/corpus/*.txt 2> "$work/final.log"
cat "$work/final.log"
check "final run"
if grep -q "\"articles\":$n," "$work/check.json" && grep -q "\"indexed\":$n," "$work/check.json"; then
  passed=$((passed+1)); echo "ok   all $n articles stored once and indexed"
else
  failed=$((failed+1)); echo "FAIL expected $n articles: $(cat "$work/check.json")"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
