#!/usr/bin/env bash
# Soak: the live loop for 15 real minutes (outside CI). `podium run` and
# `podium display` on the same session, each in its own pseudo-terminal
# (Python's pty module, 120×40), the countdown running throughout: the
# moderator's keys walk the demo's teams through pitch (3:00), questions
# (2:00) and changeover (1:00), Space and `n` as a person would press them,
# so there are saves, redraws every second and the display re-reading the
# file. Every SAMPLE seconds (default 5) it records each process's CPU
# time (/proc/PID/stat utime+stime, all threads) and resident memory
# (/proc/PID/status VmRSS), and at the end says whether they stay flat:
# the CPU used per minute in the last third against the first third, the
# resident memory at the end against its value after the first minute.
#
# Usage: scripts/soak-15min.sh [MINUTES] [SAMPLE]   (default 15 and 5)
# PODIUM_BIN: a podium binary to use instead of building the release one.
# The samples are written to $SOAK_OUT (default /tmp/podium-soak.csv).
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-15}"
SAMPLE="${2:-5}"
OUT="${SOAK_OUT:-/tmp/podium-soak.csv}"
if [ -z "${PODIUM_BIN:-}" ]; then
    cargo build --release --quiet
    PODIUM_BIN="$PWD/target/release/podium"
fi
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
PODIUM_DATA_DIR="$DATA" "$PODIUM_BIN" demo > /dev/null
FILE="$DATA/demo/forum.json"

python3 - "$PODIUM_BIN" "$FILE" "$MINUTES" "$SAMPLE" "$OUT" <<'PY'
import fcntl, os, pty, select, struct, sys, termios, time

binary, session, minutes, sample, out_path = sys.argv[1:6]
window, sample = float(minutes) * 60, float(sample)
ticks = os.sysconf("SC_CLK_TCK")


def spawn(verb):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, verb, session, "--lang", "en"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return {"verb": verb, "pid": pid, "fd": fd, "out": bytearray(), "bytes": 0}


procs = [spawn("run"), spawn("display")]
run = procs[0]
quitting = False


def drain(seconds):
    """Read both terminals for `seconds` (a pty left unread would block)."""
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        fds = [p["fd"] for p in procs if p["fd"] is not None]
        ready, _, _ = select.select(fds, [], [], left)
        for p in procs:
            if p["fd"] is not None and p["fd"] in ready:
                try:
                    chunk = os.read(p["fd"], 65536)
                except OSError:
                    if not quitting:
                        sys.exit(f"podium {p['verb']} ended early")
                    p["fd"] = None
                    continue
                p["bytes"] += len(chunk)
                p["out"] = (p["out"] + chunk)[-65536:]


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


deadline = time.monotonic() + 20
while b"Stage" not in run["out"]:
    drain(0.2)
    if time.monotonic() > deadline:
        sys.exit("podium run did not show its stage screen")
drain(1)

# The moderator's plan: (seconds into the soak, key). Space starts a team's
# pitch, `n` moves to questions, to the changeover, to the next team.
plan, t = [], 0.0
while t < window:
    for key, length in ((b" ", 180), (b"n", 120), (b"n", 60), (b"n", 0)):
        plan.append((t, key))
        t += length
plan = [(at, key) for at, key in plan if at < window]

rows = ["seconds,run_cpu_s,run_rss_kb,display_cpu_s,display_rss_kb"]
start = time.monotonic()
next_sample = 0.0
while True:
    elapsed = time.monotonic() - start
    while plan and plan[0][0] <= elapsed:
        os.write(run["fd"], plan.pop(0)[1])
    if elapsed >= next_sample:
        figures = []
        for p in procs:
            figures += [f"{cpu_seconds(p['pid']):.2f}", str(rss_kb(p["pid"]))]
        rows.append(f"{elapsed:.0f}," + ",".join(figures))
        next_sample += sample
    if elapsed >= window:
        break
    drain(min(0.5, max(0.01, next_sample - elapsed)))

quitting = True
for p in procs:
    os.write(p["fd"], b"q")
drain(0.5)
if run["fd"] is not None:
    os.write(run["fd"], b"y")  # quitting with a timer running asks first
drain(1)
for p in procs:
    if os.waitpid(p["pid"], os.WNOHANG) == (0, 0):
        os.kill(p["pid"], 15)
open(out_path, "w").write("\n".join(rows) + "\n")

data = [list(map(float, r.split(","))) for r in rows[1:]]
print(f"soak          {window / 60:.0f} min, a sample every {sample:.0f} s ({len(data)} samples) in {out_path}")
third = window / 3
for i, p in enumerate(procs):
    cpu = [(r[0], r[1 + 2 * i]) for r in data]
    rss = [(r[0], r[2 + 2 * i]) for r in data]

    def per_min(lo, hi):
        inside = [c for s, c in cpu if lo <= s <= hi]
        return (inside[-1] - inside[0]) / (hi - lo) * 60 if len(inside) > 1 else 0.0

    first, last = per_min(0, third), per_min(2 * third, window)
    after_1min = next(v for s, v in rss if s >= 60)
    end, peak = rss[-1][1], max(v for _, v in rss)
    print(
        f"podium {p['verb']:<8} cpu {cpu[-1][1]:.2f} s in all; "
        f"{first * 1000:.0f} ms/min in the first third, {last * 1000:.0f} ms/min in the last; "
        f"rss {after_1min / 1024:.1f} MB after 1 min, {end / 1024:.1f} MB at the end, "
        f"{peak / 1024:.1f} MB peak; {p['bytes'] / window:.0f} bytes/s to the terminal"
    )
    flat_cpu = last <= first * 1.5 + 60  # within 50% (or 60 ms/min)
    flat_rss = end <= after_1min * 1.10 + 1024  # within 10% (or 1 MB)
    print(f"  flat: cpu {'yes' if flat_cpu else 'NO'}, memory {'yes' if flat_rss else 'NO'}")
PY
