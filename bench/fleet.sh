#!/usr/bin/env bash
# Worker scale (issue #16): 1, 2, 4 and 8 `armswatch run --worker` processes sharing one
# PostgreSQL database crawl MARKETS fixture markets served from 127.0.0.1 with Tor-like latency
# (every answer delayed LATENCY_MS +- JITTER_MS, uniform), in one run. Each market allows
# CONCURRENCY requests at once across the fleet and no delay; each worker crawls one market at a
# time (--max-parallel 1), so a fleet of W workers can keep at most min(W, MARKETS) x CONCURRENCY
# requests in flight: the limit is that / latency pages per second. Prints pages/s against it.
#
# Usage (from anywhere): bench/fleet.sh
# Environment: WORKERS (1,2,4,8), MARKETS (8), LISTINGS per market (20), CONCURRENCY (2),
# LATENCY_MS (1500), JITTER_MS (500), WORK (a new temp dir, kept afterwards), PROFILE (release;
# `dev` uses the debug build, whose dependencies are optimised too: the crawl is latency-bound).
#
# Pages/s is measured from the database: pages stored, over the time from the first stored page
# to the last (polled every 0.2 s), so the workers' start-up (model load, PostgreSQL connections)
# is not counted. Release build; a throwaway PostgreSQL cluster (scripts/pgcluster.sh, fsync off).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORKERS="${WORKERS:-1,2,4,8}"
MARKETS="${MARKETS:-8}"
LISTINGS="${LISTINGS:-20}"
CONCURRENCY="${CONCURRENCY:-2}"
LATENCY_MS="${LATENCY_MS:-1500}"
JITTER_MS="${JITTER_MS:-500}"
WORK="${WORK:-$(mktemp -d -t armswatch-fleet-bench.XXXXXX)}"
chmod 0755 "$WORK"
cd "$ROOT"

PROFILE="${PROFILE:-release}"
echo "== building armswatch and the static server ($PROFILE)" >&2
cargo build -q --profile "$PROFILE" --bin armswatch
cargo build -q --profile "$PROFILE" -p armswatch-crawler --example serve_site
OUT="$ROOT/target/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")"
BIN="$OUT/armswatch"
SERVER="$OUT/examples/serve_site"

pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    scripts/pgcluster.sh down "$WORK/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT
admin=$(PG_OWNER_PID=$$ scripts/pgcluster.sh up "$WORK/pg")
q() { psql -qtA "$1" -c "$2"; }

echo "== writing the fixture market ($LISTINGS listings) and serving it $MARKETS times" >&2
python3 "$ROOT/bench/crawl/make_site.py" "$WORK" --listings "$LISTINGS" >/dev/null
bases=()
for i in $(seq 1 "$MARKETS"); do
    "$SERVER" "$WORK/site" 0 "$LATENCY_MS" "$JITTER_MS" >"$WORK/server$i.url" 2>"$WORK/server$i.log" &
    pids+=($!)
done
for i in $(seq 1 "$MARKETS"); do
    for _ in $(seq 1 50); do [ -s "$WORK/server$i.url" ] && break; sleep 0.1; done
    bases+=("$(head -n1 "$WORK/server$i.url")")
    sed -e "s/^id = \"demo\"/id = \"m$i\"/" \
        -e "s/^concurrency = .*/concurrency = $CONCURRENCY/" \
        -e "s/^delay_ms = .*/delay_ms = 0/" \
        -e "s|^ignore = \\[|ignore = ['/category/', |" "$ROOT/demo/profile.toml" >"$WORK/m$i.toml"
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(q "$admin" 'SHOW server_version' | cut -d' ' -f1)"
echo "$MARKETS markets (the index, $LISTINGS listings and their vendors' pages each; category pages, whose maintenance notice reads as a wall, not followed); latency $LATENCY_MS +- $JITTER_MS ms; concurrency $CONCURRENCY per market (fleet-wide); --max-parallel 1"
printf '%-8s %7s %8s %9s %13s %7s\n' workers pages seconds pages/s "limit p/s" ratio
for w in ${WORKERS//,/ }; do
    db="fleet_$w"
    q "$admin" "CREATE DATABASE $db" >/dev/null
    url="${admin%/postgres}/$db"
    for i in $(seq 1 "$MARKETS"); do
        "$BIN" schedule add "$WORK/m$i.toml" --db "$url" --every 24h --tor direct \
            --base-url "${bases[$((i - 1))]}" >/dev/null
    done
    wpids=()
    for k in $(seq 1 "$w"); do
        "$BIN" run --db "$url" --worker "w$k" --max-parallel 1 --tick 500ms --lease 30s \
            --data-dir "$WORK/data" 2>"$WORK/w$w-$k.log" &
        wpids+=($!)
        pids+=($!)
    done
    first="" last="" n=0
    while :; do
        now=$(date +%s.%N)
        n=$(q "$url" "SELECT count(*) FROM pages" 2>/dev/null || echo 0)
        if [ -z "$first" ] && [ "$n" -gt 0 ]; then first=$now; fi
        done_runs=$(q "$url" "SELECT count(*) FROM schedules WHERE last_run_id IS NOT NULL" 2>/dev/null || echo 0)
        if [ "$done_runs" -eq "$MARKETS" ]; then break; fi
        last=$now
        sleep 0.2
    done
    kill -TERM "${wpids[@]}" 2>/dev/null || true
    wait "${wpids[@]}" 2>/dev/null || true
    bad=$(q "$url" "SELECT string_agg(market_id || ' ' || status, ', ') FROM crawl_runs WHERE status <> 'finished'")
    [ -z "$bad" ] || echo "warning: $w workers: runs not finished: $bad" >&2
    python3 - "$w" "$n" "$first" "$last" "$MARKETS" "$CONCURRENCY" "$LATENCY_MS" <<'EOF'
import sys
w, n, first, last, markets, conc, lat = sys.argv[1:]
w, n, markets, conc = int(w), int(n), int(markets), int(conc)
secs = float(last) - float(first)
rate = n / secs
limit = min(w, markets) * conc / (int(lat) / 1000)
print(f"{w:<8} {n:>7} {secs:>8.1f} {rate:>9.2f} {limit:>13.2f} {rate / limit:>7.2f}")
EOF
done
echo "== work directory kept: $WORK" >&2
