// The page's first script, inlined in the page by the broker (ConsolePage; the page's Content-Security-Policy allows
// exactly this script by its hash), so it runs as the page is read, before any script file is fetched: a classic
// script with no imports. It starts the opening page's data calls and /api/session, preloads the page's module and,
// on a page with a chart (overview, one group), loads uPlot, all at once while the console's own modules load.
// api.js answers the page's first calls with these responses, each once, and forgets the rest after the first page.
// The calls per page are those its module makes when it opens (overview.js, topics.js, groups.js); the other pages
// call when they open. It must not contain the closing tag of a script element.
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
  const modules = { overview: 'overview', topics: 'topics', groups: 'groups', messages: 'messages',
    'dead-letters': 'deadletters', pending: 'pending' };
  const page = modules[parts[0]] ? parts[0] : 'overview';
  const module = document.createElement('link');
  module.rel = 'modulepreload';
  module.href = `${root.assets}${modules[page]}.js`;
  document.head.append(module);
  let calls = [];
  if (page === 'overview') {
    calls = ['/api/overview', '/api/traffic'];
  } else if (page === 'topics') {
    calls = [arg ? `/api/topics/${arg}` : '/api/topics'];
  } else if (page === 'groups') {
    calls = arg ? [`/api/groups/${arg}`, `/api/groups/${arg}/lag`] : ['/api/groups'];
  }
  const started = {};
  for (const path of ['/api/session', ...calls]) {
    started[path] = fetch(path, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
    started[path].catch(() => null); // api.js reports a failure when the page takes it
  }
  window.consolePrefetched = started;
  if (page === 'overview' || (page === 'groups' && arg)) {
    window.consoleLoadCharts().catch(() => null); // the page reports it when it draws its chart
  }
})();
