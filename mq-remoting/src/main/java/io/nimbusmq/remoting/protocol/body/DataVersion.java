package io.nimbusmq.remoting.protocol.body;

/**
 * The version of a broker's topic table, sent with every REGISTER_BROKER and QUERY_DATA_VERSION:
 * {@code {"counter":1,"stateVersion":0,"timestamp":1700000000000}}. A name server refreshes a broker's queue data
 * only when the version it receives differs from the one it holds, so every change to the topic table must produce
 * a {@link #next(long) new version}.
 *
 * @param counter      incremented on every change
 * @param stateVersion epoch of controller-mode brokers, 0 otherwise
 * @param timestamp    epoch millis of the last change
 */
public record DataVersion(long counter, long stateVersion, long timestamp) {

    /** Counter, state version and timestamp 0: what a name server assumes when a registration has no body. */
    public static final DataVersion ZERO = new DataVersion(0, 0, 0);

    /** A first version: counter 0 at {@code timestampMillis}. */
    public static DataVersion initial(long timestampMillis) {
        return new DataVersion(0, 0, timestampMillis);
    }

    /** The version after one more change made at {@code timestampMillis}. */
    public DataVersion next(long timestampMillis) {
        return new DataVersion(counter + 1, stateVersion, timestampMillis);
    }
}
