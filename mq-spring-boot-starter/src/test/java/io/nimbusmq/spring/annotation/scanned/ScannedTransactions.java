package io.nimbusmq.spring.annotation.scanned;

import org.springframework.messaging.Message;

import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.core.MqTransactionListener;

/** A transaction listener with no stereotype but {@code @TransactionListener}, found by component scanning. */
@TransactionListener(topics = "scanned-payments")
public class ScannedTransactions implements MqTransactionListener<String> {

    @Override
    public LocalTransactionState executeLocalTransaction(Message<String> message, Object argument) {
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(Message<String> message) {
        return LocalTransactionState.ROLLBACK_MESSAGE;
    }
}
