package io.nimbusmq.spring.listener;

/**
 * Deferred completion: a listener method with a parameter of this type finishes its message when it calls one of
 * these methods, from any thread, rather than when it returns. Until then the message is in flight (its offset is not
 * committed, the call holds one of the listener's consume threads); when the listener's consume timeout passes first,
 * the message is retried. An exception thrown by the method itself is handled as usual, whatever was called.
 *
 * <pre>{@code
 * @MessageListener(topic = "orders", consumerGroup = "billing", consumeTimeout = "30s")
 * void onOrder(OrderDto order, Acknowledgement ack) {
 *     billing.chargeAsync(order).whenComplete((ok, failure) -> {
 *         if (failure == null) ack.acknowledge(); else ack.nack();
 *     });
 * }
 * }</pre>
 * Not for batch listeners. Only the first call counts.
 */
public interface Acknowledgement {

    /** The message was processed: its offset may be committed. */
    void acknowledge();

    /** The message failed: retried later, as if the listener had thrown (a retryable failure). */
    void nack();

    /** The message can never be processed: it goes to the group's dead-letter topic now, without retries. */
    void deadLetter();
}
