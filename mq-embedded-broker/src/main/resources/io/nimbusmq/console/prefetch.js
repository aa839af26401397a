// The page's first script, inlined in the page by the broker (ConsolePage; the page's Content-Security-Policy allows
// exactly this script by its hash), so it runs as the page is read, before any script file is fetched: a classic
// script with no imports. It starts the opening page's data calls and /api/session and, on a page with a chart
// (overview, one group), loads uPlot, all at once while the console's own modules load.
// api.js answers the page's first calls with these answers, each once, and forgets the rest after the first page.
// The calls per page are those its module makes when it opens (overview.js, topics.js, groups.js); the other pages
// call when they open. It must not contain the closing tag of a script element, nor the opening of an HTML comment.
(() => {
  const root = document.documentElement.dataset;
  let charts = null;
  /** uPlot's script and styles, loaded once (again after a failure); ui.js's whenChartsLoaded() calls this. */
  window.consoleLoadCharts = () => {
    if (!charts) {
      const load = (element) => new Promise((resolve, reject) => {
        element.addEventListener('load', resolve, { once: true });
        element.addEventListener('error', () => reject(new Error('The chart library could not be loaded.')),
          { once: true });
        document.head.append(element);
      });
      charts = Promise.all([
        load(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: root.chartStyles })),
        load(Object.assign(document.createElement('script'), { src: root.chartScript, async: true }))]);
      charts.catch(() => {
        charts = null; // the next page with a chart tries again
      });
    }
    return charts;
  };
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  let arg = '';
  try {
    arg = parts.length > 1 ? encodeURIComponent(decodeURIComponent(parts.slice(1).join('/'))) : '';
  } catch (e) {
    return; // a malformed address: the page itself says so
  }
  const page = ['overview', 'topics', 'groups', 'messages', 'dead-letters', 'pending'].includes(parts[0])
    ? parts[0] : 'overview';
  let calls = [];
  if (page === 'overview') {
    calls = ['/api/overview', '/api/traffic'];
  } else if (page === 'topics') {
    calls = [arg ? `/api/topics/${arg}` : '/api/topics'];
  } else if (page === 'groups') {
    calls = arg ? [`/api/groups/${arg}`, `/api/groups/${arg}/lag`] : ['/api/groups'];
  }
  // each answer is read as soon as it arrives, as api.js's read() reads one: the page gets the data as it asks
  const started = {};
  for (const path of ['/api/session', ...calls]) {
    started[path] = fetch(path, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then((response) => response.json().catch(() => null)
        .then((payload) => ({ status: response.status, ok: response.ok, payload })));
    started[path].catch(() => null); // api.js reports a failure when the page takes it
  }
  window.consolePrefetched = started;
  if (page === 'overview' || (page === 'groups' && arg)) {
    window.consoleLoadCharts().catch(() => null); // the page reports it when it draws its chart
  }
})();
