// Upload page: posts the form with XMLHttpRequest to show upload and validation progress, then opens the preview.
// Without JavaScript the form is a plain multipart POST and the server redirects to the preview.
const form = document.getElementById('upload-form');

if (form && 'FormData' in window) {
  const fileInput = form.querySelector('input[type="file"]');
  const submit = form.querySelector('button[type="submit"]');
  const progress = document.getElementById('upload-progress');
  const bar = progress.querySelector('progress');
  const status = document.getElementById('upload-progress-status');
  const problems = document.getElementById('upload-client-problems');
  const maxBytes = Number(form.dataset.maxBytes);
  const message = (name) => form.dataset[name] ?? '';

  const showProblem = (text) => {
    progress.hidden = true;
    submit.disabled = false;
    problems.textContent = text;
    problems.hidden = false;
    problems.focus?.();
  };

  form.addEventListener('submit', (event) => {
    const file = fileInput.files[0];
    if (!file) {
      return; // let the server say a file is needed
    }

    event.preventDefault();
    problems.hidden = true;
    if (file.size > maxBytes) {
      showProblem(message('msgTooLarge'));
      return;
    }

    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');

    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        bar.max = e.total;
        bar.value = e.loaded;
        status.textContent = `${message('msgUploading')} ${Math.round((100 * e.loaded) / e.total)}%`;
      }
    });
    xhr.upload.addEventListener('load', () => {
      bar.removeAttribute('value'); // indeterminate while the server checks every row
      status.textContent = message('msgValidating');
    });

    xhr.addEventListener('load', () => {
      const type = xhr.getResponseHeader('Content-Type') ?? '';
      if (xhr.status === 200 && type.includes('application/json')) {
        window.location.assign(JSON.parse(xhr.responseText).location);
        return;
      }

      if (xhr.status === 413) {
        showProblem(message('msgTooLarge'));
        return;
      }

      if (xhr.responseURL && !xhr.responseURL.includes('/Upload')) {
        window.location.assign(xhr.responseURL); // e.g. signed out meanwhile: the login page
        return;
      }

      const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      const box = page.getElementById('upload-problems');
      showProblem(box ? box.textContent.trim() : message('msgFailed'));
    });
    xhr.addEventListener('error', () => showProblem(message('msgFailed')));

    bar.max = 100;
    bar.value = 0;
    status.textContent = message('msgUploading');
    progress.hidden = false;
    submit.disabled = true;
    xhr.send(new FormData(form));
  });
}
