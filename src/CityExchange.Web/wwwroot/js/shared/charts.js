// Shared helpers for the page modules. Chart.js (window.Chart) is either a classic script loaded before any module or,
// on pages that render #chartjs-src (_ChartJsSource.cshtml), loaded by chartWhenNear when a chart comes into view.
// Page data never comes from inline script: each page renders <script type="application/json" id="…"> blocks.

import { attachChartTools } from './chart-tools.js';

/** One colour per domain, the same everywhere (Okabe–Ito palette: distinguishable with colour-blindness). */
export const domainColors = Object.freeze({
  social: '#0072B2',
  culture: '#E69F00',
  trade: '#009E73',
  politics: '#CC79A7',
});

export const domainOrder = Object.freeze(['social', 'culture', 'trade', 'politics']);

/** A neutral colour for "other" series (median city, reference lines). */
export const neutral = '#6b7280';

/** Parses the JSON block with the given id; null when absent. */
export function readJson(id) {
  const el = document.getElementById(id);
  return el ? JSON.parse(el.textContent) : null;
}

export function lang() {
  return document.documentElement.lang || 'zh-CN';
}

export function isChinese() {
  return lang().startsWith('zh');
}

/** A 0–100 score to one decimal in the page's language; a dash when missing. */
export function formatScore(value) {
  return value === null || value === undefined || Number.isNaN(value)
    ? '—'
    : new Intl.NumberFormat(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/**
 * Common Chart.js options: readable fonts and no animation. Charts are drawn once, at load: an animation redraws every
 * chart for each of its frames, which was most of the main-thread time Lighthouse counted as blocking (docs/performance.md);
 * it also honours reduced motion for everyone.
 */
export function baseOptions(extra = {}) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { labels: { boxWidth: 14 } } },
    ...extra,
  };
}

/** Creates a chart on the canvas with the given id, if both it and Chart.js are there; returns the chart or null. */
export function chartOn(id, config) {
  const canvas = document.getElementById(id);
  if (!canvas || !window.Chart) {
    return null;
  }
  const chart = new window.Chart(canvas, config);
  canvas.dataset.chartReady = 'true';
  // Download image / CSV / XLSX under every chart with data-chart-title (chart-tools.js).
  attachChartTools(chart);
  return chart;
}

let chartJsLoading = null;

/**
 * Loads Chart.js once, from the versioned URL in #chartjs-src, and resolves to window.Chart (null if it cannot load).
 * A script element from this origin: the strict CSP (script-src 'self') allows it.
 */
export function loadChartJs() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  if (!chartJsLoading) {
    const src = readJson('chartjs-src');
    chartJsLoading = !src
      ? Promise.resolve(null)
      : new Promise((resolve) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => resolve(window.Chart ?? null);
        script.onerror = () => resolve(null);
        document.head.append(script);
      });
  }
  return chartJsLoading;
}

/**
 * Draws a chart once its canvas is within 300 px of the viewport (at once when it already is): Chart.js, about
 * 200 KB of script, is fetched, run and drawn only for charts a reader reaches, which keeps it off the first load's
 * main thread on pages whose charts sit below tables (docs/performance.md). Printing asks for every chart too (drawn
 * as soon as Chart.js has loaded; the city profile's print button loads it first).
 * Resolves to the chart, or null when there is no canvas or no Chart.js.
 */
export function chartWhenNear(id, config) {
  const canvas = document.getElementById(id);
  if (!canvas) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    whenNear(canvas, () => loadChartJs().then(() => resolve(chartOn(id, config))));
  });
}

/**
 * A Chart.js plugin naming line datasets at their ends: beside the last drawn point (the bump chart) or, with
 * `both`, also before the first (the slope chart). `shown(chart, dataset)` says which datasets get a name,
 * `colour(chart, dataset)` its colour (default near-black).
 */
export function lineEndLabels({ id, shown, colour = () => '#111827', both = false }) {
  return {
    id,
    afterDatasetsDraw(chart) {
      const g = chart.ctx;
      g.save();
      g.font = '11px sans-serif';
      g.textBaseline = 'middle';
      chart.data.datasets.forEach((d, i) => {
        if (!shown(chart, d)) {
          return;
        }
        const points = chart.getDatasetMeta(i).data;
        const drawn = [...d.data.keys()].filter((k) => d.data[k] !== null && points[k]);
        if (drawn.length === 0) {
          return;
        }
        g.fillStyle = colour(chart, d);
        const last = points[drawn[drawn.length - 1]];
        g.textAlign = 'left';
        g.fillText(d.label, last.x + (both ? 8 : 6), last.y);
        if (both) {
          const first = points[drawn[0]];
          g.textAlign = 'right';
          g.fillText(d.label, first.x - 8, first.y);
        }
      });
      g.restore();
    },
  };
}

/**
 * Runs `run` once, when `element` comes within 300 px of the viewport (at once without IntersectionObserver), or
 * before printing: chartWhenNear's trigger, and the map's and the waterfall's, which draw through their own code.
 */
export function whenNear(element, run) {
  if (!('IntersectionObserver' in window)) {
    run();
    return;
  }
  let started = false;
  const observer = new IntersectionObserver((entries) => {
    if (!started && entries.some((e) => e.isIntersecting)) {
      started = true;
      observer.disconnect();
      run();
    }
  }, { rootMargin: '300px 0px' });
  observer.observe(element);
  window.addEventListener('beforeprint', () => {
    if (!started) {
      started = true;
      observer.disconnect();
      run();
    }
  }, { once: true });
}
