// "Why did the rank change" (partial _RankChange, [data-rank-change]): draws the waterfall of the score change by
// domain from the JSON block the server rendered (the form reloads the page for other years).

import { domainColors, neutral, baseOptions, formatScore, loadChartJs, whenNear } from '../shared/charts.js';
import { attachChartTools } from '../shared/chart-tools.js';

export function initRankChange(root = document) {
  root.querySelectorAll('[data-rank-change]').forEach((section) => {
    const canvas = section.querySelector('[data-rank-change-chart]');
    // A page that loads Chart.js on demand (#chartjs-src, the city profile): fetch it when the waterfall comes near.
    if (!window.Chart && canvas && document.getElementById('chartjs-src')) {
      whenNear(canvas, () => loadChartJs().then(() => draw(section)));
    } else {
      draw(section);
    }
  });
}

function draw(section) {
  const data = JSON.parse(section.querySelector('[data-rank-change-data]').textContent);
  const canvas = section.querySelector('[data-rank-change-chart]');
  if (!canvas || !window.Chart || data.scoreFrom === null || data.scoreTo === null) {
    canvas?.closest('.chart-box')?.setAttribute('hidden', '');
    return;
  }
  const labels = [String(data.from)];
  const bars = [[0, data.scoreFrom]];
  const colors = [neutral];
  let level = data.scoreFrom;
  for (const d of data.domains) {
    labels.push(d.name);
    bars.push([level, level + d.contribution]);
    colors.push(domainColors[d.domain] ?? neutral);
    level += d.contribution;
  }
  labels.push(String(data.to));
  bars.push([0, data.scoreTo]);
  colors.push(neutral);
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label: data.label, data: bars, backgroundColor: colors, borderColor: colors, borderWidth: 1 }] },
    options: baseOptions({
      // The axis starts at 0: the first and last bars are scores, and a cut axis would make their difference look
      // larger than it is. The tooltip and the table give each contribution exactly.
      scales: { y: { min: 0 } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const [from, to] = ctx.raw;
              const first = ctx.dataIndex === 0;
              const last = ctx.dataIndex === bars.length - 1;
              return first || last ? formatScore(to) : `${to - from >= 0 ? '+' : ''}${formatScore(to - from)}`;
            },
          },
        },
      },
    }),
  });
  canvas.dataset.chartReady = chart ? 'true' : 'false';
  attachChartTools(chart);
}
