// The console's shell: routes #/<page>/<argument> to a page module, keeps the session, refreshes live pages.
import { api } from './api.js';
import { h, showError, clearBanner } from './ui.js';
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
  const page = pages[name];
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    current = (await page.render(main, arg)) || page;
    performance.mark('console-page-shown');
  } catch (e) {
    main.replaceChildren(h('p', { class: 'muted' }, 'This page could not be shown.'));
    showError(e.message);
  }
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

(async () => {
  try {
    session = await api.session();
  } catch (e) {
    showError(e.message);
  }
  showUser();
  route();
})();
