package io.nimbusmq.broker.auth;

import java.util.Objects;

/**
 * What a request touches: a topic or a consumer/producer group.
 *
 * @param kind TOPIC or GROUP
 * @param name the topic or group name as sent
 */
public record Resource(Kind kind, String name) {

    public enum Kind { TOPIC, GROUP }

    public Resource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Resource topic(String name) {
        return new Resource(Kind.TOPIC, name);
    }

    public static Resource group(String name) {
        return new Resource(Kind.GROUP, name);
    }

    /** {@code topic:<name>} or {@code group:<name>}, as RocketMQ's refusal messages print it. */
    @Override
    public String toString() {
        return (kind == Kind.TOPIC ? "topic:" : "group:") + name;
    }
}
