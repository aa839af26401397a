package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of UPDATE_CONSUMER_OFFSET (15, oneway from 5.x clients); remoting-protocol.md §4.3. RocketMQ's
 * {@code UpdateConsumerOffsetRequestHeader}.
 *
 * <pre>
 * | field         | wire name     | required |
 * |---------------|---------------|----------|
 * | consumerGroup | consumerGroup | yes      |
 * | topic         | topic         | yes      |
 * | queueId       | queueId       | yes      |
 * | commitOffset  | commitOffset  | yes      |
 * | brokerName    | bname         | no       |
 * </pre>
 *
 * @param brokerName {@code null} when absent
 */
public record UpdateConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId, long commitOffset,
        String brokerName) implements CommandHeader {

    public static UpdateConsumerOffsetRequestHeader readFrom(RemotingCommand request) {
        return new UpdateConsumerOffsetRequestHeader(request.requiredString("consumerGroup"),
                request.requiredString("topic"), request.requiredInt("queueId"), request.requiredLong("commitOffset"),
                request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("consumerGroup", consumerGroup)
                .putExtField("topic", topic)
                .putExtField("queueId", queueId)
                .putExtField("commitOffset", commitOffset)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
