#!/usr/bin/env bash
# The test command: installs what the tests need (Debian's tor for the private Tor network), then
# runs every test of the workspace. Usage: scripts/test.sh [extra cargo test args]
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v tor >/dev/null 2>&1 || need_apt+=(tor)
command -v tor-gencert >/dev/null 2>&1 || need_apt+=(tor)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "scripts/test.sh: installing ${need_apt[*]} with apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# One build profile for everything (the dev profile optimises dependencies).
exec cargo test --workspace --locked "$@"
