#!/bin/sh
# Run each fuzz target (fuzz/, cargo-fuzz + libFuzzer) for SECONDS (default
# 600), one after the other, and print libFuzzer's figures for each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Built without a sanitizer (safe Rust: a panic is what we look for) and
# with debug assertions (an integer overflow is a panic). Inputs found are
# added to fuzz/corpus/TARGET (git-ignored, except the committed seed-*);
# fuzz/regressions/TARGET (inputs that once failed) is read as well. A
# failing input lands in fuzz/artifacts/TARGET: copy it to
# fuzz/regressions/TARGET and `cargo test --test fuzz_corpus` replays it.
# Temporary session files go to /dev/shm when there is one. Logs:
# $FUZZ_LOGS (default /tmp/podium-fuzz).
set -u
secs=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-session_files spreadsheets keys}
cd "$(dirname "$0")/../fuzz" || exit 2
logs=${FUZZ_LOGS:-/tmp/podium-fuzz}
mkdir -p "$logs"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    TMPDIR=/dev/shm
    export TMPDIR
fi
cargo +nightly fuzz build -s none -a || exit 2
failed=0
for t in $targets; do
    mkdir -p "corpus/$t" "regressions/$t"
    log="$logs/$t.log"
    echo "== $t: $secs s (log: $log)"
    cargo +nightly fuzz run -s none -a "$t" "corpus/$t" "regressions/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    echo "   executions: ${runs:-?}  per second: ${speed:-?}  ${cov:-}  exit: $status"
    if [ "$status" -ne 0 ]; then
        failed=1
        grep -m 3 -E 'panicked|ERROR|SUMMARY|Test unit written' "$log"
    fi
done
exit $failed
