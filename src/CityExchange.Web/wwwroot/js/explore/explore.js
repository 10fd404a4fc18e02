// /Explore: re-ranks at once when a weight or a method changes (GET /api/rankings/{year}?…), keeps the whole state
// in the URL (history.replaceState) and runs the rank-uncertainty analysis (GET /api/sensitivity/{year}…).
// Without this script the page is a plain GET form that the server renders in the same state.

import { readJson, isChinese, baseOptions, chartOn, lang } from '../shared/charts.js';
import { getJson } from '../shared/api.js';
import { initRankIntervals } from './rank-intervals.js';
import { cityLink } from '../shared/city-links.js';

const form = document.getElementById('explore-form');
if (form) {
  init();
}

function init() {
  const state = readJson('explore-state');
  const text = readJson('explore-text');
  const year = state.year;
  const published = state.published;
  let base = { ...state.baseWeights };
  const equal = Object.fromEntries(Object.keys(base).map((k) => [k, ['social', 'culture', 'trade', 'politics'].includes(k) ? 0.25 : 1]));
  const byId = (id) => document.getElementById(id);
  const status = byId('explore-status');
  const rows = byId('explore-rows');
  const intervals = initRankIntervals();
  let controller = null;
  let defaults = null;
  let chart = null;

  byId('explore-update').hidden = true;
  byId('explore-apply-preset').hidden = true;

  for (const range of form.querySelectorAll('input[type="range"][data-pair]')) {
    const number = byId(range.dataset.pair);
    range.addEventListener('input', () => {
      number.value = range.value;
      changed();
    });
    number.addEventListener('input', () => {
      const v = Number(number.value);
      if (number.value !== '' && Number.isFinite(v)) {
        range.value = String(Math.min(v, Number(range.max)));
      }
      changed();
    });
  }

  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target.id === 'explore-year') {
      // Another year is another page (published years have no indicator options): load it with the same settings.
      updateUrl();
      const query = new URLSearchParams(window.location.search);
      query.set('year', target.value);
      window.location.assign(`${window.location.pathname}?${query}`);
    } else if (target.id === 'explore-preset') {
      applyPreset(target.value);
    } else if (target.closest('.explore-uncertainty')) {
      updateUrl();
    } else if (!target.matches('[data-weight], input[type="range"]')) {
      changed();
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (event.submitter && event.submitter.id === 'mc-run') {
      runUncertainty();
    } else {
      changed();
    }
  });

  byId('explore-reset').addEventListener('click', (event) => {
    event.preventDefault();
    base = { ...equal };
    setWeights(equal);
    setValue('explore-preset', 'equal');
    setValue('explore-method', 'minmax');
    setValue('explore-scale', 'year');
    setValue('explore-aggregation', 'arithmetic');
    setValue('explore-missing', 'available');
    setValue('explore-winsorise', 'false');
    setValue('explore-winmax', '5');
    setValue('explore-coverage', '');
    changed();
  });

  function setValue(id, value) {
    byId(id).value = value;
  }

  function setWeights(weights) {
    for (const input of form.querySelectorAll('input[data-weight]')) {
      const w = weights[input.dataset.weight];
      if (w !== undefined) {
        input.value = String(w);
        const range = form.querySelector(`input[type="range"][data-pair="${input.id}"]`);
        if (range) {
          range.value = String(Math.min(w, Number(range.max)));
        }
      }
    }
  }

  async function applyPreset(preset) {
    status.textContent = text.loading;
    try {
      const weights = await getJson(`/api/weights/${year}?preset=${encodeURIComponent(preset)}`);
      const all = { ...weights.domains, ...weights.indicators };
      base = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
      setWeights(base);
      changed();
    } catch (error) {
      status.textContent = error.message;
    }
  }

  /** Non-default settings; weights that differ from the preset's as [key, value] pairs. */
  function settings() {
    const params = new URLSearchParams();
    const pick = (id, name, fallback) => {
      const el = byId(id);
      if (!el.disabled && el.value !== fallback) {
        params.set(name, el.value);
      }
    };
    pick('explore-method', 'method', 'minmax');
    pick('explore-scale', 'scale', 'year');
    pick('explore-aggregation', 'aggregation', 'arithmetic');
    pick('explore-missing', 'missing', 'available');
    pick('explore-winsorise', 'winsorise', 'false');
    if (params.get('winsorise') === 'conditional') {
      pick('explore-winmax', 'winmax', '5');
    }
    const coverage = byId('explore-coverage');
    if (!coverage.disabled && coverage.value !== '' && Number(coverage.value) !== 0) {
      params.set('minCoverage', coverage.value);
    }
    pick('explore-preset', 'preset', 'equal');
    const weights = [];
    for (const input of form.querySelectorAll('input[data-weight]')) {
      const v = Number(input.value);
      if (!input.disabled && input.value !== '' && Number.isFinite(v) && Math.abs(v - base[input.dataset.weight]) > 1e-9) {
        weights.push([input.dataset.weight, v]);
      }
    }
    return { params, weights };
  }

  function apiQuery() {
    const { params, weights } = settings();
    if (weights.length > 0) {
      params.set('weights', weights.map(([k, v]) => `${k}:${v}`).join(','));
    }
    return params.toString();
  }

  function updateUrl() {
    const { params, weights } = settings();
    const query = new URLSearchParams({ year: String(year) });
    for (const [k, v] of params) {
      query.set(k, v);
    }
    for (const [k, v] of weights) {
      query.set(`w.${k}`, String(v));
    }
    // Only what differs from the server's defaults (each field's data-default) goes into the URL.
    for (const id of ['mc-samples', 'mc-seed', 'mc-sampling', 'mc-min', 'mc-max']) {
      const field = byId(id);
      if (field.value !== field.dataset.default) {
        query.set(field.name, field.value);
      }
    }
    if (byId('mc-vary').checked && !byId('mc-vary').disabled) {
      query.set('vary', 'true');
    }
    const current = new URLSearchParams(window.location.search);
    if (current.get('culture')) {
      query.set('culture', current.get('culture'));
    }
    history.replaceState(null, '', `${window.location.pathname}?${query}`);
  }

  function updateShares() {
    const domains = [...form.querySelectorAll('input[data-kind="domain"]')];
    const total = domains.reduce((sum, input) => sum + (Number(input.value) || 0), 0);
    const format = new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 0 });
    for (const input of domains) {
      const output = form.querySelector(`[data-share="${input.dataset.weight}"]`);
      output.textContent = total > 0 ? format.format((Number(input.value) || 0) / total) : '—';
    }
  }

  async function changed() {
    updateShares();
    updateUrl();
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    status.textContent = text.loading;
    try {
      const query = apiQuery();
      defaults ??= await getJson(`/api/rankings/${year}`, signal);
      const ranking = await getJson(`/api/rankings/${year}?${query}`, signal);
      render(ranking, defaults);
      renderWarnings(ranking.warnings);
      intervals.forEach((c) => c.refresh(query));
      status.textContent = text.updated;
    } catch (error) {
      if (error.name !== 'AbortError') {
        status.textContent = error.message;
      }
    }
  }

  function cell(content, className) {
    const td = document.createElement('td');
    if (className) {
      td.className = className;
    }
    if (content instanceof Node) {
      td.append(content);
    } else {
      td.textContent = content;
    }
    return td;
  }

  function changeBadge(change) {
    const span = document.createElement('span');
    if (change === null || change === 0) {
      span.className = 'muted';
      const dash = document.createElement('span');
      dash.setAttribute('aria-hidden', 'true');
      dash.textContent = '–';
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = text.noChange;
      span.append(dash, hidden);
      return span;
    }
    span.className = change > 0 ? 'up' : 'down';
    const arrow = document.createElement('span');
    arrow.setAttribute('aria-hidden', 'true');
    arrow.textContent = change > 0 ? '▲' : '▼';
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` ${change > 0 ? text.placesUp : text.placesDown}`;
    span.append(arrow, String(Math.abs(change)), hidden);
    return span;
  }

  function render(ranking, reference) {
    const defaultRank = new Map(reference.cities.map((c) => [c.code, c.rank]));
    const zh = isChinese();
    const fragment = document.createDocumentFragment();
    for (const c of ranking.cities) {
      const tr = document.createElement('tr');
      tr.dataset.city = c.code;
      const rankCell = cell(c.rank === null ? '—' : String(c.rank), 'num');
      rankCell.setAttribute('data-rank-cell', '');
      const before = defaultRank.get(c.code);
      const change = c.rank !== null && before !== undefined && before !== null ? before - c.rank : null;
      const link = cityLink(c.code, zh ? c.nameZh : c.nameEn, year, method());
      tr.append(rankCell, cell(changeBadge(change), 'num'), cell(link), cell(formatNumber(c.score), 'num'));
      for (const d of ['social', 'culture', 'trade', 'politics']) {
        tr.append(cell(formatNumber(c.domains[d].score), 'num'));
      }
      fragment.append(tr);
    }
    rows.replaceChildren(fragment);
  }

  /** The normalisation method the ranking is shown in (a published year has none to choose). */
  function method() {
    const select = byId('explore-method');
    return select.disabled ? 'minmax' : select.value;
  }

  function formatNumber(value) {
    return value === null || value === undefined
      ? '—'
      : new Intl.NumberFormat(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }

  function renderWarnings(warnings) {
    const list = byId('explore-warnings');
    const details = list.closest('details');
    list.replaceChildren(...warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = w.message;
      return li;
    }));
    details.hidden = warnings.length === 0;
  }

  function cityNames() {
    return new Map([...rows.querySelectorAll('tr[data-city]')].map((tr) => [tr.dataset.city, tr.querySelector('a')?.textContent ?? tr.dataset.city]));
  }

  function valueOrDefault(id) {
    const field = byId(id);
    return field.value || field.dataset.default;
  }

  async function runUncertainty() {
    updateUrl();
    const mcStatus = byId('mc-status');
    const query = apiQuery();
    const params = new URLSearchParams(query);
    params.set('samples', valueOrDefault('mc-samples'));
    params.set('seed', valueOrDefault('mc-seed'));
    params.set('sampling', byId('mc-sampling').value);
    if (byId('mc-vary').checked && !byId('mc-vary').disabled) {
      params.set('vary', 'true');
    }
    const bounds = new URLSearchParams(query);
    bounds.set('min', valueOrDefault('mc-min'));
    bounds.set('max', valueOrDefault('mc-max'));
    mcStatus.textContent = text.running.replace('{0}', params.get('samples'));
    try {
      const [mc, box] = await Promise.all([
        getJson(`/api/sensitivity/${year}?${params}`),
        getJson(`/api/sensitivity/${year}/bounds?${bounds}`),
      ]);
      const names = cityNames();
      const range = new Map(box.cities.map((c) => [c.code, c]));
      const result = mc.cities.map((c) => ({
        ...c,
        name: names.get(c.code) ?? c.code,
        best: range.get(c.code)?.best ?? null,
        worst: range.get(c.code)?.worst ?? null,
      }));
      renderUncertainty(result);
      mcStatus.textContent = `${text.done.replace('{0}', String(mc.samples))} ${text.points.replace('{0}', box.points).replace('{1}', box.min).replace('{2}', box.max)}`;
    } catch (error) {
      mcStatus.textContent = error.message;
    }
  }

  function renderUncertainty(result) {
    const tbody = byId('mc-rows');
    tbody.replaceChildren(...result.map((r) => {
      const tr = document.createElement('tr');
      tr.append(
        cell(String(r.rank), 'num'),
        cell(cityLink(r.code, r.name, year, method())),
        cell(String(r.median), 'num'),
        cell(`${r.p05}–${r.p95}`, 'num'),
        cell(r.best === null ? '—' : String(r.best), 'num'),
        cell(r.worst === null ? '—' : String(r.worst), 'num'),
      );
      return tr;
    }));
    tbody.closest('details').open = true;
    drawChart(result);
  }

  function drawChart(result) {
    const box = byId('mc-chart-box');
    box.hidden = false;
    chart?.destroy();
    const n = result.length;
    chart = chartOn('mc-chart', {
      type: 'bar',
      data: {
        labels: result.map((r) => r.name),
        datasets: [
          {
            label: text.interval,
            data: result.map((r) => [r.p05 - 0.4, r.p95 + 0.4]),
            backgroundColor: 'rgba(11, 92, 173, 0.35)',
            borderColor: '#0b5cad',
            borderWidth: 1,
          },
          {
            type: 'line',
            indexAxis: 'y',
            label: text.median,
            data: result.map((r) => r.median),
            showLine: false,
            pointStyle: 'rectRot',
            pointRadius: 4,
            borderColor: '#1b1f24',
            backgroundColor: '#1b1f24',
          },
        ],
      },
      options: baseOptions({
        indexAxis: 'y',
        scales: {
          x: { min: 0.5, max: n + 0.5, title: { display: true, text: text.rank } },
          y: { ticks: { autoSkip: false, font: { size: 11 } } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) => (ctx.datasetIndex === 0
                ? `${text.interval}: ${result[ctx.dataIndex].p05}–${result[ctx.dataIndex].p95}`
                : `${text.median}: ${result[ctx.dataIndex].median}`),
            },
          },
        },
      }),
    });
  }

  if (state.uncertainty && state.uncertainty.length > 0) {
    drawChart(state.uncertainty);
  }
}
