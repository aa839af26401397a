package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_MAX_OFFSET (30); remoting-protocol.md §4.3. RocketMQ's {@code GetMaxOffsetRequestHeader};
 * answered with an {@link OffsetResponseHeader} holding the queue's next offset to write.
 *
 * <pre>
 * | field      | wire name | required | notes                                             |
 * |------------|-----------|----------|---------------------------------------------------|
 * | topic      | topic     | yes      |                                                   |
 * | queueId    | queueId   | yes      |                                                   |
 * | committed  | committed | no       | true when absent; counts only committed messages  |
 * | brokerName | bname     | no       |                                                   |
 * </pre>
 *
 * @param brokerName {@code null} when absent
 */
public record GetMaxOffsetRequestHeader(String topic, int queueId, boolean committed, String brokerName)
        implements CommandHeader {

    public static GetMaxOffsetRequestHeader readFrom(RemotingCommand request) {
        return new GetMaxOffsetRequestHeader(request.requiredString("topic"), request.requiredInt("queueId"),
                request.optionalBoolean("committed", true), request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("queueId", queueId)
                .putExtField("committed", committed)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
