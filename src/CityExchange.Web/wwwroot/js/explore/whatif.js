// What-if for a city (partial _WhatIf, [data-whatif]): posts the values tried to POST /api/rankings/{year}/whatif,
// compares with GET /api/rankings/{year} under the same settings and shows the new scores, rank and whom the city passes.

import { isChinese, lang } from '../shared/charts.js';
import { getJson, postJson } from '../shared/api.js';
import { cityLink } from '../shared/city-links.js';

const Tolerance = 1e-9;

export function initWhatIf(root = document) {
  root.querySelectorAll('[data-whatif]').forEach(setup);
}

function setup(section) {
  const form = section.querySelector('[data-whatif-form]');
  if (!form) {
    return;
  }
  const text = JSON.parse(section.querySelector('[data-whatif-text]').textContent);
  const { city, year, query } = section.dataset;
  const after = section.querySelector('[data-whatif-after]');
  const passes = section.querySelector('[data-whatif-passes]');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const inputs = [...form.querySelectorAll('input[data-indicator]')].filter((i) => i.value.trim() !== '');
    const body = { overrides: inputs.map((i) => ({ city, indicator: i.dataset.indicator, value: Number(i.value) })) };
    for (const [key, value] of new URLSearchParams(query)) {
      body[key] = value;
    }
    try {
      const [before, tried] = await Promise.all([
        getJson(`/api/rankings/${encodeURIComponent(year)}?${query}`),
        postJson(`/api/rankings/${encodeURIComponent(year)}/whatif`, body),
      ]);
      render(before, tried);
      remember(inputs);
    } catch (error) {
      passes.textContent = error.message || text.failed;
    }
  });

  function remember(inputs) {
    const params = new URLSearchParams(window.location.search);
    for (const key of [...params.keys()]) {
      if (key.startsWith('v.')) {
        params.delete(key);
      }
    }
    for (const input of inputs) {
      params.set(`v.${input.dataset.indicator}`, input.value);
    }
    history.replaceState(null, '', `${window.location.pathname}?${params}`);
  }

  function render(before, tried) {
    const b = before.cities.find((c) => c.code === city);
    const a = tried.cities.find((c) => c.code === city);
    if (!a || !b) {
      passes.textContent = text.failed;
      return;
    }
    const format = (v) => (v === null ? '—' : new Intl.NumberFormat(lang(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v));
    const cells = after.querySelectorAll('td');
    const values = [a.rank === null ? '—' : String(a.rank), format(a.score),
      ...['social', 'culture', 'trade', 'politics'].map((d) => format(a.domains[d].score))];
    values.forEach((v, i) => {
      if (cells[i]) {
        cells[i].textContent = v;
      }
    });

    const name = (c) => (isChinese() ? c.nameZh : c.nameEn);
    const method = new URLSearchParams(query).get('method');
    const afterScore = new Map(tried.cities.map((c) => [c.code, c.score]));
    const passed = [];
    const passedBy = [];
    for (const other of before.cities) {
      const now = afterScore.get(other.code);
      if (other.code === city || other.score === null || now === null || now === undefined || b.score === null || a.score === null) {
        continue;
      }
      if (other.score > b.score + Tolerance && a.score > now + Tolerance) {
        passed.push(other);
      } else if (b.score > other.score + Tolerance && now > a.score + Tolerance) {
        passedBy.push(other);
      }
    }
    const lines = [];
    if (passed.length > 0) {
      lines.push(...sentence(text.passes, passed), ' ');
    }
    if (passedBy.length > 0) {
      lines.push(...sentence(text.passedBy, passedBy));
    }
    passes.replaceChildren(...(lines.length > 0 ? lines : [text.none.replace('{0}', text.city)]));

    /** "{0} would pass: {1}." with the city's name for {0} and links to the cities' profiles for {1}. */
    function sentence(template, cities) {
      const [before, after = ''] = template.replace('{0}', text.city).split('{1}');
      const nodes = [before];
      cities.forEach((c, i) => {
        if (i > 0) {
          nodes.push(text.separator);
        }
        nodes.push(cityLink(c.code, name(c), year, method));
      });
      nodes.push(after);
      return nodes;
    }
  }
}
