// Topics: the list (filter, system topics on demand), create; one topic's queues, edit, delete, test message.
import { api } from './api.js';
import { h, section, table, pagedTable, link, number, time, permText, change, showError } from './ui.js';

export async function render(main, topic) {
  return topic ? renderTopic(main, topic) : renderList(main);
}

async function renderList(main) {
  const topics = await api.topics();
  const filter = h('input', { id: 'topic-filter', type: 'search', placeholder: 'Filter by name' });
  const showSystem = h('input', { id: 'show-system-topics', type: 'checkbox' });
  const list = h('div', { id: 'topic-list' });
  const draw = () => {
    const text = filter.value.trim().toLowerCase();
    const rows = topics.filter((t) => (showSystem.checked || !t.system) && t.topic.toLowerCase().includes(text));
    list.replaceChildren(pagedTable([
      { title: 'Topic', value: (t) => link(`#/topics/${encodeURIComponent(t.topic)}`, t.topic) },
      { title: 'Kind', value: (t) => (t.system ? 'system' : 'user') },
      { title: 'Read queues', value: (t) => t.readQueues, cls: 'num' },
      { title: 'Write queues', value: (t) => t.writeQueues, cls: 'num' },
      { title: 'Permission', value: (t) => permText(t.perm) },
      { title: 'Messages', value: (t) => number(t.messages), cls: 'num' }], rows,
    { empty: 'No topic matches.', testid: 'topics-table' }));
  };
  filter.addEventListener('input', draw);
  showSystem.addEventListener('change', draw);
  main.replaceChildren(h('h1', {}, 'Topics'),
    h('div', { class: 'toolbar' }, filter, h('label', { class: 'inline' }, showSystem, 'Show system topics'),
      h('span', { class: 'muted' }, `${topics.filter((t) => !t.system).length} user topics, `
        + `${topics.filter((t) => t.system).length} system topics`)),
    list, section('Create a topic', createForm()));
  draw();
}

function createForm() {
  const name = h('input', { id: 'new-topic-name', required: true, pattern: '[%|a-zA-Z0-9_-]+', maxlength: '127' });
  const read = h('input', { id: 'new-topic-read', type: 'number', min: '1', max: '1024', value: '4' });
  const write = h('input', { id: 'new-topic-write', type: 'number', min: '1', max: '1024', value: '4' });
  const perm = permSelect('new-topic-perm', 6);
  const order = h('input', { id: 'new-topic-order', type: 'checkbox' });
  return h('form', { class: 'form', id: 'create-topic', on: { submit: async (event) => {
    event.preventDefault();
    const topic = name.value.trim();
    const spec = { topic, readQueues: Number(read.value), writeQueues: Number(write.value),
      perm: Number(perm.value), order: order.checked };
    const created = await change('Create topic', `Create the topic ${topic} with ${spec.writeQueues} write and `
      + `${spec.readQueues} read queues (${permText(spec.perm)})?`, 'Create',
    () => api.createTopic(spec), `Topic ${topic} created.`);
    if (created) {
      location.hash = `#/topics/${encodeURIComponent(topic)}`;
    }
  } } },
  h('label', {}, 'Name', name), h('label', {}, 'Write queues', write), h('label', {}, 'Read queues', read),
  h('label', {}, 'Permission', perm), h('label', { class: 'inline' }, order, 'Ordered'),
  h('button', { type: 'submit', id: 'create-topic-submit', class: 'primary' }, 'Create topic'));
}

function permSelect(id, value) {
  return h('select', { id }, [6, 4, 2].map((p) => h('option', { value: String(p), selected: p === value },
    permText(p))));
}

