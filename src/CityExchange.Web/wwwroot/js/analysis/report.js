// Reproduce the report: the slope chart (#slope-data) of each city's published overall rank (left) against the rank
// of the mean of its published domain scores (right); rank 1 at the top, the cities that move most named, the
// tooltip naming the city with both ranks.
import { readJson, baseOptions, chartWhenNear, neutral, lineEndLabels } from '../shared/charts.js';

const data = readJson('slope-data');
const up = '#009E73';
const down = '#D55E00';

// The cities that move most, named on both sides.
const sideLabels = lineEndLabels({ id: 'slopeLabels', shown: (chart, d) => d.labelled, both: true });

if (data) {
  const datasets = data.cities.map((c) => {
    const colour = c.recomputed < c.published ? up : c.recomputed > c.published ? down : neutral;
    return {
      label: c.name,
      data: [c.published, c.recomputed],
      labelled: c.labelled,
      borderColor: c.labelled ? colour : `${colour}66`,
      pointBackgroundColor: colour,
      borderWidth: c.labelled ? 2.5 : 1,
      pointRadius: 3,
      pointHoverRadius: 6,
    };
  });
  const options = baseOptions({
    layout: { padding: { left: 80, right: 80 } },
    interaction: { mode: 'nearest', intersect: true },
    scales: {
      y: { reverse: true, min: 1, max: Math.max(data.maxRank, 1), title: { display: true, text: data.axis }, ticks: { precision: 0 } },
      x: { offset: true, grid: { display: false } },
    },
  });
  options.plugins = {
    ...options.plugins,
    legend: { display: false },
    tooltip: {
      callbacks: {
        label: (ctx) => `${ctx.dataset.label}: ${data.left} ${ctx.dataset.data[0]} → ${data.right} ${ctx.dataset.data[1]}`,
      },
    },
  };
  chartWhenNear('slope-chart', {
    type: 'line',
    data: { labels: [data.left, data.right], datasets },
    options,
    plugins: [sideLabels],
  });
}
