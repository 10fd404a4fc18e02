#!/usr/bin/env bash
# CityExchange soak test (not part of CI): publishes the app (Release), starts it on a loopback port with a fresh
# database holding the bundled data and a synthetic 20,000-city year, then for SOAK_DURATION runs at once
#   - readers: wrk on the ordinary pages and API reads (overview, rankings, city, compare, methodology, analyses),
#   - bulk: wrk (2 connections) on the whole 20,000-city ranking JSON (12 MB), measured apart from the pages,
#   - explorers and abusers: wrk on Explore, what-if-free analysis endpoints and the abusive requests of issue 18
#     (tiny weight-grid steps, 1e308 weights, huge samples, average linkage on 20,000 cities, junk parameters),
#   - editors: a curl loop uploading a valid file every 2 s into SOAK_EDIT_YEAR (an earlier year than the one the
#     pages open on, as an office uploads its own year) and a 100,000-row junk file every 30 s,
#   - a sampler timing each reader path alone every 5 s under the load (which path is slow, not just that one is),
# samples the app's RSS every 10 s and prints: requests, statuses (5xx must be 0), latency percentiles of the readers,
# and RSS after warm-up against the end. Figures go in docs/performance.md ("Soak").
# Settings: SOAK_DURATION (10m), SOAK_PORT (5198), SOAK_CITIES (20000), SOAK_YEAR (2030), SOAK_READERS (16 connections),
# SOAK_ABUSERS (8 connections), SOAK_EDIT_YEAR (2020), SOAK_KEEP (1: keep the work folder), SOAK_READER_PAUSE and
# SOAK_BULK_PAUSE (ms each connection waits between its requests; 0, the default, is as fast as the server answers —
# a closed loop that keeps both cores busy, so it measures the queue; a pause paces the readers below saturation),
# SOAK_ABUSER_CLIENTS (4: the addresses the abusers come from), SOAK_ACCEPT_ENCODING (the Accept-Encoding every wrk
# request sends; "br, gzip", as browsers and HTTP libraries do; "" asks for uncompressed bodies, which are about ten
# times larger, so the load generator, which shares the two cores, spends more of them reading bytes).
# Loopback only; every loop is bounded by the duration.
# The app runs as behind its documented reverse proxy (Proxy:KnownProxies = 127.0.0.1): readers and bulk readers are
# a crowd, each request from one of 254 addresses in X-Forwarded-For (198.51.100.x, 192.0.2.x); the abusers come from
# SOAK_ABUSER_CLIENTS addresses (203.0.113.x), so the per-client budget (RateLimits:RequestsPerSecondPerClient) holds
# them to their share; the editors are signed in (a token) and the sampler is the proxy's own address.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${SOAK_PORT:-5198}
DURATION=${SOAK_DURATION:-10m}
CITIES=${SOAK_CITIES:-20000}
YEAR=${SOAK_YEAR:-2030}
READERS=${SOAK_READERS:-16}
ABUSERS=${SOAK_ABUSERS:-8}
EDIT_YEAR=${SOAK_EDIT_YEAR:-2020}
READER_PAUSE=${SOAK_READER_PAUSE:-0}
BULK_PAUSE=${SOAK_BULK_PAUSE:-0}
ABUSER_CLIENTS=${SOAK_ABUSER_CLIENTS:-4}
ACCEPT_ENCODING=${SOAK_ACCEPT_ENCODING-br, gzip}
BASE="http://127.0.0.1:${PORT}"
TOKEN="soak-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
WORK=$(mktemp -d /tmp/cityexchange-soak.XXXXXX)
APP_PID=""
log() { printf '[soak %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [[ "${SOAK_KEEP:-0}" == 1 ]]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
for tool in dotnet wrk curl; do command -v "$tool" >/dev/null || { echo "soak.sh needs $tool" >&2; exit 1; }; done

log "publishing (Release)"
dotnet publish "$ROOT/src/CityExchange.Web" -c Release -o "$WORK/app" --nologo -v q >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
dotnet build "$ROOT/tests/CityExchange.Benchmarks" -c Release --nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
BENCH=(dotnet run -c Release --no-build --project "$ROOT/tests/CityExchange.Benchmarks" --)
"${BENCH[@]}" export-cities "$CITIES" "$WORK/cities.csv"
"${BENCH[@]}" export "$CITIES" "$WORK/indicators.csv"

log "starting the app on $BASE"
(
  cd "$WORK/app"
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" Database__Provider=Sqlite Database__MigrateOnStartup=true \
    ConnectionStrings__CityExchange="Data Source=$WORK/soak.db" Import__ApiToken="$TOKEN" \
    RateLimits__UploadsPerMinute=1000 Proxy__KnownProxies__0=127.0.0.1 Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft.AspNetCore=Warning \
    dotnet CityExchange.Web.dll
) >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "$BASE/health/live" && break; sleep 0.5; done
curl -sf -o /dev/null "$BASE/health/live" || { cat "$WORK/app.log" >&2; exit 1; }
curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/cities.csv" "$BASE/api/cities"
curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/indicators.csv" "$BASE/api/years/$YEAR/indicators"
log "$CITIES cities loaded as $YEAR (the latest year: every page opens on it)"

# The wrk scripts: a random path per request from a list, statuses tallied over all threads.
cat >"$WORK/paths.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do if #line > 0 then table.insert(paths, line) end end
  ok, s4, s429, s5 = 0, 0, 0, 0
  pause = tonumber(args[2] or "0")
  prefix, clients = args[3] or "198.51.100.", tonumber(args[4] or "254")
  encoding = args[5] or ""
  math.randomseed(os.time() + #threads)
end
function delay() return pause end
-- Each request comes from one of `clients` addresses, as the trusted proxy in front of the app names them.
function request()
  local headers = { ["X-Forwarded-For"] = prefix .. math.random(clients) }
  if #encoding > 0 then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1 elseif status == 429 then s429 = s429 + 1 elseif status >= 400 then s4 = s4 + 1 else ok = ok + 1 end
end
function done(summary, latency, requests)
  local t = { ok = 0, s4 = 0, s429 = 0, s5 = 0 }
  for _, th in ipairs(threads) do for k, _ in pairs(t) do t[k] = t[k] + th:get(k) end end
  io.write(string.format("statuses: 2xx/3xx %d, 4xx %d, 429 %d, 5xx %d\n", t.ok, t.s4, t.s429, t.s5))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do io.write(string.format("p%s %.1f ms\n", p, latency:percentile(p) / 1000)) end
end
LUA
cat >"$WORK/readers.txt" <<TXT
/
/?culture=en
/Rankings
/Rankings?p=57&culture=en
/Rankings?q=c12&sort=name
/Rankings?year=2015
/Cities/beijing?year=2015
/Cities/c42
/Compare?a=beijing&b=shanghai&year=2015
/Compare
/Methodology
/Analysis/Report
/Analysis/Groups?year=2015
/api/years
/api/rankings/2015?method=rank
/api/cities?q=c1&year=$YEAR
/css/site.css
TXT
# Bulk reads: the whole 20,000-city ranking is 12 MB of JSON (1 MB compressed); not an ordinary page, measured apart.
cat >"$WORK/bulk.txt" <<TXT
/api/rankings/$YEAR
/api/rankings/$YEAR?format=json&culture=en
TXT
cat >"$WORK/abusers.txt" <<TXT
/Explore?year=2015&w.social=0.4
/Explore?year=$YEAR&method=rank
/Analysis/Clusters
/Analysis/Clusters?linkage=average
/api/analysis/$YEAR/clusters
/api/analysis/$YEAR/clusters?linkage=average
/api/analysis/2015/correlations
/api/sensitivity/2015?samples=2000
/api/sensitivity/$YEAR?samples=20000
/api/sensitivity/$YEAR/bounds?min=0&max=1&step=0.0001
/api/sensitivity/2015/bounds?min=0&max=1&step=0.0001
/api/sensitivity/2015/bounds
/api/rankings/2015?weights=consulates:1e308,sister_cities:1e308
/api/rankings/$YEAR?weights=social:NaN
/api/targets/2015?city=chengdu&rank=3
/api/weights/2015?preset=pca
/api/rankchange/beijing?from=2014&to=2015
/Cities/nowhere
/api/rankings/9999
TXT

# One request per path, twice (cold, then warm from the caches), before the load: which page costs what at this scale.
echo "### Single requests (status, cold s, warm s)" >"$WORK/single.txt"
while read -r path; do
  cold=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE$path")
  warm=$(curl -s -o /dev/null -w '%{time_total}' "$BASE$path")
  echo "$path $cold $warm" >>"$WORK/single.txt"
done < <(cat "$WORK/readers.txt" "$WORK/bulk.txt" "$WORK/abusers.txt")

rss() { awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status"; }
( while kill -0 "$APP_PID" 2>/dev/null; do echo "$(date +%s) $(rss)"; sleep 10; done ) >"$WORK/rss.txt" 2>/dev/null &
SAMPLER=$!

# Editors: a valid upload every 2 s, a 100,000-row junk file every 30 s (refused, bounded errors).
printf 'city,consulates,sister_cities\nbeijing,10,20\nshanghai,30,40\nguangzhou,20,30\n' >"$WORK/valid.csv"
{ echo "city,consulates"; for _ in $(seq 1 100000); do echo "x,x"; done; } >"$WORK/junk.csv"
seconds=$(( $(echo "$DURATION" | sed -E 's/m$/*60/; s/s$//') ))
(
  end=$(( $(date +%s) + seconds )); n=0; s5=0
  while [[ $(date +%s) -lt $end ]]; do
    n=$((n + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/valid.csv" "$BASE/api/years/$EDIT_YEAR/indicators")
    [[ "$code" -ge 500 ]] && s5=$((s5 + 1))
    if (( n % 15 == 0 )); then
      code=$(curl -s -o "$WORK/junk.body" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$WORK/junk.csv" "$BASE/api/years/2091/indicators")
      [[ "$code" -ge 500 ]] && s5=$((s5 + 1))
      echo "junk upload: $code, $(stat -c %s "$WORK/junk.body") bytes of errors" >"$WORK/junk.txt"
    fi
    sleep 2
  done
  echo "uploads: $n valid + $((n / 15)) junk, 5xx $s5" >"$WORK/uploads.txt"
) &
EDITORS=$!

# The sampler: each reader path alone, one after another, every 5 s (time to the last byte, in s).
(
  end=$(( $(date +%s) + seconds ))
  while [[ $(date +%s) -lt $end ]]; do
    while read -r path; do echo "$path $(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE$path")"; done <"$WORK/readers.txt"
    sleep 5
  done
) >"$WORK/samples.txt" &
SAMPLER_PATHS=$!

# CPU accounting: the machine's busy time (/proc/stat) and the app's own (/proc/PID/stat), in clock ticks.
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
app_cpu() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
BUSY0=$(busy); APP0=$(app_cpu); T0=$(date +%s)
log "soak for $DURATION: $READERS readers, $ABUSERS explorers/abusers, editors uploading"
wrk -t1 -c"$ABUSERS" -d"$DURATION" --timeout 30s -s "$WORK/paths.lua" "$BASE" -- "$WORK/abusers.txt" 0 203.0.113. "$ABUSER_CLIENTS" "$ACCEPT_ENCODING" >"$WORK/abusers.out" 2>&1 &
ABUSE=$!
wrk -t1 -c2 -d"$DURATION" --timeout 30s --latency -s "$WORK/paths.lua" "$BASE" -- "$WORK/bulk.txt" "$BULK_PAUSE" 192.0.2. 254 "$ACCEPT_ENCODING" >"$WORK/bulk.out" 2>&1 &
BULK=$!
wrk -t1 -c"$READERS" -d"$DURATION" --timeout 10s --latency -s "$WORK/paths.lua" "$BASE" -- "$WORK/readers.txt" "$READER_PAUSE" 198.51.100. 254 "$ACCEPT_ENCODING" >"$WORK/readers.out" 2>&1
wait "$ABUSE" "$BULK" "$EDITORS" "$SAMPLER_PATHS" || true
kill "$SAMPLER" 2>/dev/null || true
BUSY1=$(busy); APP1=$(app_cpu); T1=$(date +%s)

echo "## Soak: $DURATION, $CITIES-city year, $(nproc) cores, reader pause $READER_PAUSE ms, bulk pause $BULK_PAUSE ms, $ABUSER_CLIENTS abuser addresses, Accept-Encoding \"$ACCEPT_ENCODING\""
HZ=$(getconf CLK_TCK)
awk -v b=$((BUSY1 - BUSY0)) -v a=$((APP1 - APP0)) -v s=$((T1 - T0)) -v hz="$HZ" -v n="$(nproc)" 'BEGIN {
  printf "CPU: machine %.0f%% of %d cores busy; the app %.2f cores, the load generator and the rest %.2f cores\n", 100 * b / hz / s / n, n, a / hz / s, (b - a) / hz / s }'
cat "$WORK/single.txt"
echo "### Readers (ordinary pages and reads, $READERS connections)"; grep -E "Requests/sec|statuses|^p" "$WORK/readers.out"
echo "### Bulk reads (the whole 20,000-city ranking as JSON, 2 connections)"; grep -E "Requests/sec|statuses|^p" "$WORK/bulk.out"
echo "### Explorers and abusive requests ($ABUSERS connections from $ABUSER_CLIENTS addresses; 429 = over the per-client budget or the analysis limiter)"; grep -E "Requests/sec|statuses|^p" "$WORK/abusers.out"
echo "### Each reader path alone under the load (samples, median and max ms, statuses)"
sort -k1,1 -k3,3g "$WORK/samples.txt" | awk '{ p = $1; if (p != last && last != "") flush(); if (p != last) { n = 0; delete t; codes = "" } last = p; t[++n] = $3 * 1000; if (index(codes, $2) == 0) codes = codes " " $2 }
  function flush() { printf "%s: %d, %.0f, %.0f,%s\n", last, n, t[int((n + 1) / 2)], t[n], codes }
  END { if (last != "") flush() }'
echo "### Editors"; cat "$WORK/uploads.txt" "$WORK/junk.txt" 2>/dev/null || true
echo "### RSS (MB)"
# The GC's sawtooth moves one sample by ±5 %: the change is also given between the medians of the minute after the
# warm-up and of the last minute, with each minute's median.
awk 'NR == 1 { t0 = $1 } { rss[NR] = $2; t[NR] = $1 - t0 } END {
  warm = 0; for (i = 1; i <= NR; i++) if (t[i] >= 120) { warm = i; break }
  if (warm == 0) warm = 1
  max = 0; for (i = warm; i <= NR; i++) if (rss[i] > max) max = rss[i]
  printf "after warm-up (2 min): %.0f, at the end: %.0f, peak after warm-up: %.0f, change: %+.1f%%\n", rss[warm] / 1024, rss[NR] / 1024, max / 1024, 100 * (rss[NR] - rss[warm]) / rss[warm]
  minutes = int(t[NR] / 60); line = "median of each minute:"
  for (m = 2; m < minutes || (m == minutes && t[NR] >= 60 * m + 50); m++) {
    n = 0; for (i = 1; i <= NR; i++) if (t[i] >= 60 * m && t[i] < 60 * (m + 1)) v[++n] = rss[i]
    if (n == 0) continue
    for (a = 1; a <= n; a++) for (b = a + 1; b <= n; b++) if (v[b] < v[a]) { x = v[a]; v[a] = v[b]; v[b] = x }
    med[m] = v[int((n + 1) / 2)]; last = m; if (!(first)) first = m
    line = line sprintf(" %.0f", med[m] / 1024)
  }
  print line
  if (first && last > first) printf "median of minute %d: %.0f, of minute %d: %.0f, change: %+.1f%%\n", first + 1, med[first] / 1024, last + 1, med[last] / 1024, 100 * (med[last] - med[first]) / med[first] }' "$WORK/rss.txt"
grep -c " 5[0-9][0-9] " "$WORK/app.log" 2>/dev/null | sed 's/^/app log lines with a 5xx: /' || true
