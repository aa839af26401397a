package io.nimbusmq.broker.transaction;

import io.nimbusmq.message.StoredMessage;

/** Asks a producer group about a transaction. */
@FunctionalInterface
public interface CheckRequestSender {

    /**
     * Sends CHECK_TRANSACTION_STATE about {@code copy}, a check copy of a half message, to one live member of
     * {@code producerGroup}. The answer, if any, comes back as an END_TRANSACTION.
     *
     * @return false if no member of the group is online
     */
    boolean send(String producerGroup, StoredMessage copy);
}
