package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of GET_EARLIEST_MSG_STORETIME (32); remoting-protocol.md §4.3. RocketMQ's
 * {@code GetEarliestMsgStoretimeResponseHeader}.
 *
 * <pre>
 * | field     | wire name | required | notes                                               |
 * |-----------|-----------|----------|-----------------------------------------------------|
 * | timestamp | timestamp | yes      | store time of the queue's first message, -1 if none |
 * </pre>
 */
public record GetEarliestMsgStoretimeResponseHeader(long timestamp) implements CommandHeader {

    public static GetEarliestMsgStoretimeResponseHeader readFrom(RemotingCommand response) {
        return new GetEarliestMsgStoretimeResponseHeader(response.requiredLong("timestamp"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("timestamp", timestamp);
    }
}
