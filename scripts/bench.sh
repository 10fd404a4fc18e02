#!/usr/bin/env bash
# CityExchange performance run: starts the app (Release) on a loopback port with a fresh database, times the
# 5,000-city import and first ranking, load-tests a static file, /api/rankings and /Rankings with wrk, runs Lighthouse
# (scripts/lighthouse.sh), stops the app, runs the BenchmarkDotNet suite (short job) and the pandas comparison on the
# same 10,000-city data, and prints one Markdown table (docs/performance.md explains every row).
#
# Only loopback traffic; every loop is bounded. Takes about 12–15 minutes on 2 cores (Lighthouse is most of it).
# Settings (environment): BENCH_PORT (5197), BENCH_DURATION (15s), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_CITIES (5000), BENCH_YEAR (2030), BENCH_BDN (1: run BenchmarkDotNet), BENCH_LIGHTHOUSE (auto|0|1),
# BENCH_LIGHTHOUSE_PRESETS ("mobile desktop": mobile is Lighthouse's default, simulated slow 4G and a 4× CPU
# slowdown), BENCH_LIGHTHOUSE_RUNS (3: runs per page, the median is reported),
# BENCH_POSTGRES (unset: SQLite; a PostgreSQL connection string: a fresh database on that server),
# BENCH_LOG_LEVEL (Warning: the app's per-request Information logs are off during the load test), BENCH_KEEP (1: keep the work folder).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${BENCH_PORT:-5197}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
CITIES=${BENCH_CITIES:-5000}
SCALE_YEAR=${BENCH_YEAR:-2030}
RUN_BDN=${BENCH_BDN:-1}
RUN_LIGHTHOUSE=${BENCH_LIGHTHOUSE:-auto}
LOG_LEVEL=${BENCH_LOG_LEVEL:-Warning}
LIGHTHOUSE_PRESETS=${BENCH_LIGHTHOUSE_PRESETS:-mobile desktop}
LIGHTHOUSE_RUNS=${BENCH_LIGHTHOUSE_RUNS:-3}
BASE="http://127.0.0.1:${PORT}"
# The store: a fresh SQLite file (default), or with BENCH_POSTGRES set to a PostgreSQL connection string (e.g. the one
# scripts/start-postgres.sh prints), a fresh database on that server, created by the app's migrations.
BENCH_DB_NAME="cityex_bench_$(date +%s)"
if [[ -n "${BENCH_POSTGRES:-}" ]]; then
  DB_PROVIDER=Postgres
  DB_CONNECTION="$(echo "$BENCH_POSTGRES" | sed -E 's/(^|;)Database=[^;]*//I');Database=$BENCH_DB_NAME"
else
  DB_PROVIDER=Sqlite
fi
TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
WORK=$(mktemp -d /tmp/cityexchange-bench.XXXXXX)
[[ "${DB_PROVIDER}" == Sqlite ]] && DB_CONNECTION="Data Source=$WORK/bench.db"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
APP_PID=""
PYTHON=/usr/bin/python3 # Debian's python3 with python3-pandas

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  stop_app
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

for tool in dotnet wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench.sh needs $tool (apt-get install wrk curl)" >&2; exit 1; }
done
if ! "$PYTHON" -c 'import pandas' 2>/dev/null; then
  echo "bench.sh needs Debian's python3-pandas at $PYTHON (apt-get install python3-pandas)" >&2
  exit 1
fi
if curl -s -o /dev/null "$BASE/health/live"; then
  echo "Port $PORT is in use; set BENCH_PORT" >&2
  exit 1
fi

# --- Build -------------------------------------------------------------------------------------------------------
log "publishing the app (Release) and building the benchmarks"
dotnet publish "$ROOT/src/CityExchange.Web" -c Release -o "$WORK/app" --nologo -v q >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
dotnet build "$ROOT/tests/CityExchange.Benchmarks" -c Release --nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
BENCH_EXE=(dotnet run -c Release --no-build --project "$ROOT/tests/CityExchange.Benchmarks" --)

# The same deterministic synthetic data for the scale test, the benchmarks and pandas.
"${BENCH_EXE[@]}" export-cities "$CITIES" "$WORK/cities.csv"
"${BENCH_EXE[@]}" export "$CITIES" "$WORK/indicators.csv"
"${BENCH_EXE[@]}" export 10000 "$WORK/pandas-10000.csv"

