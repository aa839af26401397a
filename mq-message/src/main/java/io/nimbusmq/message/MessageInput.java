package io.nimbusmq.message;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A message handed to the store. The store adds the queue offset, the physical offset, the store timestamp and the
 * body CRC when it appends.
 *
 * @param properties the encoded property string ({@link MessageProperties#encode}), empty for none
 */
public record MessageInput(
        String topic,
        int queueId,
        int flag,
        byte[] body,
        String properties,
        int sysFlag,
        long bornTimestamp,
        InetSocketAddress bornHost,
        InetSocketAddress storeHost,
        int reconsumeTimes,
        long preparedTransactionOffset) {

    public MessageInput {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bornHost, "bornHost");
        Objects.requireNonNull(storeHost, "storeHost");
        properties = properties == null ? "" : properties;
    }

    public static Builder builder(String topic, int queueId, byte[] body) {
        return new Builder(topic, queueId, body);
    }

    /** Convenience builder, mostly for tests and internal re-puts. */
    public static final class Builder {
        private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 0);
        private final String topic;
        private final int queueId;
        private final byte[] body;
        private int flag;
        private String properties = "";
        private int sysFlag;
        private long bornTimestamp = System.currentTimeMillis();
        private InetSocketAddress bornHost = LOCAL;
        private InetSocketAddress storeHost = LOCAL;
        private int reconsumeTimes;
        private long preparedTransactionOffset;

        private Builder(String topic, int queueId, byte[] body) {
            this.topic = topic;
            this.queueId = queueId;
            this.body = body;
        }

        public Builder flag(int value) {
            this.flag = value;
            return this;
        }

        public Builder properties(String value) {
            this.properties = value;
            return this;
        }

        public Builder sysFlag(int value) {
            this.sysFlag = value;
            return this;
        }

        public Builder bornTimestamp(long value) {
            this.bornTimestamp = value;
            return this;
        }

        public Builder bornHost(InetSocketAddress value) {
            this.bornHost = value;
            return this;
        }

        public Builder storeHost(InetSocketAddress value) {
            this.storeHost = value;
            return this;
        }

        public Builder reconsumeTimes(int value) {
            this.reconsumeTimes = value;
            return this;
        }

        public Builder preparedTransactionOffset(long value) {
            this.preparedTransactionOffset = value;
            return this;
        }

        public MessageInput build() {
            return new MessageInput(topic, queueId, flag, body, properties, sysFlag, bornTimestamp, bornHost,
                    storeHost, reconsumeTimes, preparedTransactionOffset);
        }
    }
}
