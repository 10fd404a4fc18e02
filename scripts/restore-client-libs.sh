#!/usr/bin/env bash
# Restores the client libraries that src/CityExchange.Web/libman.json declares, from the npm registry (npm pack),
# into the destinations it names. LibMan's CDNs are not reachable here; the npm tarball holds the same files.
# The restored files are committed, so a normal build needs neither this script nor the network.
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
