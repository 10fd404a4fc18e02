// Overview: a bar chart of every city's overall score (data from #overview-data).
import { readJson, baseOptions, chartWhenNear, formatScore } from '../shared/charts.js';

const data = readJson('overview-data');
if (data) {
  // Narrow screens get horizontal bars, one readable line per city.
  const narrow = window.matchMedia('(max-width: 40rem)').matches;
  const box = document.getElementById('overview-chart-box');
  if (narrow && box) {
    box.style.height = `${data.cities.length * 18 + 60}px`;
  }
  const valueAxis = { min: 0, max: 100, title: { display: true, text: data.label } };
  const cityAxis = { ticks: { autoSkip: false, font: { size: 11 }, ...(narrow ? {} : { maxRotation: 90, minRotation: 60 }) }, grid: { display: false } };
  const options = baseOptions({
    indexAxis: narrow ? 'y' : 'x',
    scales: narrow ? { x: valueAxis, y: cityAxis } : { x: cityAxis, y: valueAxis },
  });
  options.plugins = {
    ...options.plugins,
    legend: { display: false },
    tooltip: { callbacks: { label: (ctx) => `${data.label}: ${formatScore(narrow ? ctx.parsed.x : ctx.parsed.y)}` } },
  };
  chartWhenNear('overview-chart', {
    type: 'bar',
    data: {
      labels: data.cities.map((c) => c.name),
      datasets: [{ label: data.label, data: data.cities.map((c) => c.score), backgroundColor: '#0b5cad' }],
    },
    options,
  });
}
