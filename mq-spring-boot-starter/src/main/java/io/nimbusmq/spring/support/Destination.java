package io.nimbusmq.spring.support;

import java.util.Objects;

/**
 * A send destination: {@code "topic"} or {@code "topic:tag"}. The tag is the message's TAGS property, what a
 * {@code TAG} selector filters on.
 */
public record Destination(String topic, String tag) {

    public Destination {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("destination has no topic");
        }
        tag = tag == null || tag.isBlank() ? null : tag;
    }

    /** Parses {@code "topic"} or {@code "topic:tag"}. */
    public static Destination parse(String destination) {
        Objects.requireNonNull(destination, "destination");
        int colon = destination.indexOf(':');
        if (colon < 0) {
            return new Destination(destination.trim(), null);
        }
        return new Destination(destination.substring(0, colon).trim(), destination.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return tag == null ? topic : topic + ":" + tag;
    }
}
