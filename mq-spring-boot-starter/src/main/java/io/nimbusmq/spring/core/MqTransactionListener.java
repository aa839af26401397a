package io.nimbusmq.spring.core;

import org.springframework.messaging.Message;

import io.nimbusmq.client.producer.LocalTransactionState;

/**
 * Runs the local transaction of a transactional send and answers the broker's check-back. Annotate the bean with
 * {@link io.nimbusmq.spring.annotation.TransactionListener} to bind it to topics or a producer group; an application
 * may have several. {@code T} is the payload type the check-back converts the stored body to. An exception counts as
 * {@link LocalTransactionState#UNKNOW}: the broker asks again later.
 */
public interface MqTransactionListener<T> {

    /** Called after the half message is stored, on the sending thread, with the payload as it was given to send. */
    LocalTransactionState executeLocalTransaction(Message<T> message, Object argument);

    /**
     * Called when the broker asks about a transaction left {@link LocalTransactionState#UNKNOW} (or never answered,
     * for example after a crash); the message headers include {@link io.nimbusmq.spring.support.MqHeaders#KEYS}.
     */
    LocalTransactionState checkLocalTransaction(Message<T> message);
}
