#!/usr/bin/env bash
# Lighthouse (npm package, installed on first use into a temp folder, never committed) with Debian's Chromium,
# headless, against loopback URLs only. Runs each page LIGHTHOUSE_RUNS times (Lighthouse's scores vary from run to run;
# its authors advise the median of several) and prints per page:
#   PATH MEDIAN_PERFORMANCE MEDIAN_ACCESSIBILITY PERFORMANCE_OF_EACH_RUN (comma-separated; scores 0–100)
# Usage: scripts/lighthouse.sh http://127.0.0.1:5197 [PATH...]   (default paths: / /Rankings /Compare)
# Settings: LIGHTHOUSE_DIR (/tmp/cityexchange-lighthouse), LIGHTHOUSE_VERSION (13.5.0), CHROME_PATH (/usr/bin/chromium),
# LIGHTHOUSE_PRESET (empty or "mobile": Lighthouse's default mobile run; "desktop": its desktop preset),
# LIGHTHOUSE_RUNS (3).
set -euo pipefail

BASE=${1:?usage: lighthouse.sh BASE_URL [PATH...]}
shift
PAGES=("$@")
[[ ${#PAGES[@]} -gt 0 ]] || PAGES=(/ /Rankings /Compare)
case "$BASE" in
  http://127.*|http://localhost*|http://\[::1\]*) ;;
  *) echo "lighthouse.sh only runs against loopback URLs" >&2; exit 1 ;;
esac

DIR=${LIGHTHOUSE_DIR:-/tmp/cityexchange-lighthouse}
VERSION=${LIGHTHOUSE_VERSION:-13.5.0}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
if [[ ! -x "$DIR/node_modules/.bin/lighthouse" ]]; then
  mkdir -p "$DIR"
  (cd "$DIR" && npm install --no-audit --no-fund --loglevel=error "lighthouse@$VERSION" >&2)
fi

PRESET_FLAG=""
[[ "${LIGHTHOUSE_PRESET:-mobile}" == desktop ]] && PRESET_FLAG="--preset=desktop"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
RUNS=${LIGHTHOUSE_RUNS:-3}
for path in "${PAGES[@]}"; do
  name=$(echo "$path" | tr -c 'A-Za-z0-9' '_')
  for run in $(seq 1 "$RUNS"); do
    timeout 180 "$DIR/node_modules/.bin/lighthouse" "$BASE$path" \
      $PRESET_FLAG --only-categories=performance,accessibility --output=json --output-path="$OUT/$name.$run.json" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >&2
  done
  node -e '
    const [path, ...files] = process.argv.slice(1);
    const reports = files.map((f) => require(f));
    const score = (r, c) => Math.round(r.categories[c].score * 100);
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const perf = reports.map((r) => score(r, "performance"));
    const a11y = reports.map((r) => score(r, "accessibility"));
    console.log(path, median(perf), median(a11y), perf.join(","));
    // What cost points in the median run, on stderr.
    const r = reports[perf.indexOf(median(perf))];
    for (const c of ["performance", "accessibility"])
      for (const ref of r.categories[c].auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 0.9) console.error(`${path} ${c}: ${a.id} ${a.score} ${a.displayValue ?? ""}`);
      }' "$path" $(for run in $(seq 1 "$RUNS"); do echo "$OUT/$name.$run.json"; done)
done
