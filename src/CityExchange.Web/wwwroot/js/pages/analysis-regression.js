// Regression page: the cities as points, the fitted line and its 95 % confidence band for the mean.
import { baseOptions, chartOn, formatScore, neutral, readJson } from '../shared/charts.js';

const data = readJson('regression-data');
if (data) {
  const number = new Intl.NumberFormat(document.documentElement.lang || 'zh-CN', { maximumFractionDigits: 1 });
  const band = (values) => data.bandX.map((x, i) => ({ x, y: values[i] }));
  chartOn('regression-chart', {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: data.pointsLabel,
          data: data.points.map((p) => ({ x: p.x, y: p.y, label: p.label })),
          backgroundColor: '#0b5cad',
          pointRadius: 4,
          pointHoverRadius: 6,
          order: 1,
        },
        { label: data.fitLabel, data: band(data.fitted), type: 'line', borderColor: '#1b1f24', borderWidth: 2, pointRadius: 0, order: 0 },
        { label: data.bandLabel, data: band(data.upper), type: 'line', borderColor: 'transparent', backgroundColor: 'rgba(107,114,128,0.22)', pointRadius: 0, fill: '+1', order: 2 },
        { label: '', data: band(data.lower), type: 'line', borderColor: 'transparent', pointRadius: 0, fill: false, order: 2 },
      ],
    },
    options: baseOptions({
      scales: {
        x: { type: 'linear', title: { display: true, text: data.xLabel }, ticks: { callback: (v) => number.format(v) } },
        y: { title: { display: true, text: data.yLabel } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14, color: neutral, filter: (item) => item.text !== '' } },
        tooltip: {
          filter: (item) => item.datasetIndex === 0,
          callbacks: { label: (ctx) => `${ctx.raw.label}: ${number.format(ctx.parsed.x)}, ${formatScore(ctx.parsed.y)}` },
        },
      },
    }),
  });
}
