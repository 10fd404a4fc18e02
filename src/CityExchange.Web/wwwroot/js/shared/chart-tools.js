// Download controls under every chart that has data-chart-title: the chart as a PNG at 2× with what it is drawn
// around it (title, year, method, data source and version, demo flag, page URL — from the #chart-context block of
// _ChartContext.cshtml), and its data as CSV (UTF-8 with BOM) or XLSX (built by POST /api/tables/xlsx).
// The table is the chart's labels × datasets, unless the canvas names a JSON block in data-chart-table holding
// { "columns": [...], "rows": [[...]] }, which then is the table (a chart whose data is not one value per label).

const SCALE = 2;

function json(id) {
  const el = id ? document.getElementById(id) : null;
  return el ? JSON.parse(el.textContent) : null;
}

function context() {
  const ctx = json('chart-context') ?? {};
  return { ...ctx, text: ctx.text ?? {} };
}

/** A chart value as a table cell: a number, a string (a floating bar "from–to"), or null. */
function cell(value) {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (Array.isArray(value)) {
    return value.map((v) => cell(v)).join('–');
  }
  if (typeof value === 'object') {
    return cell(value.y ?? value.r ?? value.x);
  }
  return String(value);
}

function labelText(label) {
  return Array.isArray(label) ? label.join(' ') : String(label ?? '');
}

