package io.nimbusmq.client.internal.producer;

import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.header.EndTransactionRequestHeader;

/**
 * The END_TRANSACTION (37) request, oneway (remoting-protocol.md §4.6): which half message (its queue offset in the
 * half topic and its commit-log offset, read from the offsetMsgId) and the outcome (8 commit, 12 rollback, 0 unknown).
 */
public final class TransactionEnd {

    private TransactionEnd() {
    }

    public static RemotingCommand request(String producerGroup, long halfQueueOffset, long commitLogOffset,
            LocalTransactionState state, boolean fromCheck, String uniqueKey, String transactionId, String topic) {
        return RemotingCommand.createOnewayRequest(RequestCode.END_TRANSACTION, new EndTransactionRequestHeader(
                producerGroup, halfQueueOffset, commitLogOffset, code(state), fromCheck, uniqueKey, transactionId,
                topic));
    }

    static int code(LocalTransactionState state) {
        return switch (state) {
            case COMMIT_MESSAGE -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK_MESSAGE -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            case UNKNOW -> MessageSysFlag.TRANSACTION_NOT_TYPE;
        };
    }

    /** The commit-log offset inside an offsetMsgId: its last 16 hex digits (IPv4 and IPv6 ids alike). */
    public static long commitLogOffset(String offsetMsgId) {
        if (offsetMsgId == null || offsetMsgId.length() < 16) {
            throw new IllegalArgumentException("not an offset message id: " + offsetMsgId);
        }
        return Long.parseUnsignedLong(offsetMsgId.substring(offsetMsgId.length() - 16), 16);
    }
}
