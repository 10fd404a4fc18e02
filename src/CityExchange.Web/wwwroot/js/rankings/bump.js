// Rankings: the bump chart — every city's rank across the stored years (#bump-data from _BumpChart.cshtml), rank 1 at
// the top, the latest year's top ten named at the line ends. Hovering over a line, clicking it or choosing a city in
// #bump-city highlights it and greys the others; the choice stays until another is made.
import { readJson, baseOptions, chartWhenNear, lineEndLabels } from '../shared/charts.js';

const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#7a6a00', '#000000', '#8c564b', '#4b0082'];
const grey = '#d1d5db';
const muted = '#9ca3af';

const data = readJson('bump-data');
const select = document.getElementById('bump-city');

/** A city's colour: the palette for the labelled (top ten) cities, a neutral grey-blue for the rest. */
function colour(city, i) {
  return city.labelled ? palette[i % palette.length] : muted;
}

/** Styles every line for the highlighted city code (null: none, each line its own colour). */
function style(chart, code) {
  chart.data.datasets.forEach((d) => {
    const on = code === null || d.code === code;
    d.borderColor = on ? d.baseColor : grey;
    d.pointBackgroundColor = d.borderColor;
    d.pointBorderColor = d.borderColor;
    d.borderWidth = code !== null && d.code === code ? 4 : (on ? 1.5 : 1);
    d.pointRadius = code !== null && d.code === code ? 4 : 2;
    d.order = d.code === code ? 0 : 1;
  });
  chart.$highlight = code;
  chart.update('none');
}

/** Names the labelled cities (and the highlighted one) beside their last point. */
const endLabels = lineEndLabels({
  id: 'bumpEndLabels',
  // On a narrow chart (a phone) ten names overlap at the top: the top five then, and the highlighted city.
  shown: (chart, d) => (d.labelled && (chart.width >= 480 || d.position < 5)) || d.code === chart.$highlight,
  colour: (chart, d) => (chart.$highlight && d.code !== chart.$highlight ? muted : '#111827'),
});

if (data && select) {
  const selected = () => select.value || null;
  const datasets = data.cities.map((city, i) => ({
    label: city.name,
    code: city.code,
    labelled: city.labelled,
    position: i,
    data: city.ranks,
    baseColor: colour(city, i),
    borderColor: colour(city, i),
    pointBackgroundColor: colour(city, i),
    borderWidth: 1.5,
    pointRadius: 2,
    pointHoverRadius: 5,
    spanGaps: false,
    tension: 0,
  }));
  const options = baseOptions({
    layout: { padding: { right: 96 } },
    interaction: { mode: 'nearest', intersect: false },
    scales: {
      y: { reverse: true, min: 1, max: Math.max(data.maxRank, 1), title: { display: true, text: data.axis }, ticks: { precision: 0 } },
      x: { offset: false },
    },
    onHover: (event, elements, chart) => {
      const code = elements.length > 0 ? chart.data.datasets[elements[0].datasetIndex].code : selected();
      if (code !== chart.$highlight) {
        style(chart, code);
      }
    },
    onClick: (event, elements, chart) => {
      if (elements.length > 0) {
        select.value = chart.data.datasets[elements[0].datasetIndex].code;
        style(chart, selected());
      }
    },
  });
  options.plugins = {
    ...options.plugins,
    legend: { display: false },
    tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y}` } },
  };
  chartWhenNear('bump-chart', {
    type: 'line',
    data: { labels: data.years, datasets },
    options,
    plugins: [endLabels],
  }).then((chart) => {
    if (!chart) {
      return;
    }
    chart.canvas.addEventListener('mouseleave', () => style(chart, selected()));
    select.addEventListener('change', () => style(chart, selected()));
    if (selected()) {
      style(chart, selected());
    }
  });
}
