// Group comparisons page: one grouped bar chart per section and per region.
import { readJson } from '../shared/charts.js';
import { groupedBars } from './common.js';

for (const chart of readJson('group-charts-data') || []) {
  groupedBars(chart);
}
