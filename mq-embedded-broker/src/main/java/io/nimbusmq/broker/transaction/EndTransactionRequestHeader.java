package io.nimbusmq.broker.transaction;

import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.remoting.protocol.InvalidHeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of END_TRANSACTION (37), oneway from the producer, after its local transaction or in answer to a check.
 *
 * @param tranStateTableOffset the half message's queue offset in the half queue (the send response's queueOffset)
 * @param commitLogOffset the half message's physical offset (decoded from the send response's offsetMsgId)
 * @param commitOrRollback {@link MessageSysFlag#TRANSACTION_COMMIT_TYPE} (8), {@code ROLLBACK} (12) or
 *     {@code NOT_TYPE} (0: unknown, nothing to do)
 * @param msgId the UNIQ_KEY
 */
public record EndTransactionRequestHeader(String producerGroup, long tranStateTableOffset, long commitLogOffset,
        int commitOrRollback, boolean fromTransactionCheck, String msgId, String transactionId) {

    /** @throws io.nimbusmq.remoting.protocol.HeaderFieldException for a missing field or an unknown type */
    public static EndTransactionRequestHeader parse(RemotingCommand request) {
        int type = request.requiredInt("commitOrRollback");
        if (type != MessageSysFlag.TRANSACTION_NOT_TYPE && type != MessageSysFlag.TRANSACTION_COMMIT_TYPE
                && type != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            throw new InvalidHeaderFieldException(request.code(), "commitOrRollback", String.valueOf(type),
                    "transaction type (0 unknown, 8 commit, 12 rollback)", null);
        }
        return new EndTransactionRequestHeader(request.requiredString("producerGroup"),
                request.requiredLong("tranStateTableOffset"), request.requiredLong("commitLogOffset"), type,
                request.optionalBoolean("fromTransactionCheck", false), request.requiredString("msgId"),
                request.optionalString("transactionId"));
    }

    public String typeName() {
        return switch (commitOrRollback) {
            case MessageSysFlag.TRANSACTION_COMMIT_TYPE -> "commit";
            case MessageSysFlag.TRANSACTION_ROLLBACK_TYPE -> "rollback";
            default -> "unknown";
        };
    }
}
