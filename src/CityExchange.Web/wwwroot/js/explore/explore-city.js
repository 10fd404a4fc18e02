// /Explore/City/{code}: what-if, targets and the score-change waterfall for one city.

import { initWhatIf } from './whatif.js';
import { initTargets } from './targets.js';
import { initRankChange } from './rank-change.js';

initWhatIf();
initTargets();
initRankChange();

const year = document.getElementById('city-year');
if (year) {
  year.addEventListener('change', () => year.form.requestSubmit());
}
