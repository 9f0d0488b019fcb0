#!/usr/bin/env bash
# The test command: installs what the tests need (Debian's tor for the private Tor network,
# chromium and chromium-driver for the review UI's browser tests, postgresql for the PostgreSQL
# backend), starts a throwaway PostgreSQL cluster on 127.0.0.1 for the whole run (stopped and
# removed at the end), then runs every test of the workspace and a short run of every fuzz target.
# Usage: scripts/test.sh [extra cargo test args]
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v tor >/dev/null 2>&1 || need_apt+=(tor)
command -v tor-gencert >/dev/null 2>&1 || need_apt+=(tor)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
{ [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; } || need_apt+=(chromium)
{ [ -x /usr/bin/chromedriver ] || command -v chromedriver >/dev/null 2>&1; } || need_apt+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
    || need_apt+=(postgresql)
command -v gpg >/dev/null 2>&1 || need_apt+=(gnupg)
if [ ${#need_apt[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "scripts/test.sh: installing ${need_apt[*]} with apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# One PostgreSQL cluster for every test binary (each test creates a database of its own).
if [ -z "${ARMSWATCH_TEST_PG:-}" ]; then
    pg_dir=$(mktemp -u "${TMPDIR:-/tmp}/armswatch-test-pg.XXXXXX")
    trap 'scripts/pgcluster.sh down "$pg_dir"' EXIT
    ARMSWATCH_TEST_PG=$(PG_OWNER_PID=$$ scripts/pgcluster.sh up "$pg_dir")
    export ARMSWATCH_TEST_PG
    echo "scripts/test.sh: PostgreSQL test cluster at $ARMSWATCH_TEST_PG" >&2
fi

# One build profile for everything (the dev profile optimises dependencies).
cargo test --workspace --locked "$@"

# Fuzz smoke: every cargo-fuzz target for FUZZ_SECS seconds (default 8, about a minute in all after
# the build; 0 skips). Only for the full suite, not when test arguments narrow it. scripts/fuzz.sh
# installs cargo-fuzz and says so when it cannot.
if [ $# -eq 0 ] && [ "${FUZZ_SECS:-8}" != 0 ]; then
    scripts/fuzz.sh "${FUZZ_SECS:-8}"
fi
