// Overview: who the broker is, its disk and traffic, the busiest and most lagging topics and groups.
import { api } from './api.js';
import { h, card, section, table, link, number, rate, bytes, duration, time, timeChart, whenChartsLoaded }
  from './ui.js';

let timer = null;
let chart = null;

export async function render(main) {
  const [overview, traffic] = await Promise.all([api.overview(), api.traffic()]);
  const cards = h('div', { class: 'cards', id: 'overview-cards' });
  const chartBox = h('div', { class: 'chart', id: 'traffic-chart' });
  const tables = h('div', { class: 'columns', id: 'overview-tables' });
  main.replaceChildren(h('h1', {}, `Broker ${overview.brokerName}`), cards,
    section('Messages per second (last minutes)', chartBox), tables);
  fill(cards, tables, overview);
  chart = await whenChartsLoaded(chartBox, () => drawTraffic(chartBox, traffic));
  timer = setInterval(async () => {
    try {
      const [o, t] = await Promise.all([api.overview(), api.traffic()]);
      fill(cards, tables, o);
      chart?.setData(series(t));
    } catch (e) {
      // the next refresh tries again; a broker that stopped shows on the next navigation
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

function fill(cards, tables, o) {
  const d = o.disk;
  cards.replaceChildren(
    card('Cluster', o.clusterName, 'card-cluster'),
    card('Address', o.address, 'card-address'),
    card('Version', o.version, 'card-version'),
    card('Up for', duration(o.uptimeMillis), 'card-uptime'),
    card('Started', time(o.startedAtMillis), 'card-started'),
    card('Messages in', rate(o.inPerSecond), 'card-in'),
    card('Messages out', rate(o.outPerSecond), 'card-out'),
    card('Connections', number(o.connections), 'card-connections'),
    card('Topics', number(o.topics), 'card-topics'),
    card('Consumer groups', number(o.consumerGroups), 'card-groups'),
    card('Commit log', bytes(d.commitLogBytes), 'card-commitlog'),
    card('Disk', d.totalBytes > 0 ? `${bytes(d.totalBytes - d.usableBytes)} of ${bytes(d.totalBytes)} used` : 'unknown',
      'card-disk'),
    card('Store', d.writable ? 'accepting messages' : `NOT accepting messages: ${d.notWritableReason}`, 'card-store'));
  tables.replaceChildren(
    section('Busiest topics', table([
      { title: 'Topic', value: (t) => link(`#/topics/${encodeURIComponent(t.topic)}`, t.topic) },
      { title: 'In', value: (t) => rate(t.inPerSecond), cls: 'num' }], o.busiestTopics,
    { empty: 'No messages stored in the last interval.', testid: 'busiest-topics' })),
    section('Busiest groups', table([
      { title: 'Group', value: (g) => link(`#/groups/${encodeURIComponent(g.group)}`, g.group) },
      { title: 'Out', value: (g) => rate(g.outPerSecond), cls: 'num' }], o.busiestGroups,
    { empty: 'No messages consumed in the last interval.', testid: 'busiest-groups' })),
    section('Most lagging groups', table([
      { title: 'Group', value: (g) => link(`#/groups/${encodeURIComponent(g.group)}`, g.group) },
      { title: 'Lag', value: (g) => number(g.lag), cls: 'num' }], o.mostLaggingGroups,
    { empty: 'No group is behind.', testid: 'lagging-groups' })));
}

function series(traffic) {
  return [traffic.map((p) => p.timeMillis / 1000), traffic.map((p) => p.inPerSecond),
    traffic.map((p) => p.outPerSecond)];
}

function drawTraffic(box, traffic) {
  return timeChart(box, [{ label: 'in/s', stroke: '#1f5fbf' }, { label: 'out/s', stroke: '#1b8a5a' }],
    traffic.map((p) => [p.timeMillis, p.inPerSecond, p.outPerSecond]));
}
