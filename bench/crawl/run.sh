#!/usr/bin/env bash
# Crawl + extraction throughput: armswatch vs Scrapy on the same synthetic market, in one run.
#
# Builds armswatch and the static server (release), sets up Scrapy in bench/crawl/.venv, writes the
# synthetic market (bench/crawl/make_site.py: 2,000 listing pages + 103 index pages, demo markup),
# serves it on 127.0.0.1, then runs both crawlers RUNS times each (alternating which goes first)
# with CONCURRENCY requests in flight and no delay, and prints pages/s, listings/s, the ratio and a
# same-listings check (bench/crawl/bench.py). Loopback only.
#
# Usage (from anywhere): bench/crawl/run.sh
# Environment: RUNS (3), CONCURRENCY (8), LISTINGS (2000), WORK (a new temp dir; kept afterwards
# for inspection: databases, Scrapy output, report.txt), CRAWLER_CPUS and SERVER_CPUS (taskset
# CPU lists, e.g. 1 and 0: one core for the crawler, one for the server; default: no pinning).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/crawl"
RUNS="${RUNS:-3}"
CONCURRENCY="${CONCURRENCY:-8}"
LISTINGS="${LISTINGS:-2000}"
WORK="${WORK:-$(mktemp -d -t armswatch-crawl-bench.XXXXXX)}"
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

SERVER_PIN=()
[ -n "${SERVER_CPUS:-}" ] && SERVER_PIN=(taskset -c "$SERVER_CPUS")
"${SERVER_PIN[@]}" "$SERVER" "$WORK/site" > "$WORK/server.url" 2> "$WORK/server.log" &
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
echo "== serving on $BASE_URL (pid $SERVER_PID)" >&2

set +e
{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "armswatch $("$BIN" --version | cut -d' ' -f2), $("$VENV/bin/scrapy" version), $("$VENV/bin/python" --version)"
    echo "site: $(find "$WORK/site" -name '*.html' | wc -l) pages, $(du -sh "$WORK/site" | cut -f1); concurrency $CONCURRENCY, $RUNS runs each; crawler CPUs ${CRAWLER_CPUS:-all}, server CPUs ${SERVER_CPUS:-all}"
    "$VENV/bin/python" "$HERE/bench.py" --armswatch "$BIN" --python "$VENV/bin/python" \
        --base-url "$BASE_URL" --server-pid "$SERVER_PID" --profile "$ROOT/demo/profile.toml" \
        --expected "$WORK/expected.jsonl" --work "$WORK" --runs "$RUNS" \
        --concurrency "$CONCURRENCY" ${CRAWLER_CPUS:+--taskset "$CRAWLER_CPUS"}
} 2>&1 | tee "$WORK/report.txt"
status=${PIPESTATUS[0]}
set -e
echo "== work directory kept: $WORK" >&2
exit "$status"
