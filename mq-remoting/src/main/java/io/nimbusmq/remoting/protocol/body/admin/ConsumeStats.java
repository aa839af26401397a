package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * GET_CONSUME_STATS body (208), and an entry of {@link ConsumeStatsList}: a group's progress per queue, keyed by
 * queue as fastjson writes it ({@link QueueKeyedMapSerializer}).
 *
 * @param consumeTps messages per second delivered to the group over the last minute
 */
public record ConsumeStats(double consumeTps,
        @JsonSerialize(using = QueueKeyedMapSerializer.class) Map<MessageQueue, OffsetWrapper> offsetTable) {

    /**
     * Progress of a group on one queue; lag = brokerOffset - consumerOffset, in flight = pullOffset -
     * consumerOffset.
     *
     * @param lastTimestamp store time of the last message the group consumed (at consumerOffset - 1), 0 if none
     */
    public record OffsetWrapper(long brokerOffset, long consumerOffset, long pullOffset, long lastTimestamp) {
    }

    /** Messages stored but not yet consumed, over all queues. */
    public long totalDiff() {
        return offsetTable.values().stream().mapToLong(o -> o.brokerOffset() - o.consumerOffset()).sum();
    }

    /** Messages pulled but not yet acknowledged, over all queues. */
    public long totalInflight() {
        return offsetTable.values().stream().mapToLong(o -> o.pullOffset() - o.consumerOffset()).sum();
    }
}
