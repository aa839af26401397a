package io.nimbusmq.broker.console.model;

import java.util.List;
import java.util.Map;

/** What the messages, dead-letter and retry pages show. */
public final class MessageViews {

    private MessageViews() {
    }

    /**
     * One message in a list.
     *
     * @param msgId the producer's message id (UNIQ_KEY), what clients show
     * @param offsetMsgId the broker's id (store host and commit log offset); names the message in detail calls
     */
    public record Summary(String msgId, String offsetMsgId, String topic, int queueId, long queueOffset, String tags,
            String keys, long storeTimeMillis, long bornTimeMillis, int bodyBytes, int reconsumeTimes) {
    }

    /**
     * Messages found.
     *
     * @param truncated whether more matched than were returned
     */
    public record SearchResult(List<Summary> messages, boolean truncated) {
    }

    /** A message with everything about it. */
    public record Detail(Summary summary, Map<String, String> properties, String bornHost, String storeHost,
            int sysFlag, Body body, List<Consumption> consumption) {
    }

    /**
     * A readable preview of the body.
     *
     * @param format {@code json} (pretty-printed), {@code text} or {@code hex}
     * @param compressed whether the stored body was zlib-compressed (the preview is of the inflated bytes)
     * @param truncated whether the preview stops before the end of the body
     */
    public record Body(String format, String preview, int sizeBytes, boolean compressed, boolean truncated) {
    }

    /**
     * Whether a group consumed the message.
     *
     * @param state RocketMQ's track type: {@code CONSUMED}, {@code CONSUMED_BUT_FILTERED}, {@code NOT_CONSUME_YET},
     *     {@code PULL} or {@code CONSUME_BROADCASTING} ({@link io.nimbusmq.broker.stats.MessageTrack})
     * @param online whether a member of the group is online
     * @param consumerOffset the group's committed offset on the message's queue, -1 when it never committed one
     * @param clientIds the group's online members, to which the message can be resent
     */
    public record Consumption(String group, String state, boolean online, long consumerOffset,
            List<String> clientIds) {
    }

    /**
     * Resend a message to one member of a group (the request body).
     *
     * @param clientId the member, or null for any online member
     */
    public record ResendToGroup(String group, String clientId) {
    }

    /** What a member answered when it consumed a resent message. */
    public record ConsumeResult(String clientId, String result, String remark) {
    }
}
