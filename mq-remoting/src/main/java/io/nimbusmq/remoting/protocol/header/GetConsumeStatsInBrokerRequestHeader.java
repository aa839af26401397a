package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_BROKER_CONSUME_STATS (317, {@code mqadmin brokerConsumeStats}), admin to broker. RocketMQ's
 * {@code GetConsumeStatsInBrokerHeader}.
 *
 * <pre>
 * | field | wire name | required | notes                                   |
 * |-------|-----------|----------|-----------------------------------------|
 * | order | isOrder   | yes      | only topics configured as ordered       |
 * </pre>
 */
public record GetConsumeStatsInBrokerRequestHeader(boolean order) implements CommandHeader {

    public static GetConsumeStatsInBrokerRequestHeader readFrom(RemotingCommand request) {
        return new GetConsumeStatsInBrokerRequestHeader(request.requiredBoolean("isOrder"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("isOrder", order);
    }
}
