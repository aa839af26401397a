package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of QUERY_CONSUMER_OFFSET (14), SEARCH_OFFSET_BY_TIMESTAMP (29), GET_MAX_OFFSET (30) and
 * GET_MIN_OFFSET (31); remoting-protocol.md §4.3. RocketMQ's {@code QueryConsumerOffsetResponseHeader},
 * {@code SearchOffsetResponseHeader}, {@code GetMaxOffsetResponseHeader} and {@code GetMinOffsetResponseHeader}, which
 * all hold one field.
 *
 * <pre>
 * | field  | wire name | required | notes                  |
 * |--------|-----------|----------|------------------------|
 * | offset | offset    | yes      | a queue offset         |
 * </pre>
 */
public record OffsetResponseHeader(long offset) implements CommandHeader {

    public static OffsetResponseHeader readFrom(RemotingCommand response) {
        return new OffsetResponseHeader(response.requiredLong("offset"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("offset", offset);
    }
}
