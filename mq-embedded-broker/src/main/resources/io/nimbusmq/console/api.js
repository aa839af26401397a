// The console's calls to its broker. Every answer is JSON; errors come as {"error": "..."} and are thrown as Error
// with that message, which the pages show as it is.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// The answers prefetch.js started when the console opened, each read as read() reads one.
let started = window.consolePrefetched || {};
delete window.consolePrefetched;

/** The answer prefetch.js started for this GET when the console opened, once; null otherwise. */
function prefetched(path) {
  const answer = started[path];
  delete started[path];
  return answer || null;
}

/** Forgets the answers prefetch.js started that the first page did not take (app.js, after the first page). */
export function dropPrefetched() {
  started = {};
}

/** An answer as the pages use it: its status, whether it is a success, its JSON (null when none or not JSON). */
async function read(response) {
  const payload = response.status === 204 ? null : await response.json().catch(() => null);
  return { status: response.status, ok: response.ok, payload };
}

async function call(method, path, body) {
  const options = { method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
  if (method !== 'GET') {
    options.headers['X-Nimbus-Console'] = '1';
  }
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let answer;
  try {
    answer = await ((method === 'GET' && prefetched(path)) || fetch(path, options).then(read));
  } catch (e) {
    throw new ApiError(0, 'The broker cannot be reached. Is it running?');
  }
  const { status, payload } = answer;
  if (!answer.ok) {
    const message = payload && payload.error ? payload.error : `The broker answered ${status}.`;
    if (status === 401 && path !== '/api/login') {
      window.dispatchEvent(new CustomEvent('console-login-needed'));
    }
    throw new ApiError(status, message);
  }
  return payload;
}

const enc = encodeURIComponent;

export const api = {
  session: () => call('GET', '/api/session'),
  login: (accessKey, secretKey) => call('POST', '/api/login', { accessKey, secretKey }),
  logout: () => call('POST', '/api/logout'),
  overview: () => call('GET', '/api/overview'),
  traffic: () => call('GET', '/api/traffic'),
  topics: () => call('GET', '/api/topics'),
  topic: (t) => call('GET', `/api/topics/${enc(t)}`),
  createTopic: (spec) => call('POST', '/api/topics', spec),
  updateTopic: (t, spec) => call('PUT', `/api/topics/${enc(t)}`, spec),
  deleteTopic: (t) => call('DELETE', `/api/topics/${enc(t)}`),
  sendMessage: (t, message) => call('POST', `/api/topics/${enc(t)}/messages`, message),
  groups: () => call('GET', '/api/groups'),
  group: (g) => call('GET', `/api/groups/${enc(g)}`),
  lag: (g) => call('GET', `/api/groups/${enc(g)}/lag`),
  resetOffset: (g, reset) => call('POST', `/api/groups/${enc(g)}/reset`, reset),
  deleteGroup: (g) => call('DELETE', `/api/groups/${enc(g)}`),
  searchMessages: (query) => call('GET', '/api/messages?' + new URLSearchParams(query)),
  message: (id) => call('GET', `/api/messages/${enc(id)}`),
  resendToGroup: (id, group, clientId) => call('POST', `/api/messages/${enc(id)}/resend`, { group, clientId }),
  deadLetterGroups: () => call('GET', '/api/dead-letters'),
  deadLetters: (g) => call('GET', `/api/groups/${enc(g)}/dead-letters`),
  retries: (g) => call('GET', `/api/groups/${enc(g)}/retries`),
  resendDeadLetter: (g, msgId) => call('POST', `/api/groups/${enc(g)}/dead-letters/resend`, { msgId }),
  resendAllDeadLetters: (g) => call('POST', `/api/groups/${enc(g)}/dead-letters/resend-all`),
  deleteDeadLetters: (g) => call('DELETE', `/api/groups/${enc(g)}/dead-letters`),
  scheduled: () => call('GET', '/api/scheduled'),
  transactions: () => call('GET', '/api/transactions'),
};
