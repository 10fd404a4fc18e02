#!/usr/bin/env bash
# Restores the client libraries that src/CityExchange.Web/libman.json declares, from the npm registry (npm pack),
# into the destinations it names. LibMan's CDNs are not reachable here; the npm tarball holds the same files.
# The restored files are committed, so a normal build needs neither this script nor the network.
# chartjs-chart-geo's UMD build (build/index.umd.min.js) bundles what it needs (d3-geo, d3-array, d3-color,
# d3-interpolate, d3-scale-chromatic, topojson-client: ISC/BSD licences, their code inside the file) and reads
# window.Chart and window.Chart.helpers, so it is loaded after Chart.js (wwwroot/js/shared/city-map.js). The map uses
# only its bubble map and no map data: no boundary geometry is restored.
set -euo pipefail
cd "$(dirname "$0")/../src/CityExchange.Web"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

node -e '
const m = require("./libman.json");
for (const l of m.libraries) console.log([l.library, l.destination, ...(l.files || [])].join("\t"));
' | while IFS=$'\t' read -r library destination rest; do
  (cd "$work" && npm pack --silent "$library" > /dev/null)
  tarball=$(ls "$work"/*.tgz | head -n 1)
  mkdir -p "$work/x" && tar -xzf "$tarball" -C "$work/x"
  for f in $rest; do
    mkdir -p "$destination$(dirname "$f")"
    cp "$work/x/package/$f" "$destination$f"
  done
  echo "restored $library -> $destination"
  rm -rf "$work"/*
done
