// Boxes that scroll sideways (wide tables and figures on a narrow screen) must be reachable by keyboard: while one
// overflows it joins the tab order, so arrow keys scroll it (WCAG 2.1.1; axe-core "scrollable-region-focusable").
const selector = '.table-wrap, figure.dendrogram, figure.heatmap';

function update() {
  for (const box of document.querySelectorAll(selector)) {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    const hasFocusable = box.querySelector('a[href], button, input, select, textarea, summary, [tabindex]') !== null;
    if (overflows && !hasFocusable) {
      box.tabIndex = 0;
      box.dataset.scrollFocus = 'true';
    } else if (box.dataset.scrollFocus === 'true') {
      box.removeAttribute('tabindex');
      delete box.dataset.scrollFocus;
    }
  }
}

update();
let pending = false;
window.addEventListener('resize', () => {
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update();
    });
  }
});
document.addEventListener('toggle', update, true);
