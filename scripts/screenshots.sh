#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png) with the end-to-end suite: the main pages at
# 1280×900 in a headless Debian Chromium (sudo apt-get install chromium fonts-noto-cjk), shrunk with pngquant if present.
set -euo pipefail
cd "$(dirname "$0")/.."

export CITYEX_REQUIRE_BROWSER=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test tests/CityExchange.E2E.Tests --filter "Category=Screenshots" --logger "console;verbosity=minimal"

# The folder of the newest screenshot (bin/<configuration>/<framework>/screenshots/readme).
newest=$(find tests/CityExchange.E2E.Tests/bin -path '*/screenshots/readme/*.png' -printf '%T@ %p\n' | sort -nr | head -n 1 | cut -d' ' -f2-)
out=${newest%/*}
if [ -z "$newest" ]; then
  echo "No screenshots were written." >&2
  exit 1
fi

mkdir -p docs/screenshots
cp "$out"/*.png docs/screenshots/
if command -v pngquant >/dev/null; then
  # 256 colours are plenty for flat UI; --skip-if-larger keeps the original when quantising does not help.
  pngquant --force --skip-if-larger --ext .png --quality 70-95 --strip docs/screenshots/*.png || true
else
  echo "pngquant not found (sudo apt-get install pngquant): screenshots copied unoptimised." >&2
fi
ls -l docs/screenshots
