package io.nimbusmq.broker.console.model;

import java.util.List;

/** What the consumer groups page shows and sends. */
public final class GroupViews {

    private GroupViews() {
    }

    /**
     * One line of the group list: every group configured (the subscription-group table), online now or with
     * committed offsets.
     *
     * @param messageModel CLUSTERING or BROADCASTING, null while no member is online
     * @param lag messages stored but not yet consumed, over all its topics
     * @param outPerSecond messages delivered to the group per second over the last minute (GROUP_GET_NUMS)
     */
    public record Summary(String group, boolean online, int members, String messageModel, String consumeType,
            List<String> topics, long lag, double outPerSecond, boolean system) {
    }

    /** A group: members, subscriptions, lag per queue. */
    public record Detail(String group, boolean online, String messageModel, String consumeType,
            String consumeFromWhere, List<Member> members, List<Subscription> subscriptions, List<QueueLag> queues,
            long totalLag, long deadLetters, long retries) {
    }

    /**
     * @param language the client's language (JAVA, GO, CPP ...)
     * @param version the client's RocketMQ version, e.g. V5_3_1
     */
    public record Member(String clientId, String address, String language, String version,
            long lastHeartbeatMillis) {
    }

    /** @param expressionType TAG or SQL92 */
    public record Subscription(String topic, String expressionType, String expression) {
    }

    /**
     * @param brokerOffset the next queue offset to be written
     * @param consumerOffset the group's committed offset (0 when it never committed one, as GET_CONSUME_STATS says)
     * @param lag {@code brokerOffset - consumerOffset}
     */
    public record QueueLag(String topic, int queueId, long brokerOffset, long consumerOffset, long lag) {
    }

    /** The group's total lag at one time. */
    public record LagPoint(long timeMillis, long lag) {
    }

    /**
     * Where to move a group's offsets on a topic (the request body).
     *
     * @param to {@code "end"} (skip everything stored) or {@code "time"}
     * @param timestampMillis with {@code "time"}: the first message stored at or after it is consumed next
     */
    public record Reset(String topic, String to, Long timestampMillis) {
    }
}
