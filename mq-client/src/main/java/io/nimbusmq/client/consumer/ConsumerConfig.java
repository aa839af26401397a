package io.nimbusmq.client.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;

/**
 * A push consumer's settings. Defaults are the official client's.
 *
 * @param group                   consumer group
 * @param subscriptions           topics and selectors (a group's members must agree on them)
 * @param maxReconsumeTimes       sends back before dead-lettering; -1 means the default (16 concurrent, unbounded
 *                                orderly, as the official client)
 * @param consumeThreads          handler threads (20)
 * @param pullBatchSize           messages per pull (32)
 * @param consumeBatchSize        messages per handler call (1)
 * @param pullThresholdForQueue   stop pulling a queue while this many of its messages wait (1000)
 * @param pullThresholdSizeForQueueMiB same, in MiB of bodies (100)
 * @param rebalanceInterval       periodic rebalance (20 s)
 * @param persistOffsetInterval   offset commit (5 s)
 * @param suspendCurrentQueueTime orderly: pause before retrying a failed message locally (1 s)
 * @param shutdownDrainTimeout    how long {@link PushConsumer#close()} waits for in-flight messages (30 s)
 * @param offsetStoreDir          BROADCASTING offsets are kept here ({@code ~/.nimbusmq/offsets} by default), in
 *                                {@code <offsetStoreDir>/<group>/<offsetStoreName>/offsets.json}
 * @param offsetStoreName         the stable name of this consumer's BROADCASTING offsets, found again after a restart;
 *                                {@code null} for the client's instance name ({@code DEFAULT} unless set). When a live
 *                                consumer of the group holds the name, {@code <name>-2}, {@code <name>-3}, ... are used
 * @param consumeTimestamp        with {@code CONSUME_FROM_TIMESTAMP}, where a queue with no stored offset starts (the
 *                                first message stored at or after it); {@code null} for 30 minutes before the consumer
 *                                was configured, as the official client's default
 * @param retryDelayLevels        CONCURRENTLY: the delay level (1..18) of the n-th retry, the last one repeating; empty
 *                                for the broker's choice, level 3 + reconsume times (10 s, 30 s, 1 min, ...)
 * @param pullInterval            pause after each pull that found messages, per queue (0)
 * @param consumeRateLimit        messages handed to the handler per second, for the whole consumer; must be &gt; 0;
 *                                {@link Double#POSITIVE_INFINITY} (the default) for no limit
 * @param virtualThreads          handler threads are virtual threads (Java 21+; {@code consumeThreads} still bounds
 *                                how many handlers run at once); on an older JVM platform threads, with one INFO line
 * @param consumeTimeout          CONCURRENTLY, CLUSTERING: a message whose handler call started longer ago is sent back
 *                                for a retry (delay level 3) and no longer holds back the committed offset, checked
 *                                every {@code consumeTimeout}, as the official push consumer's {@code cleanExpireMsg}
 *                                (15 min; the handler call itself is not interrupted). Orderly consumers never expire
 */
