package io.nimbusmq.benchmark.driver;

/**
 * How a push consumer is set up, where a scenario needs something other than the client's defaults.
 *
 * @param consumeBatchSize messages handed to the listener at once (the official client's
 *                         {@code consumeMessageBatchMaxSize}, default 1)
 */
public record ConsumerOptions(int consumeBatchSize) {

    /** One message at a time, as an application with default settings receives them. */
    public static final ConsumerOptions DEFAULTS = new ConsumerOptions(1);

    public ConsumerOptions {
        if (consumeBatchSize < 1) {
            throw new IllegalArgumentException("consumeBatchSize must be at least 1: " + consumeBatchSize);
        }
    }
}
