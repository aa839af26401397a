package io.nimbusmq.remoting.protocol.body.client;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One topic a consumer group subscribes to, as carried in heartbeats and CHECK_CLIENT_CONFIG (remoting-protocol.md
 * §6):
 * <pre>
 * {"classFilterMode":false,"codeSet":[3552231,3552232],"expressionType":"TAG","subString":"tagA || tagB",
 *  "subVersion":1700000000000,"tagsSet":["tagA","tagB"],"topic":"T"}
 * </pre>
 * For a TAG expression, {@code tagsSet} holds the tags and {@code codeSet} their {@link String#hashCode()}s, which
 * the broker compares with the consume-queue tags code; {@code *} has both empty. SQL92 subscriptions carry the
 * expression in {@code subString} and empty sets.
 *
 * <p>{@code subVersion} is the client's subscription timestamp: the broker keeps the newest per topic. RocketMQ's
 * {@code filterClassSource} is never serialized by its clients, so it is not modelled.
 *
 * @param expressionType {@link ExpressionType#TAG} (the default when missing) or {@link ExpressionType#SQL92}
 */
public record SubscriptionData(String topic, String subString, Set<String> tagsSet, Set<Integer> codeSet,
        long subVersion, String expressionType, boolean classFilterMode) {

    /** The expression that matches every tag. */
    public static final String SUB_ALL = "*";

    public SubscriptionData {
        tagsSet = BodyCollections.copyOfSet(tagsSet);
        codeSet = BodyCollections.copyOfSet(codeSet);
        expressionType = expressionType == null ? ExpressionType.TAG : expressionType;
    }

    /**
     * A TAG subscription built the way clients build it: {@code *}, empty or {@code null} subscribe to all;
     * otherwise the expression is split on {@code ||}, each part trimmed, empty parts dropped.
     */
    public static SubscriptionData ofTags(String topic, String expression, long subVersion) {
        if (expression == null || expression.isBlank() || SUB_ALL.equals(expression.trim())) {
            return new SubscriptionData(topic, SUB_ALL, Set.of(), Set.of(), subVersion, ExpressionType.TAG, false);
        }
        Set<String> tags = new LinkedHashSet<>();
        Set<Integer> codes = new LinkedHashSet<>();
        for (String part : expression.split("\\|\\|")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
                codes.add(tag.hashCode());
            }
        }
        return new SubscriptionData(topic, expression, tags, codes, subVersion, ExpressionType.TAG, false);
    }

    /** A SQL92 subscription: the expression travels as is, with empty tag sets. */
    public static SubscriptionData ofSql92(String topic, String expression, long subVersion) {
        return new SubscriptionData(topic, expression, Set.of(), Set.of(), subVersion, ExpressionType.SQL92, false);
    }

    /** Whether this subscription uses the tag filter (see {@link ExpressionType#isTag(String)}). */
    public boolean tagExpression() {
        return ExpressionType.isTag(expressionType);
    }
}
