#!/usr/bin/env bash
# End-to-end browser tests of the web UI. Installs nothing: it expects Debian's
# `chromium` (apt-get install -y chromium) and `npm ci` run in tests/e2e.
# Builds the binary, ingests the bundled example corpus (examples/corpus) and a hostile
# fixture (make_hostile.mjs) into a temporary store, serves it on a free loopback port,
# and drives Chromium through the pages. Screenshots go to
# tests/e2e/artifacts/. Ends with "N passed, M failed"; exits non-zero on failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chromium_bin="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium_bin" ] || { echo "e2e: $chromium_bin not found (apt-get install -y chromium)"; echo "0 passed, 1 failed"; exit 1; }
[ -d "$here/node_modules/playwright-core" ] || { echo "e2e: run 'npm ci' in tests/e2e first"; echo "0 passed, 1 failed"; exit 1; }

cargo build --quiet --manifest-path "$root/Cargo.toml" -p storyline-cli
bin="${CARGO_TARGET_DIR:-$root/target}/debug/storyline"

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

node "$here/make_hostile.mjs" "$work/hostile"
# From the repository root, so that article paths read examples/corpus/...
(cd "$root" && "$bin" ingest --db "$work/store.db" examples/corpus "$work/hostile/hostile.json" "$work/hostile/hostile-plain.txt")

# Port 0: the system picks a free port, and serve prints the address it got.
"$bin" serve --db "$work/store.db" --addr 127.0.0.1:0 2> "$work/serve.log" &
server=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; echo "0 passed, 1 failed"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "e2e: server did not start"; echo "0 passed, 1 failed"; exit 1; }
echo "e2e: serving on $url"
CHROMIUM="$chromium_bin" node "$here/test.mjs" "$url"