public record ConsumerConfig(String group, List<Subscription> subscriptions, MessageModel messageModel,
        ConsumeMode consumeMode, ConsumeFromWhere consumeFromWhere, int maxReconsumeTimes, int consumeThreads,
        int pullBatchSize, int consumeBatchSize, int pullThresholdForQueue, int pullThresholdSizeForQueueMiB,
        Duration rebalanceInterval, Duration persistOffsetInterval, Duration suspendCurrentQueueTime,
        Duration shutdownDrainTimeout, Path offsetStoreDir, String offsetStoreName, Instant consumeTimestamp,
        List<Integer> retryDelayLevels, Duration pullInterval, double consumeRateLimit, boolean virtualThreads,
        Duration consumeTimeout) {

    public ConsumerConfig {
        Objects.requireNonNull(group, "group");
        subscriptions = List.copyOf(subscriptions);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("consumer group " + group + " subscribes to nothing");
        }
        Objects.requireNonNull(messageModel, "messageModel");
        Objects.requireNonNull(consumeMode, "consumeMode");
        Objects.requireNonNull(consumeFromWhere, "consumeFromWhere");
        if (consumeTimestamp == null) {
            consumeTimestamp = Instant.now().minus(DEFAULT_TIMESTAMP_LOOKBACK);
        }
        if (consumeThreads < 1 || pullBatchSize < 1 || consumeBatchSize < 1) {
            throw new IllegalArgumentException("thread count and batch sizes must be >= 1");
        }
        retryDelayLevels = List.copyOf(retryDelayLevels);
        for (int level : retryDelayLevels) {
            if (level < 1 || level > MAX_DELAY_LEVEL) {
                throw new IllegalArgumentException("retry delay level " + level + " of consumer group " + group
                        + " is not within 1.." + MAX_DELAY_LEVEL);
            }
        }
        if (pullInterval.isNegative()) {
            throw new IllegalArgumentException("pullInterval of consumer group " + group + " is negative");
        }
        if (consumeTimeout == null) {
            consumeTimeout = DEFAULT_CONSUME_TIMEOUT;
        }
        if (consumeTimeout.isNegative() || consumeTimeout.isZero()) {
            throw new IllegalArgumentException("consumeTimeout of consumer group " + group + " must be > 0 but is "
                    + consumeTimeout);
        }
        if (!(consumeRateLimit > 0)) {
            throw new IllegalArgumentException("consumeRateLimit of consumer group " + group + " must be > 0 but is "
                    + consumeRateLimit);
        }
    }

    /** The official client's consumeTimeout, 15 minutes. */
    public static final Duration DEFAULT_CONSUME_TIMEOUT = Duration.ofMinutes(15);

    /** The highest delay level of a RocketMQ broker (2 h by default). */
    public static final int MAX_DELAY_LEVEL = 18;

    /** The delay level of a retry after {@code reconsumeTimes} attempts, or 0 for the broker's choice. */
    public int retryDelayLevel(int reconsumeTimes) {
        if (retryDelayLevels.isEmpty()) {
            return 0;
        }
        return retryDelayLevels.get(Math.min(Math.max(0, reconsumeTimes), retryDelayLevels.size() - 1));
    }

    /** How far back {@code CONSUME_FROM_TIMESTAMP} starts by default (the official client's 30 minutes). */
    public static final Duration DEFAULT_TIMESTAMP_LOOKBACK = Duration.ofMinutes(30);

    public static Builder builder(String group) {
        return new Builder(group);
    }

    public static final class Builder {
        private final String group;
        private final List<Subscription> subscriptions = new ArrayList<>();
        private MessageModel messageModel = MessageModel.CLUSTERING;
        private ConsumeMode consumeMode = ConsumeMode.CONCURRENTLY;
        private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
        private int maxReconsumeTimes = -1;
        private int consumeThreads = 20;
        private int pullBatchSize = 32;
        private int consumeBatchSize = 1;
        private int pullThresholdForQueue = 1000;
        private int pullThresholdSizeForQueueMiB = 100;
        private Duration rebalanceInterval = Duration.ofSeconds(20);
        private Duration persistOffsetInterval = Duration.ofSeconds(5);
        private Duration suspendCurrentQueueTime = Duration.ofSeconds(1);
        private Duration shutdownDrainTimeout = Duration.ofSeconds(30);
        private Path offsetStoreDir = Path.of(System.getProperty("user.home"), ".nimbusmq", "offsets");
        private String offsetStoreName;
        private Instant consumeTimestamp;
        private List<Integer> retryDelayLevels = List.of();
        private Duration pullInterval = Duration.ZERO;
        private double consumeRateLimit = Double.POSITIVE_INFINITY;
        private boolean virtualThreads;
        private Duration consumeTimeout = DEFAULT_CONSUME_TIMEOUT;

        private Builder(String group) {
            this.group = group;
        }

        public Builder subscribe(Subscription subscription) {
            subscriptions.add(subscription);
            return this;
        }

        public Builder messageModel(MessageModel value) {
            this.messageModel = value;
            return this;
        }

        public Builder consumeMode(ConsumeMode value) {
            this.consumeMode = value;
            return this;
        }

        public Builder consumeFromWhere(ConsumeFromWhere value) {
            this.consumeFromWhere = value;
            return this;
        }

        public Builder maxReconsumeTimes(int value) {
            this.maxReconsumeTimes = value;
            return this;
        }

        public Builder consumeThreads(int value) {
            this.consumeThreads = value;
            return this;
        }

        public Builder pullBatchSize(int value) {
            this.pullBatchSize = value;
            return this;
        }

        public Builder consumeBatchSize(int value) {
            this.consumeBatchSize = value;
            return this;
        }

        public Builder pullThresholdForQueue(int value) {
            this.pullThresholdForQueue = value;
            return this;
        }

        public Builder pullThresholdSizeForQueueMiB(int value) {
            this.pullThresholdSizeForQueueMiB = value;
            return this;
        }

        public Builder rebalanceInterval(Duration value) {
            this.rebalanceInterval = value;
            return this;
        }

        public Builder persistOffsetInterval(Duration value) {
            this.persistOffsetInterval = value;
            return this;
        }

        public Builder suspendCurrentQueueTime(Duration value) {
            this.suspendCurrentQueueTime = value;
            return this;
        }

        public Builder shutdownDrainTimeout(Duration value) {
            this.shutdownDrainTimeout = value;
            return this;
        }

        public Builder offsetStoreDir(Path value) {
            this.offsetStoreDir = value;
            return this;
        }

        /** A stable name for this consumer's BROADCASTING offsets (no process id), e.g. the service's name. */
        public Builder offsetStoreName(String value) {
            this.offsetStoreName = value;
            return this;
        }

        /** Where {@code CONSUME_FROM_TIMESTAMP} starts a queue with no stored offset; 30 minutes back by default. */
        public Builder consumeTimestamp(Instant value) {
            this.consumeTimestamp = value;
            return this;
        }

        /** The delay level of the first, second, ... retry (the last repeats); empty for the broker's choice. */
        public Builder retryDelayLevels(List<Integer> value) {
            this.retryDelayLevels = value;
            return this;
        }

        public Builder pullInterval(Duration value) {
            this.pullInterval = value;
            return this;
        }

        /** Messages per second handed to the handler; {@link Double#POSITIVE_INFINITY} for no limit. */
        public Builder consumeRateLimit(double value) {
            this.consumeRateLimit = value;
            return this;
        }

        public Builder virtualThreads(boolean value) {
            this.virtualThreads = value;
            return this;
        }

        /** How long a handler call may take before its message is sent back for a retry (15 min). */
        public Builder consumeTimeout(Duration value) {
            this.consumeTimeout = value;
            return this;
        }

        public ConsumerConfig build() {
            return new ConsumerConfig(group, subscriptions, messageModel, consumeMode, consumeFromWhere,
                    maxReconsumeTimes, consumeThreads, pullBatchSize, consumeBatchSize, pullThresholdForQueue,
                    pullThresholdSizeForQueueMiB, rebalanceInterval, persistOffsetInterval, suspendCurrentQueueTime,
                    shutdownDrainTimeout, offsetStoreDir, offsetStoreName, consumeTimestamp, retryDelayLevels,
                    pullInterval, consumeRateLimit, virtualThreads, consumeTimeout);
        }
    }
}
