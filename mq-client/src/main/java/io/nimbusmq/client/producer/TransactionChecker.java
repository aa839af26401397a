package io.nimbusmq.client.producer;

import io.nimbusmq.client.ReceivedMessage;

/**
 * Answers the broker's check-back (CHECK_TRANSACTION_STATE) for a half message whose transaction was left UNKNOW.
 * The message carries the original topic, keys and properties. An exception counts as UNKNOW.
 */
@FunctionalInterface
public interface TransactionChecker {

    LocalTransactionState check(ReceivedMessage halfMessage);
}
