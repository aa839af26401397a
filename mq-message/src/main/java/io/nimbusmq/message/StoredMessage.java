package io.nimbusmq.message;

import java.net.InetSocketAddress;
import java.util.Map;

/** A message decoded from its stored bytes. */
public record StoredMessage(
        int totalSize,
        int magicCode,
        int bodyCrc,
        int queueId,
        int flag,
        long queueOffset,
        long physicalOffset,
        int sysFlag,
        long bornTimestamp,
        InetSocketAddress bornHost,
        long storeTimestamp,
        InetSocketAddress storeHost,
        int reconsumeTimes,
        long preparedTransactionOffset,
        byte[] body,
        String topic,
        String properties) {

    public Map<String, String> propertyMap() {
        return MessageProperties.decode(properties);
    }

    public String property(String name) {
        return MessageProperties.get(properties, name);
    }
}
