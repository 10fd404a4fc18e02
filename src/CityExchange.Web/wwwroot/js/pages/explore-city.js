// /Explore/City/{code}: what-if, targets and the score-change waterfall for one city.

import { initWhatIf } from '../shared/whatif.js';
import { initTargets } from '../shared/targets.js';
import { initRankChange } from '../shared/rank-change.js';

initWhatIf();
initTargets();
initRankChange();

const year = document.getElementById('city-year');
if (year) {
  year.addEventListener('change', () => year.form.requestSubmit());
}
