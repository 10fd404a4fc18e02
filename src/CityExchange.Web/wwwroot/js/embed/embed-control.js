// The "embed" control (Pages/Embed/_EmbedControl.cshtml): copies the <iframe> snippet. Without script the textarea
// stays, read-only, for selecting by hand; the button appears only where copying can work.
const snippet = document.getElementById('embed-snippet');
const button = document.getElementById('embed-copy');
const status = document.getElementById('embed-copy-status');

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

if (snippet && button && status) {
  button.hidden = false;
  button.addEventListener('click', copy);
  snippet.addEventListener('focus', () => snippet.select());
}
