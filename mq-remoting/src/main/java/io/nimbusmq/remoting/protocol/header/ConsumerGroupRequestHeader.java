package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of the requests that name only a consumer group: GET_CONSUMER_LIST_BY_GROUP (38, client to broker),
 * NOTIFY_CONSUMER_IDS_CHANGED (40, broker to client, oneway) and GET_CONSUMER_CONNECTION_LIST (203, admin to broker);
 * remoting-protocol.md §4.4, §4.9. RocketMQ's {@code GetConsumerListByGroupRequestHeader},
 * {@code NotifyConsumerIdsChangedRequestHeader} and {@code GetConsumerConnectionListRequestHeader}, which have the
 * same field.
 *
 * <pre>
 * | field         | wire name     | required |
 * |---------------|---------------|----------|
 * | consumerGroup | consumerGroup | yes      |
 * </pre>
 */
public record ConsumerGroupRequestHeader(String consumerGroup) implements CommandHeader {

    public static ConsumerGroupRequestHeader readFrom(RemotingCommand request) {
        return new ConsumerGroupRequestHeader(request.requiredString("consumerGroup"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("consumerGroup", consumerGroup);
    }
}
