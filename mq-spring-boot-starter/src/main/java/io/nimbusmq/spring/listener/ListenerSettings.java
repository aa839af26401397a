package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A listener's tuning, each setting null when not given at this level. Settings are layered, the first that is set
 * wins: {@code mq.listeners.<group>.*}, the {@code @MessageListener} attribute, the listener's container factory's
 * defaults, then {@code mq.consumer.*} and the client's defaults ({@link #orElse}).
 *
 * @param consumeThreads             handler threads (&gt;= 1)
 * @param maxReconsumeTimes          retries before the dead-letter topic (&gt;= 0)
 * @param batchSize                  messages per call of a batch listener (&gt;= 1)
 * @param consumeTimeout             how long one listener call may take before a {@link ListenerNotResponsiveEvent},
 *                                   and how long a deferred {@link Acknowledgement} is waited for before the message
 *                                   is retried (&gt; 0; 15 min by default, RocketMQ's consumeTimeout)
 * @param pullInterval               pause after each pull that found messages, per queue (&gt;= 0)
 * @param rateLimit                  messages per second handed to the listener, all its queues together (&gt; 0)
 * @param pullThresholdForQueue      a queue is not pulled while this many of its messages wait (&gt;= 1)
 * @param pullThresholdSizeForQueueMib the same in MiB of bodies (&gt;= 1)
 * @param suspendTime                ORDERLY: how long a queue pauses before a failed message is retried (&gt;= 0)
 * @param retryDelayLevels           CONCURRENTLY: the delay level of each retry, the last repeating ({@link RetryDelays})
 * @param idleEventInterval          a {@link ListenerIdleEvent} after this long without a message (&gt; 0)
 */
public record ListenerSettings(Integer consumeThreads, Integer maxReconsumeTimes, Integer batchSize,
        Duration consumeTimeout, Duration pullInterval, Double rateLimit, Integer pullThresholdForQueue,
        Integer pullThresholdSizeForQueueMib, Duration suspendTime, List<Integer> retryDelayLevels,
        Duration idleEventInterval) {

    /** Nothing set. */
    public static final ListenerSettings NONE = builder().build();

    /** RocketMQ's consumeTimeout, the default of {@link #consumeTimeout}. */
    public static final Duration DEFAULT_CONSUME_TIMEOUT = Duration.ofMinutes(15);

    public ListenerSettings {
        retryDelayLevels = retryDelayLevels == null ? null : List.copyOf(retryDelayLevels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Each setting from here, else from {@code fallback}. */
    public ListenerSettings orElse(ListenerSettings fallback) {
        return new ListenerSettings(first(consumeThreads, fallback.consumeThreads),
                first(maxReconsumeTimes, fallback.maxReconsumeTimes), first(batchSize, fallback.batchSize),
                first(consumeTimeout, fallback.consumeTimeout), first(pullInterval, fallback.pullInterval),
                first(rateLimit, fallback.rateLimit), first(pullThresholdForQueue, fallback.pullThresholdForQueue),
                first(pullThresholdSizeForQueueMib, fallback.pullThresholdSizeForQueueMib),
                first(suspendTime, fallback.suspendTime), first(retryDelayLevels, fallback.retryDelayLevels),
                first(idleEventInterval, fallback.idleEventInterval));
    }

    /** The consume timeout, or RocketMQ's 15 minutes. */
    public Duration effectiveConsumeTimeout() {
        return consumeTimeout != null ? consumeTimeout : DEFAULT_CONSUME_TIMEOUT;
    }

    /**
     * Checks the values that are set.
     *
     * @param name the full name of a setting for the message, e.g. {@code consumeThreads ->
     *             "mq.listeners.orders.consume-threads"}
     * @throws InvalidListenerSettingException naming the first bad setting and its value
     */
    public ListenerSettings validate(Function<String, String> name) {
        atLeast(consumeThreads, 1, "consumeThreads", name);
        atLeast(maxReconsumeTimes, 0, "maxReconsumeTimes", name);
        atLeast(batchSize, 1, "batchSize", name);
        atLeast(pullThresholdForQueue, 1, "pullThresholdForQueue", name);
        atLeast(pullThresholdSizeForQueueMib, 1, "pullThresholdSizeForQueueMib", name);
        positive(consumeTimeout, "consumeTimeout", name);
        positive(idleEventInterval, "idleEventInterval", name);
        notNegative(pullInterval, "pullInterval", name);
        notNegative(suspendTime, "suspendTime", name);
        if (rateLimit != null && !(rateLimit > 0 && !rateLimit.isInfinite())) {
            throw new InvalidListenerSettingException(name.apply("rateLimit"), rateLimit.toString(),
                    "must be a number of messages per second greater than 0");
        }
        return this;
    }

    private static void atLeast(Integer value, int min, String setting, Function<String, String> name) {
        if (value != null && value < min) {
            throw new InvalidListenerSettingException(name.apply(setting), value.toString(), "must be >= " + min);
        }
    }

    private static void positive(Duration value, String setting, Function<String, String> name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new InvalidListenerSettingException(name.apply(setting), value.toString(), "must be > 0");
        }
    }

    private static void notNegative(Duration value, String setting, Function<String, String> name) {
        if (value != null && value.isNegative()) {
            throw new InvalidListenerSettingException(name.apply(setting), value.toString(), "must not be negative");
        }
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Builds settings, for example a container factory's defaults. */
    public static final class Builder {
        private Integer consumeThreads;
        private Integer maxReconsumeTimes;
        private Integer batchSize;
        private Duration consumeTimeout;
        private Duration pullInterval;
        private Double rateLimit;
        private Integer pullThresholdForQueue;
        private Integer pullThresholdSizeForQueueMib;
        private Duration suspendTime;
        private List<Integer> retryDelayLevels;
        private Duration idleEventInterval;

        private Builder() {
        }

        public Builder consumeThreads(Integer value) {
            this.consumeThreads = value;
            return this;
        }

        public Builder maxReconsumeTimes(Integer value) {
            this.maxReconsumeTimes = value;
            return this;
        }

        public Builder batchSize(Integer value) {
            this.batchSize = value;
            return this;
        }

        public Builder consumeTimeout(Duration value) {
            this.consumeTimeout = value;
            return this;
        }

        public Builder pullInterval(Duration value) {
            this.pullInterval = value;
            return this;
        }

        public Builder rateLimit(Double value) {
            this.rateLimit = value;
            return this;
        }

        public Builder pullThresholdForQueue(Integer value) {
            this.pullThresholdForQueue = value;
            return this;
        }

        public Builder pullThresholdSizeForQueueMib(Integer value) {
            this.pullThresholdSizeForQueueMib = value;
            return this;
        }

        public Builder suspendTime(Duration value) {
            this.suspendTime = value;
            return this;
        }

        /** Delay levels, or durations through {@link RetryDelays#parse}. */
        public Builder retryDelayLevels(List<Integer> value) {
            this.retryDelayLevels = value;
            return this;
        }

        public Builder idleEventInterval(Duration value) {
            this.idleEventInterval = value;
            return this;
        }

        public ListenerSettings build() {
            return new ListenerSettings(consumeThreads, maxReconsumeTimes, batchSize, consumeTimeout, pullInterval,
                    rateLimit, pullThresholdForQueue, pullThresholdSizeForQueueMib, suspendTime, retryDelayLevels,
                    idleEventInterval);
        }
    }
}
