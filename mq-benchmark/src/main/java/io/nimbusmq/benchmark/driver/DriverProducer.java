package io.nimbusmq.benchmark.driver;

import java.util.List;

/** A started producer of a {@link ClientDriver}; thread-safe. */
public interface DriverProducer extends AutoCloseable {

    /**
     * Sends one message to any queue of {@code topic} and waits for the broker's answer, with the client's own
     * retries and timeouts.
     *
     * @return true if the broker stored it (SEND_OK); false for any other status
     * @throws Exception if the send failed
     */
    boolean sendSync(String topic, byte[] body) throws Exception;

    /** Sends one message without waiting; {@code callback} is called exactly once, on a client thread. */
    void sendAsync(String topic, byte[] body, SendCallback callback);

    /** Sends one message without any answer from the broker; returns once the client has taken it. */
    void sendOneway(String topic, byte[] body) throws Exception;

    /**
     * Sends {@code bodies} to one queue of {@code topic} as one batch and waits for the answer; true if all were
     * stored. The default sends them one by one, for a client without batches.
     */
    default boolean sendBatch(String topic, List<byte[]> bodies) throws Exception {
        boolean all = true;
        for (byte[] body : bodies) {
            all &= sendSync(topic, body);
        }
        return all;
    }

    /** Stops the producer and releases its connections. */
    @Override
    void close();

    /** The outcome of an asynchronous send. */
    @FunctionalInterface
    interface SendCallback {

        /**
         * @param stored true if the broker stored the message (SEND_OK)
         * @param error  the failure, or null
         */
        void onComplete(boolean stored, Throwable error);
    }
}
