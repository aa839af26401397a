package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_PRODUCER_CONNECTION_LIST (204), admin to broker; remoting-protocol.md §4.9. RocketMQ's
 * {@code GetProducerConnectionListRequestHeader}.
 *
 * <pre>
 * | field         | wire name     | required |
 * |---------------|---------------|----------|
 * | producerGroup | producerGroup | yes      |
 * </pre>
 */
public record GetProducerConnectionListRequestHeader(String producerGroup) implements CommandHeader {

    public static GetProducerConnectionListRequestHeader readFrom(RemotingCommand request) {
        return new GetProducerConnectionListRequestHeader(request.requiredString("producerGroup"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("producerGroup", producerGroup);
    }
}
