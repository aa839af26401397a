package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Map;

/** GET_TOPIC_STATS_INFO body: queue (as {@link QueueKeys#key}) to its offsets. */
public record TopicStatsTable(Map<String, TopicOffset> offsetTable) {

    /** Offsets of one queue. */
    public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {
    }
}
