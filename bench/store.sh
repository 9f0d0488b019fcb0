#!/usr/bin/env bash
# The store at scale: builds a synthetic database (default 1,000,000 listings in 20 markets, 15 %
# flagged) through the store's API with store/examples/bench_db.rs, then times the read commands
# against their budgets: `status` < 1 s, a page of flagged listings (`flagged --limit 50`, also
# filtered by market, by label and by score) < 50 ms, and the time and peak memory of printing
# every flagged listing. Side by side in the same run, the sqlite3 shell times the per-market
# flagged count as `status` did it before migration 0004 (the newest verdict of every listing
# found through a correlated subquery) and as it does it now (a partial index), on the same file.
# Run from the repository root:
#
#     bench/store.sh [DB] [LISTINGS]
#
# DB is reused when it exists (delete it to rebuild). Needs cargo, GNU time (/usr/bin/time) and
# the sqlite3 shell (apt-get install sqlite3). Binaries are the dev profile (dependencies, SQLite
# included, built at opt-level 2), as `cargo run` and the test suite use them.
set -euo pipefail
db=${1:-/tmp/armswatch-store-bench.db}
n=${2:-1000000}
runs=${RUNS:-5}

cargo build -q -p armswatch-store --example bench_db
cargo build -q --bin armswatch
bin=target/debug/armswatch

if [ ! -e "$db" ]; then
    echo "building $db ($n listings)..." >&2
    target/debug/examples/bench_db --db "$db" --listings "$n" --markets 20 --flagged 0.15
fi

# median wall seconds, median CPU seconds (user + sys) and max peak RSS (MB) of `runs` runs of a
# command, stdout discarded
measure() {
    local walls=() cpus=() rss=0 out
    for _ in $(seq "$runs"); do
        out=$( { /usr/bin/time -f '%e %U %S %M' "$@" >/dev/null; } 2>&1 | tail -1)
        read -r w u s m <<<"$out"
        walls+=("$w")
        cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')")
        [ "$m" -gt "$rss" ] && rss=$m
    done
    local mid=$(( (runs + 1) / 2 ))
    echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${mid}p")" \
        "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")" "$(( rss / 1024 ))"
}

row() { # name budget_s command...
    local name=$1 budget=$2
    shift 2
    read -r wall cpu rss < <(measure "$@")
    local ratio
    ratio=$(awk -v w="$wall" -v b="$budget" 'BEGIN { if (b > 0) printf "%.2f", w / b; else print "-" }')
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$wall" "$cpu" "$budget" "$ratio" "$rss"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "in process (store API, median ms): $(target/debug/examples/bench_db --db "$db" --measure)"
echo
echo "| command | median wall s ($runs runs) | median CPU s | budget s | wall / budget | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
row 'status' 1 "$bin" status --db "$db"
row 'status --json' 1 "$bin" status --db "$db" --json
row 'flagged --limit 50' 0.05 "$bin" flagged --db "$db" --limit 50
row 'flagged --market market-07 --limit 50' 0.05 "$bin" flagged --db "$db" --market market-07 --limit 50
row 'flagged --label design --limit 50' 0.05 "$bin" flagged --db "$db" --label design --limit 50
row 'flagged --min-score 0.99 --limit 50' 0.05 "$bin" flagged --db "$db" --min-score 0.99 --limit 50
row 'flagged (all, table)' 0 "$bin" flagged --db "$db"
row 'flagged --json (all)' 0 "$bin" flagged --db "$db" --json
row 'flagged --format csv (all)' 0 "$bin" flagged --db "$db" --format csv
echo
echo "flagged rows: $("$bin" flagged --db "$db" --format csv | tail -n +2 | wc -l)"

# Side by side, the sqlite3 shell on the same file: the flagged count of every market as it was
# computed before migration 0004 and as it is now.
if command -v sqlite3 >/dev/null; then
    before=$( { /usr/bin/time -f '%e' sqlite3 -readonly "$db" \
        "SELECT m.id, (SELECT count(*) FROM listings l JOIN verdicts v ON v.listing_id = l.id
           WHERE l.market_id = m.id AND v.flagged = 1
             AND v.id = (SELECT max(v2.id) FROM verdicts v2 WHERE v2.listing_id = v.listing_id))
         FROM markets m ORDER BY m.id;" >/dev/null; } 2>&1 | tail -1)
    after=$( { /usr/bin/time -f '%e' sqlite3 -readonly "$db" \
        "SELECT m.id, (SELECT count(*) FROM listings l
           WHERE l.market_id = m.id AND l.flag_score IS NOT NULL)
         FROM markets m ORDER BY m.id;" >/dev/null; } 2>&1 | tail -1)
    echo "per-market flagged counts, sqlite3 shell: before 0004 ${before} s, now ${after} s" \
        "($(awk -v a="$before" -v b="$after" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "inf" }')x)"
fi
