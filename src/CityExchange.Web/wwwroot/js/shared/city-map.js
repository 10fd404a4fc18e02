// The bubble map of the cities (Pages/Shared/_CityMap.cshtml). Chart.js and then the chartjs-chart-geo plugin (whose
// UMD build registers itself on window.Chart) are fetched only when the map comes within 300 px of the viewport.
// Points only: the projection is fitted to a GeoJSON MultiPoint of the cities, which is never drawn (showOutline:
// false); no boundary geometry is loaded or drawn anywhere (issue 16).
import { domainColors, formatScore, loadChartJs, readJson, whenNear } from './charts.js';
import { attachChartTools } from './chart-tools.js';

performance.mark('city-map:start');

const highlightColor = '#D55E00';
const overallColor = '#0072B2';

function loadScript(src) {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
}

/**
 * Chart.js, then the geo plugin. On a page with #chartjs-src, through the page's shared loader, so a chart and the map
 * coming into view together load Chart.js once (a second copy would be a window.Chart without the plugin); without it
 * (the map alone, e.g. embedded), from the map's own path.
 */
async function loadLibraries(config) {
  if (!window.Chart) {
    await (document.getElementById('chartjs-src') ? loadChartJs() : loadScript(config.chartJs));
  }
  if (window.Chart && !window.ChartGeo) {
    await loadScript(config.geo);
  }
  return Boolean(window.Chart && window.ChartGeo);
}

/** The projection's outline: the cities' own points, widened to at least 4° so one city (or a few close ones) still fits. */
function outlineOf(points) {
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const coordinates = points.map((p) => [p.longitude, p.latitude]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  if (maxLon - minLon < 4 || maxLat - minLat < 4) {
    const lon = (minLon + maxLon) / 2;
    const lat = (minLat + maxLat) / 2;
    coordinates.push([lon - 2, lat - 2], [lon + 2, lat + 2]);
  }
  return { type: 'MultiPoint', coordinates };
}

function pointsOf(table, config) {
  return table.rows
    .filter((r) => r[4] !== null && r[5] !== null)
    .map(([code, name, rank, score, lat, lon]) => ({
      code, name, rank, score, latitude: lat, longitude: lon, value: score ?? 0, highlighted: code === config.highlight,
    }));
}

function describe(point, config) {
  const rank = point.rank ? config.rank.replace('{0}', point.rank) : config.rank.replace('{0}', '—');
  return `${point.name}: ${rank}, ${config.score.replace('{0}', formatScore(point.score))}`;
}

function draw(canvas, config, table) {
  const points = pointsOf(table, config);
  if (points.length === 0) {
    return null;
  }
  const color = config.domain ? domainColors[config.domain] : overallColor;
  const many = points.length > 500;
  const url = (code) => config.cityUrl.replace('__city__', encodeURIComponent(code));
  const open = (index) => { window.location.href = url(points[index].code); };
  let firstDraw = true;
  const chart = new window.Chart(canvas, {
    type: 'bubbleMap',
    data: {
      labels: points.map((p) => p.name),
      datasets: [{
        outline: outlineOf(points),
        showOutline: false,
        showGraticule: false,
        clipMap: false,
        data: points,
        backgroundColor: (c) => (points[c.dataIndex]?.highlighted ? highlightColor : `${color}b3`),
        borderColor: (c) => (points[c.dataIndex]?.highlighted ? '#000000' : color),
        borderWidth: (c) => (points[c.dataIndex]?.highlighted ? 2 : 1),
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: 16 },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: () => '',
            label: (item) => describe(points[item.dataIndex], config),
          },
        },
      },
      scales: {
        projection: { axis: 'x', projection: 'mercator', padding: 18 },
        size: { axis: 'x', range: many ? [1.5, 6] : [4, 16], display: false },
      },
      onClick: (_event, elements) => {
        if (elements.length > 0) open(elements[0].index);
      },
      onHover: (event, elements) => {
        event.native.target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
    },
    plugins: [{
      id: 'cityMapDrawn',
      afterRender: () => {
        if (firstDraw) {
          firstDraw = false;
          performance.mark('city-map:drawn');
          canvas.dataset.chartReady = 'true';
        }
      },
    }],
  });
  keyboard(canvas, chart, points, config, open);
  // Download image / CSV / XLSX like every titled chart; the CSV and workbook hold the map's table (tableOf).
  attachChartTools(chart);
  return chart;
}

/** Arrow keys walk the points in rank order (the dataset's order), showing the hover tooltip; Enter opens the city. */
function keyboard(canvas, chart, points, config, open) {
  const readout = document.getElementById(`${canvas.id}-readout`);
  let current = -1;
  const show = (index) => {
    current = index;
    const element = chart.getDatasetMeta(0).data[index];
    const active = [{ datasetIndex: 0, index }];
    chart.setActiveElements(active);
    chart.tooltip.setActiveElements(active, { x: element.x, y: element.y });
    chart.update('none');
    canvas.dataset.focusedCity = points[index].code;
    if (readout) readout.textContent = describe(points[index], config);
  };
  canvas.addEventListener('keydown', (event) => {
    const last = points.length - 1;
    const next = {
      ArrowRight: Math.min(current + 1, last),
      ArrowDown: Math.min(current + 1, last),
      ArrowLeft: Math.max(current - 1, 0),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: last,
    }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      show(next);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      open(current);
    }
  });
  canvas.addEventListener('focus', () => {
    if (current < 0) {
      const highlighted = points.findIndex((p) => p.highlighted);
      show(highlighted >= 0 ? highlighted : 0);
    }
  });
  canvas.addEventListener('blur', () => {
    chart.setActiveElements([]);
    chart.tooltip.setActiveElements([], { x: 0, y: 0 });
    chart.update('none');
  });
}

/**
 * The map's table: in the page, or for a large map (data-rows-src, CityMapView.InlinePoints) its rows fetched from the
 * map embed and written back into the JSON block, which the download controls then read like any other.
 */
async function tableOf(id, table) {
  const block = document.getElementById(`${id}-data`);
  const src = block?.dataset.rowsSrc;
  if (!src) {
    return table;
  }
  const response = await fetch(src, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return null;
  }
  const full = { ...table, rows: await response.json() };
  block.textContent = JSON.stringify(full);
  return full;
}

for (const section of document.querySelectorAll('[data-city-map]')) {
  const id = section.dataset.cityMap;
  const canvas = document.getElementById(id);
  const config = readJson(`${id}-config`);
  const table = readJson(`${id}-data`);
  if (canvas && config && table) {
    whenNear(canvas, async () => {
      const [loaded, full] = await Promise.all([loadLibraries(config), tableOf(id, table).catch(() => null)]);
      if (loaded && full) {
        draw(canvas, config, full);
      }
    });
  }
}