# --- Start the app -----------------------------------------------------------------------------------------------
# wrk is one client on loopback measuring what the server can serve, not a reader: the per-client request budget
# (RateLimits:RequestsPerSecondPerClient, docs/security.md) is lifted for it, or it would measure the budget's 429s.
# scripts/soak.sh keeps the budget and spreads its readers over many addresses instead.
log "starting the app on $BASE (fresh database in $WORK)"
(
  cd "$WORK/app"
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" \
    Database__Provider="$DB_PROVIDER" Database__MigrateOnStartup=true ConnectionStrings__CityExchange="$DB_CONNECTION" \
    Import__ApiToken="$TOKEN" \
    RateLimits__RequestsPerSecondPerClient=1000000 RateLimits__RequestBurstPerClient=1000000 \
    Serilog__MinimumLevel__Default="$LOG_LEVEL" \
    Serilog__MinimumLevel__Override__Microsoft.AspNetCore="$LOG_LEVEL" \
    dotnet CityExchange.Web.dll
) >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -s -o /dev/null "$BASE/health/live" && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/health/live" || { echo "the app did not start" >&2; cat "$WORK/app.log" >&2; exit 1; }

echo "$DB_PROVIDER" >"$RESULTS/database.txt"

# --- Scale: 5,000 cities -----------------------------------------------------------------------------------------
app_cpu() { # CPU seconds the app process has used so far (all its threads)
  awk -v tck="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / tck }' "/proc/$APP_PID/stat"
}
timed() { # timed NAME curl-args...: status, seconds, bytes and the app's CPU seconds for one request
  local name=$1; shift
  local before after
  before=$(app_cpu)
  curl -s -o "$RESULTS/$name.body" -w '%{http_code} %{time_total} %{size_download}' "$@" >"$RESULTS/$name.time"
  after=$(app_cpu)
  awk -v a="$after" -v b="$before" 'BEGIN { printf " %.3f\n", a - b }' >>"$RESULTS/$name.time"
  log "$name: $(cat "$RESULTS/$name.time") (status, s, bytes, app CPU s)"
}
log "scale test: $CITIES cities × 17 indicators (year $SCALE_YEAR)"
timed put_cities -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/cities.csv" "$BASE/api/cities"
timed put_indicators -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/indicators.csv" "$BASE/api/years/$SCALE_YEAR/indicators"
timed first_ranking "$BASE/api/rankings/$SCALE_YEAR"
timed first_page "$BASE/Rankings?year=$SCALE_YEAR"
timed last_page "$BASE/Rankings?year=$SCALE_YEAR&p=$(((CITIES + 99) / 100))"
timed search_page "$BASE/Rankings?year=$SCALE_YEAR&q=c12&sort=name"

# --- Transfer size of /Rankings (Brotli, as a browser asks) -------------------------------------------------------
"$PYTHON" - "$BASE" >"$RESULTS/transfer.txt" <<'PY'
import re, subprocess, sys, urllib.parse
base = sys.argv[1]
def fetch(url):
    # bytes on the wire (compressed) and the decoded text
    wire = subprocess.run(["curl", "-s", "-H", "Accept-Encoding: br, gzip", "-w", "\n%{size_download}", base + url], capture_output=True).stdout
    size = int(wire.rsplit(b"\n", 1)[1])
    text = subprocess.run(["curl", "-s", "--compressed", base + url], capture_output=True).stdout.decode("utf-8", "replace")
    return size, text
size, html = fetch("/Rankings?year=2015")
total, seen = size, set()
queue = [u.replace("&amp;", "&") for u in re.findall(r'(?:<link[^>]+rel="stylesheet"[^>]+href|<script[^>]+src)="(/[^"]+)"', html)]
queue += re.findall(r'<script type="application/json" id="chartjs-src">"(/[^"]+)"', html)  # Chart.js, fetched when the chart is reached
# The map's own scripts (city-map.js reads them from its JSON config when the map is scrolled near): the geo plugin.
queue += [u.replace("\\u0026", "&") for u in re.findall(r'"(?:geo|chartJs)":"(/[^"]+)"', html)]
while queue:
    url = queue.pop()
    if url in seen:
        continue
    seen.add(url)
    s, body = fetch(url)
    total += s
    if url.split("?")[0].endswith(".js") and "/lib/" not in url:
        for rel in re.findall(r'''(?:import|from)\s*['"](\.{1,2}/[^'"]+)['"]''', body):
            queue.append(urllib.parse.urljoin(url, rel))
print(size, total, len(seen))
PY
log "transfer (html bytes, total bytes, assets): $(cat "$RESULTS/transfer.txt")"

