// City profile: radar of the four domains against the median city, rank history, and a print button.
import { readJson, baseOptions, chartWhenNear, loadChartJs, formatScore, domainColors, neutral } from '../shared/charts.js';
import { initWhatIf } from '../explore/whatif.js';
import { initTargets } from '../explore/targets.js';
import { initRankChange } from '../explore/rank-change.js';

// What-if, targets and the score-change waterfall (the same sections as /Explore/City/{code}).
initWhatIf();
initTargets();
initRankChange();

const ink = '#0b5cad';

const radar = readJson('city-radar-data');
if (radar) {
  const [city, median] = radar.series;
  const options = baseOptions({ scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, backdropColor: 'transparent' } } } });
  options.plugins = {
    ...options.plugins,
    tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatScore(ctx.parsed.r)}` } },
  };
  chartWhenNear('city-radar', {
    type: 'radar',
    data: {
      labels: radar.labels,
      datasets: [
        {
          label: city.label,
          data: city.data,
          borderColor: ink,
          backgroundColor: 'rgba(11, 92, 173, 0.15)',
          pointBackgroundColor: radar.codes.map((c) => domainColors[c]),
          pointRadius: 5,
          borderWidth: 2,
        },
        {
          label: median.label,
          data: median.data,
          borderColor: neutral,
          backgroundColor: 'rgba(107, 114, 128, 0.08)',
          borderDash: [6, 4],
          pointRadius: 3,
          borderWidth: 2,
        },
      ],
    },
    options,
  });
}

const history = readJson('city-history-data');
if (history) {
  const options = baseOptions({
    scales: {
      y: { reverse: true, min: 1, max: Math.max(history.maxRank, 2), ticks: { precision: 0 }, title: { display: true, text: history.axis } },
    },
  });
  options.plugins = { ...options.plugins, legend: { display: false } };
  chartWhenNear('city-history', {
    type: 'line',
    data: {
      labels: history.years,
      datasets: history.series.map((s) => ({ label: s.label, data: s.data, borderColor: ink, backgroundColor: ink, pointRadius: 4, spanGaps: false })),
    },
    options,
  });
}

const print = document.getElementById('print-report');
// Charts are drawn when scrolled near (Chart.js is not on the first load's main thread): before printing, draw them all.
if (print) {
  print.hidden = false;
  print.addEventListener('click', async () => {
    await loadChartJs();
    window.dispatchEvent(new Event('beforeprint'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    window.print();
  });
}

// Charts are drawn for the screen; redraw them at the paper's size before printing.
window.addEventListener('beforeprint', () => {
  for (const chart of Object.values(window.Chart?.instances ?? {})) {
    chart.resize();
  }
});
