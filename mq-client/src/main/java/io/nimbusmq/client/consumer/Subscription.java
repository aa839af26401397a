package io.nimbusmq.client.consumer;

import java.util.Objects;

/** A topic and the selector that filters it. */
public record Subscription(String topic, SelectorType type, String expression) {

    public static final String ALL = "*";

    public Subscription {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        expression = expression == null || expression.isBlank() ? (type == SelectorType.TAG ? ALL : null)
                : expression.trim();
        if (expression == null) {
            throw new IllegalArgumentException("a SQL92 subscription needs an expression");
        }
    }

    public static Subscription all(String topic) {
        return new Subscription(topic, SelectorType.TAG, ALL);
    }

    public static Subscription tag(String topic, String tagExpression) {
        return new Subscription(topic, SelectorType.TAG, tagExpression);
    }

    public static Subscription sql(String topic, String sqlExpression) {
        return new Subscription(topic, SelectorType.SQL92, sqlExpression);
    }
}
