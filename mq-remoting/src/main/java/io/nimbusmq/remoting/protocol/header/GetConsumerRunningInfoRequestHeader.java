package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_CONSUMER_RUNNING_INFO (307), admin to broker, relayed unchanged to the client;
 * remoting-protocol.md §4.9. RocketMQ's {@code GetConsumerRunningInfoRequestHeader}.
 *
 * <pre>
 * | field         | wire name     | required | notes                          |
 * |---------------|---------------|----------|--------------------------------|
 * | consumerGroup | consumerGroup | yes      |                                |
 * | clientId      | clientId      | yes      |                                |
 * | jstackEnable  | jstackEnable  | no       | false when absent              |
 * </pre>
 */
public record GetConsumerRunningInfoRequestHeader(String consumerGroup, String clientId, boolean jstackEnable)
        implements CommandHeader {

    public static GetConsumerRunningInfoRequestHeader readFrom(RemotingCommand request) {
        return new GetConsumerRunningInfoRequestHeader(request.requiredString("consumerGroup"),
                request.requiredString("clientId"), request.optionalBoolean("jstackEnable", false));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("consumerGroup", consumerGroup)
                .putExtField("clientId", clientId)
                .putExtField("jstackEnable", jstackEnable);
    }
}
