package io.nimbusmq.spring.transaction;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.producer.TransactionSendResult;

/** Sends a transactional message through the producer and listener bound to its topic. */
@FunctionalInterface
public interface TransactionSender {

    /** Used when the application has no transaction listener. */
    TransactionSender NONE = (message, payload, argument) -> {
        throw new IllegalStateException("no transaction listener for topic " + message.topic()
                + ": declare a bean implementing MqTransactionListener annotated with @TransactionListener(topics = \""
                + message.topic() + "\")");
    };

    /**
     * @param message  the converted message
     * @param payload  the payload as given to the template (the local transaction sees it unconverted)
     * @param argument passed to the local transaction
     */
    TransactionSendResult send(Message message, Object payload, Object argument);
}
