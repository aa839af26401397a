package io.nimbusmq.spring.support;

import io.nimbusmq.message.MessageConst;

/**
 * Header names of Spring {@link org.springframework.messaging.Message}s sent and received through Nimbus MQ.
 *
 * <p>On send, {@link #KEYS} and {@link #TAGS} set the message's system properties; every other header except
 * Spring's own ({@code id}, {@code timestamp}, {@code contentType}) and those starting with {@value #PREFIX} becomes a
 * user property, which SQL92 selectors can filter on. On receive, every property is a header of the same name, and the
 * {@value #PREFIX} headers describe where the message came from.
 */
public final class MqHeaders {

    /** Received headers that describe the message, not set by the sender. */
    public static final String PREFIX = "mq_";

    /** Message keys (a String, or a Collection of Strings joined by spaces); indexed by the broker. */
    public static final String KEYS = MessageConst.KEYS;
    /** The tag; {@code "topic:tag"} destinations set it too. */
    public static final String TAGS = MessageConst.TAGS;

    public static final String TOPIC = PREFIX + "topic";
    public static final String MESSAGE_ID = PREFIX + "messageId";
    public static final String QUEUE_ID = PREFIX + "queueId";
    public static final String QUEUE_OFFSET = PREFIX + "queueOffset";
    public static final String BROKER_NAME = PREFIX + "brokerName";
    public static final String RECONSUME_TIMES = PREFIX + "reconsumeTimes";
    public static final String BORN_TIMESTAMP = PREFIX + "bornTimestamp";
    public static final String STORE_TIMESTAMP = PREFIX + "storeTimestamp";
    public static final String BORN_HOST = PREFIX + "bornHost";
    /** The {@link io.nimbusmq.client.ReceivedMessage} itself. */
    public static final String RAW_MESSAGE = PREFIX + "rawMessage";

    private MqHeaders() {
    }
}
