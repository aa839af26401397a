// Messages: search by time range, key or id; one message's properties, body preview and consumption per group.
import { api } from './api.js';
import { h, section, table, link, number, time, localInput, change, showError } from './ui.js';

let lastQuery = null;

export async function render(main, arg) {
  if (arg && !arg.startsWith('?')) {
    return renderMessage(main, arg);
  }
  const prefill = new URLSearchParams(arg ? arg.slice(1) : '');
  return renderSearch(main, prefill.get('topic'));
}

async function renderSearch(main, prefillTopic) {
  const topics = await api.topics();
  const topicList = h('datalist', { id: 'topic-names' }, topics.map((t) => h('option', { value: t.topic })));
  const topic = h('input', { id: 'search-topic', list: 'topic-names', placeholder: 'Topic',
    value: prefillTopic || (lastQuery && lastQuery.topic) || '' });
  const mode = h('select', { id: 'search-mode' }, h('option', { value: 'time' }, 'stored between'),
    h('option', { value: 'key' }, 'with key'), h('option', { value: 'id' }, 'with message id'));
  const now = Date.now();
  const begin = h('input', { id: 'search-begin', type: 'datetime-local', step: '1', value: localInput(now - 3600000) });
  const end = h('input', { id: 'search-end', type: 'datetime-local', step: '1', value: localInput(now + 60000) });
  const key = h('input', { id: 'search-key', placeholder: 'Key' });
  const msgId = h('input', { id: 'search-id', placeholder: 'Message id (producer\'s or broker\'s)' });
  const results = h('div', { id: 'search-results' });
  const sync = () => {
    begin.parentElement.hidden = end.parentElement.hidden = mode.value !== 'time';
    key.parentElement.hidden = mode.value !== 'key';
    msgId.parentElement.hidden = mode.value !== 'id';
  };
  const form = h('form', { class: 'form', id: 'search-form', on: { submit: async (event) => {
    event.preventDefault();
    const query = { topic: topic.value.trim() };
    if (mode.value === 'time') {
      query.begin = new Date(begin.value).getTime();
      query.end = new Date(end.value).getTime();
      if (Number.isNaN(query.begin) || Number.isNaN(query.end)) {
        showError('Enter both times of the range.');
        return;
      }
    } else if (mode.value === 'key') {
      query.key = key.value.trim();
    } else {
      query.msgId = msgId.value.trim();
    }
    if (!query.topic) {
      delete query.topic;
    }
    await search(results, query);
  } } },
  h('label', {}, 'Topic', topic, topicList), h('label', {}, 'Find messages', mode),
  h('label', {}, 'From', begin), h('label', {}, 'To', end), h('label', {}, 'Key', key),
  h('label', { class: 'wide' }, 'Id', msgId),
  h('button', { type: 'submit', id: 'search-submit', class: 'primary' }, 'Search'));
  mode.addEventListener('change', sync);
  main.replaceChildren(h('h1', {}, 'Messages'), form, results);
  sync();
  if (lastQuery && !prefillTopic) {
    await search(results, lastQuery);
  }
}

async function search(results, query) {
  lastQuery = query;
  try {
    const found = await api.searchMessages(query);
    results.replaceChildren(
      h('p', { class: 'muted', id: 'search-count' }, `${found.messages.length} message(s)`
        + (found.truncated ? ', more matched: narrow the search.' : '.')),
      table([
        { title: 'Message id', value: (m) => link(`#/messages/${encodeURIComponent(m.offsetMsgId)}`, m.msgId || m.offsetMsgId) },
        { title: 'Topic', value: (m) => m.topic },
        { title: 'Tags', value: (m) => m.tags || '' },
        { title: 'Keys', value: (m) => m.keys || '' },
        { title: 'Stored', value: (m) => time(m.storeTimeMillis) },
        { title: 'Queue', value: (m) => `${m.queueId} @ ${m.queueOffset}`, cls: 'num' },
        { title: 'Size', value: (m) => `${number(m.bodyBytes)} B`, cls: 'num' }], found.messages,
      { empty: 'No message matches.', testid: 'messages-table' }));
  } catch (e) {
    results.replaceChildren();
    showError(e.message);
  }
}

