package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of QUERY_MESSAGE (12); remoting-protocol.md §4.8. RocketMQ's {@code QueryMessageResponseHeader}.
 *
 * <pre>
 * | field                    | wire name                | required | notes                                  |
 * |--------------------------|--------------------------|----------|----------------------------------------|
 * | indexLastUpdateTimestamp | indexLastUpdateTimestamp | yes      | store time of the newest indexed entry |
 * | indexLastUpdatePhyoffset | indexLastUpdatePhyoffset | yes      | its physical offset                    |
 * </pre>
 */
public record QueryMessageResponseHeader(long indexLastUpdateTimestamp, long indexLastUpdatePhyoffset)
        implements CommandHeader {

    public static QueryMessageResponseHeader readFrom(RemotingCommand response) {
        return new QueryMessageResponseHeader(response.requiredLong("indexLastUpdateTimestamp"),
                response.requiredLong("indexLastUpdatePhyoffset"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("indexLastUpdateTimestamp", indexLastUpdateTimestamp)
                .putExtField("indexLastUpdatePhyoffset", indexLastUpdatePhyoffset);
    }
}
