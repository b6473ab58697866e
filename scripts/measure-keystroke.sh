#!/usr/bin/env bash
# A grid keystroke saved (journal and state flushed) and redrawn, on the
# demo forum. Budget: p95 under 10 ms on a local disk.
#
# Usage: scripts/measure-keystroke.sh [COUNT] [DIR] [ROUNDS]
#   COUNT   values typed per round (default 300)
#   DIR     folder for the session copy (default: target/, on the local disk)
#   ROUNDS  rounds, each on a fresh copy of the demo (default 3)
#
# Two measurements, both built in release mode:
#
# 1. End to end (examples/keystroke_pty.rs): the real `podium run` in a
#    pseudo-terminal, its output read back through a terminal emulator
#    (vt100). A digit is timed from its write to the screen showing it
#    typed; Enter from its write until the journal has grown and the status
#    line says "saved", which the program draws only after the save
#    returned: lock, journal line appended and fdatasync'ed, unlock (the
#    state file is a checkpoint, written off the key path).
#    Values go cell after cell through every team's grid (then Page Down).
#
# 2. The same keystroke in-process (examples/keystroke.rs), split into the
#    commit to disk and the rest (grid logic and a full 120×40 redraw into
#    an off-screen buffer), to show where the time goes.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-300}"
dir="${2:-target}"
rounds="${3:-3}"
mkdir -p "$dir"
cargo build --release --quiet --bin podium --example keystroke --example keystroke_pty
echo "machine: $(uname -srm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "folder: $dir ($(df -T "$dir" 2>/dev/null | awk 'NR==2 {print $2}'))"
for round in $(seq 1 "$rounds"); do
    echo "round $round, end to end (podium run in a pseudo-terminal):"
    ./target/release/examples/keystroke_pty target/release/podium "$count" "$dir" | sed 's/^/  /'
    echo "round $round, in-process:"
    ./target/release/examples/keystroke "$count" "$dir" | sed 's/^/  /'
done
