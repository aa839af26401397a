package io.nimbusmq.client.consumer;

/** A handler's verdict on the messages it was given. An exception means {@link #RETRY}. */
public enum ConsumeStatus {
    SUCCESS,
    /** Concurrent: send back for a delayed retry. Orderly: suspend the queue a moment and retry locally. */
    RETRY,
    /**
     * The messages can never be processed (they cannot be converted, they fail validation): send them to the
     * group's dead-letter topic {@code %DLQ%<group>} now, without the retries, and move on. BROADCASTING consumers,
     * which have no dead-letter topic, drop them with a warning.
     */
    DEAD_LETTER
}
