// The global sensitivity section of /Explore (partial _SensitivityIndices): asks GET /api/sensitivity/{year}/indices
// with the chosen inputs and the page's scoring settings (the ranking above is the nominal one), draws the first-order
// and total indices as bars with their 90% intervals as error bars, and, when the server answers 202, polls the job's
// status URL (Location) with a progress bar until the result is there.

import { readJson, baseOptions, chartOn } from '../shared/charts.js';

const SCORING = ['method', 'aggregation', 'scale', 'missing', 'winsorise', 'preset', 'weights'];
const POLL_MS = 500;

/** Draws each bar's [low, high] interval (dataset.intervals) as a vertical line with caps: no plugin package needed. */
const errorBars = {
  id: 'sobolErrorBars',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const y = chart.scales.y;
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (!dataset.intervals || meta.hidden) {
        return;
      }
      ctx.save();
      ctx.strokeStyle = '#1b1f24';
      ctx.lineWidth = 1.5;
      meta.data.forEach((bar, j) => {
        const [low, high] = dataset.intervals[j] ?? [];
        if (low === null || high === null || low === undefined || high === undefined) {
          return;
        }
        const top = y.getPixelForValue(high);
        const bottom = y.getPixelForValue(low);
        const cap = Math.min(8, bar.width / 4);
        ctx.beginPath();
        ctx.moveTo(bar.x, top);
        ctx.lineTo(bar.x, bottom);
        ctx.moveTo(bar.x - cap, top);
        ctx.lineTo(bar.x + cap, top);
        ctx.moveTo(bar.x - cap, bottom);
        ctx.lineTo(bar.x + cap, bottom);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

function init() {
  const section = document.getElementById('sobol');
  const form = document.getElementById('sobol-form');
  if (!section || !form) {
    return;
  }
  const text = readJson('sobol-text');
  const byId = (id) => document.getElementById(id);
  const status = byId('sobol-status');
  const progressBox = byId('sobol-progress-box');
  const progress = byId('sobol-progress');
  let chart = null;
  let running = null;

  const number = (v) => (v === null || v === undefined ? '—' : v.toLocaleString(document.documentElement.lang, { maximumFractionDigits: 3, minimumFractionDigits: 3 }));
  const range = (low, high) => (low === null || high === null ? '—' : `${number(low)}–${number(high)}`);

  function query() {
    const params = new URLSearchParams();
    const page = new URLSearchParams(window.location.search);
    for (const key of SCORING) {
      if (page.get(key)) {
        params.set(key, page.get(key));
      }
    }
    // The page keeps weights as w.<code>=value (explore.js); the API takes weights=code:value,….
    const weights = [...page.entries()].filter(([k]) => k.startsWith('w.')).map(([k, v]) => `${k.slice(2)}:${v}`);
    if (weights.length > 0 && !params.has('weights')) {
      params.set('weights', weights.join(','));
    }
    const inputs = [...form.querySelectorAll('input[name="inputs"]:checked')].map((i) => i.value);
    params.set('inputs', inputs.join(','));
    for (const name of ['samples', 'spread', 'seed']) {
      const field = form.elements.namedItem(name);
      if (field.value) {
        params.set(name, field.value);
      }
    }
    return { params, inputs };
  }

  function render(result) {
    const rows = result.inputs.map((i) => ({ ...i, label: text.names[i.name] ?? i.name }));
    byId('sobol-rows').replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = r.label;
      tr.append(th);
      for (const value of [number(r.first), range(r.firstLow, r.firstHigh), number(r.total), range(r.totalLow, r.totalHigh)]) {
        const td = document.createElement('td');
        td.className = 'num';
        td.textContent = value;
        tr.append(td);
      }
      return tr;
    }));
    // The downloads (chart-tools.js) take this table: the intervals are not one value per bar.
    byId('sobol-table-data').textContent = JSON.stringify({
      columns: [text.choice, text.first, `${text.first} ${text.interval}`, text.total, `${text.total} ${text.interval}`],
      rows: rows.map((r) => [r.label, r.first, range(r.firstLow, r.firstHigh), r.total, range(r.totalLow, r.totalHigh)]),
    });
    byId('sobol-details').hidden = false;
    byId('sobol-details').open = true;
    byId('sobol-chart-box').hidden = false;
    chart?.destroy();
    const top = Math.max(1, ...rows.flatMap((r) => [r.firstHigh, r.totalHigh, r.first, r.total].filter((v) => v !== null)));
    chart = chartOn('sobol-chart', {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.label),
        datasets: [
          {
            label: text.first,
            data: rows.map((r) => r.first),
            intervals: rows.map((r) => [r.firstLow, r.firstHigh]),
            backgroundColor: '#0072B2',
          },
          {
            label: text.total,
            data: rows.map((r) => r.total),
            intervals: rows.map((r) => [r.totalLow, r.totalHigh]),
            backgroundColor: '#E69F00',
          },
        ],
      },
      options: baseOptions({
        scales: { y: { min: Math.min(0, ...rows.flatMap((r) => [r.firstLow, r.first].filter((v) => v !== null))), max: Math.min(1.2, top) } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const r = rows[ctx.dataIndex];
                return ctx.datasetIndex === 0
                  ? `${text.first}: ${number(r.first)} (${text.interval} ${range(r.firstLow, r.firstHigh)})`
                  : `${text.total}: ${number(r.total)} (${text.interval} ${range(r.totalLow, r.totalHigh)})`;
              },
            },
          },
        },
      }),
      plugins: [errorBars],
    });
    status.textContent = text.done.replace('{0}', result.runs.toLocaleString(document.documentElement.lang)).replace('{1}', String(result.samples));
  }

  async function fetchJson(url, signal) {
    const response = await fetch(url, { credentials: 'same-origin', signal, headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error((body && (body.detail || body.title)) || response.statusText);
    }
    return { response, body };
  }

  function showProgress(job) {
    progressBox.hidden = false;
    progress.value = job.progress;
    status.textContent = job.state === 'queued'
      ? text.queued
      : text.progress.replace('{0}', String(Math.floor(job.progress * 100)));
  }

  async function poll(location, signal) {
    for (;;) {
      const { body: job } = await fetchJson(location, signal);
      if (job.state === 'done') {
        return job.result;
      }
      if (job.state === 'failed') {
        throw new Error(job.error || text.failed);
      }
      showProgress(job);
      await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
    }
  }

  async function run() {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    const { params, inputs } = query();
    if (inputs.length === 0) {
      status.textContent = text.none;
      return;
    }
    const runs = Number(params.get('samples') || 1000) * (inputs.length + 2);
    status.textContent = text.running.replace('{0}', runs.toLocaleString(document.documentElement.lang));
    byId('sobol-run').disabled = true;
    try {
      const { response, body } = await fetchJson(`/api/sensitivity/${encodeURIComponent(section.dataset.year)}/indices?${params}`, controller.signal);
      let result = body;
      if (response.status === 202) {
        showProgress(body);
        result = await poll(response.headers.get('Location'), controller.signal);
        progress.value = 1;
      }
      render(result);
    } catch (error) {
      if (error.name !== 'AbortError') {
        status.textContent = error.message || text.failed;
      }
    } finally {
      // A newer run owns the controls now; only the latest one resets them.
      if (running === controller) {
        progressBox.hidden = true;
        byId('sobol-run').disabled = false;
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
}

init();
