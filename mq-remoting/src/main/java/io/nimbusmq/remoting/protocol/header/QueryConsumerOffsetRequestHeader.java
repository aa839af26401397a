package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of QUERY_CONSUMER_OFFSET (14); remoting-protocol.md §4.3. RocketMQ's
 * {@code QueryConsumerOffsetRequestHeader}; answered with an {@link OffsetResponseHeader}.
 *
 * <pre>
 * | field             | wire name         | required | notes                                                |
 * |-------------------|-------------------|----------|------------------------------------------------------|
 * | consumerGroup     | consumerGroup     | yes      |                                                      |
 * | topic             | topic             | yes      |                                                      |
 * | queueId           | queueId           | yes      |                                                      |
 * | setZeroIfNotFound | setZeroIfNotFound | no       | absent means true: a young queue is read from 0      |
 * | brokerName        | bname             | no       |                                                      |
 * </pre>
 *
 * @param setZeroIfNotFound {@code null} when absent, which the broker treats as true
 * @param brokerName {@code null} when absent
 */
public record QueryConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId,
        Boolean setZeroIfNotFound, String brokerName) implements CommandHeader {

    public static QueryConsumerOffsetRequestHeader readFrom(RemotingCommand request) {
        return new QueryConsumerOffsetRequestHeader(request.requiredString("consumerGroup"),
                request.requiredString("topic"), request.requiredInt("queueId"),
                HeaderFields.bool(request, "setZeroIfNotFound"), request.optionalString(HeaderFields.BROKER_NAME));
    }

    /** Whether a group with no committed offset starts a queue that still holds its first message at 0. */
    public boolean zeroIfNotFound() {
        return setZeroIfNotFound == null || setZeroIfNotFound;
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("consumerGroup", consumerGroup)
                .putExtField("topic", topic)
                .putExtField("queueId", queueId)
                .putExtField("setZeroIfNotFound", setZeroIfNotFound)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
