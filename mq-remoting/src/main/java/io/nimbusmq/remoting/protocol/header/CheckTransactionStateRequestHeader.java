package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of CHECK_TRANSACTION_STATE (39), broker to producer, oneway: asks for the outcome of an unresolved half
 * message, whose check copy is the body; remoting-protocol.md §4.6. RocketMQ's
 * {@code CheckTransactionStateRequestHeader}. The producer answers with END_TRANSACTION, echoing both offsets.
 *
 * <pre>
 * | field                | wire name            | required | notes                                          |
 * |----------------------|----------------------|----------|------------------------------------------------|
 * | topic                | topic                | no       | the half topic                                 |
 * | tranStateTableOffset | tranStateTableOffset | yes      | the check copy's queue offset                  |
 * | commitLogOffset      | commitLogOffset      | yes      | the check copy's physical offset               |
 * | msgId                | msgId                | no       | the UNIQ_KEY                                   |
 * | transactionId        | transactionId        | no       | the UNIQ_KEY                                   |
 * | offsetMsgId          | offsetMsgId          | no       | the check copy's offsetMsgId                   |
 * | brokerName           | bname                | no       |                                                |
 * </pre>
 *
 * @param topic {@code null} when absent
 * @param msgId {@code null} when absent
 * @param transactionId {@code null} when absent
 * @param offsetMsgId {@code null} when absent
 * @param brokerName {@code null} when absent
 */
public record CheckTransactionStateRequestHeader(String topic, long tranStateTableOffset, long commitLogOffset,
        String msgId, String transactionId, String offsetMsgId, String brokerName) implements CommandHeader {

    public static CheckTransactionStateRequestHeader readFrom(RemotingCommand request) {
        return new CheckTransactionStateRequestHeader(request.optionalString("topic"),
                request.requiredLong("tranStateTableOffset"), request.requiredLong("commitLogOffset"),
                request.optionalString("msgId"), request.optionalString("transactionId"),
                request.optionalString("offsetMsgId"), request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("tranStateTableOffset", tranStateTableOffset)
                .putExtField("commitLogOffset", commitLogOffset)
                .putExtField("msgId", msgId)
                .putExtField("transactionId", transactionId)
                .putExtField("offsetMsgId", offsetMsgId)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
