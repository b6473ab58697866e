#!/usr/bin/env bash
# Measure what a running countdown costs when nobody types: CPU time and
# resident memory of `podium run` over 60 s of a running 3:00 pitch.
#
# Usage: scripts/measure-idle.sh [SECONDS]   (default 60; Linux: reads /proc)
#
# Method: build the release binary, install the demo forum in a temporary
# data folder, run `podium run` on it in a pseudo-terminal of 80×24 (Python's
# pty module), press Space to start the pitch, let 3 s settle, then read the
# process's CPU time (/proc/PID/stat utime+stime, all threads) and resident
# memory (/proc/PID/status VmRSS, sampled every second, and VmHWM) over the
# measured window, count the bytes it wrote to the terminal (redraws), time
# each redraw against the countdown's second boundaries, and time the first
# frame from the start of the process.
# Budget (design.md): at most 0.1% of one core and 10 MB resident.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_MEASURE="${1:-60}"
cargo build --release --quiet
BIN="$PWD/target/release/podium"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
PODIUM_DATA_DIR="$DATA" "$BIN" demo > /dev/null
FILE="$DATA/demo/forum.json"

python3 - "$BIN" "$FILE" "$SECONDS_TO_MEASURE" <<'PY'
import fcntl, os, pty, select, struct, sys, termios, time

binary, session, window = sys.argv[1], sys.argv[2], float(sys.argv[3])
ticks = os.sysconf("SC_CLK_TCK")

spawned = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm-256color"
    os.environ.pop("NO_COLOR", None)
    os.execv(binary, [binary, "run", session, "--lang", "en"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

out = bytearray()
written = 0
arrivals = []  # monotonic time of each chunk of output

def drain(seconds):
    """Read the program's output for `seconds`; count the bytes."""
    global written
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            out.extend(chunk)
            written += len(chunk)
            arrivals.append(time.monotonic())

def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

def status(key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1])  # kB
    return 0

deadline = time.monotonic() + 10
while b"Stage" not in out:
    drain(0.1)
    if time.monotonic() > deadline:
        sys.exit("podium did not show its stage screen")
first_frame = (arrivals[-1] - spawned) * 1000
os.write(fd, b" ")
pressed = time.monotonic()
drain(3)
if b"Time left" not in out:
    sys.exit("the countdown did not start")

cpu0, wall0, written = cpu_seconds(), time.monotonic(), 0
arrivals.clear()
rss_max = 0
while time.monotonic() - wall0 < window:
    drain(min(1.0, window - (time.monotonic() - wall0)))
    rss_max = max(rss_max, status("VmRSS"))
cpu1, wall1 = cpu_seconds(), time.monotonic()
hwm = status("VmHWM")
os.write(fd, b"q")
drain(0.5)
os.write(fd, b"y")
drain(1)
os.waitpid(pid, 0)

wall = wall1 - wall0
cpu = cpu1 - cpu0
print(f"first frame   {first_frame:.0f} ms after start (budget 50 ms)")
print(f"window        {wall:.1f} s of a running 3:00 countdown, nobody typing")
print(f"cpu time      {cpu * 1000:.0f} ms  = {100 * cpu / wall:.3f}% of one core (budget 0.1%)")
print(f"resident max  {rss_max / 1024:.1f} MB (VmRSS sampled each second; VmHWM {hwm / 1024:.1f} MB; budget 10 MB)")
print(f"terminal      {written} bytes written = {written / wall:.0f} bytes/s (one small redraw a second)")
# Each redraw's lag behind the countdown's second boundary (the pitch
# started when Space was pressed, so boundaries fall on whole seconds after
# the press; the lag includes reading the key and the pty).
lags = sorted(((t - pressed) % 1.0) * 1000 for t in arrivals)
lags = [l for l in lags if l < 500]
if lags:
    print(f"second flips  {len(lags)} redraws, {lags[len(lags) // 2]:.1f} ms median and {lags[-1]:.1f} ms worst after the boundary (budget 20 ms)")
PY
