package io.nimbusmq.broker.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import io.nimbusmq.broker.client.ClientChannelInfo;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.broker.stats.ConsumeProgress;
import io.nimbusmq.remoting.protocol.body.admin.ConsumeStats;
import io.nimbusmq.store.MessageStore;

/**
 * The broker's meters in Prometheus' text format, named and labelled as RocketMQ 5.x's broker names them (its
 * {@code BrokerMetricsConstant}), so that dashboards and alert rules written for RocketMQ work unchanged. Every
 * sample carries {@code cluster}, {@code node_type="broker"} and {@code node_id} (the broker name).
 *
 * <pre>
 * | meter                               | type    | labels                 | from                                   |
 * |-------------------------------------|---------|------------------------|----------------------------------------|
 * | rocketmq_messages_in_total          | counter | topic                  | TOPIC_PUT_NUMS                         |
 * | rocketmq_throughput_in_total        | counter | topic                  | TOPIC_PUT_SIZE (bytes)                 |
 * | rocketmq_messages_out_total         | counter | topic, consumer_group  | GROUP_GET_NUMS                         |
 * | rocketmq_throughput_out_total       | counter | topic, consumer_group  | GROUP_GET_SIZE (bytes)                 |
 * | rocketmq_consumer_lag_messages      | gauge   | topic, consumer_group  | max offset - committed offset          |
 * | rocketmq_consumer_inflight_messages | gauge   | topic, consumer_group  | next pull offset - committed offset    |
 * | rocketmq_consumer_ready_messages    | gauge   | topic, consumer_group  | max offset - next pull offset          |
 * | rocketmq_consumer_lag_latency       | gauge   | topic, consumer_group  | ms since the oldest unconsumed message |
 * | rocketmq_send_to_dlq_messages_total | counter | consumer_group         | DLQ_PUT_NUMS                           |
 * | rocketmq_commit_messages_total      | counter |                        | transactions committed                 |
 * | rocketmq_rollback_messages_total    | counter |                        | transactions rolled back               |
 * | rocketmq_producer_connections       | gauge   |                        | producer channels online               |
 * | rocketmq_consumer_connections       | gauge   |                        | consumer channels online               |
 * </pre>
 *
 * Counters count from the broker's start (Prometheus' {@code rate()} handles restarts). The consumer gauges cover
 * every group that committed an offset; computing them reads one message per lagging queue (its store time), which
 * is a scrape's cost, not the message path's: the counters are {@link BrokerStats}' own, added to without a lock.
 * RocketMQ's {@code message_type} label is not given: the broker counts per topic, not per message type.
 */
public final class BrokerMetrics {

    /** What the meters read. */
    public record Sources(BrokerStats stats, ConsumeProgress progress, ConsumerOffsetTable offsets,
            MessageStore store, ProducerManager producers, ConsumerManager consumers) {
    }

    private final Sources sources;
    private final String clusterName;
    private final String brokerName;
    private final Clock clock;

    public BrokerMetrics(Sources sources, String clusterName, String brokerName, Clock clock) {
        this.sources = sources;
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.clock = clock;
    }

    /** Every meter, now. */
    public String scrape() {
        PrometheusText out = new PrometheusText("cluster", clusterName, "node_type", "broker", "node_id", brokerName);
        traffic(out);
        consumers(out);
        BrokerStats stats = sources.stats();
        out.family("rocketmq_send_to_dlq_messages_total", "counter", "Messages moved to a dead-letter queue.");
        stats.deadLettersByGroup().forEach((group, count) ->
                out.sample("rocketmq_send_to_dlq_messages_total", count, "consumer_group", group));
        out.family("rocketmq_commit_messages_total", "counter", "Transactional messages committed.")
                .sample("rocketmq_commit_messages_total", stats.transactionsCommitted());
        out.family("rocketmq_rollback_messages_total", "counter", "Transactional messages rolled back.")
                .sample("rocketmq_rollback_messages_total", stats.transactionsRolledBack());
        out.family("rocketmq_producer_connections", "gauge", "Producer connections online.")
                .sample("rocketmq_producer_connections", producerConnections());
        out.family("rocketmq_consumer_connections", "gauge", "Consumer connections online.")
                .sample("rocketmq_consumer_connections", consumerConnections());
        return out.toString();
    }

