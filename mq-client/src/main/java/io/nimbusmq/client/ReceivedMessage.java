package io.nimbusmq.client;

import java.util.Map;

/**
 * A message as a consumer (or a transaction check-back, or a request's reply) receives it: the stored record
 * decoded.
 *
 * @param msgId          the unique id (UNIQ_KEY property), as the official client's {@code getMsgId()}
 * @param offsetMsgId    the broker-side id (store host + commit-log offset)
 * @param reconsumeTimes how many times it has been sent back for retry
 */
public record ReceivedMessage(String topic, String brokerName, int queueId, long queueOffset, long commitLogOffset,
        String msgId, String offsetMsgId, int flag, int sysFlag, int reconsumeTimes, long bornTimestamp,
        String bornHost, long storeTimestamp, String storeHost, Map<String, String> properties, byte[] body) {

    public ReceivedMessage {
        properties = Map.copyOf(properties);
    }

    public String tags() {
        return properties.get(Message.PROPERTY_TAGS);
    }

    public String keys() {
        return properties.get(Message.PROPERTY_KEYS);
    }

    public String property(String name) {
        return properties.get(name);
    }

    @Override
    public String toString() {
        return "ReceivedMessage[topic=" + topic + ", queueId=" + queueId + ", queueOffset=" + queueOffset
                + ", msgId=" + msgId + ", reconsumeTimes=" + reconsumeTimes + ", properties=" + properties
                + ", body=" + body.length + " bytes]";
    }
}
