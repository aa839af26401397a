package io.nimbusmq.client;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.nimbusmq.message.MessageConst;

/**
 * A message to send: topic, body and properties, with RocketMQ's system properties (TAGS, KEYS, DELAY, TIMER_*)
 * behind typed setters. Any other property is a user property, visible to SQL92 selectors.
 *
 * <p>Not thread-safe; build one per send.
 */
public final class Message {

    public static final String PROPERTY_TAGS = MessageConst.TAGS;
    public static final String PROPERTY_KEYS = MessageConst.KEYS;
    public static final String PROPERTY_DELAY_LEVEL = MessageConst.DELAY;
    public static final String PROPERTY_TIMER_DELIVER_MS = MessageConst.TIMER_DELIVER_MS;
    public static final String PROPERTY_TIMER_DELAY_MS = MessageConst.TIMER_DELAY_MS;
    public static final String PROPERTY_TIMER_DELAY_SEC = MessageConst.TIMER_DELAY_SEC;
    /** Keys are joined with this separator in the KEYS property. */
    public static final String KEY_SEPARATOR = MessageConst.KEY_SEPARATOR;

    private final String topic;
    private final byte[] body;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private int flag;

    public Message(String topic, byte[] body) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.body = Objects.requireNonNull(body, "body");
    }

    public String topic() {
        return topic;
    }

    public byte[] body() {
        return body;
    }

    public int flag() {
        return flag;
    }

    public Message flag(int value) {
        this.flag = value;
        return this;
    }

    public String tags() {
        return properties.get(PROPERTY_TAGS);
    }

    public Message tags(String value) {
        return property(PROPERTY_TAGS, value);
    }

    /** The KEYS property, space-separated; indexed by the broker for queries. */
    public String keys() {
        return properties.get(PROPERTY_KEYS);
    }

    public Message keys(String... keys) {
        return property(PROPERTY_KEYS, String.join(KEY_SEPARATOR, keys));
    }

    public Message keys(Collection<String> keys) {
        return property(PROPERTY_KEYS, String.join(KEY_SEPARATOR, keys));
    }

    /** Delay level 1..18 ({@code 1s 5s 10s 30s 1m ... 2h} by default); 0 means none. */
    public Message delayLevel(int level) {
        if (level < 0) {
            throw new IllegalArgumentException("delay level must be >= 0: " + level);
        }
        return property(PROPERTY_DELAY_LEVEL, level == 0 ? null : Integer.toString(level));
    }

    /** Deliver at this wall-clock time (epoch millis): a 5.x timer message. */
    public Message deliverAtMillis(long epochMillis) {
        return property(PROPERTY_TIMER_DELIVER_MS, Long.toString(epochMillis));
    }

    /** Deliver after this many milliseconds: a 5.x timer message. */
    public Message delayMillis(long millis) {
        return property(PROPERTY_TIMER_DELAY_MS, Long.toString(millis));
    }

    /** A property; a null value removes it. */
    public Message property(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
        return this;
    }

    public String property(String name) {
        return properties.get(name);
    }

    /** All properties, system and user, in insertion order; read-only. */
    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    @Override
    public String toString() {
        return "Message[topic=" + topic + ", properties=" + properties + ", body=" + body.length + " bytes]";
    }
}
