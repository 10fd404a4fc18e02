// "What would it take" for a city (partial _Targets, [data-targets]): GET /api/targets/{year}?city=&rank= and fills the table.

import { lang } from '../shared/charts.js';
import { getJson } from '../shared/api.js';

export function initTargets(root = document) {
  root.querySelectorAll('[data-targets]').forEach(setup);
}

function setup(section) {
  const form = section.querySelector('[data-targets-form]');
  const text = JSON.parse(section.querySelector('[data-targets-text]').textContent);
  const labels = new Map(text.indicators.map((i) => [i.code, i]));
  const { city, year, query } = section.dataset;
  const error = section.querySelector('[data-targets-error]');
  const result = section.querySelector('[data-targets-result]');
  const rows = section.querySelector('[data-targets-rows]');
  const caption = section.querySelector('[data-targets-caption]');
  const none = section.querySelector('[data-targets-none]');
  const format = (v) => (v === null || v === undefined ? '—' : new Intl.NumberFormat(lang(), { maximumFractionDigits: 2 }).format(v));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const rank = form.querySelector('input[name="rank"]').value;
    const params = new URLSearchParams(query);
    params.set('city', city);
    params.set('rank', rank);
    error.hidden = true;
    none.hidden = true;
    caption.textContent = text.working;
    try {
      const targets = await getJson(`/api/targets/${encodeURIComponent(year)}?${params}`);
      rows.replaceChildren(...targets.indicators.map((t) => {
        const label = labels.get(t.indicator) ?? { name: t.indicator, unit: '' };
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = label.name;
        const change = t.value === null || t.current === null ? null : t.value - t.current;
        tr.append(th, td(format(t.current), 'num'), td(format(t.value), 'num'),
          td(change === null ? '—' : `${change > 0 ? '+' : ''}${format(change)}`, 'num'), td(label.unit));
        return tr;
      }));
      caption.textContent = text.caption.replace('{0}', targets.rank);
      result.hidden = false;
      // No indicator alone reaches the rank: say so in words, not only with a column of dashes.
      none.textContent = targets.anyIndicatorSuffices ? '' : text.none.replace('{0}', text.city).replace('{1}', targets.rank);
      none.hidden = targets.anyIndicatorSuffices;
      const url = new URLSearchParams(window.location.search);
      url.set('rank', rank);
      history.replaceState(null, '', `${window.location.pathname}?${url}`);
    } catch (e) {
      caption.textContent = '';
      error.textContent = e.message || text.failed;
      error.hidden = false;
    }
  });
}

function td(content, className) {
  const cell = document.createElement('td');
  if (className) {
    cell.className = className;
  }
  cell.textContent = content;
  return cell;
}
