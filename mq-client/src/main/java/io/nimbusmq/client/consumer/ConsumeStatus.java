package io.nimbusmq.client.consumer;

/** A handler's verdict on the messages it was given. An exception means {@link #RETRY}. */
public enum ConsumeStatus {
    SUCCESS,
    /** Concurrent: send back for a delayed retry. Orderly: suspend the queue a moment and retry locally. */
    RETRY
}
