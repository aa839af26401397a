package io.nimbusmq.spring.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.messaging.MessageHeaders;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.ReceivedMessage;

/**
 * Maps Spring message headers to Nimbus MQ message properties and back (see {@link MqHeaders} for the rules).
 * Numbers are written so that SQL92 comparisons match them as written ({@link NumericHeaders}).
 */
public final class MessageHeaderMapper {

    private static final Set<String> SPRING_HEADERS = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
            MessageHeaders.CONTENT_TYPE, MessageHeaders.REPLY_CHANNEL, MessageHeaders.ERROR_CHANNEL);

    private MessageHeaderMapper() {
    }

    /** Copies {@code headers} onto {@code message}: keys, tags and user properties. */
    public static void toProperties(Map<String, Object> headers, Message message) {
        headers.forEach((name, value) -> {
            if (value == null || SPRING_HEADERS.contains(name) || name.startsWith(MqHeaders.PREFIX)) {
                return;
            }
            if (MqHeaders.KEYS.equals(name)) {
                message.property(Message.PROPERTY_KEYS, keys(value));
            } else if (value instanceof Number number) {
                message.property(name, NumericHeaders.toProperty(name, number));
            } else {
                message.property(name, value.toString());
            }
        });
    }

    /** The headers of a received message: its properties plus the {@code mq_*} description. */
    public static Map<String, Object> toHeaders(ReceivedMessage received) {
        Map<String, Object> headers = new HashMap<>(received.properties());
        headers.put(MqHeaders.TOPIC, received.topic());
        headers.put(MqHeaders.MESSAGE_ID, received.msgId());
        headers.put(MqHeaders.QUEUE_ID, received.queueId());
        headers.put(MqHeaders.QUEUE_OFFSET, received.queueOffset());
        headers.put(MqHeaders.BROKER_NAME, received.brokerName());
        headers.put(MqHeaders.RECONSUME_TIMES, received.reconsumeTimes());
        headers.put(MqHeaders.BORN_TIMESTAMP, received.bornTimestamp());
        headers.put(MqHeaders.STORE_TIMESTAMP, received.storeTimestamp());
        if (received.bornHost() != null) {
            headers.put(MqHeaders.BORN_HOST, received.bornHost());
        }
        headers.put(MqHeaders.RAW_MESSAGE, received);
        return headers;
    }

    private static String keys(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).collect(Collectors.joining(Message.KEY_SEPARATOR));
        }
        if (value instanceof String[] array) {
            return String.join(Message.KEY_SEPARATOR, array);
        }
        return value.toString();
    }
}
