#!/usr/bin/env bash
# A grid keystroke saved (journal and state flushed) and redrawn, on the
# demo forum. Budget: p95 under 10 ms on a local disk.
#
# Usage: scripts/measure-keystroke.sh [COUNT] [DIR] [ROUNDS]
#   COUNT   Enter keystrokes measured per round (default 300)
#   DIR     folder for the session copy (default: target/, i.e. the local disk)
#   ROUNDS  independent rounds, each on a fresh copy (default 3)
#
# Method: examples/keystroke.rs, built in release mode, copies the demo
# forum into a fresh folder, opens it as a writer and, cell after cell
# through every team's grid, types a value and presses Enter. For each
# Enter it times, in-process: the grid building the change, the commit
# (lock, journal line appended and fdatasync'ed, state written to a
# temporary file, fsync'ed, renamed, folder fsync'ed, unlock), the grid
# marking the value saved, and a full redraw of the 120×40 grid screen into
# an off-screen buffer. The digits before it are timed as plain keystrokes.
# Writing the frame to a real terminal is not included (a few kB per frame).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-300}"
dir="${2:-target}"
rounds="${3:-3}"
mkdir -p "$dir"
cargo build --release --quiet --example keystroke
echo "machine: $(uname -srm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "folder: $dir ($(df -T "$dir" 2>/dev/null | awk 'NR==2 {print $2}'))"
for round in $(seq 1 "$rounds"); do
    echo "round $round:"
    ./target/release/examples/keystroke "$count" "$dir" | sed 's/^/  /'
done
