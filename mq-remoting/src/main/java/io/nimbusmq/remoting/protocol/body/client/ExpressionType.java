package io.nimbusmq.remoting.protocol.body.client;

/**
 * The filter languages a subscription may use ({@link SubscriptionData#expressionType()}). RocketMQ sends them as
 * plain strings, so they stay strings here: an unknown type must reach the broker's checks, not fail parsing.
 */
public final class ExpressionType {

    /** Tag filter: {@code *} or {@code tagA || tagB}. */
    public static final String TAG = "TAG";
    /** SQL92 filter on message properties; needs the broker's property filter. */
    public static final String SQL92 = "SQL92";

    private ExpressionType() {
    }

    /** Whether {@code expressionType} means a tag filter; as in RocketMQ, {@code null} and blank also do. */
    public static boolean isTag(String expressionType) {
        return expressionType == null || expressionType.isBlank() || TAG.equals(expressionType);
    }
}
