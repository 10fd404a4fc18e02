#!/usr/bin/env bash
# How long the city map takes to draw in Chromium (issue 16: 5,000 cities in under 1 s), on pages of an app you
# started (loopback only). For each URL, MAP_RUNS fresh page loads in headless Chromium (Debian's, through the
# puppeteer-core that scripts/lighthouse.sh's npm folder holds): scrolls to the map, waits for its first render and
# prints the time between the module's marks city-map:start and city-map:drawn — fetching Chart.js and the geo
# plugin, the map's rows when they are not in the page (more than 500 cities), projecting and drawing the points.
# Usage: scripts/map-draw.sh http://127.0.0.1:5197 '/?year=2030' ...
# Settings: MAP_RUNS (5), LIGHTHOUSE_DIR (/tmp/cityexchange-lighthouse), LIGHTHOUSE_VERSION (13.5.0), CHROME_PATH.
set -euo pipefail
BASE=${1:?usage: map-draw.sh BASE_URL PATH...}
shift
case "$BASE" in
  http://127.*|http://localhost*) ;;
  *) echo "map-draw.sh only runs against loopback URLs" >&2; exit 1 ;;
esac
DIR=${LIGHTHOUSE_DIR:-/tmp/cityexchange-lighthouse}
if [[ ! -d "$DIR/node_modules/puppeteer-core" ]]; then
  mkdir -p "$DIR"
  (cd "$DIR" && npm install --no-audit --no-fund --loglevel=error "lighthouse@${LIGHTHOUSE_VERSION:-13.5.0}" >&2)
fi
NODE_PATH="$DIR/node_modules" CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} MAP_RUNS=${MAP_RUNS:-5} node - "$BASE" "$@" <<'JS'
const puppeteer = require('puppeteer-core');
const [base, ...paths] = process.argv.slice(2);
(async () => {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH, args: ['--no-sandbox', '--headless=new'] });
  try {
    for (const path of paths) {
      const times = [];
      let points = 0;
      for (let run = 0; run < Number(process.env.MAP_RUNS); run++) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width: 1280, height: 900 });
        await page.goto(base + path, { waitUntil: 'load' });
        await page.evaluate(() => document.querySelector('[data-city-map] canvas').scrollIntoView());
        await page.waitForSelector('[data-city-map] canvas[data-chart-ready="true"]', { timeout: 30000 });
        const ms = await page.evaluate(() => performance.measure('map', 'city-map:start', 'city-map:drawn').duration);
        points = await page.evaluate(() => JSON.parse(document.querySelector('[data-city-map] script[type="application/json"][id$="-data"]').textContent).rows.length);
        times.push(Math.round(ms));
        await context.close();
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`${path} ${points} ${sorted[Math.floor(sorted.length / 2)]} ${times.join(',')}`);
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
JS
