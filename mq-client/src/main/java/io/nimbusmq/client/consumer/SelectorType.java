package io.nimbusmq.client.consumer;

/** The filter language of a subscription. */
public enum SelectorType {
    /** {@code *} or {@code tagA || tagB}. */
    TAG,
    /** A SQL92 condition on message properties, evaluated by the broker. */
    SQL92
}
