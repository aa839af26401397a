package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of VIEW_MESSAGE_BY_ID (33); remoting-protocol.md §4.8. RocketMQ's {@code ViewMessageRequestHeader}. The
 * answer's body is the stored message.
 *
 * <pre>
 * | field  | wire name | required | notes                                      |
 * |--------|-----------|----------|--------------------------------------------|
 * | topic  | topic     | no       |                                            |
 * | offset | offset    | yes      | the physical offset inside the offsetMsgId |
 * </pre>
 *
 * @param topic {@code null} when absent
 */
public record ViewMessageRequestHeader(String topic, long offset) implements CommandHeader {

    public static ViewMessageRequestHeader readFrom(RemotingCommand request) {
        return new ViewMessageRequestHeader(request.optionalString("topic"), request.requiredLong("offset"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("offset", offset);
    }
}
