package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.InvalidHeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of END_TRANSACTION (37), oneway from the producer after its local transaction or in answer to a
 * CHECK_TRANSACTION_STATE; remoting-protocol.md §4.6. RocketMQ's {@code EndTransactionRequestHeader}.
 *
 * <pre>
 * | field                | wire name            | required | notes                                            |
 * |----------------------|----------------------|----------|--------------------------------------------------|
 * | producerGroup        | producerGroup        | yes      |                                                  |
 * | tranStateTableOffset | tranStateTableOffset | yes      | the half message's queue offset in the half queue |
 * | commitLogOffset      | commitLogOffset      | yes      | the half message's physical offset               |
 * | commitOrRollback     | commitOrRollback     | yes      | 8 commit, 12 rollback, 0 unknown; nothing else   |
 * | fromTransactionCheck | fromTransactionCheck | no       | false when absent                                |
 * | msgId                | msgId                | yes      | the UNIQ_KEY                                     |
 * | transactionId        | transactionId        | no       |                                                  |
 * | topic                | topic                | no       |                                                  |
 * </pre>
 *
 * @param tranStateTableOffset the send response's queueOffset
 * @param commitLogOffset decoded from the send response's offsetMsgId
 * @param commitOrRollback {@link MessageSysFlag#TRANSACTION_COMMIT_TYPE}, {@code ROLLBACK} or {@code NOT_TYPE}
 * @param transactionId {@code null} when absent
 * @param topic {@code null} when absent
 */
public record EndTransactionRequestHeader(String producerGroup, long tranStateTableOffset, long commitLogOffset,
        int commitOrRollback, boolean fromTransactionCheck, String msgId, String transactionId, String topic)
        implements CommandHeader {

    /**
     * @throws io.nimbusmq.remoting.protocol.HeaderFieldException for a missing field, or a commitOrRollback that is
     *     not a transaction type
     */
    public static EndTransactionRequestHeader readFrom(RemotingCommand request) {
        int type = request.requiredInt("commitOrRollback");
        if (type != MessageSysFlag.TRANSACTION_NOT_TYPE && type != MessageSysFlag.TRANSACTION_COMMIT_TYPE
                && type != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            throw new InvalidHeaderFieldException(request.code(), "commitOrRollback", String.valueOf(type),
                    "transaction type (0 unknown, 8 commit, 12 rollback)", null);
        }
        return new EndTransactionRequestHeader(request.requiredString("producerGroup"),
                request.requiredLong("tranStateTableOffset"), request.requiredLong("commitLogOffset"), type,
                request.optionalBoolean("fromTransactionCheck", false), request.requiredString("msgId"),
                request.optionalString("transactionId"), request.optionalString("topic"));
    }

    /** "commit", "rollback" or "unknown", for logs. */
    public String typeName() {
        return switch (commitOrRollback) {
            case MessageSysFlag.TRANSACTION_COMMIT_TYPE -> "commit";
            case MessageSysFlag.TRANSACTION_ROLLBACK_TYPE -> "rollback";
            default -> "unknown";
        };
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("producerGroup", producerGroup)
                .putExtField("tranStateTableOffset", tranStateTableOffset)
                .putExtField("commitLogOffset", commitLogOffset)
                .putExtField("commitOrRollback", commitOrRollback)
                .putExtField("fromTransactionCheck", fromTransactionCheck)
                .putExtField("msgId", msgId)
                .putExtField("transactionId", transactionId)
                .putExtField("topic", topic);
    }
}
