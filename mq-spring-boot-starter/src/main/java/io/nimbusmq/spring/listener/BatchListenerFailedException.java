package io.nimbusmq.spring.listener;

import io.nimbusmq.client.ReceivedMessage;

/**
 * Thrown by a batch listener to name the message that failed, as spring-kafka's exception of the same name: the
 * messages before it are acknowledged, the failed one is retried, or dead-lettered when its cause is not retryable,
 * and the ones after it are delivered again (CONCURRENTLY: sent back for a retry; ORDERLY: consumed again after the
 * queue's suspend time). Any other exception from a batch listener retries the whole batch.
 */
public class BatchListenerFailedException extends RuntimeException {

    private final int index;
    private final transient ReceivedMessage failedMessage;

    /** @param index the failed message's position in the batch (0 for the first) */
    public BatchListenerFailedException(String message, Throwable cause, int index) {
        super(message, cause);
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        this.index = index;
        this.failedMessage = null;
    }

    /** @param failedMessage the failed message, as received (a {@code List<ReceivedMessage>} parameter) */
    public BatchListenerFailedException(String message, Throwable cause, ReceivedMessage failedMessage) {
        super(message, cause);
        this.index = -1;
        this.failedMessage = failedMessage;
    }

    /** The failed message's position, or -1 when it was named by the message. */
    public int getIndex() {
        return index;
    }

    public ReceivedMessage getFailedMessage() {
        return failedMessage;
    }
}
