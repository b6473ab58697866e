#!/usr/bin/env bash
# Render the results page, the minutes and the score sheets of the demo
# forum (scored with tests/fixtures/reports/demo-scores.csv, one score
# corrected afterwards) in headless Chromium: PNG screenshots (desktop, and
# the page at phone width) and PDFs (--print-to-pdf, A4 from the print
# stylesheet), then check the PDF page counts with pdfinfo: the sheets have
# exactly one page per juror; the page and the minutes at least one.
#
# Usage: scripts/render-reports.sh [OUT_DIR]   (default target/reports)
# Needs: chromium and pdfinfo (Debian packages chromium, poppler-utils);
# installed with apt-get when missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-target/reports}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

need=()
command -v chromium > /dev/null || need+=(chromium)
command -v pdfinfo > /dev/null || need+=(poppler-utils)
if [ "${#need[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get install -y "${need[@]}" || { $SUDO apt-get update && $SUDO apt-get install -y "${need[@]}"; }
fi

cargo build --quiet
BIN="$PWD/target/debug/podium"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
export PODIUM_DATA_DIR="$DATA"
"$BIN" demo > /dev/null
FILE="$DATA/demo/forum.json"
"$BIN" scores import "$FILE" tests/fixtures/reports/demo-scores.csv > /dev/null
printf 'team;juror;criterion;value\nT02;J01;utilite;19\n' > "$DATA/fix.csv"
"$BIN" scores import "$FILE" "$DATA/fix.csv" > /dev/null

"$BIN" results "$FILE" --format html -o "$OUT/page.html"
"$BIN" results "$FILE" --format html --lang en --anonymous -o "$OUT/page-en-anonymous.html"
"$BIN" minutes "$FILE" --format html -o "$OUT/minutes.html"
"$BIN" minutes "$FILE" --format md -o "$OUT/minutes.md"
"$BIN" sheets "$FILE" -o "$OUT/sheets.html"
JURORS="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["jurors"]))' "$FILE")"

chrome() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$DATA/chrome" --hide-scrollbars "$@" 2> /dev/null
}

for name in page page-en-anonymous minutes sheets; do
    chrome --window-size=1200,1600 --screenshot="$OUT/$name.png" "file://$OUT/$name.html"
    chrome --no-pdf-header-footer --print-to-pdf="$OUT/$name.pdf" "file://$OUT/$name.html"
done
chrome --window-size=390,1400 --screenshot="$OUT/page-phone.png" "file://$OUT/page.html"

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
status=0
for name in page page-en-anonymous minutes sheets; do
    echo "$name.pdf: $(pages "$OUT/$name.pdf") page(s)"
done
if [ "$(pages "$OUT/sheets.pdf")" -ne "$JURORS" ]; then
    echo "FAIL: sheets.pdf has $(pages "$OUT/sheets.pdf") pages for $JURORS jurors" >&2
    status=1
fi
for name in page minutes; do
    if [ "$(pages "$OUT/$name.pdf")" -lt 1 ]; then
        echo "FAIL: $name.pdf is empty" >&2
        status=1
    fi
done
echo "PNG and PDF in $OUT"
exit "$status"
