// The console's shell: routes #/<page>/<argument> to a page module, keeps the session, refreshes live pages.
import { api, dropPrefetched } from './api.js';
import { h, showError, clearBanner } from './ui.js';
// Every page's module is part of the console's (the page preloads them all, small files from the browser's cache):
// the opening page renders in the task that runs this module when its data is there, with no import to wait for
// and no frame of "Loading…" laid out and painted before it.
import * as overview from './overview.js';
import * as topics from './topics.js';
import * as groups from './groups.js';
import * as messages from './messages.js';
import * as deadLetters from './deadletters.js';
import * as pending from './pending.js';

const pages = { overview, topics, groups, messages, 'dead-letters': deadLetters, pending };
const main = document.getElementById('page');
let current = null;
let session = { loginRequired: false, user: null };

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  const name = pages[parts[0]] ? parts[0] : 'overview';
  const arg = parts.length > 1 ? decodeURIComponent(parts.slice(1).join('/')) : null;
  return { name, arg };
}

async function route() {
  if (current && current.dispose) {
    current.dispose();
  }
  current = null;
  clearBanner();
  if (session.loginRequired && !session.user) {
    renderLogin();
    return;
  }
  const { name, arg } = parseHash();
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === name));
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const page = pages[name];
    current = (await page.render(main, arg)) || page;
    markShown();
  } catch (e) {
    if (e.status === 401) {
      // a login is needed (the first page opens before the session is known, or the session ended)
      session = { loginRequired: true, user: null };
      showUser();
      renderLogin();
      return;
    }
    main.replaceChildren(h('p', { class: 'muted' }, 'This page could not be shown.'));
    showError(e.message);
  }
}

/**
 * Sets the performance mark `console-page-shown` (what ConsolePageLoadBenchmark measures) once the page's content is
 * on screen: a frame's callbacks run before its style, layout and paint, so a task queued from one runs after them.
 */
function markShown() {
  requestAnimationFrame(() => setTimeout(() => performance.mark('console-page-shown')));
}

function renderLogin() {
  document.querySelectorAll('#nav a').forEach((a) => a.classList.remove('active'));
  const accessKey = h('input', { id: 'login-access-key', autocomplete: 'username', required: true });
  const secretKey = h('input', { id: 'login-secret-key', type: 'password', autocomplete: 'current-password',
    required: true });
  const form = h('form', { class: 'login', on: { submit: async (event) => {
    event.preventDefault();
    try {
      session = await api.login(accessKey.value, secretKey.value);
      showUser();
      route();
    } catch (e) {
      showError(e.message);
    }
  } } },
  h('h1', {}, 'Log in'),
  h('p', { class: 'muted' }, 'Access control is on: log in with the access key and secret key of an admin user.'),
  h('label', {}, 'Access key', accessKey),
  h('label', {}, 'Secret key', secretKey),
  h('button', { type: 'submit', id: 'login-submit', class: 'primary' }, 'Log in'));
  main.replaceChildren(form);
  accessKey.focus();
}

function showUser() {
  document.getElementById('user').textContent = session.user ? `Signed in as ${session.user}` : '';
  document.getElementById('logout').hidden = !session.user;
}

document.getElementById('logout').addEventListener('click', async () => {
  await api.logout().catch(() => null);
  session = { loginRequired: true, user: null };
  showUser();
  route();
});
document.getElementById('banner-close').addEventListener('click', clearBanner);
window.addEventListener('hashchange', route);
window.addEventListener('console-login-needed', () => {
  if (session.user) {
    session = { loginRequired: true, user: null };
    showUser();
    route();
  }
});

// The first page's calls start at once, not after the session's: when a login is needed they answer 401 and the
// page shows the login form instead.
api.session().then((known) => {
  const loggedOut = known.loginRequired && !known.user && !(session.loginRequired && !session.user);
  session = known;
  showUser();
  if (loggedOut) {
    route();
  }
}, (e) => showError(e.message));
route().finally(dropPrefetched);
