// Small DOM helpers. Text always goes in through textContent, never as HTML: message bodies, keys and properties
// are whatever producers sent.

export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        element.addEventListener(event, handler);
      }
    } else if (name === 'text') {
      element.textContent = value;
    } else if (name === 'class') {
      element.className = value;
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/**
 * A table; columns are {title, value(row) -> text, node or array of them, cls}. Empty rows show `empty`. Rows are
 * built with the plain DOM calls, not h(): the topic and group lists build a hundred at a time (pagedTable).
 */
export function table(columns, rows, { empty = 'Nothing to show.', testid } = {}) {
  const head = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.cls }, c.title))));
  const body = document.createElement('tbody');
  if (rows.length === 0) {
    body.append(h('tr', {}, h('td', { colspan: String(columns.length), class: 'muted' }, empty)));
  }
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const td = tr.insertCell();
      if (column.cls) {
        td.className = column.cls;
      }
      fillCell(td, column.value(row));
    }
  }
  return h('table', { class: 'grid', 'data-testid': testid }, head, body);
}

/**
 * A table showing `pageSize` rows at a time, with a pager above it when there are more: laying out a thousand rows
 * costs far more than reading their data. `rows` are all the rows (filter them before); the options are table()'s.
 */
export function pagedTable(columns, rows, { pageSize = 100, ...options } = {}) {
  const box = h('div', { class: 'paged' });
  const show = (first) => {
    const last = Math.min(rows.length, first + pageSize);
    const pager = rows.length <= pageSize ? null : h('div', { class: 'toolbar pager',
      'data-testid': `${options.testid}-pager` },
      h('button', { type: 'button', class: 'pager-previous', disabled: first === 0,
        on: { click: () => show(Math.max(0, first - pageSize)) } }, '← Previous'),
      h('span', { class: 'pager-range' }, `${number(first + 1)}–${number(last)} of ${number(rows.length)}`),
      h('button', { type: 'button', class: 'pager-next', disabled: last >= rows.length,
        on: { click: () => show(last) } }, 'Next →'));
    box.replaceChildren(...[pager, table(columns, rows.slice(first, last), options)].filter((x) => x));
  };
  show(0);
  return box;
}

function fillCell(td, value) {
  if (value instanceof Node) {
    td.append(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => fillCell(td, v));
  } else if (value !== null && value !== undefined && value !== false) {
    td.append(String(value));
  }
}

export function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

export function card(label, value, testid) {
  return h('div', { class: 'card', 'data-testid': testid }, h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value));
}

export function section(title, ...children) {
  return h('section', {}, h('h2', {}, title), ...children);
}

const two = (n) => String(n).padStart(2, '0');

/** Local time as 2025-01-31 12:00:05. */
export function time(ms) {
  if (!ms || ms <= 0) {
    return '—';
  }
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A value for <input type="datetime-local" step="1">. */
export function localInput(ms) {
  return time(ms).replace(' ', 'T');
}

/**
 * A number as en-US writes it (1,234,567.8) with at most `decimals` decimals. By hand, not with Intl.NumberFormat:
 * creating its formatters (the locale's data) was the largest part of the console's script time as a page opens
 * (47-116 ms on a loaded machine, before anything was drawn).
 */
function format(value, decimals) {
  const n = Number(value);
  if (!Number.isFinite(n)) {
    return String(n);
  }
  const [whole, fraction = ''] = Math.abs(n).toFixed(decimals).split('.');
  const digits = fraction.replace(/0+$/, '');
  const text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (digits ? `.${digits}` : '');
  return n < 0 && text !== '0' ? `-${text}` : text;
}

export function number(n) {
  return format(n, 3);
}

export function rate(perSecond) {
  return `${format(perSecond, 1)}/s`;
}

export function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Number(n);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${format(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function duration(ms) {
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${s % 60} s`;
  return `${s} s`;
}

export function permText(perm) {
  return { 6: 'read & write', 4: 'read only', 2: 'write only', 7: 'read & write (inherit)' }[perm] || `perm ${perm}`;
}

// --- messages to the user ----------------------------------------------------------------------------------------

export function showError(message) {
  const banner = document.getElementById('banner');
  banner.classList.remove('notice');
  document.getElementById('banner-text').textContent = message;
  banner.hidden = false;
}

export function showNotice(message) {
  const banner = document.getElementById('banner');
  banner.classList.add('notice');
  document.getElementById('banner-text').textContent = message;
  banner.hidden = false;
}

export function clearBanner() {
  document.getElementById('banner').hidden = true;
}

/** Asks before a change; resolves true when the user confirms. */
export function confirmAction(title, text, okLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = okLabel;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
  });
}

/**
 * Runs a change after confirmation: shows the broker's answer as an error, or `done` as a notice. Returns the
 * result, or undefined when cancelled or refused.
 */
export async function change(title, text, okLabel, action, done) {
  if (!(await confirmAction(title, text, okLabel))) {
    return undefined;
  }
  try {
    const result = await action();
    showNotice(typeof done === 'function' ? done(result) : done);
    return result === null ? true : result;
  } catch (e) {
    showError(e.message);
    return undefined;
  }
}

// --- charts (uPlot) ----------------------------------------------------------------------------------------------

function lastMinuteAtLeast(min, max) {
  const end = max ?? Date.now() / 1000;
  return [Math.min(min ?? end, end - 60), end];
}

/**
 * Calls `draw` (which draws a chart into `box`) once uPlot is loaded and returns what it returns; when uPlot cannot
 * be loaded, says so in the box and returns null: the rest of the page stays. uPlot's script and styles (linked on
 * the page's <html> element, under the broker run's version) are loaded once, by prefetch.js: as the console opens
 * on a page with a chart, else for the first page with one; the other pages never parse it.
 */
export async function whenChartsLoaded(box, draw) {
  try {
    await window.consoleLoadCharts();
  } catch (e) {
    box.replaceChildren(h('p', { class: 'muted' }, e.message));
    return null;
  }
  return draw();
}

/** A time chart (in {@link whenChartsLoaded}'s draw); series are [{label, stroke}]; rows are [timeMillis, value1, ...]. */
export function timeChart(container, series, rows, { height = 220 } = {}) {
  const data = [rows.map((r) => r[0] / 1000), ...series.map((_, i) => rows.map((r) => r[i + 1]))];
  const width = Math.max(320, container.clientWidth || 640);
  const options = {
    width, height,
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, fill: s.fill }))],
    axes: [{}, { size: 60 }],
    scales: {
      // at least the last minute, so one or two points do not stretch the axis over years
      x: { time: true, range: (u, min, max) => lastMinuteAtLeast(min, max) },
      y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] },
    },
    legend: { live: true },
  };
  container.replaceChildren();
  return new window.uPlot(options, data, container);
}
