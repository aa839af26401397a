package io.nimbusmq.client.producer;

import java.time.Duration;
import java.util.Objects;

/**
 * A producer's settings. Defaults are the official client's.
 *
 * @param group                    producer group (transaction check-back goes to a live member of it)
 * @param sendTimeout              per send, all retries included
 * @param retryTimesWhenSendFailed extra attempts of a sync send on a retryable error (2)
 * @param retryTimesWhenSendAsyncFailed extra attempts of an async send (2)
 * @param compressThreshold        bodies larger than this many bytes are zlib-compressed (4 KiB)
 * @param maxMessageSize           larger bodies are refused before sending (4 MiB)
 * @param latencyFaultAvoidance    skip brokers that recently failed or answered slowly
 * @param defaultTopicQueueNums    queues of a topic auto-created by a send (4)
 */
public record ProducerConfig(String group, Duration sendTimeout, int retryTimesWhenSendFailed,
        int retryTimesWhenSendAsyncFailed, int compressThreshold, int maxMessageSize, boolean latencyFaultAvoidance,
        int defaultTopicQueueNums) {

    public ProducerConfig {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        if (retryTimesWhenSendFailed < 0 || retryTimesWhenSendAsyncFailed < 0) {
            throw new IllegalArgumentException("retry counts must be >= 0");
        }
    }

    public static Builder builder(String group) {
        return new Builder(group);
    }

    public static final class Builder {
        private final String group;
        private Duration sendTimeout = Duration.ofSeconds(3);
        private int retryTimesWhenSendFailed = 2;
        private int retryTimesWhenSendAsyncFailed = 2;
        private int compressThreshold = 4 * 1024;
        private int maxMessageSize = 4 * 1024 * 1024;
        private boolean latencyFaultAvoidance = true;
        private int defaultTopicQueueNums = 4;

        private Builder(String group) {
            this.group = group;
        }

        public Builder sendTimeout(Duration value) {
            this.sendTimeout = value;
            return this;
        }

        public Builder retryTimesWhenSendFailed(int value) {
            this.retryTimesWhenSendFailed = value;
            return this;
        }

        public Builder retryTimesWhenSendAsyncFailed(int value) {
            this.retryTimesWhenSendAsyncFailed = value;
            return this;
        }

        public Builder compressThreshold(int value) {
            this.compressThreshold = value;
            return this;
        }

        public Builder maxMessageSize(int value) {
            this.maxMessageSize = value;
            return this;
        }

        public Builder latencyFaultAvoidance(boolean value) {
            this.latencyFaultAvoidance = value;
            return this;
        }

        public Builder defaultTopicQueueNums(int value) {
            this.defaultTopicQueueNums = value;
            return this;
        }

        public ProducerConfig build() {
            return new ProducerConfig(group, sendTimeout, retryTimesWhenSendFailed, retryTimesWhenSendAsyncFailed,
                    compressThreshold, maxMessageSize, latencyFaultAvoidance, defaultTopicQueueNums);
        }
    }
}
