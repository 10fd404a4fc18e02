// Rank intervals beside ranks: a switch rendered by the partial _RankIntervalToggle ([data-rank-intervals]) fetches
// GET /api/sensitivity/{year}?{query} and appends each city's 5th–95th percentile rank range to the rank cell
// ([data-rank-cell]) of its row ([data-city="code"]) in the table named by data-table.
//
//   import { initRankIntervals } from '../explore/rank-intervals.js';
//   const intervals = initRankIntervals();          // after the table is in the page
//   intervals.forEach((c) => c.refresh(newQuery));   // when the table is re-rendered or the weights change

import { getJson } from '../shared/api.js';

export function initRankIntervals(root = document) {
  return [...root.querySelectorAll('[data-rank-intervals]')].map(setup);
}

function setup(el) {
  const checkbox = el.querySelector('input[type="checkbox"]');
  const status = el.querySelector('[data-rank-intervals-status]');
  const text = JSON.parse(el.querySelector('[data-rank-intervals-text]').textContent);
  let query = el.dataset.query || '';
  let data = null;
  el.hidden = false;

  async function load() {
    status.textContent = text.loading;
    // The server's default number of samples (UncertaintyOptions) applies.
    const result = await getJson(`/api/sensitivity/${encodeURIComponent(el.dataset.year)}?${query}`);
    data = new Map(result.cities.map((c) => [c.code, c]));
    status.textContent = '';
  }

  function apply() {
    const table = document.getElementById(el.dataset.table);
    if (!table) {
      return;
    }
    for (const row of table.querySelectorAll('tr[data-city]')) {
      const cell = row.querySelector('[data-rank-cell]');
      if (!cell) {
        continue;
      }
      cell.querySelector('.rank-interval')?.remove();
      const c = checkbox.checked && data ? data.get(row.dataset.city) : null;
      if (c) {
        const span = document.createElement('span');
        span.className = 'rank-interval';
        span.textContent = c.p05 === c.p95 ? ` (${c.p05})` : ` (${c.p05}–${c.p95})`;
        span.title = text.label.replace('{0}', c.p05).replace('{1}', c.p95);
        cell.append(span);
      }
    }
  }

  async function show() {
    try {
      if (checkbox.checked && !data) {
        await load();
      }
      apply();
    } catch {
      status.textContent = text.failed;
    }
  }

  checkbox.addEventListener('change', show);
  return {
    refresh(newQuery) {
      if (newQuery !== undefined && newQuery !== query) {
        query = newQuery;
        data = null;
      }
      show();
    },
  };
}
