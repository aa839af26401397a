package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of UNREGISTER_CLIENT (35), sent once per group a client leaves; remoting-protocol.md §4.4. RocketMQ's
 * {@code UnregisterClientRequestHeader}.
 *
 * <pre>
 * | field         | wire name     | required |
 * |---------------|---------------|----------|
 * | clientID      | clientID      | yes      |
 * | producerGroup | producerGroup | no       |
 * | consumerGroup | consumerGroup | no       |
 * </pre>
 *
 * @param producerGroup {@code null} when absent
 * @param consumerGroup {@code null} when absent
 */
public record UnregisterClientRequestHeader(String clientID, String producerGroup, String consumerGroup)
        implements CommandHeader {

    public static UnregisterClientRequestHeader readFrom(RemotingCommand request) {
        return new UnregisterClientRequestHeader(request.requiredString("clientID"),
                request.optionalString("producerGroup"), request.optionalString("consumerGroup"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("clientID", clientID)
                .putExtField("producerGroup", producerGroup)
                .putExtField("consumerGroup", consumerGroup);
    }
}
