package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_CONSUME_STATS (208), admin to broker: a group's lag per queue; remoting-protocol.md §4.9.
 * RocketMQ's {@code GetConsumeStatsRequestHeader}.
 *
 * <pre>
 * | field         | wire name     | required | notes                                          |
 * |---------------|---------------|----------|------------------------------------------------|
 * | consumerGroup | consumerGroup | yes      |                                                |
 * | topic         | topic         | no       | every topic the group consumes when absent     |
 * </pre>
 *
 * @param topic {@code null} when absent
 */
public record GetConsumeStatsRequestHeader(String consumerGroup, String topic) implements CommandHeader {

    public static GetConsumeStatsRequestHeader readFrom(RemotingCommand request) {
        return new GetConsumeStatsRequestHeader(request.requiredString("consumerGroup"),
                request.optionalString("topic"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("consumerGroup", consumerGroup)
                .putExtField("topic", topic);
    }
}
