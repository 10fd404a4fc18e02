// Compare: radar overlay, paired domain bars (A solid, B light, each in its domain's colour) and both rank histories.
import { readJson, baseOptions, chartWhenNear, formatScore, domainColors, neutral, isChinese } from '../shared/charts.js';

const data = readJson('compare-data');

// A year with too many cities to list in the page: the pickers' suggestions come from /api/cities as the reader types.
const choices = document.getElementById('city-choices');
if (choices?.dataset.suggest) {
  const chinese = isChinese();
  let timer = 0;
  let pending = null;
  const suggest = (text) => {
    pending?.abort();
    pending = new AbortController();
    fetch(`${choices.dataset.suggest}&q=${encodeURIComponent(text)}`, { signal: pending.signal, headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { cities: [] }))
      .then(({ cities }) => {
        choices.replaceChildren(...cities.map((c) => {
          const option = document.createElement('option');
          option.value = chinese ? c.nameZh : c.nameEn;
          option.textContent = chinese ? c.nameEn : c.nameZh;
          option.lang = chinese ? 'en' : 'zh-CN';
          return option;
        }));
      })
      .catch(() => { /* aborted by a newer keystroke, or offline: the typed name still works */ });
  };
  for (const input of document.querySelectorAll('input[list="city-choices"]')) {
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const text = input.value.trim();
      if (text) {
        timer = setTimeout(() => suggest(text), 150);
      }
    });
  }
}
const inkA = '#1b1f24';

/** A #rrggbb colour with transparency. */
function alpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

if (data) {
  const codes = data.domains.map((d) => d.code);
  const labels = data.domains.map((d) => d.label);

  // Each city is drawn in one colour (A dark and solid, B grey and dashed), points included, and the legend shows
  // exactly that line: points in the domains' colours belonged to no legend entry.
  const radarOptions = baseOptions({ scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, backdropColor: 'transparent' } } } });
  radarOptions.plugins = {
    ...radarOptions.plugins,
    legend: {
      labels: {
        boxWidth: 28,
        generateLabels: (chart) => chart.data.datasets.map((ds, i) => ({
          text: ds.label,
          fillStyle: ds.backgroundColor,
          strokeStyle: ds.borderColor,
          lineWidth: ds.borderWidth,
          lineDash: ds.borderDash ?? [],
          hidden: !chart.isDatasetVisible(i),
          datasetIndex: i,
        })),
      },
    },
    tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatScore(ctx.parsed.r)}` } },
  };
  chartWhenNear('compare-radar', {
    type: 'radar',
    data: {
      labels,
      datasets: [
        { label: data.a.label, data: data.a.domains, borderColor: inkA, backgroundColor: alpha(inkA, 0.1), borderWidth: 2, pointBackgroundColor: inkA, pointBorderColor: inkA, pointRadius: 4 },
        { label: data.b.label, data: data.b.domains, borderColor: neutral, backgroundColor: alpha(neutral, 0.08), borderWidth: 2, borderDash: [6, 4], pointBackgroundColor: neutral, pointBorderColor: neutral, pointStyle: 'rectRot', pointRadius: 5 },
      ],
    },
    options: radarOptions,
  });

  const barOptions = baseOptions({ scales: { y: { min: 0, max: 100, title: { display: true, text: data.scoreAxis } } } });
  barOptions.plugins = {
    ...barOptions.plugins,
    legend: {
      labels: {
        boxWidth: 14,
        // The bars take their domain's colour; the legend tells the cities apart by solid versus light.
        generateLabels: (chart) => chart.data.datasets.map((ds, i) => ({
          text: ds.label,
          fillStyle: i === 0 ? '#555555' : alpha('#555555', 0.3),
          strokeStyle: '#555555',
          lineWidth: 1,
          hidden: !chart.isDatasetVisible(i),
          datasetIndex: i,
        })),
      },
    },
    tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatScore(ctx.parsed.y)}` } },
  };
  chartWhenNear('compare-bars', {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: data.a.label, data: data.a.domains, backgroundColor: codes.map((c) => domainColors[c]), borderColor: codes.map((c) => domainColors[c]), borderWidth: 2 },
        { label: data.b.label, data: data.b.domains, backgroundColor: codes.map((c) => alpha(domainColors[c], 0.3)), borderColor: codes.map((c) => domainColors[c]), borderWidth: 2 },
      ],
    },
    options: barOptions,
  });

  const historyOptions = baseOptions({
    scales: { y: { reverse: true, min: 1, max: Math.max(data.maxRank, 2), ticks: { precision: 0 }, title: { display: true, text: data.rankAxis } } },
  });
  chartWhenNear('compare-history', {
    type: 'line',
    data: {
      labels: data.years,
      datasets: [
        { label: data.a.label, data: data.a.history, borderColor: inkA, backgroundColor: inkA, pointRadius: 4, borderWidth: 2 },
        { label: data.b.label, data: data.b.history, borderColor: neutral, backgroundColor: neutral, pointRadius: 4, borderWidth: 2, borderDash: [6, 4] },
      ],
    },
    options: historyOptions,
  });
}