async function renderMessage(main, offsetMsgId) {
  const m = await api.message(offsetMsgId);
  const s = m.summary;
  main.replaceChildren(
    h('p', {}, link('#/messages', '← Messages')),
    h('h1', {}, 'Message ', h('span', { id: 'message-id', class: 'mono' }, s.msgId || s.offsetMsgId)),
    table([{ title: 'Field', value: (r) => r[0] }, { title: 'Value', value: (r) => r[1] }], [
      ['Topic', link(`#/topics/${encodeURIComponent(s.topic)}`, s.topic)],
      ['Broker id (offsetMsgId)', s.offsetMsgId], ['Queue / offset', `${s.queueId} / ${s.queueOffset}`],
      ['Tags', s.tags || '—'], ['Keys', s.keys || '—'], ['Stored', time(s.storeTimeMillis)],
      ['Born', `${time(s.bornTimeMillis)} on ${m.bornHost}`], ['Store host', m.storeHost],
      ['Reconsume times', s.reconsumeTimes], ['Body size', `${number(m.body.sizeBytes)} bytes`]],
    { testid: 'message-fields' }),
    section('Body', h('p', { class: 'muted', id: 'body-format' }, `Shown as ${m.body.format}`
      + (m.body.compressed ? ', inflated (it was compressed)' : '') + (m.body.truncated ? ', cut short' : '')),
    h('pre', { id: 'message-body', class: 'body' }, m.body.preview)),
    section('Properties', table([{ title: 'Name', value: (p) => p[0], cls: 'mono' },
      { title: 'Value', value: (p) => p[1], cls: 'mono' }], Object.entries(m.properties).sort(),
    { testid: 'properties-table' })),
    section('Consumption', table([
      { title: 'Group', value: (c) => link(`#/groups/${encodeURIComponent(c.group)}`, c.group) },
      { title: 'State', value: (c) => h('span', { class: c.state.startsWith('CONSUMED') ? 'ok' : 'warn' },
        TRACK[c.state] || c.state) },
      { title: 'Online', value: (c) => (c.online ? 'yes' : 'no') },
      { title: 'Group offset', value: (c) => (c.consumerOffset < 0 ? 'none' : number(c.consumerOffset)), cls: 'num' },
      { title: '', value: (c) => resendButton(s, c) }], m.consumption,
    { empty: 'No group consumes this topic.', testid: 'consumption-table' })));
}

// RocketMQ's track types (the message track of mqadmin queryMsgById and the dashboard)
const TRACK = {
  CONSUMED: 'consumed',
  CONSUMED_BUT_FILTERED: 'consumed (filtered out by its subscription)',
  NOT_CONSUME_YET: 'not consumed yet',
  PULL: 'pulls itself (offsets kept by the client)',
  CONSUME_BROADCASTING: 'broadcasting (offsets kept by each member)',
};

function resendButton(s, c) {
  if (c.clientIds.length === 0) {
    return h('span', { class: 'muted' }, 'no member online');
  }
  const client = h('select', { class: 'client' }, c.clientIds.map((id) => h('option', { value: id }, id)));
  return h('span', {}, client, h('button', { class: 'resend-to-group', on: { click: () => change('Resend to group',
    `Hand message ${s.msgId || s.offsetMsgId} to ${client.value} of ${c.group}? Its listener runs on it again.`,
  'Resend', () => api.resendToGroup(s.offsetMsgId, c.group, client.value),
  (r) => `${r.clientId} consumed it: ${r.result}${r.remark ? ` (${r.remark})` : ''}.`) } }, 'Resend'));
}
