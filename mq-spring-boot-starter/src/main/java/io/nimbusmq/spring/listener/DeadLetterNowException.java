package io.nimbusmq.spring.listener;

/**
 * Thrown by a listener to send the message it is processing to the group's dead-letter topic {@code %DLQ%<group>}
 * now, without the retries: it is never retried ({@link ExceptionClassifier}), whatever it wraps. From a batch
 * listener, wrap it in a {@link BatchListenerFailedException} to dead-letter one message of the batch.
 */
public class DeadLetterNowException extends RuntimeException {

    public DeadLetterNowException(String reason) {
        super(reason);
    }

    public DeadLetterNowException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
