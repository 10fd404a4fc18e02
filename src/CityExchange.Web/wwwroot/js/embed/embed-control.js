// The "embed" control (Pages/Embed/_EmbedControl.cshtml): copies the <iframe> snippet, and where the page offers more
// than one embed (the ranking table or the map), swaps the snippet and the preview link for the one chosen. Without
// script the textarea stays, read-only, for selecting by hand; the button appears only where copying can work.
const snippet = document.getElementById('embed-snippet');
const button = document.getElementById('embed-copy');
const status = document.getElementById('embed-copy-status');
const preview = document.getElementById('embed-preview');

async function copy() {
  snippet.focus();
  snippet.select();
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    // Clipboard API refused (no secure context, or no permission): the text stays selected for Ctrl+C.
    document.execCommand('copy');
  }
  status.textContent = button.dataset.copied;
}

function choose(radio) {
  snippet.value = radio.dataset.embedSnippet;
  snippet.dataset.embedSrc = radio.dataset.embedSrc;
  if (preview) {
    preview.href = radio.dataset.embedSrc;
  }
  status.textContent = '';
}

if (snippet && button && status) {
  button.hidden = false;
  button.addEventListener('click', copy);
  snippet.addEventListener('focus', () => snippet.select());
  for (const radio of document.querySelectorAll('input[name="embed-choice"]')) {
    radio.addEventListener('change', () => radio.checked && choose(radio));
  }
}
