#!/usr/bin/env bash
# The README's performance table (issue 13): every row of the issue's table
# measured on generated forums of 200, 2,000 and 20,000 teams × 60 jurors ×
# 6 criteria, the release binary, written between the markers
# <!-- performance:begin --> and <!-- performance:end --> of README.md.
#
# Usage: scripts/measure-session.sh [TEAMS...]   (default: 200 2000 20000)
#
# polars (for the results comparison) is installed into target/polars-venv
# from PyPI when missing. How each figure is taken: benches/session.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(200 2000 20000)
venv=target/polars-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import polars" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet polars
fi
export PODIUM_PYTHON="$venv/bin/python"
table=$(mktemp)
cargo bench --bench session -- "${sizes[@]}" >"$table"
polars=$("$PODIUM_PYTHON" -c "import polars; print(polars.__version__)")
section=$(mktemp)
{
    echo "<!-- performance:begin -->"
    echo "Measured by \`scripts/measure-session.sh\` on $(date -u +%Y-%m-%d): $(uname -srm)," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
        "$(free -g | awk '/Mem:/ {print $2}') GB of memory, load average" \
        "$(cut -d' ' -f1-3 /proc/loadavg) at the end (the machine is shared: figures are noisy);" \
        "release build, files on the local disk ($(df -T target | awk 'NR==2 {print $2}')), polars $polars."
    echo
    cat "$table"
    echo
    echo "How each figure is taken (benches/session.rs): a forum is generated (values 0–10"
    echo "step 0.5, about 1 juror in 40 absent), created empty, then every value imported"
    echo "with \`podium scores import\` from a CSV file (team 1 left out, to type into)."
    echo "*Keystroke*: \`podium run\` in a pseudo-terminal read back through a terminal"
    echo "emulator; a digit then Enter typed into team 1's grid, timed from Enter until the"
    echo "journal has grown and the status line says *saved* (drawn only once the journal"
    echo "line is synced); 30 values. *First frame*: from starting \`podium run\` until the stage screen is drawn;"
    echo "its memory is the peak of the whole run. *Imports* and *results*: the wall time of"
    echo "the command, the median of 3 runs (the import of every value and \`check\`: one run), memory the"
    echo "peak resident set size from GNU time. *CPU*: the processor time of the process"
    echo "(user + system: GNU time, or /proc at the first frame), which the load of other"
    echo "programs on the machine does not inflate as it does the wall time. *polars*: reading"
    echo "the same CSV and ranking by mean in Python, timed inside the script (start-up and"
    echo "\`import\` left out), median of 3."
    echo "<!-- performance:end -->"
} >"$section"
python3 - "$section" <<'PY'
import re, sys
section = open(sys.argv[1]).read()
readme = open("README.md").read()
pattern = re.compile(r"<!-- performance:begin -->.*?<!-- performance:end -->\n?", re.S)
if pattern.search(readme):
    readme = pattern.sub(lambda _: section, readme)
else:
    readme += "\n" + section
open("README.md", "w").write(readme)
PY
cat "$section"
rm -f "$table" "$section"
