package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of the admin requests that name only a topic: GET_TOPIC_STATS_INFO (202), DELETE_TOPIC_IN_BROKER (215),
 * GET_TOPIC_CONFIG (351) and QUERY_TOPIC_CONSUME_BY_WHO (300); remoting-protocol.md §4.9. RocketMQ's
 * {@code GetTopicStatsInfoRequestHeader}, {@code DeleteTopicRequestHeader}, {@code GetTopicConfigRequestHeader} and
 * {@code QueryTopicConsumeByWhoRequestHeader}, which have the same field.
 *
 * <pre>
 * | field | wire name | required |
 * |-------|-----------|----------|
 * | topic | topic     | yes      |
 * </pre>
 */
public record TopicRequestHeader(String topic) implements CommandHeader {

    public static TopicRequestHeader readFrom(RemotingCommand request) {
        return new TopicRequestHeader(request.requiredString("topic"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic);
    }
}
