#!/usr/bin/env bash
# The store on PostgreSQL against SQLite (issue #16), side by side in one run: starts a throwaway
# PostgreSQL cluster on loopback (scripts/pgcluster.sh, Debian's `postgresql`), creates a fresh
# database, loads the same LISTINGS listings into it and into a fresh SQLite file through the
# store's write path (store/examples/backend_bench.rs), times insert rate, review-queue pages and
# full-text search pages on both, prints a table with the ratio and the size of both databases,
# and removes the cluster and the SQLite file. Run from the repository root:
#
#     bench/store_pg.sh [LISTINGS [BULK]]        (default 1000000, no bulk)
#
# BULK: the first BULK listings are loaded in pages of 2,000 instead of 50 (same calls, larger
# transactions), into both backends at once, and the insert rate is measured on the remaining
# LISTINGS - BULK, on top of them, one backend at a time.
# Release build. The cluster runs with fsync off (data is thrown away) and, for the benchmark,
# shared_buffers 1 GB and max_wal_size 4 GB (BENCH_PG_OPTS overrides); SQLite runs as the store
# opens it (WAL, synchronous NORMAL). Needs about 4 GB of free disk per million listings in
# TMPDIR (default /tmp).
set -euo pipefail
# The whole script is one function, read before it runs: editing this file during a long run
# (hours at 10 M) cannot shift what bash reads next.
main() {
    n=${1:-1000000}
    bulk=${2:-0}
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/armswatch-store-pg.XXXXXX")
    chmod 0755 "$tmp"
    trap 'scripts/pgcluster.sh down "$tmp/pg"; rm -rf "$tmp"' EXIT

    cargo build -q --release -p armswatch-store --example backend_bench
    export PG_SERVER_OPTS=${BENCH_PG_OPTS:--c shared_buffers=1GB -c max_wal_size=4GB}
    admin=$(PG_OWNER_PID=$$ scripts/pgcluster.sh up "$tmp/pg")
    psql -q "$admin" -c 'CREATE DATABASE armswatch_bench'
    url=${admin%/postgres}/armswatch_bench

    echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
        "$(psql -tA "$admin" -c 'SHOW server_version'), server options: $PG_SERVER_OPTS," \
        "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    target/release/examples/backend_bench "$n" "$tmp/bench.db" "$url" "$bulk"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "size: SQLite $(du -ch "$tmp"/bench.db* | tail -1 | cut -f1)," \
        "PostgreSQL $(psql -tA "$url" -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')"
}
main "$@"
exit
