#!/usr/bin/env bash
# Renders a real `ccsim report` in headless Chromium and checks what a reader would see:
# the page loads from file:// with no network, every chart is in the DOM, and the screenshot
# is not blank (palette colours from the charts' legends are on screen); then the same for a staff,
# schedule, roi and sweep folder (small runs): every chart in the DOM, screenshot not blank.
# Installs Debian's chromium when missing (root or sudo). Usage: scripts/report-browser-test.sh
# Environment: SCRATCH (swift --scratch-path, default .build), KEEP (a directory to keep outputs in).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
started=$(date +%s)
failures=()
fail() { failures+=("$1"); echo "FAIL: $1" >&2; }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "installing chromium (Debian package)..." >&2
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    browser=$(command -v chromium)
fi

scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product ccsim >"${TMPDIR:-/tmp}/report-browser-test-build.log" 2>&1 \
    || { cat "${TMPDIR:-/tmp}/report-browser-test-build.log" >&2; echo "report-browser-test: 0 passed, 1 failed"; exit 1; }
ccsim="$scratch/release/ccsim"

dir=${KEEP:-$(mktemp -d)}
mkdir -p "$dir"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$dir"' EXIT
"$ccsim" run scenarios/tiered-support.yaml --replications 3 --out "$dir/run" >/dev/null 2>&1
report=$("$ccsim" report "$dir/run" -o "$dir/run/report.html")
[ "$report" = "$dir/run/report.html" ] || fail "ccsim report printed '$report', not the path it wrote"

chrome=("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions)
"${chrome[@]}" --screenshot="$dir/report.png" --window-size=1280,2400 "file://$dir/run/report.html" >/dev/null 2>&1 \
    || fail "chromium could not take a screenshot"
"${chrome[@]}" --dump-dom "file://$dir/run/report.html" >"$dir/dom.html" 2>/dev/null || fail "chromium could not dump the DOM"

# Charts expected: offered volume, service level per channel, available agents, occupancy, and net agents
# against the Erlang requirement per channel of staffing-check.csv.
expected=$(python3 -c 'import csv,json,sys; d=json.load(open(sys.argv[1])); net={r["channel"] for r in csv.DictReader(open(sys.argv[2]))}; print(2 + len(d["channels"]) + (1 if d["teams"] else 0) + len(net))' "$dir/run/summary.json" "$dir/run/staffing-check.csv")
charts=$(grep -o '<svg' "$dir/dom.html" | wc -l)
[ "$charts" -eq "$expected" ] || fail "expected $expected charts in the rendered DOM, found $charts"
grep -q 'Service level' "$dir/dom.html" || fail "the rendered page has no 'Service level' section"

python3 scripts/png-check.py "$dir/report.png" || fail "the screenshot looks blank"

# The other kinds of folder (small and fast): each page renders with all its charts and is not blank
# (at least two palette colours on screen: the ROI page's first screen has no third series).
"$ccsim" staff scenarios/mmc-basic.yaml --out "$dir/staff" >/dev/null 2>&1 || fail "ccsim staff failed"
"$ccsim" schedule scenarios/tiered-support.yaml --requirement scenarios/tiered-support-requirement.csv \
    --replications 2 --out "$dir/schedule" >/dev/null 2>&1 || fail "ccsim schedule failed"
"$ccsim" roi scenarios/training-roi.yaml --program onboarding --replications 2 --sensitivity-replications 2 \
    --out "$dir/roi" >/dev/null 2>&1 || fail "ccsim roi failed"
"$ccsim" sweep run scenarios/sweeps/mmc-staffing.yaml --out "$dir/sweep" --quiet >/dev/null 2>&1 \
    && "$ccsim" sweep summarize "$dir/sweep" >/dev/null 2>&1 || fail "ccsim sweep failed"
for kind in staff schedule roi sweep; do
    "$ccsim" report "$dir/$kind" >/dev/null || { fail "ccsim report $kind failed"; continue; }
    written=$(grep -o '<svg ' "$dir/$kind/report.html" | wc -l)
    "${chrome[@]}" --dump-dom "file://$dir/$kind/report.html" >"$dir/$kind-dom.html" 2>/dev/null || fail "chromium could not load the $kind page"
    rendered=$(grep -o '<svg' "$dir/$kind-dom.html" | wc -l)
    [ "$written" -gt 0 ] && [ "$rendered" -eq "$written" ] || fail "$kind page: $rendered of $written charts rendered"
    "${chrome[@]}" --screenshot="$dir/$kind.png" --window-size=1280,3000 "file://$dir/$kind/report.html" >/dev/null 2>&1 \
        && python3 scripts/png-check.py "$dir/$kind.png" 2 || fail "the $kind screenshot looks blank"
    echo "report-browser-test: $kind page, $rendered charts rendered"
done

elapsed=$(( $(date +%s) - started ))
echo "report-browser-test: $charts charts rendered, screenshot $(wc -c <"$dir/report.png") bytes, ${elapsed}s"
if [ ${#failures[@]} -eq 0 ]; then
    echo "report-browser-test: 1 passed, 0 failed"
else
    echo "report-browser-test: 0 passed, 1 failed"
    exit 1
fi
