#!/usr/bin/env bash
# Clustering figures for docs/performance.md: for each linkage and size, one run of the .NET clustering
# (CityExchange.Benchmarks `cluster LINKAGE N`) and one of SciPy's linkage (scripts/scipy_linkage.py) on the same
# synthetic points (the domain scores of N synthetic cities), each in its own process under /usr/bin/time -v: wall
# and CPU seconds of the clustering alone, and the process's peak RSS. Then, unless BENCH_BDN=0, the BenchmarkDotNet
# ClusteringBenchmarks and PairwiseClusteringBenchmarks (mean time and allocations per run).
#
# Heavy (about 10 minutes on 2 cores; SciPy needs 2 × 1.6 GB at 20,000 points): run it under the shared lock,
#   flock /tmp/cityex-heavy.lock scripts/bench-clustering.sh
# Settings (environment): BENCH_SIZES ("5000 20000"), BENCH_SCIPY (1), BENCH_BDN (1), BENCH_KEEP (1: keep the work folder).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${BENCH_SIZES:-5000 20000}
PYTHON=/usr/bin/python3 # Debian's python3 with python3-scipy
WORK=$(mktemp -d /tmp/cityexchange-bench-clustering.XXXXXX)
cleanup() { if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
log() { printf '[bench-clustering %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

log "building the benchmarks (Release)"
dotnet build "$ROOT/tests/CityExchange.Benchmarks" -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; exit 1; }
EXE="$ROOT/tests/CityExchange.Benchmarks/bin/Release/net10.0/CityExchange.Benchmarks"

# measure LABEL COMMAND…: prints "| label | wall | cpu | peak RSS |" from the command's own line and /usr/bin/time.
measure() {
  local label=$1; shift
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt"
  local line rss
  line=$(tail -1 "$WORK/out.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/time.txt")
  printf '| %s | %s | %s | %s MB | %s |\n' "$label" \
    "$(sed -E 's/.*wall_s=([0-9.]+).*/\1/' <<<"$line")" "$(sed -E 's/.*cpu_s=([0-9.]+).*/\1/' <<<"$line")" "$rss" \
    "$(sed -E 's/.*top=([0-9.]+).*/\1/' <<<"$line")"
}

echo "| run | wall s | CPU s | peak RSS | top merge height |"
echo "|---|---:|---:|---:|---:|"
for n in $SIZES; do
  "$EXE" export-points "$n" "$WORK/points$n.csv"
  for linkage in ward centroid single average complete; do
    if [[ $linkage == average || $linkage == complete ]] && (( n > 5000 )); then
      continue # beyond HierarchicalClustering.PairwiseLimit
    fi
    log "$linkage, $n points"
    measure ".NET $linkage $n" "$EXE" cluster "$linkage" "$n"
    if [[ "${BENCH_SCIPY:-1}" == 1 ]]; then
      measure "SciPy $linkage $n" "$PYTHON" "$ROOT/scripts/scipy_linkage.py" "$WORK/points$n.csv" "$linkage"
    fi
  done
done
log "baselines: the processes clustering 2 points"
"$EXE" export-points 2 "$WORK/points2.csv"
measure ".NET baseline 2" "$EXE" cluster ward 2
[[ "${BENCH_SCIPY:-1}" == 1 ]] && measure "SciPy baseline 2" "$PYTHON" "$ROOT/scripts/scipy_linkage.py" "$WORK/points2.csv" ward

if [[ "${BENCH_BDN:-1}" == 1 ]]; then
  log "BenchmarkDotNet (monitoring job: 1 warm-up, 5 runs)"
  (cd "$WORK" && "$EXE" --filter '*ClusteringBenchmarks*' --exporters csv --artifacts "$WORK/bdn" >"$WORK/bdn.log" 2>&1) || { tail -40 "$WORK/bdn.log" >&2; exit 1; }
  echo
  sed -n '/^| *Method/,/^$/p' "$WORK/bdn.log" | grep -v '^$' || cat "$WORK"/bdn/results/*.csv
fi
