package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/** GET_TOPIC_STATS_INFO body (202): each queue's offsets, keyed by queue as fastjson writes it. */
public record TopicStatsTable(
        @JsonSerialize(using = QueueKeyedMapSerializer.class) Map<MessageQueue, TopicOffset> offsetTable) {

    /** Offsets of one queue. */
    public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {
    }
}
