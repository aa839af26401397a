package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of INVOKE_BROKER_TO_RESET_OFFSET (222, admin to broker) and RESET_CONSUMER_CLIENT_OFFSET (220, broker to
 * each online client of the group, with the new offsets as body); remoting-protocol.md §4.9. RocketMQ's
 * {@code ResetOffsetRequestHeader}.
 *
 * <pre>
 * | field     | wire name | required | notes                                                  |
 * |-----------|-----------|----------|--------------------------------------------------------|
 * | topic     | topic     | yes      |                                                        |
 * | group     | group     | yes      |                                                        |
 * | queueId   | queueId   | no       | -1 (all queues) when absent                            |
 * | offset    | offset    | no       | a queue offset, with a queueId                         |
 * | timestamp | timestamp | yes      | ms: move to the first message stored at or after it    |
 * | force     | isForce   | yes      | also move offsets forward, not only back               |
 * </pre>
 *
 * @param offset {@code null} when absent
 */
public record ResetOffsetRequestHeader(String topic, String group, int queueId, Long offset, long timestamp,
        boolean force) implements CommandHeader {

    public static ResetOffsetRequestHeader readFrom(RemotingCommand request) {
        return new ResetOffsetRequestHeader(request.requiredString("topic"), request.requiredString("group"),
                request.optionalInt("queueId", -1), HeaderFields.longValue(request, "offset"),
                request.requiredLong("timestamp"), request.requiredBoolean("isForce"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("group", group)
                .putExtField("queueId", queueId)
                .putExtField("offset", offset)
                .putExtField("timestamp", timestamp)
                .putExtField("isForce", force);
    }
}
