// Links to a city's profile, /Cities/{code}, in the year (and method) the reader is looking at: the same URL the
// server renders (Dashboard/CityLinks.cs). The language travels in its cookie.

/** The profile URL; the method is left out when it is the default (min–max). */
export function cityUrl(code, year, method) {
  const query = new URLSearchParams({ year: String(year) });
  if (method && method !== 'minmax') {
    query.set('method', method);
  }
  return `/Cities/${encodeURIComponent(code)}?${query}`;
}

/** An <a> to the city's profile with the given text. */
export function cityLink(code, name, year, method) {
  const link = document.createElement('a');
  link.href = cityUrl(code, year, method);
  link.textContent = name;
  return link;
}
