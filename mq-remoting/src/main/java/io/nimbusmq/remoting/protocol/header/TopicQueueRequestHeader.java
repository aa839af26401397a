package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_MIN_OFFSET (31, answered with an {@link OffsetResponseHeader}) and GET_EARLIEST_MSG_STORETIME
 * (32, answered with a {@link GetEarliestMsgStoretimeResponseHeader}); remoting-protocol.md §4.3. RocketMQ's
 * {@code GetMinOffsetRequestHeader} and {@code GetEarliestMsgStoretimeRequestHeader}, which have the same fields.
 *
 * <pre>
 * | field      | wire name | required |
 * |------------|-----------|----------|
 * | topic      | topic     | yes      |
 * | queueId    | queueId   | yes      |
 * | brokerName | bname     | no       |
 * </pre>
 *
 * @param brokerName {@code null} when absent
 */
public record TopicQueueRequestHeader(String topic, int queueId, String brokerName) implements CommandHeader {

    public static TopicQueueRequestHeader readFrom(RemotingCommand request) {
        return new TopicQueueRequestHeader(request.requiredString("topic"), request.requiredInt("queueId"),
                request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("queueId", queueId)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
