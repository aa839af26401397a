package io.nimbusmq.spring.test;

import java.util.Objects;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.transaction.TransactionConfig;

/**
 * How an {@link EmbeddedMq} broker is configured; the JVM runs one broker per distinct value
 * ({@link EmbeddedMqBrokers#broker(EmbeddedMqSettings)}). Unset values ({@code ""}, {@code -1}) keep the broker's
 * defaults.
 *
 * @param delayLevels                    e.g. {@code "1s 2s 1s ..."}; {@code ""} for RocketMQ's 18 levels
 * @param transactionCheckIntervalMillis how often open transactions are checked back; -1 for 30 s
 * @param transactionTimeoutMillis       how old a transaction must be to be checked; -1 for 6 s
 * @param transactionCheckMax            checks before a transaction is given up; -1 for 15
 */
public record EmbeddedMqSettings(boolean manualClock, String delayLevels, long transactionCheckIntervalMillis,
        long transactionTimeoutMillis, int transactionCheckMax) {

    /** The broker of {@code @EmbeddedMq} with no attributes. */
    public static final EmbeddedMqSettings DEFAULTS = new EmbeddedMqSettings(false, "", -1, -1, -1);

    public EmbeddedMqSettings {
        delayLevels = Objects.requireNonNullElse(delayLevels, "").trim();
    }

    public static EmbeddedMqSettings of(EmbeddedMq annotation) {
        return new EmbeddedMqSettings(annotation.manualClock(), annotation.delayLevels(),
                annotation.transactionCheckIntervalMillis(), annotation.transactionTimeoutMillis(),
                annotation.transactionCheckMax());
    }

    public EmbeddedMqSettings withManualClock(boolean value) {
        return new EmbeddedMqSettings(value, delayLevels, transactionCheckIntervalMillis, transactionTimeoutMillis,
                transactionCheckMax);
    }

    /** Applies the settings that are set to {@code builder} (the clock is the caller's). */
    EmbeddedBroker.Builder applyTo(EmbeddedBroker.Builder builder) {
        if (!delayLevels.isEmpty()) {
            builder.delayLevels(delayLevels);
        }
        TransactionConfig transaction = TransactionConfig.defaults();
        if (transactionCheckIntervalMillis >= 0) {
            transaction = transaction.withCheckIntervalMillis(transactionCheckIntervalMillis);
        }
        if (transactionTimeoutMillis >= 0) {
            transaction = transaction.withTimeoutMillis(transactionTimeoutMillis);
        }
        if (transactionCheckMax >= 0) {
            transaction = transaction.withCheckMax(transactionCheckMax);
        }
        return builder.transaction(transaction);
    }
}
