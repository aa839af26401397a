package io.nimbusmq.spring.metrics;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What the template and the listener containers report: sends (with their duration), receipts, failures, retries,
 * dead letters, listener processing times and in-flight counts. The Micrometer implementation is used when the
 * application has a {@code MeterRegistry}; otherwise nothing is recorded.
 */
public interface MqMetrics {

    MqMetrics NONE = new MqMetrics() {
        @Override
        public void sent(String topic, Duration duration) {
        }

        @Override
        public void sendFailed(String topic, Duration duration) {
        }

        @Override
        public void received(String topic, String group, int count) {
        }

        @Override
        public void consumeFailed(String topic, String group, int count) {
        }
    };

    void sent(String topic, Duration duration);

    void sendFailed(String topic, Duration duration);

    void received(String topic, String group, int count);

    void consumeFailed(String topic, String group, int count);

    /** A listener failed on {@code count} message(s) that will be retried. */
    default void retried(String topic, String group, int count) {
    }

    /** A listener gave up on {@code count} message(s): they go to the group's dead-letter topic. */
    default void deadLettered(String topic, String group, int count) {
    }

    /** One call of a listener (a message, or a batch) took {@code duration}; {@code success} unless it failed. */
    default void processed(String listenerId, String topic, String group, Duration duration, boolean success) {
    }

    /** Registers the number of messages a listener is handling right now (read when metrics are published). */
    default void bindInFlight(String listenerId, String group, IntSupplier inFlight) {
    }
}
