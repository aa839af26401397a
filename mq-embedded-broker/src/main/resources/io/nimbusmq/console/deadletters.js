// Dead letters and retries per group: list, inspect, resend one or all to the original topic, delete.
import { api } from './api.js';
import { h, section, table, link, number, time, change } from './ui.js';

export async function render(main, group) {
  return group ? renderGroup(main, group) : renderGroups(main);
}

async function renderGroups(main) {
  const groups = await api.deadLetterGroups();
  main.replaceChildren(h('h1', {}, 'Dead letters and retries'),
    h('p', { class: 'muted' }, 'A message a consumer fails is retried (%RETRY%group) and, after its last retry, '
      + 'becomes a dead letter (%DLQ%group).'),
    table([
      { title: 'Group', value: (g) => link(`#/dead-letters/${encodeURIComponent(g.group)}`, g.group) },
      { title: 'Dead letters', value: (g) => number(g.deadLetters), cls: 'num' },
      { title: 'Retries stored', value: (g) => number(g.retries), cls: 'num' }], groups,
    { empty: 'No group has dead letters or retries.', testid: 'dead-letter-groups' }));
}

async function renderGroup(main, group) {
  const [dead, retries] = await Promise.all([api.deadLetters(group), api.retries(group)]);
  const reload = () => renderGroup(document.getElementById('page'), group);
  main.replaceChildren(
    h('p', {}, link('#/dead-letters', '← Dead letters')),
    h('h1', {}, `Dead letters of ${group}`),
    h('div', { class: 'toolbar' },
      h('button', { id: 'resend-all', disabled: dead.messages.length === 0, on: { click: async () => {
        if (await change('Resend all dead letters', `Send every dead letter of ${group} back to its original topic? `
          + 'Its consumers receive them again.', 'Resend all', () => api.resendAllDeadLetters(group),
        (sent) => `${sent.length} dead letter(s) sent back.`)) {
          reload();
        }
      } } }, 'Resend all'),
      h('button', { id: 'delete-dead-letters', class: 'danger', disabled: dead.messages.length === 0, on: {
        click: async () => {
          if (await change('Delete dead letters', `Delete every dead letter of ${group}? They cannot be resent `
            + 'afterwards.', 'Delete', () => api.deleteDeadLetters(group), `Dead letters of ${group} deleted.`)) {
            reload();
          }
        } } }, 'Delete all')),
    messageTable(dead, 'dead-letters-table', 'No dead letters.', (m) => h('button', { class: 'resend-dead-letter',
      'data-msgid': m.msgId || m.offsetMsgId, on: { click: async () => {
        if (await change('Resend dead letter', `Send ${m.msgId || m.offsetMsgId} back to its original topic? Its `
          + 'consumers receive it again.', 'Resend', () => api.resendDeadLetter(group, m.msgId || m.offsetMsgId),
        (r) => `Sent back to ${r.topic}.`)) {
          reload();
        }
      } } }, 'Resend')),
    section('Retries', messageTable(retries, 'retries-table', 'No retries stored.', null)));
}

function messageTable(result, testid, empty, action) {
  const columns = [
    { title: 'Message id', value: (m) => link(`#/messages/${encodeURIComponent(m.offsetMsgId)}`, m.msgId || m.offsetMsgId) },
    { title: 'Tags', value: (m) => m.tags || '' },
    { title: 'Keys', value: (m) => m.keys || '' },
    { title: 'Stored', value: (m) => time(m.storeTimeMillis) },
    { title: 'Reconsumed', value: (m) => m.reconsumeTimes, cls: 'num' },
    { title: 'Size', value: (m) => `${number(m.bodyBytes)} B`, cls: 'num' }];
  if (action) {
    columns.push({ title: '', value: action });
  }
  return h('div', {}, table(columns, result.messages, { empty, testid }),
    result.truncated ? h('p', { class: 'muted' }, 'Only the newest are shown.') : null);
}
