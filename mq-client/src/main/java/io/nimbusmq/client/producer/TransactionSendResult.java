package io.nimbusmq.client.producer;

import io.nimbusmq.client.SendResult;

/** The half message's send result and the local transaction's outcome. */
public record TransactionSendResult(SendResult sendResult, LocalTransactionState localState) {
}
