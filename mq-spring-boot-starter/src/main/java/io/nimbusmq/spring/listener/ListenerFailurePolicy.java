package io.nimbusmq.spring.listener;

import java.util.List;

/**
 * What the listener containers do with a failure: which exceptions are not retried, and who is told about dead
 * letters.
 *
 * @param classifier         retryable or not
 * @param deadLetterHandlers told about every message given up on, in order
 */
public record ListenerFailurePolicy(ExceptionClassifier classifier, List<MqDeadLetterHandler> deadLetterHandlers) {

    public ListenerFailurePolicy {
        deadLetterHandlers = List.copyOf(deadLetterHandlers);
    }

    /** The default classification, no dead-letter handler. */
    public static ListenerFailurePolicy defaults() {
        return new ListenerFailurePolicy(new ExceptionClassifier(List.of()), List.of());
    }
}
