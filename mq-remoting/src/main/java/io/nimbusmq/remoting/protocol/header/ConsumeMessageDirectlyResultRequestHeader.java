package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of CONSUME_MESSAGE_DIRECTLY (309), admin to broker, relayed to one client with the stored message as body
 * and {@code brokerName} added; remoting-protocol.md §4.9. RocketMQ's
 * {@code ConsumeMessageDirectlyResultRequestHeader}.
 *
 * <pre>
 * | field         | wire name     | required | notes                                          |
 * |---------------|---------------|----------|------------------------------------------------|
 * | consumerGroup | consumerGroup | yes      |                                                |
 * | clientId      | clientId      | no       | the broker needs it to relay                   |
 * | msgId         | msgId         | no       | the broker needs it: offsetMsgId, or UNIQ_KEY  |
 * | brokerName    | brokerName    | no       | set by the broker when relaying                |
 * | topic         | topic         | no       | lets the broker look msgId up as a UNIQ_KEY    |
 * </pre>
 *
 * @param clientId {@code null} when absent
 * @param msgId {@code null} when absent
 * @param brokerName {@code null} when absent
 * @param topic {@code null} when absent
 */
public record ConsumeMessageDirectlyResultRequestHeader(String consumerGroup, String clientId, String msgId,
        String brokerName, String topic) implements CommandHeader {

    public static ConsumeMessageDirectlyResultRequestHeader readFrom(RemotingCommand request) {
        return new ConsumeMessageDirectlyResultRequestHeader(request.requiredString("consumerGroup"),
                request.optionalString("clientId"), request.optionalString("msgId"),
                request.optionalString("brokerName"), request.optionalString("topic"));
    }

    /** This header as relayed by {@code brokerName}. */
    public ConsumeMessageDirectlyResultRequestHeader relayedBy(String relayingBroker) {
        return new ConsumeMessageDirectlyResultRequestHeader(consumerGroup, clientId, msgId, relayingBroker, topic);
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("consumerGroup", consumerGroup)
                .putExtField("clientId", clientId)
                .putExtField("msgId", msgId)
                .putExtField("brokerName", brokerName)
                .putExtField("topic", topic);
    }
}
