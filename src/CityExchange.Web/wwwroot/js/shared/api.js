// Same-origin JSON calls for the Explore modules. Errors carry the API's localised problem detail.

export async function getJson(url, signal) {
  return send(url, { signal, headers: { Accept: 'application/json' } });
}

export async function postJson(url, body, signal) {
  return send(url, {
    method: 'POST',
    signal,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function send(url, init) {
  const response = await fetch(url, { credentials: 'same-origin', ...init });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body && (body.detail || body.title)) || response.statusText);
  }
  return body;
}
