// Scheduled messages (delay levels and timers) by due time, and transactions waiting for their producer.
import { api } from './api.js';
import { h, section, table, link, time, duration } from './ui.js';

export async function render(main) {
  const [scheduled, transactions] = await Promise.all([api.scheduled(), api.transactions()]);
  const now = Date.now();
  main.replaceChildren(h('h1', {}, 'Scheduled messages and transactions'),
    section('Scheduled', h('p', { class: 'muted', id: 'scheduled-count' }, `${scheduled.total} waiting`
      + (scheduled.truncated ? ' (the newest are shown)' : '') + `; delivered up to ${time(scheduled.deliveredBeforeMillis)}.`),
    table([
      { title: 'Due', value: (s) => time(s.dueMillis) },
      { title: 'In', value: (s) => (s.dueMillis > now ? duration(s.dueMillis - now) : 'now') },
      { title: 'Kind', value: (s) => s.kind },
      { title: 'Topic', value: (s) => (s.realTopic ? link(`#/topics/${encodeURIComponent(s.realTopic)}`, s.realTopic) : '—') },
      { title: 'Message id', value: (s) => link(`#/messages/${encodeURIComponent(s.message.offsetMsgId)}`,
        s.message.msgId || s.message.offsetMsgId) },
      { title: 'Keys', value: (s) => s.message.keys || '' }], scheduled.messages,
    { empty: 'No delayed or timer message is waiting.', testid: 'scheduled-table' })),
    section('Transactions', h('p', { class: 'muted', id: 'transactions-summary' },
      `${transactions.waiting} waiting for their producer. The broker asks a producer of the group every `
      + `${duration(transactions.checkIntervalMillis)} about transactions older than `
      + `${duration(transactions.checkTimeoutMillis)}, at most ${transactions.checkMax} times; `
      + `${transactions.checkPasses} check pass(es) so far, ${transactions.discarded} discarded after the last check.`),
    table([
      { title: 'Transaction id', value: (t) => t.transactionId || '—', cls: 'mono' },
      { title: 'Producer group', value: (t) => t.producerGroup || '—' },
      { title: 'Topic', value: (t) => t.realTopic || '—' },
      { title: 'Keys', value: (t) => t.keys || '' },
      { title: 'Born', value: (t) => time(t.bornTimeMillis) },
      { title: 'Waiting for', value: (t) => duration(now - t.bornTimeMillis) },
      { title: 'Checks', value: (t) => t.checks, cls: 'num' }], transactions.messages,
    { empty: 'No transaction is waiting.', testid: 'transactions-table' })));
}
