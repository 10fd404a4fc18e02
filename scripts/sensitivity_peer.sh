#!/usr/bin/env bash
# CityExchange's composite Sobol analysis beside COINr's get_sensitivity on the same design: the same data, the same
# five uncertain inputs with the same alternatives (the same noisy weight vectors too), the same N. Prints both
# timings, the ratio, and the indices with their 90% bootstrap intervals side by side, and checks first that both tools
# compute the same model (every city's overall score under 27 fixed constructions).
#
# Usage: scripts/sensitivity_peer.sh [N]        (N base samples, default 1000: 7,000 runs; COINr needs minutes)
# Settings (environment): PEER_INDICATORS and PEER_CITIES (a year's indicator CSV and its cities.csv; default the
# bundled demo year 2015: 46 cities, synthetic values, about 3% missing; PEER_INDICATORS=synthetic uses the
# benchmarks' synthetic 46-city data instead), PEER_OUT (the work folder; default a temp folder, kept),
# PEER_REPEATS (timed C# runs, median reported; 21), COINR_LIB (where COINr is installed if missing;
# /tmp/cityex-rlib), COINR_SRC (COINr's source: a git repository or a folder; default the mirror of bluefoxr/COINr).
# Needs Debian's r-base-core r-cran-rlang r-cran-ggplot2 r-cran-openxlsx r-cran-readxl and python3.
# A benchmark: run it under the team's lock, e.g. flock /tmp/cityex-heavy.lock scripts/sensitivity_peer.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-1000}
OUT=${PEER_OUT:-$(mktemp -d /tmp/cityexchange-peer.XXXXXX)}
REPEATS=${PEER_REPEATS:-21}
COINR_LIB=${COINR_LIB:-/tmp/cityex-rlib}
COINR_SRC=${COINR_SRC:-/work/.mirror/bluefoxr+COINr/repo}
PYTHON=/usr/bin/python3
mkdir -p "$OUT" "$COINR_LIB"
export R_LIBS="$COINR_LIB${R_LIBS:+:$R_LIBS}"

log() { printf '[peer %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

command -v Rscript >/dev/null || { echo "needs R: apt-get install r-base-core r-cran-rlang r-cran-ggplot2 r-cran-openxlsx r-cran-readxl" >&2; exit 1; }
if ! Rscript -e 'suppressPackageStartupMessages(library(COINr))' >/dev/null 2>&1; then
  log "installing COINr from $COINR_SRC into $COINR_LIB"
  src=$(mktemp -d /tmp/cityexchange-coinr.XXXXXX)
  if [[ -d "$COINR_SRC/refs" || -d "$COINR_SRC/.git" ]]; then git -C "$COINR_SRC" archive HEAD | tar -x -C "$src"; else cp -r "$COINR_SRC"/. "$src"; fi
  R CMD INSTALL --no-docs --no-html --no-multiarch -l "$COINR_LIB" "$src" >"$OUT/coinr-install.log" 2>&1 \
    || { tail -20 "$OUT/coinr-install.log" >&2; echo "COINr could not be installed (log: $OUT/coinr-install.log)" >&2; exit 1; }
  rm -rf "$src"
fi

log "building the benchmarks (Release)"
dotnet build "$ROOT/tests/CityExchange.Benchmarks" -c Release --nologo -v q >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 1; }
BENCH=(dotnet run -c Release --no-build --project "$ROOT/tests/CityExchange.Benchmarks" --)

INDICATORS=${PEER_INDICATORS:-$ROOT/data/demo/indicators_2015.csv}
CITIES=${PEER_CITIES:-$ROOT/data/cities.csv}
if [[ "$INDICATORS" == synthetic ]]; then
  INDICATORS=$OUT/indicators.csv
  CITIES=$OUT/cities.csv
  "${BENCH[@]}" export 46 "$INDICATORS"
  "${BENCH[@]}" export-cities 46 "$CITIES"
fi
log "data: $INDICATORS, cities: $CITIES"

log "CityExchange: N = $N, $REPEATS timed runs"
"${BENCH[@]}" sensitivity-peer "$ROOT/data/framework.csv" "$CITIES" "$INDICATORS" "$N" "$OUT" "$REPEATS"
log "COINr get_sensitivity: N = $N (this takes minutes)"
Rscript "$ROOT/scripts/coinr_sensitivity.R" "$ROOT/data/framework.csv" "$CITIES" "$INDICATORS" "$OUT/weights.csv" "$N" "$OUT" >"$OUT/coinr.log" 2>&1 \
  || { tail -30 "$OUT/coinr.log" >&2; exit 1; }

"$PYTHON" - "$OUT" <<'PY'
import csv, sys, os
out = sys.argv[1]
def scores(name):
    return {tuple(r[k] for k in ("method", "aggregation", "missing", "winsorise", "weights", "city")): float(r["overall"])
            for r in csv.DictReader(open(os.path.join(out, name), encoding="utf-8"))}
ours, theirs = scores("csharp_scores.csv"), scores("coinr_scores.csv")
if set(ours) != set(theirs):
    sys.exit("the two score files do not cover the same constructions and cities")
worst = max(abs(ours[k] - theirs[k]) for k in ours)
constructions = len({k[:5] for k in ours})
print(f"Same model: {constructions} constructions × {len({k[5] for k in ours})} cities, largest difference in overall score {worst:.1e}")
cs_wall, cs_cpu, repeats = open(os.path.join(out, "csharp_time.txt")).read().split()
r_wall, r_cpu, runs = open(os.path.join(out, "coinr_time.txt")).read().split()
cs_wall, cs_cpu, r_wall, r_cpu = float(cs_wall) / 1000, float(cs_cpu) / 1000, float(r_wall), float(r_cpu)
print()
print(f"| | CityExchange (median of {repeats}) | COINr get_sensitivity | ratio |")
print("| --- | --- | --- | --- |")
print(f"| wall time, {runs} runs | {cs_wall * 1000:.1f} ms | {r_wall:.1f} s | {r_wall / cs_wall:,.0f}× |")
print(f"| CPU time | {cs_cpu * 1000:.1f} ms | {r_cpu:.1f} s | {r_cpu / cs_cpu:,.0f}× |")
def indices(name):
    return {r["input"]: {k: float(v) for k, v in r.items() if k != "input"} for r in csv.DictReader(open(os.path.join(out, name)))}
a, b = indices("csharp_indices.csv"), indices("coinr_indices.csv")
print()
print("| input | index | CityExchange [90% interval] | COINr [90% interval] | intervals overlap |")
print("| --- | --- | --- | --- | --- |")
disjoint = 0
for name in a:
    for index, low, high in (("first", "firstLow", "firstHigh"), ("total", "totalLow", "totalHigh")):
        x, y = a[name], b[name]
        overlap = x[low] <= y[high] and y[low] <= x[high]
        disjoint += not overlap
        print(f"| {name} | {index} | {x[index]:.4f} [{x[low]:.4f}, {x[high]:.4f}] | {y[index]:.4f} [{y[low]:.4f}, {y[high]:.4f}] | {'yes' if overlap else '**no**'} |")
print()
print(f"{disjoint} of {2 * len(a)} index pairs have disjoint intervals. Files: {out}")
PY
