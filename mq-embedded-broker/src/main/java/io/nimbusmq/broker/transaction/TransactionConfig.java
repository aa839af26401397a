package io.nimbusmq.broker.transaction;

/**
 * When the broker checks back unresolved transactions, with RocketMQ 5.3.1's defaults ({@code BrokerConfig}):
 * every {@code transactionCheckInterval} (30 s) it asks the producer group about each half message older than
 * {@code transactionTimeOut} (6 s), and after {@code transactionCheckMax} (15) unanswered checks it gives up and moves
 * the half message to {@code TRANS_CHECK_MAX_TIME_TOPIC}.
 *
 * @param checkIntervalMillis time between two check passes over the half queue
 * @param timeoutMillis age a half message must reach before it is checked back (a message's own
 *     {@code CHECK_IMMUNITY_TIME_IN_SECONDS} can only make it longer)
 * @param checkMax checks sent for one transaction before it is discarded
 */
public record TransactionConfig(long checkIntervalMillis, long timeoutMillis, int checkMax) {

    public static final long DEFAULT_CHECK_INTERVAL_MILLIS = 30_000;
    public static final long DEFAULT_TIMEOUT_MILLIS = 6_000;
    public static final int DEFAULT_CHECK_MAX = 15;

    public TransactionConfig {
        if (checkIntervalMillis <= 0) {
            throw new IllegalArgumentException("checkIntervalMillis must be positive: " + checkIntervalMillis);
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must not be negative: " + timeoutMillis);
        }
        if (checkMax < 1) {
            throw new IllegalArgumentException("checkMax must be at least 1: " + checkMax);
        }
    }

    public static TransactionConfig defaults() {
        return new TransactionConfig(DEFAULT_CHECK_INTERVAL_MILLIS, DEFAULT_TIMEOUT_MILLIS, DEFAULT_CHECK_MAX);
    }

    public TransactionConfig withCheckIntervalMillis(long value) {
        return new TransactionConfig(value, timeoutMillis, checkMax);
    }

    public TransactionConfig withTimeoutMillis(long value) {
        return new TransactionConfig(checkIntervalMillis, value, checkMax);
    }

    public TransactionConfig withCheckMax(int value) {
        return new TransactionConfig(checkIntervalMillis, timeoutMillis, value);
    }
}