/** The chart's data as { columns, rows }: the named JSON block, else labels × datasets, else (scatter) series, x, y. */
export function chartTable(canvas, chart) {
  const named = json(canvas.dataset.chartTable);
  if (named && Array.isArray(named.columns) && Array.isArray(named.rows)) {
    return named;
  }
  const { text } = context();
  const datasets = chart.data.datasets ?? [];
  const labels = chart.data.labels ?? [];
  if (labels.length > 0) {
    return {
      columns: [canvas.dataset.chartLabel ?? text.label ?? '', ...datasets.map((d) => d.label ?? '')],
      rows: labels.map((label, i) => [labelText(label), ...datasets.map((d) => cell(d.data[i]))]),
    };
  }
  return {
    columns: [text.series ?? '', 'x', 'y'],
    rows: datasets.flatMap((d) => (d.data ?? []).map((p) => [d.label ?? '', cell(p?.x), cell(p?.y)])),
  };
}

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
function csvField(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The CSV file: the table, then after an empty line what it is (title, year, method, source, version, demo, the
 * chart's note, page).
 */
export function csvText(table, title, ctx, note) {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  lines.push('');
  for (const [label, value] of about(title, ctx, note)) {
    lines.push([label, value].map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function about(title, ctx, note) {
  const { text } = ctx;
  const rows = [[text.title ?? 'Title', title]];
  if (ctx.year !== null && ctx.year !== undefined) rows.push([text.year, ctx.year]);
  if (ctx.methodLabel) rows.push([text.method, ctx.methodLabel]);
  if (ctx.source) rows.push([text.source, ctx.source]);
  if (ctx.version) rows.push([text.version, ctx.version]);
  if (ctx.demo) rows.push([text.demo, '']);
  if (note) rows.push([text.note ?? 'Note', note]);
  if (ctx.url) rows.push(['URL', ctx.url]);
  return rows;
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** Splits text into lines no wider than width (by character: Chinese has no spaces to break at). */
function wrap(g, text, width) {
  const lines = [];
  let line = '';
  for (const ch of String(text)) {
    if (line && g.measureText(line + ch).width > width) {
      const space = line.lastIndexOf(' ');
      if (space > line.length / 2) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1) + ch;
      } else {
        lines.push(line);
        line = ch;
      }
    } else {
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart redrawn at 2× (Chart.js's devicePixelRatio, then restored), composed on a new canvas under a header
 * (title; year and method; the demo flag) and over a footer (the chart's note; source and version; the page URL). The
 * image is 2× the chart's CSS width, and taller than the chart by the header and footer.
 */
export function chartImage(chart, title, ctx, note) {
  const { text } = ctx;
  const width = chart.width;
  const height = chart.height;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const pad = 12;
  const inner = Math.max(width - (2 * pad), 80);
  const out = document.createElement('canvas');
  const g = out.getContext('2d');
  const block = (lines) => lines.map(([size, weight, colour, t]) => {
    g.font = `${weight} ${size}px ${family}`;
    return wrap(g, t, inner).map((l) => ({ size, weight, colour, text: l }));
  }).flat();
  const meta = [];
  if (ctx.year !== null && ctx.year !== undefined) meta.push(`${text.year} ${ctx.year}`);
  if (ctx.methodLabel) meta.push(`${text.method}: ${ctx.methodLabel}`);
  const head = block([
    [16, 'bold', '#111827', title],
    ...(meta.length ? [[13, 'normal', '#374151', meta.join(' · ')]] : []),
    ...(ctx.demo ? [[13, 'bold', '#9c0006', text.demo]] : []),
  ]);
  const source = [`${text.source}: ${ctx.source ?? ''}`, ctx.version ? `${text.version}: ${ctx.version}` : null].filter(Boolean).join(' · ');
  const foot = block([
    ...(note ? [[12, 'bold', '#111827', note]] : []),
    [11, 'normal', '#374151', source],
    ...(ctx.url ? [[11, 'normal', '#374151', ctx.url]] : []),
  ]);
  const lineHeight = (l) => Math.round(l.size * 1.4);
  const headHeight = pad + head.reduce((s, l) => s + lineHeight(l), 0) + (pad / 2);
  const footHeight = (pad / 2) + foot.reduce((s, l) => s + lineHeight(l), 0) + pad;

  const original = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = SCALE;
  chart.resize();
  chart.draw();
  out.width = Math.round(width * SCALE);
  out.height = Math.round((headHeight + height + footHeight) * SCALE);
  g.scale(SCALE, SCALE);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, headHeight + height + footHeight);
  g.textBaseline = 'top';
  let y = pad;
  const draw = (l) => {
    g.font = `${l.weight} ${l.size}px ${family}`;
    g.fillStyle = l.colour;
    g.fillText(l.text, pad, y);
    y += lineHeight(l);
  };
  head.forEach(draw);
  g.drawImage(chart.canvas, 0, headHeight, width, height);
  y = headHeight + height + (pad / 2);
  foot.forEach(draw);
  chart.options.devicePixelRatio = original;
  chart.resize();
  chart.draw();
  return new Promise((resolve) => { out.toBlob(resolve, 'image/png'); });
}

function fileName(canvas, ctx, extension) {
  const titled = document.querySelectorAll('canvas[data-chart-title]');
  const parts = [ctx.page || 'chart'];
  if (titled.length > 1) {
    const id = (canvas.id || `chart-${[...titled].indexOf(canvas) + 1}`).toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    parts.push(id);
  }
  if (ctx.year !== null && ctx.year !== undefined) parts.push(String(ctx.year));
  return `${parts.join('-')}.${extension}`;
}

async function xlsx(table, title, ctx, name, note) {
  const culture = (document.documentElement.lang || 'zh-CN').startsWith('zh') ? 'zh-CN' : 'en';
  const response = await fetch(`/api/tables/xlsx?culture=${culture}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title,
      columns: table.columns,
      rows: table.rows,
      year: ctx.year ?? null,
      method: ctx.methodLabel ?? null,
      source: ctx.source ?? null,
      version: ctx.version ?? null,
      url: ctx.url ?? null,
      demo: ctx.demo === true,
      note: note ?? null,
      fileName: name,
    }),
  });
  if (!response.ok) {
    throw new Error(`POST /api/tables/xlsx: ${response.status}`);
  }
  return response.blob();
}

/**
 * The download toolbar for `title` (a labelled group with a status line): `button(label, kind, action)` adds a button
 * running `action`, disabled while it runs, saying so in the status line when it fails; `bar` goes into the page.
 */
function toolbar(forId, title, text) {
  const bar = document.createElement('div');
  bar.className = 'chart-tools';
  if (forId) bar.dataset.chartFor = forId;
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', `${text.toolbar ?? 'Download'}: ${title}`);
  const status = document.createElement('span');
  status.className = 'chart-tools-status';
  status.setAttribute('role', 'status');
  const button = (label, kind, action) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary chart-tool';
    b.dataset.chartDownload = kind;
    b.textContent = label;
    b.addEventListener('click', async () => {
      status.textContent = '';
      b.disabled = true;
      try {
        await action();
      } catch {
        status.textContent = text.failed ?? 'The download failed.';
      } finally {
        b.disabled = false;
      }
    });
    bar.append(b);
  };
  return { bar, button, done: () => bar.append(status) };
}

/**
 * Adds the toolbar under the chart's canvas (after its .chart-box) once; the buttons read the canvas's current chart
 * when clicked, so a page that redraws a chart keeps one working toolbar.
 */
export function attachChartTools(chart) {
  const canvas = chart?.canvas;
  const title = canvas?.dataset.chartTitle;
  if (!title || canvas.dataset.chartTools === 'true') {
    return;
  }
  canvas.dataset.chartTools = 'true';
  const ctx = context();
  const { text } = ctx;
  const current = () => window.Chart?.getChart(canvas) ?? chart;
  const { bar, button, done } = toolbar(canvas.id, title, text);
  // What must travel with the picture (a map's "no boundaries" caption and its data's attribution): data-chart-note.
  const note = canvas.dataset.chartNote;
  button(text.image ?? 'Download image', 'png', async () => save(await chartImage(current(), title, ctx, note), fileName(canvas, ctx, 'png')));
  button(text.csv ?? 'CSV', 'csv', async () => save(new Blob([csvText(chartTable(canvas, current()), title, ctx, note)], { type: 'text/csv;charset=utf-8' }), fileName(canvas, ctx, 'csv')));
  button(text.xlsx ?? 'XLSX', 'xlsx', async () => {
    const name = fileName(canvas, ctx, 'xlsx');
    save(await xlsx(chartTable(canvas, current()), title, ctx, name, note), name);
  });
  done();
  // Inside the chart's box, in the room it keeps for the toolbar (site.css), so that drawing the chart moves nothing.
  const box = canvas.closest('.chart-box');
  if (box) box.append(bar);
  else canvas.after(bar);
}

/**
 * CSV and XLSX controls for an HTML table (an image would only repeat what the page shows): the host element has
 * data-chart-title and data-chart-table naming the JSON block { "columns": [...], "rows": [[...]] } that the files
 * hold, the same files as a chart's. The toolbar goes after the host, once.
 */
export function attachTableTools(host) {
  const title = host?.dataset.chartTitle;
  const data = json(host?.dataset.chartTable);
  if (!title || !data || host.dataset.chartTools === 'true') {
    return;
  }
  host.dataset.chartTools = 'true';
  const ctx = context();
  const { text } = ctx;
  const id = (host.id || 'table').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const name = (extension) => [ctx.page || 'table', id, ctx.year ?? null].filter((p) => p !== null && p !== undefined).join('-') + `.${extension}`;
  const { bar, button, done } = toolbar(host.id, title, text);
  button(text.csv ?? 'CSV', 'csv', async () => save(new Blob([csvText(data, title, ctx)], { type: 'text/csv;charset=utf-8' }), name('csv')));
  button(text.xlsx ?? 'XLSX', 'xlsx', async () => save(await xlsx(data, title, ctx, name('xlsx')), name('xlsx')));
  done();
  host.after(bar);
}
