#!/usr/bin/env bash
# The store on PostgreSQL against SQLite (issue #16), side by side in one run: starts a throwaway
# PostgreSQL cluster on loopback (scripts/pgcluster.sh, Debian's `postgresql`), creates a fresh
# database, loads the same LISTINGS listings into it and into a fresh SQLite file through the
# store's write path (store/examples/backend_bench.rs), times insert rate, review-queue pages and
# full-text search pages on both, prints a table with the ratio, and removes the cluster.
# Run from the repository root:
#
#     bench/store_pg.sh [LISTINGS]        (default 1000000)
#
# Release build. The cluster runs with fsync off (as the test cluster; data is thrown away), so
# the insert rate is PostgreSQL's CPU cost; SQLite runs as the store opens it (WAL).
set -euo pipefail
n=${1:-1000000}
tmp=$(mktemp -d /tmp/armswatch-store-pg.XXXXXX)
chmod 0755 "$tmp"
trap 'scripts/pgcluster.sh down "$tmp/pg"; rm -rf "$tmp"' EXIT

cargo build -q --release -p armswatch-store --example backend_bench
admin=$(PG_OWNER_PID=$$ scripts/pgcluster.sh up "$tmp/pg")
psql -q "$admin" -c 'CREATE DATABASE armswatch_bench'
url=${admin%/postgres}/armswatch_bench

echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
    "$(psql -tA "$admin" -c 'SHOW server_version'), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
target/release/examples/backend_bench "$n" "$tmp/bench.db" "$url"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
