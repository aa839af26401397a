// Starts the opening page's data calls and the loading of its module at once, while the console's own modules load
// and run (a classic async script with no imports: it runs as soon as it is read). api.js answers the page's first
// calls with these responses, each once, and forgets the rest after the first page. The calls per page are those its
// module makes when it opens (overview.js, topics.js, groups.js); the other pages call when they open.
(() => {
  if (window.consolePrefetched === null) {
    return; // read after the page's modules started: they make their own calls
  }
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
  module.href = new URL(`${modules[page]}.js`, document.currentScript.src).href;
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
})();
