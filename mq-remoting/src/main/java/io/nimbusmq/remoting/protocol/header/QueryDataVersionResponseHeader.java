package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of QUERY_DATA_VERSION (322); remoting-protocol.md §3.4. RocketMQ's
 * {@code QueryDataVersionResponseHeader}.
 *
 * <pre>
 * | field   | wire name | required | notes                                                        |
 * |---------|-----------|----------|--------------------------------------------------------------|
 * | changed | changed   | yes      | the broker's data version differs from the registered one    |
 * </pre>
 */
public record QueryDataVersionResponseHeader(boolean changed) implements CommandHeader {

    public static QueryDataVersionResponseHeader readFrom(RemotingCommand response) {
        return new QueryDataVersionResponseHeader(response.requiredBoolean("changed"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("changed", changed);
    }
}
