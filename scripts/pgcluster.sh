#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for tests and benchmarks (Debian's `postgresql`).
#
# Usage: scripts/pgcluster.sh up DIR     initdb in DIR (must not exist or be empty), start the server
#                                        on a free loopback port; prints the admin URL
#                                        (postgres://armswatch@127.0.0.1:PORT/postgres) on stdout.
#        scripts/pgcluster.sh down DIR   stop the server and remove DIR.
#        scripts/pgcluster.sh url DIR    print the admin URL of the cluster in DIR.
#
# Trust authentication on loopback only, no fsync (data is thrown away). Run as root, the cluster
# belongs to an unprivileged user (`postgres` when it exists, else `nobody`): PostgreSQL refuses to
# run as root. With PG_OWNER_PID set, a watchdog runs `down` within a second of that process's exit,
# so a test binary that dies leaves no server behind. PG_SERVER_OPTS adds server settings
# (`-c shared_buffers=1GB ...`; later settings win), for benchmarks.
set -euo pipefail

die() { echo "pgcluster.sh: $*" >&2; exit 1; }

pg_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
    die "PostgreSQL is not installed (apt-get install -y postgresql)"
}

# Runs a command as the cluster's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        local user=postgres
        id "$user" >/dev/null 2>&1 || user=nobody
        setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups -- "$@"
    else
        "$@"
    fi
}

owner_chown() {
    if [ "$(id -u)" -eq 0 ]; then
        local user=postgres
        id "$user" >/dev/null 2>&1 || user=nobody
        chown -R "$user:$(id -g "$user")" "$1"
    fi
}

free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$(( 40000 + (RANDOM * 32768 + RANDOM) % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    die "no free port"
}

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 up|down|url DIR"

case "$cmd" in
up)
    bin=$(pg_bin)
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
    dir=$(cd "$dir" && pwd)
    mkdir "$dir/data" "$dir/sock"
    chmod 0755 "$dir"
    owner_chown "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U armswatch -A trust -E UTF8 --locale=C --no-sync \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=off \
                -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \
                -c shared_buffers=32MB ${PG_SERVER_OPTS:-}" start >/dev/null; then
            echo "$port" >"$dir/port"
            break
        fi
        [ "$attempt" -lt 5 ] || { tail -20 "$dir/server.log" >&2; die "the server did not start"; }
    done
    if [ -n "${PG_OWNER_PID:-}" ]; then
        self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
        (
            exec -a pgcluster-watchdog bash -c '
                while kill -0 "$1" 2>/dev/null && [ -d "$3/data" ]; do sleep 1; done
                [ -d "$3/data" ] && "$2" down "$3"' _ "$PG_OWNER_PID" "$self" "$dir"
        ) </dev/null >/dev/null 2>&1 &
        disown || true
    fi
    echo "postgres://armswatch@127.0.0.1:$port/postgres"
    ;;
down)
    [ -d "$dir" ] || exit 0
    bin=$(pg_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
url)
    [ -f "$dir/port" ] || die "no cluster in $dir"
    echo "postgres://armswatch@127.0.0.1:$(cat "$dir/port")/postgres"
    ;;
*)
    die "usage: $0 up|down|url DIR"
    ;;
esac
