// Shared by the analysis page modules: grouped bar charts from the JSON the server renders.
import { baseOptions, chartOn, domainColors, formatScore, neutral } from '../shared/charts.js';

/**
 * Draws a grouped bar chart: data = { canvas, labels, series: [{ key, label, values }] }.
 * A series whose key is a domain code keeps that domain's colour.
 */
export function groupedBars(data) {
  if (!data) {
    return null;
  }
  return chartOn(data.canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: domainColors[s.key] || neutral,
        borderWidth: 0,
      })),
    },
    options: baseOptions({
      scales: { y: { beginAtZero: true, suggestedMax: 100 } },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatScore(ctx.parsed.y)}` } },
      },
    }),
  });
}
