// Rankings: horizontal bars of the visible rows, stacked by domain contribution (or one domain's score).
import { readJson, baseOptions, chartWhenNear, formatScore, domainColors } from '../shared/charts.js';
import { initRankIntervals } from '../explore/rank-intervals.js';

// The optional Monte Carlo interval beside each rank (hidden without script).
initRankIntervals();

const data = readJson('rankings-data');
const box = document.getElementById('rankings-chart-box');
if (data && box) {
  box.style.height = `${data.labels.length * 22 + 90}px`;
  const options = baseOptions({
    indexAxis: 'y',
    scales: {
      x: { stacked: !data.domainMode, min: 0, max: 100, position: 'top', title: { display: true, text: data.axis } },
      y: { stacked: !data.domainMode, ticks: { autoSkip: false, font: { size: 11 } }, grid: { display: false } },
    },
  });
  options.plugins = {
    ...options.plugins,
    legend: { display: !data.domainMode, position: 'bottom', labels: { boxWidth: 14 } },
    tooltip: {
      mode: 'index',
      intersect: false,
      callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatScore(ctx.parsed.x)}` },
    },
  };
  chartWhenNear('rankings-chart', {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map((d) => ({
        label: d.label,
        data: d.data,
        backgroundColor: domainColors[d.code],
        borderColor: '#ffffff',
        borderWidth: data.domainMode ? 0 : 1,
      })),
    },
    options,
  });
}
