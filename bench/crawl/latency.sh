#!/usr/bin/env bash
# Crawl throughput with Tor-like latency: armswatch vs Scrapy on the same synthetic market, served
# from 127.0.0.1 with every answer delayed 1.5 s +- 0.5 s (uniform), at concurrency 4, 16 and 64,
# in one run; each against the limit concurrency / latency (bench/crawl/latency.py).
#
# Usage (from anywhere): bench/crawl/latency.sh
# Environment: LISTINGS (300), CONCURRENCY (4,16,64), LATENCY_MS (1500), JITTER_MS (500), WORK (a
# new temp dir, kept afterwards).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/crawl"
LISTINGS="${LISTINGS:-300}"
CONCURRENCY="${CONCURRENCY:-4,16,64}"
LATENCY_MS="${LATENCY_MS:-1500}"
JITTER_MS="${JITTER_MS:-500}"
WORK="${WORK:-$(mktemp -d -t armswatch-latency-bench.XXXXXX)}"
mkdir -p "$WORK"
cd "$ROOT"

echo "== building armswatch and the static server (release)" >&2
cargo build --release --bin armswatch
cargo build --release -p armswatch-crawler --example serve_site
BIN="$ROOT/target/release/armswatch"
SERVER="$ROOT/target/release/examples/serve_site"

VENV="$HERE/.venv"
if [ ! -x "$VENV/bin/scrapy" ]; then
    echo "== installing Scrapy into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
fi

echo "== writing the synthetic market to $WORK" >&2
python3 "$HERE/make_site.py" "$WORK" --listings "$LISTINGS"

"$SERVER" "$WORK/site" 0 "$LATENCY_MS" "$JITTER_MS" > "$WORK/server.url" 2> "$WORK/server.log" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    [ -s "$WORK/server.url" ] && break
    sleep 0.1
done
BASE_URL="$(head -n1 "$WORK/server.url")"
case "$BASE_URL" in
    http://127.0.0.1:*) ;;
    *) echo "the server did not start: $(cat "$WORK/server.log")" >&2; exit 1 ;;
esac
echo "== serving on $BASE_URL with ${LATENCY_MS} +- ${JITTER_MS} ms per answer" >&2

set +e
{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "armswatch $("$BIN" --version | cut -d' ' -f2), $("$VENV/bin/scrapy" version), $("$VENV/bin/python" --version)"
    echo "site: $(find "$WORK/site" -name '*.html' | wc -l) pages; latency ${LATENCY_MS} +- ${JITTER_MS} ms; concurrency $CONCURRENCY"
    "$VENV/bin/python" "$HERE/latency.py" --armswatch "$BIN" --python "$VENV/bin/python" \
        --base-url "$BASE_URL" --server-pid "$SERVER_PID" --profile "$ROOT/demo/profile.toml" \
        --expected "$WORK/expected.jsonl" --work "$WORK" --concurrency "$CONCURRENCY" \
        --latency "$(python3 -c "print($LATENCY_MS / 1000)")"
} 2>&1 | tee "$WORK/report.txt"
status=${PIPESTATUS[0]}
set -e
echo "== work directory kept: $WORK" >&2
exit "$status"
