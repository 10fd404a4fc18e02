// Regression page: the cities as points, the fitted line and its 95 % confidence band for the mean. Hovering a point
// names its city; focusing a row of the data table (keyboard) shows that city's point and tooltip on the chart.
import { baseOptions, chartOn, formatScore, neutral, readJson } from '../shared/charts.js';

const data = readJson('regression-data');
if (data) {
  const number = new Intl.NumberFormat(document.documentElement.lang || 'zh-CN', { maximumFractionDigits: 1 });
  const band = (values) => data.bandX.map((x, i) => ({ x, y: values[i] }));
  const chart = chartOn('regression-chart', {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: data.pointsLabel,
          data: data.points.map((p) => ({ x: p.x, y: p.y, label: p.label })),
          backgroundColor: '#0b5cad',
          pointRadius: 4,
          pointHoverRadius: 7,
          order: 1,
        },
        { label: data.fitLabel, data: band(data.fitted), type: 'line', borderColor: '#1b1f24', borderWidth: 2, pointRadius: 0, order: 0 },
        { label: data.bandLabel, data: band(data.upper), type: 'line', borderColor: 'transparent', backgroundColor: 'rgba(107,114,128,0.22)', pointRadius: 0, fill: '+1', order: 2 },
        { label: '', data: band(data.lower), type: 'line', borderColor: 'transparent', pointRadius: 0, fill: false, order: 2 },
      ],
    },
    options: baseOptions({
      scales: {
        x: { type: 'linear', title: { display: true, text: data.x.title }, ticks: { callback: (v) => number.format(v) } },
        // Scores run from 0 to 100; the band of an extrapolated fit is cut there rather than stretching the axis.
        y: { min: 0, max: 100, title: { display: true, text: data.y.title } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14, color: neutral, filter: (item) => item.text !== '' } },
        tooltip: {
          filter: (item) => item.datasetIndex === 0,
          callbacks: {
            title: (items) => items.map((item) => item.raw.label).join(', '),
            label: (ctx) => [
              `${data.x.name}: ${number.format(ctx.parsed.x)} ${data.x.unit}`,
              `${data.y.name}: ${formatScore(ctx.parsed.y)}`,
            ],
          },
        },
      },
    }),
  });

  // The data table as the keyboard's way into the chart: the row in focus is the point shown.
  const rows = document.querySelectorAll('#regression-table tr[data-point]');
  const show = (index) => {
    const active = index === null ? [] : [{ datasetIndex: 0, index }];
    chart.setActiveElements(active);
    const point = index === null ? null : chart.getDatasetMeta(0).data[index];
    chart.tooltip.setActiveElements(active, point ? { x: point.x, y: point.y } : { x: 0, y: 0 });
    chart.update();
  };
  if (chart) {
    for (const row of rows) {
      const index = Number(row.dataset.point);
      row.addEventListener('focus', () => show(index));
      row.addEventListener('mouseenter', () => show(index));
      row.addEventListener('blur', () => show(null));
      row.addEventListener('mouseleave', () => show(null));
    }
  }
}
