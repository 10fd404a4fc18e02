// /Analysis/Audit: CSV and XLSX downloads under each table (the tables themselves are server-rendered HTML).
import { attachTableTools } from '../shared/chart-tools.js';

for (const host of document.querySelectorAll('[data-table-tools]')) {
  attachTableTools(host);
}