    private void traffic(PrometheusText out) {
        BrokerStats stats = sources.stats();
        out.family("rocketmq_messages_in_total", "counter", "Messages stored.");
        stats.forEachTopic((topic, c) -> out.sample("rocketmq_messages_in_total", c.nums().total(), "topic", topic));
        out.family("rocketmq_throughput_in_total", "counter", "Bytes of messages stored.");
        stats.forEachTopic((topic, c) -> out.sample("rocketmq_throughput_in_total", c.size().total(), "topic", topic));
        out.family("rocketmq_messages_out_total", "counter", "Messages delivered to consumers.");
        stats.forEachTopicAndGroup((topic, group, c) -> out.sample("rocketmq_messages_out_total", c.nums().total(),
                "topic", topic, "consumer_group", group));
        out.family("rocketmq_throughput_out_total", "counter", "Bytes of messages delivered to consumers.");
        stats.forEachTopicAndGroup((topic, group, c) -> out.sample("rocketmq_throughput_out_total",
                c.size().total(), "topic", topic, "consumer_group", group));
    }

    private void consumers(PrometheusText out) {
        List<Progress> all = new ArrayList<>();
        sources.offsets().groupsAndTopics().forEach((group, topics) -> topics.forEach(topic -> {
            Progress p = progress(group, topic);
            if (p != null) {
                all.add(p);
            }
        }));
        consumerGauge(out, all, "rocketmq_consumer_lag_messages", "Messages stored but not yet consumed.",
                Progress::lag);
        consumerGauge(out, all, "rocketmq_consumer_inflight_messages", "Messages pulled but not yet acknowledged.",
                Progress::inflight);
        consumerGauge(out, all, "rocketmq_consumer_ready_messages", "Messages stored and not yet pulled.",
                p -> p.lag() - p.inflight());
        consumerGauge(out, all, "rocketmq_consumer_lag_latency",
                "Milliseconds since the oldest message not yet consumed was stored.", Progress::latencyMillis);
    }

    private static void consumerGauge(PrometheusText out, List<Progress> all, String name, String help,
            ToLongFunction<Progress> value) {
        out.family(name, "gauge", help);
        for (Progress p : all) {
            out.sample(name, value.applyAsLong(p), "topic", p.topic(), "consumer_group", p.group());
        }
    }

    private Progress progress(String group, String topic) {
        ConsumeStats stats = sources.progress().of(group, topic);
        if (stats == null) {
            return null;
        }
        long oldest = Long.MAX_VALUE;
        for (var entry : stats.offsetTable().entrySet()) {
            ConsumeStats.OffsetWrapper queue = entry.getValue();
            if (queue.brokerOffset() > queue.consumerOffset()) {
                long stored = ConsumeProgress.storeTimeAt(sources.store(), topic, entry.getKey().queueId(),
                        queue.consumerOffset());
                if (stored > 0) {
                    oldest = Math.min(oldest, stored);
                }
            }
        }
        long latency = oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest);
        return new Progress(group, topic, stats.totalDiff(), stats.totalInflight(), latency);
    }

    /** Distinct channels: a client that is in several groups (its inner producer group too) counts once. */
    private long producerConnections() {
        ProducerManager producers = sources.producers();
        return producers.groups().stream().flatMap(group -> producers.connections(group).stream())
                .map(ClientChannelInfo::channel).distinct().count();
    }

    private long consumerConnections() {
        ConsumerManager consumers = sources.consumers();
        return consumers.groups().stream().flatMap(group -> consumers.group(group).stream())
                .flatMap(info -> info.clients().stream()).map(ClientChannelInfo::channel).distinct().count();
    }

    private record Progress(String group, String topic, long lag, long inflight, long latencyMillis) {
    }
}
