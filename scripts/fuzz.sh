#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECS seconds each (default 8: about a minute for the
# seven, after the build), with the project's own pages, profiles, URLs, prices and a tiny model as
# seeds. Installs cargo-fuzz from crates.io when missing; when it cannot be installed the fuzz run
# is skipped with a message. A crash fails the script and leaves the input in
# fuzz/artifacts/TARGET/ (turn it into a regression test in tests/properties.rs).
#
#     scripts/fuzz.sh [SECS] [TARGET...]
#
# Nightly is not needed: RUSTC_BOOTSTRAP=1 lets the stable compiler take the sanitizer flags.
# Fuzz builds go to $ARMSWATCH_FUZZ_TARGET (default ~/.cache/armswatch/fuzz-target) so a second
# run on the same machine does not rebuild the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-8}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract_generic extract_profile wall urlnorm price profile model)

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "scripts/fuzz.sh: installing cargo-fuzz from crates.io" >&2
    if ! cargo install --locked cargo-fuzz >/dev/null 2>&1; then
        echo "scripts/fuzz.sh: SKIPPED: cargo-fuzz could not be installed; no fuzzing done" >&2
        exit 0
    fi
fi

export RUSTC_BOOTSTRAP=1
target_dir=${ARMSWATCH_FUZZ_TARGET:-$HOME/.cache/armswatch/fuzz-target}
mkdir -p "$target_dir"

seeds() {
    case $1 in
        extract_generic | extract_profile | wall)
            echo demo/site tests/fixtures ;;
        profile) echo profiles ;;
        *) echo "fuzz/seeds/$1" ;;
    esac
}

cd fuzz
# No sanitizer: the code is safe Rust; libFuzzer's coverage and the targets' assertions do the work.
cargo fuzz build -s none --target-dir "$target_dir" >build.log 2>&1 || {
    tail -40 build.log >&2
    exit 1
}
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    # shellcheck disable=SC2046
    cargo fuzz run -s none --target-dir "$target_dir" "$t" "corpus/$t" $(for d in $(seeds "$t"); do echo "../$d"; done) -- \
        -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        2> "corpus/$t.log" || {
        tail -40 "corpus/$t.log" >&2
        echo "scripts/fuzz.sh: $t FAILED: the input is in fuzz/artifacts/$t/" >&2
        exit 1
    }
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "corpus/$t.log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz $t: ${secs}s, $runs inputs, no crash"
done
