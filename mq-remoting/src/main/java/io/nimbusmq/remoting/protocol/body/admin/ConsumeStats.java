package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Map;

/** GET_CONSUME_STATS body: queue (as {@link QueueKeys#key}) to the group's progress on it. */
public record ConsumeStats(double consumeTps, Map<String, OffsetWrapper> offsetTable) {

    /** Progress of a group on one queue; lag = brokerOffset - consumerOffset. */
    public record OffsetWrapper(long brokerOffset, long consumerOffset, long pullOffset, long lastTimestamp) {
    }
}
