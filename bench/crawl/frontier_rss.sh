#!/usr/bin/env bash
# Peak memory of a crawl resuming with a huge frontier: a database is seeded with one running crawl
# run of the `demo` market whose frontier holds N pending listing URLs (the first 2,000 exist on the
# synthetic market, the rest answer 404), then `armswatch crawl --max-pages 2000` resumes it against
# the market on 127.0.0.1; the crawler's peak RSS (ru_maxrss) and wall time are printed for
# N = 2,000, 100,000 and 1,000,000, with the ratio to the 2,000-URL crawl.
#
# Usage (from anywhere): bench/crawl/frontier_rss.sh      Environment: SIZES, WORK.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/crawl"
SIZES="${SIZES:-2000 100000 1000000}"
WORK="${WORK:-$(mktemp -d -t armswatch-frontier-bench.XXXXXX)}"
mkdir -p "$WORK"
cd "$ROOT"

cargo build --release --bin armswatch
cargo build --release -p armswatch-crawler --example serve_site
cargo build --release -p armswatch-store --example seed_frontier
BIN="$ROOT/target/release/armswatch"
SERVER="$ROOT/target/release/examples/serve_site"
SEED="$ROOT/target/release/examples/seed_frontier"

python3 "$HERE/make_site.py" "$WORK" --listings 2000
"$SERVER" "$WORK/site" > "$WORK/server.url" 2> "$WORK/server.log" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    [ -s "$WORK/server.url" ] && break
    sleep 0.1
done
BASE_URL="$(head -n1 "$WORK/server.url")"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| frontier URLs | seed s | DB MB | crawl wall s | pages | peak RSS MiB | RSS / 2,000-URL crawl |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
BASE_RSS=""
for n in $SIZES; do
    db="$WORK/f$n.db"
    rm -f "$db" "$db-wal" "$db-shm"
    t0=$(date +%s.%N)
    "$SEED" "$db" demo "$BASE_URL" "$n" 2>/dev/null
    seed_s=$(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')")
    db_mb=$(python3 -c "import os; print(f'{os.path.getsize(\"$db\") / 1e6:.0f}')")
    out=$(python3 - "$BIN" "$db" "$BASE_URL" "$ROOT/demo/profile.toml" "$WORK" <<'PY'
import json, resource, subprocess, sys, time
bin_, db, base, profile, work = sys.argv[1:]
t0 = time.perf_counter()
p = subprocess.run([bin_, "-q", "--data-dir", work + "/home", "crawl", "--profile", profile,
                    "--base-url", base, "--db", db, "--tor", "direct", "--concurrency", "8",
                    "--max-pages", "2000", "--json"], capture_output=True, text=True)
wall = time.perf_counter() - t0
if p.returncode != 0:
    sys.exit(p.stderr[-2000:])
s = json.loads(p.stdout.strip().splitlines()[-1])
assert s["resumed"], s
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{wall:.1f} {s['pages_fetched']} {rss:.0f}")
PY
)
    read -r wall pages rss <<< "$out"
    [ -z "$BASE_RSS" ] && BASE_RSS=$rss
    ratio=$(python3 -c "print(f'{$rss / $BASE_RSS:.2f}x')")
    echo "| $n | $seed_s | $db_mb | $wall | $pages | $rss | $ratio |"
done
echo "== work directory kept: $WORK" >&2
