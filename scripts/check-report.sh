#!/usr/bin/env bash
# Checks a chaoslab report in a real browser (Debian's chromium, headless): the page loads, every figure is decoded
# (the page's own script sets data-figures="loaded/total" on <body> once loaded), the summary table is there, and no
# comparison failed. Keeps a screenshot beside the report (DIR/screenshot.png).
#   scripts/check-report.sh results/report
set -euo pipefail
DIR=$(cd "${1:?usage: check-report.sh REPORT_DIR}" && pwd)
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$BROWSER" ]; then
  echo "check-report: no chromium on this machine (apt-get install -y chromium)" >&2
  exit 2
fi
FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=20000)
DOM=$("$BROWSER" "${FLAGS[@]}" --dump-dom "file://$DIR/index.html" 2>/dev/null)
"$BROWSER" "${FLAGS[@]}" --window-size=1280,4000 --screenshot="$DIR/screenshot.png" "file://$DIR/index.html" >/dev/null 2>&1
FIGURES=$(printf '%s' "$DOM" | grep -o 'data-figures="[0-9]*/[0-9]*"' | head -1 | grep -o '[0-9]*/[0-9]*' || true)
IMGS=$(printf '%s' "$DOM" | { grep -o '<img ' || true; } | wc -l)
FAILS=$(printf '%s' "$DOM" | { grep -o 'class="fail">FAIL' || true; } | wc -l)
echo "check-report: $BROWSER rendered $DIR/index.html: figures loaded ${FIGURES:-none}, <img> in the page $IMGS, failed comparisons $FAILS; screenshot $DIR/screenshot.png"
[ -n "$FIGURES" ] || { echo "check-report: the page's load script did not run" >&2; exit 1; }
[ "${FIGURES%/*}" = "${FIGURES#*/}" ] && [ "${FIGURES#*/}" = "$IMGS" ] && [ "$IMGS" -gt 0 ] || { echo "check-report: not every figure loaded" >&2; exit 1; }
grep -q 'class="summary"' <<<"$DOM" || { echo "check-report: no summary table" >&2; exit 1; }
[ "$FAILS" = 0 ] || { echo "check-report: $FAILS comparison(s) failed" >&2; exit 1; }
[ -s "$DIR/screenshot.png" ] || { echo "check-report: no screenshot" >&2; exit 1; }