async function renderTopic(main, topic) {
  const t = await api.topic(topic);
  main.replaceChildren(
    h('p', {}, link('#/topics', '← Topics')),
    h('h1', { id: 'topic-title' }, `Topic ${t.topic}`),
    h('p', { class: 'muted' }, `${t.system ? 'System' : 'User'} topic · ${permText(t.perm)} · `
      + `${t.writeQueues} write / ${t.readQueues} read queues${t.order ? ' · ordered' : ''}`),
    section('Queues', table([
      { title: 'Queue', value: (q) => q.queueId, cls: 'num' },
      { title: 'Min offset', value: (q) => number(q.minOffset), cls: 'num' },
      { title: 'Max offset', value: (q) => number(q.maxOffset), cls: 'num' },
      { title: 'Messages', value: (q) => number(q.maxOffset - q.minOffset), cls: 'num' },
      { title: 'Last stored', value: (q) => time(q.lastStoreTimeMillis) }], t.queues, { testid: 'queues-table' })),
    section('Consumer groups', t.consumerGroups.length === 0 ? h('p', { class: 'muted' }, 'No group consumes it.')
      : h('ul', { id: 'topic-groups' }, t.consumerGroups.map((g) => h('li', {},
        link(`#/groups/${encodeURIComponent(g)}`, g))))),
    h('p', {}, link(`#/messages/?topic=${encodeURIComponent(t.topic)}`, 'Search its messages')),
    t.system ? null : section('Send a test message', sendForm(t.topic)),
    t.system ? null : section('Change', editForm(t)),
  );
}

function sendForm(topic) {
  const body = h('textarea', { id: 'send-body', rows: '4', required: true, placeholder: '{"hello": "world"}' });
  const tag = h('input', { id: 'send-tag', placeholder: 'TagA' });
  const keys = h('input', { id: 'send-keys', placeholder: 'order-42' });
  const props = h('textarea', { id: 'send-properties', rows: '2', placeholder: 'one name=value per line' });
  const result = h('p', { id: 'send-result', class: 'muted' });
  return h('form', { class: 'form', id: 'send-message', on: { submit: async (event) => {
    event.preventDefault();
    let properties;
    try {
      properties = parseProperties(props.value);
    } catch (e) {
      showError(e.message);
      return;
    }
    const sent = await change('Send test message', `Store this message in ${topic}? Consumers of the topic will `
      + 'receive it.', 'Send', () => api.sendMessage(topic, { body: body.value, tag: tag.value || null,
      keys: keys.value || null, properties }), (s) => `Message ${s.msgId} stored in queue ${s.queueId}.`);
    if (sent) {
      result.replaceChildren('Stored as ', link(`#/messages/${encodeURIComponent(sent.offsetMsgId)}`, sent.msgId),
        ` (queue ${sent.queueId}, offset ${sent.queueOffset}).`);
    }
  } } },
  h('label', { class: 'wide' }, 'Body', body), h('label', {}, 'Tag', tag), h('label', {}, 'Keys', keys),
  h('label', { class: 'wide' }, 'Properties', props),
  h('button', { type: 'submit', id: 'send-submit', class: 'primary' }, 'Send'), result);
}

function parseProperties(text) {
  const properties = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l)) {
    const eq = line.indexOf('=');
    if (eq <= 0) {
      throw new Error(`The property line "${line}" is not name=value.`);
    }
    properties[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return properties;
}

function editForm(t) {
  const read = h('input', { id: 'edit-topic-read', type: 'number', min: '1', max: '1024', value: String(t.readQueues) });
  const write = h('input', { id: 'edit-topic-write', type: 'number', min: '1', max: '1024',
    value: String(t.writeQueues) });
  const perm = permSelect('edit-topic-perm', t.perm);
  const update = h('form', { class: 'form', id: 'edit-topic', on: { submit: async (event) => {
    event.preventDefault();
    const spec = { readQueues: Number(read.value), writeQueues: Number(write.value), perm: Number(perm.value) };
    const done = await change('Change topic', `Give ${t.topic} ${spec.writeQueues} write and ${spec.readQueues} read `
      + `queues (${permText(spec.perm)})?`, 'Change', () => api.updateTopic(t.topic, spec), `Topic ${t.topic} changed.`);
    if (done) {
      renderTopic(document.getElementById('page'), t.topic);
    }
  } } },
  h('label', {}, 'Write queues', write), h('label', {}, 'Read queues', read), h('label', {}, 'Permission', perm),
  h('button', { type: 'submit', id: 'edit-topic-submit' }, 'Save'));
  const remove = h('button', { id: 'delete-topic', class: 'danger', on: { click: async () => {
    const done = await change('Delete topic', `Delete ${t.topic}? Its queues and the offsets of every group on it `
      + 'are removed; its messages can no longer be consumed.', 'Delete', () => api.deleteTopic(t.topic),
    `Topic ${t.topic} deleted.`);
    if (done) {
      location.hash = '#/topics';
    }
  } } }, 'Delete topic');
  return h('div', {}, update, h('p', {}, remove));
}
