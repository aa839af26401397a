package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A consumer group's configuration on a broker (RocketMQ's {@code SubscriptionGroupConfig}): the body of
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200) and GET_SUBSCRIPTIONGROUP_CONFIG (352), an entry of
 * {@link SubscriptionGroupWrapper}, and one entry of the broker's {@code config/subscriptionGroup.json}.
 *
 * <pre>
 * {"attributes":{},"brokerId":0,"consumeBroadcastEnable":true,"consumeEnable":true,"consumeFromMinEnable":true,
 *  "consumeMessageOrderly":false,"consumeTimeoutMinute":15,"groupName":"cg","groupRetryPolicy":{"type":"CUSTOMIZED"},
 *  "groupSysFlag":0,"notifyConsumerIdsChangedEnable":true,"retryMaxTimes":16,"retryQueueNums":1,
 *  "whichBrokerWhenConsumeSlowly":1}
 * </pre>
 * Missing fields take RocketMQ's defaults (the boxed components are {@code null} only while being read).
 *
 * @param consumeEnable whether the group may pull; a disabled group is refused with NO_PERMISSION
 * @param retryMaxTimes how many times a message is redelivered before it becomes a dead letter, unless the consumer
 *     says otherwise
 * @param groupRetryPolicy RocketMQ's retry policy (POP consumers), kept as sent
 * @param subscriptionDataSet the group's declared subscriptions (5.x), kept as sent
 */
public record SubscriptionGroupConfig(String groupName, Boolean consumeEnable, Boolean consumeFromMinEnable,
        Boolean consumeBroadcastEnable, Boolean consumeMessageOrderly, Integer retryQueueNums, Integer retryMaxTimes,
        JsonNode groupRetryPolicy, Long brokerId, Long whichBrokerWhenConsumeSlowly,
        Boolean notifyConsumerIdsChangedEnable, Integer groupSysFlag, Integer consumeTimeoutMinute,
        List<JsonNode> subscriptionDataSet, Map<String, String> attributes) {

    /** RocketMQ's default number of redeliveries before a dead letter. */
    public static final int DEFAULT_RETRY_MAX_TIMES = 16;

    /** {@code {"type":"CUSTOMIZED"}}, RocketMQ's default retry policy. */
    private static final JsonNode DEFAULT_RETRY_POLICY = JsonNodeFactory.instance.objectNode()
            .put("type", "CUSTOMIZED");

    public SubscriptionGroupConfig {
        consumeEnable = consumeEnable == null || consumeEnable;
        consumeFromMinEnable = consumeFromMinEnable == null || consumeFromMinEnable;
        consumeBroadcastEnable = consumeBroadcastEnable == null || consumeBroadcastEnable;
        consumeMessageOrderly = consumeMessageOrderly != null && consumeMessageOrderly;
        retryQueueNums = retryQueueNums == null ? 1 : retryQueueNums;
        retryMaxTimes = retryMaxTimes == null ? DEFAULT_RETRY_MAX_TIMES : retryMaxTimes;
        groupRetryPolicy = groupRetryPolicy == null ? DEFAULT_RETRY_POLICY : groupRetryPolicy;
        brokerId = brokerId == null ? 0L : brokerId;
        whichBrokerWhenConsumeSlowly = whichBrokerWhenConsumeSlowly == null ? 1L : whichBrokerWhenConsumeSlowly;
        notifyConsumerIdsChangedEnable = notifyConsumerIdsChangedEnable == null || notifyConsumerIdsChangedEnable;
        groupSysFlag = groupSysFlag == null ? 0 : groupSysFlag;
        consumeTimeoutMinute = consumeTimeoutMinute == null ? 15 : consumeTimeoutMinute;
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** A group with RocketMQ's defaults: consume, broadcast and notify enabled, 16 retries, 1 retry queue. */
    public static SubscriptionGroupConfig defaults(String groupName) {
        return new SubscriptionGroupConfig(groupName, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** This group with consumption enabled or disabled. */
    public SubscriptionGroupConfig withConsumeEnable(boolean enable) {
        return new SubscriptionGroupConfig(groupName, enable, consumeFromMinEnable, consumeBroadcastEnable,
                consumeMessageOrderly, retryQueueNums, retryMaxTimes, groupRetryPolicy, brokerId,
                whichBrokerWhenConsumeSlowly, notifyConsumerIdsChangedEnable, groupSysFlag, consumeTimeoutMinute,
                subscriptionDataSet, attributes);
    }
}