# --- Load test ---------------------------------------------------------------------------------------------------
STATIC_URL="/css/site.css"
declare -A TARGETS=(
  [static]="$STATIC_URL"
  [api]="/api/rankings/2015"
  [page]="/Rankings?year=2015"
  [api_scale]="/api/rankings/$SCALE_YEAR"
  [page_scale]="/Rankings?year=$SCALE_YEAR"
)
ORDER=(static api page api_scale page_scale)
# Twice: as the issue words it (plain wrk, no Accept-Encoding), then as a browser asks (Accept-Encoding: br, gzip),
# where every response — the static file too — is compressed unless it comes compressed from the output cache.
for variant in plain br; do
  header=()
  suffix=""
  if [[ "$variant" == br ]]; then header=(-H "Accept-Encoding: br, gzip"); suffix="_br"; fi
  log "warm-up (3 s each, $variant)"
  for name in "${ORDER[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "${header[@]}" "$BASE${TARGETS[$name]}" >/dev/null
  done
  for name in "${ORDER[@]}"; do
    log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ${header[*]} ${TARGETS[$name]}"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$BASE${TARGETS[$name]}" >"$RESULTS/wrk-$name$suffix.txt"
  done
done
uptime >"$RESULTS/load.txt"

# --- Lighthouse ----------------------------------------------------------------------------------------------------
# The three pages with the map (issue 16) as the shipped data shows them (year 2015, 46 cities), and as they open by default once the
# 5,000-city year is the latest; each page LIGHTHOUSE_RUNS times, the median reported.
if [[ "$RUN_LIGHTHOUSE" != 0 ]]; then
  if command -v npm >/dev/null && [[ -x /usr/bin/chromium ]]; then
    for preset in $LIGHTHOUSE_PRESETS; do
      log "Lighthouse ($preset, median of $LIGHTHOUSE_RUNS runs) on /, /Rankings, a city page (all with the map) for 2015 and for the $CITIES-city year"
      LIGHTHOUSE_PRESET=$preset LIGHTHOUSE_RUNS=$LIGHTHOUSE_RUNS "$ROOT/scripts/lighthouse.sh" "$BASE" \
        "/?year=2015" "/Rankings?year=2015" "/Cities/beijing?year=2015" / /Rankings /Cities/c42 \
        >"$RESULTS/lighthouse-$preset.txt" 2>"$WORK/lighthouse-$preset.log" \
        || log "Lighthouse failed (see $WORK/lighthouse-$preset.log)"
      sed 's/^/  lighthouse: /' "$WORK/lighthouse-$preset.log" | grep -v '^  lighthouse: $' >&2 || true
    done
  elif [[ "$RUN_LIGHTHOUSE" == 1 ]]; then
    echo "Lighthouse needs npm and /usr/bin/chromium" >&2; exit 1
  fi
fi

# --- The map drawn in Chromium (issue 16: 5,000 cities in under 1 s) -------------------------------------------------
if [[ "$RUN_LIGHTHOUSE" != 0 ]] && command -v npm >/dev/null && [[ -x /usr/bin/chromium ]]; then
  log "map drawing time (median of 5) on the $CITIES-city year: overview, /Rankings, a city page"
  "$ROOT/scripts/map-draw.sh" "$BASE" "/?year=$SCALE_YEAR" "/Rankings?year=$SCALE_YEAR" "/Cities/c42?year=$SCALE_YEAR" >"$RESULTS/map.txt" 2>"$WORK/map.log" \
    || log "map-draw failed (see $WORK/map.log)"
fi

stop_app

# --- Benchmarks and pandas (app stopped: nothing else competes for the cores) ---------------------------------------
if [[ "$RUN_BDN" == 1 ]]; then
  log "BenchmarkDotNet (short job)"
  "${BENCH_EXE[@]}" --filter '*ScoringBenchmarks*' '*RankUncertaintyBenchmarks.Dirichlet1000' '*CsvBenchmarks*' \
    --job short --exporters csv --artifacts "$WORK/bdn" >"$WORK/bdn.log" 2>&1 || { tail -40 "$WORK/bdn.log" >&2; exit 1; }
  cat "$WORK"/bdn/results/*.csv >"$RESULTS/bdn.csv"
fi
log "CPU time per operation (the same benchmarks; a busy machine inflates wall time far more)"
"${BENCH_EXE[@]}" cputime >"$RESULTS/cputime.txt"
log "pandas on the same 10,000 cities"
"$PYTHON" "$ROOT/scripts/pandas_scoring.py" "$ROOT/data/framework.csv" "$WORK/pandas-10000.csv" 30 >"$RESULTS/pandas.txt" 2>"$WORK/pandas.log"

# --- Report ----------------------------------------------------------------------------------------------------------
"$PYTHON" "$ROOT/scripts/bench_report.py" "$RESULTS" "$CITIES" "$THREADS" "$CONNECTIONS" "$DURATION"
