// Consumer groups: the list with lag; one group's members, subscriptions, lag per queue and over time, reset, delete.
import { api } from './api.js';
import { h, section, table, pagedTable, link, number, rate, time, localInput, change, showError, timeChart,
  whenChartsLoaded } from './ui.js';

let timer = null;
let chart = null;

export async function render(main, group) {
  return group ? renderGroup(main, group) : renderList(main);
}

async function renderList(main) {
  const groups = await api.groups();
  const showSystem = h('input', { id: 'show-system-groups', type: 'checkbox' });
  const list = h('div', { id: 'group-list' });
  const draw = () => list.replaceChildren(pagedTable([
    { title: 'Group', value: (g) => link(`#/groups/${encodeURIComponent(g.group)}`, g.group) },
    { title: 'State', value: (g) => h('span', { class: g.online ? 'ok' : 'muted' }, g.online ? 'online' : 'offline') },
    { title: 'Members', value: (g) => g.members, cls: 'num' },
    { title: 'Model', value: (g) => g.messageModel || '—' },
    { title: 'Topics', value: (g) => g.topics.join(', ') },
    { title: 'Lag', value: (g) => number(g.lag), cls: 'num' },
    { title: 'Consumed', value: (g) => rate(g.outPerSecond), cls: 'num' }],
  groups.filter((g) => showSystem.checked || !g.system), { empty: 'No consumer group yet.', testid: 'groups-table' }));
  showSystem.addEventListener('change', draw);
  main.replaceChildren(h('h1', {}, 'Consumer groups'),
    h('div', { class: 'toolbar' }, h('label', { class: 'inline' }, showSystem, 'Show system groups')), list);
  draw();
}

async function renderGroup(main, name) {
  dispose(); // when shown again after a reset
  const [g, lag] = await Promise.all([api.group(name), api.lag(name)]);
  const chartBox = h('div', { class: 'chart', id: 'lag-chart' });
  main.replaceChildren(
    h('p', {}, link('#/groups', '← Consumer groups')),
    h('h1', { id: 'group-title' }, `Group ${g.group}`),
    h('p', { class: 'muted' }, [g.online ? 'online' : 'offline', g.messageModel, g.consumeType, g.consumeFromWhere]
      .filter((x) => x).join(' · ')),
    h('div', { class: 'cards' },
      h('div', { class: 'card', 'data-testid': 'total-lag' }, h('div', { class: 'label' }, 'Total lag'),
        h('div', { class: 'value', id: 'total-lag' }, number(g.totalLag))),
      h('div', { class: 'card' }, h('div', { class: 'label' }, 'Dead letters'),
        h('div', { class: 'value' }, link(`#/dead-letters/${encodeURIComponent(g.group)}`, number(g.deadLetters)))),
      h('div', { class: 'card' }, h('div', { class: 'label' }, 'Retries stored'),
        h('div', { class: 'value' }, number(g.retries)))),
    section('Lag over time', chartBox),
    section('Members', table([
      { title: 'Client id', value: (m) => m.clientId },
      { title: 'Address', value: (m) => m.address },
      { title: 'Language', value: (m) => m.language },
      { title: 'Version', value: (m) => m.version },
      { title: 'Last heartbeat', value: (m) => time(m.lastHeartbeatMillis) }], g.members,
    { empty: 'No member is online.', testid: 'members-table' })),
    section('Subscriptions', table([
      { title: 'Topic', value: (s) => link(`#/topics/${encodeURIComponent(s.topic)}`, s.topic) },
      { title: 'Type', value: (s) => s.expressionType },
      { title: 'Expression', value: (s) => s.expression }], g.subscriptions,
    { empty: 'No subscription reported (no member online).', testid: 'subscriptions-table' })),
    section('Lag per queue', table([
      { title: 'Topic', value: (q) => q.topic },
      { title: 'Queue', value: (q) => q.queueId, cls: 'num' },
      { title: 'Broker offset', value: (q) => number(q.brokerOffset), cls: 'num' },
      { title: 'Consumer offset', value: (q) => number(q.consumerOffset), cls: 'num' },
      { title: 'Lag', value: (q) => number(q.lag), cls: 'num' }], g.queues, { testid: 'lag-table' })),
    section('Reset offsets', resetForm(g)),
    section('Delete', deleteButton(g)));
  // a group seen for the first time has no samples yet: its lag now is the first point
  const points = lag.length > 0 ? lag : [{ timeMillis: Date.now(), lag: g.totalLag }];
  chart = await whenChartsLoaded(chartBox, () => timeChart(chartBox, [{ label: 'lag', stroke: '#c0392b' }],
    points.map((p) => [p.timeMillis, p.lag])));
  timer = setInterval(async () => {
    try {
      const points = await api.lag(name);
      chart?.setData([points.map((p) => p.timeMillis / 1000), points.map((p) => p.lag)]);
    } catch (e) {
      // tried again at the next tick
    }
  }, 5000);
  return { dispose };
}

function dispose() {
  clearInterval(timer);
  if (chart) {
    chart.destroy();
  }
  chart = null;
}

function resetForm(g) {
  const topics = [...new Set(g.queues.map((q) => q.topic))];
  const topic = h('select', { id: 'reset-topic' }, topics.map((t) => h('option', { value: t }, t)));
  const to = h('select', { id: 'reset-to' }, h('option', { value: 'end' }, 'the end (skip everything stored)'),
    h('option', { value: 'time' }, 'a time'));
  const at = h('input', { id: 'reset-time', type: 'datetime-local', step: '1', value: localInput(Date.now() - 3600000) });
  const syncTime = () => { at.disabled = to.value !== 'time'; };
  to.addEventListener('change', syncTime);
  syncTime();
  return h('form', { class: 'form', id: 'reset-offset', on: { submit: async (event) => {
    event.preventDefault();
    if (!topic.value) {
      showError('The group consumes no topic here.');
      return;
    }
    const reset = { topic: topic.value, to: to.value };
    let what = 'to the end: every message stored now is skipped';
    if (to.value === 'time') {
      reset.timestampMillis = new Date(at.value).getTime();
      if (Number.isNaN(reset.timestampMillis)) {
        showError('Enter the time to reset to.');
        return;
      }
      what = `to ${time(reset.timestampMillis)}: messages stored since then are consumed (again)`;
    }
    const done = await change('Reset offsets', `Move the offsets of ${g.group} on ${topic.value} ${what}?`, 'Reset',
      () => api.resetOffset(g.group, reset), `Offsets of ${g.group} on ${topic.value} reset.`);
    if (done) {
      renderGroup(document.getElementById('page'), g.group);
    }
  } } },
  h('label', {}, 'Topic', topic), h('label', {}, 'Move to', to), h('label', {}, 'Time', at),
  h('button', { type: 'submit', id: 'reset-submit', class: 'danger' }, 'Reset offsets'));
}

function deleteButton(g) {
  return h('div', {},
    h('p', { class: 'muted' }, g.online ? 'Stop the group\'s consumers before deleting it.'
      : 'Deleting forgets its offsets, retries and dead letters.'),
    h('button', { id: 'delete-group', class: 'danger', disabled: g.online, on: { click: async () => {
      const done = await change('Delete group', `Delete ${g.group}? Its committed offsets, its retry topic and its `
        + 'dead letters are removed.', 'Delete', () => api.deleteGroup(g.group), `Group ${g.group} deleted.`);
      if (done) {
        location.hash = '#/groups';
      }
    } } }, 'Delete group'));
}
