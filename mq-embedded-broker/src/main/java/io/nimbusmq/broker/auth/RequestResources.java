package io.nimbusmq.broker.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;

/**
 * Which topics and groups a request touches, and the permission each needs: RocketMQ's mapping
 * (apache/rocketmq {@code PlainAccessResource.parse}, 5.3.1). The only place where access control reads request
 * fields, by their wire names:
 *
 * <table>
 *   <caption>Request code to needed permissions</caption>
 *   <tr><th>Code</th><th>Fields read</th><th>Needs</th></tr>
 *   <tr><td>SEND_MESSAGE (10)</td><td>{@code topic}</td><td>PUB on the topic</td></tr>
 *   <tr><td>SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320)</td><td>{@code b} (topic)</td>
 *       <td>PUB on the topic</td></tr>
 *   <tr><td>CONSUMER_SEND_MSG_BACK (36)</td><td>{@code group}</td><td>SUB on the group</td></tr>
 *   <tr><td>PULL_MESSAGE (11), LITE_PULL_MESSAGE (361)</td><td>{@code topic}, {@code consumerGroup}</td>
 *       <td>SUB on both</td></tr>
 *   <tr><td>QUERY_MESSAGE (12)</td><td>{@code topic}</td><td>SUB on the topic</td></tr>
 *   <tr><td>HEART_BEAT (34)</td><td>body: consumer groups and their subscribed topics</td><td>SUB on each</td></tr>
 *   <tr><td>UNREGISTER_CLIENT (35), GET_CONSUMER_LIST_BY_GROUP (38)</td><td>{@code consumerGroup}</td>
 *       <td>SUB on the group</td></tr>
 *   <tr><td>UPDATE_CONSUMER_OFFSET (15)</td><td>{@code consumerGroup}, {@code topic}</td><td>SUB on both</td></tr>
 *   <tr><td>anything else</td><td></td><td>a valid signature only (admin codes: an admin user)</td></tr>
 * </table>
 *
 * A send to {@code %RETRY%<group>} needs SUB on the group rather than PUB on the topic (consumers send their failed
 * messages back that way). LITE_PULL_MESSAGE is checked like PULL_MESSAGE; RocketMQ 5.3.1 checks only its signature.
 * Absent fields are skipped here: the processor refuses the request for the missing field.
 */
public final class RequestResources {

    private RequestResources() {
    }

    /**
     * The resources {@code request} touches and the permission each needs, in the order found.
     *
     * @throws IllegalArgumentException when a HEART_BEAT body cannot be read
     */
    public static Map<Resource, Byte> of(RemotingCommand request) {
        Map<Resource, Byte> needed = new LinkedHashMap<>(4);
        switch (request.code()) {
            case RequestCode.SEND_MESSAGE -> addSendTarget(needed, request.optionalString("topic"));
            case RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE ->
                    addSendTarget(needed, request.optionalString("b"));
            case RequestCode.CONSUMER_SEND_MSG_BACK -> addGroup(needed, request.optionalString("group"));
            case RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE, RequestCode.UPDATE_CONSUMER_OFFSET -> {
                addTopic(needed, request.optionalString("topic"), Permission.SUB);
                addGroup(needed, request.optionalString("consumerGroup"));
            }
            case RequestCode.QUERY_MESSAGE -> addTopic(needed, request.optionalString("topic"), Permission.SUB);
            case RequestCode.HEART_BEAT -> addHeartbeat(needed, request.body());
            case RequestCode.UNREGISTER_CLIENT, RequestCode.GET_CONSUMER_LIST_BY_GROUP ->
                    addGroup(needed, request.optionalString("consumerGroup"));
            default -> {
                // signature (and for admin codes the admin flag) only
            }
        }
        return needed;
    }

    private static void addSendTarget(Map<Resource, Byte> needed, String topic) {
        if (topic != null && topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            addGroup(needed, topic.substring(TopicValidator.RETRY_GROUP_TOPIC_PREFIX.length()));
        } else {
            addTopic(needed, topic, Permission.PUB);
        }
    }

    private static void addHeartbeat(Map<Resource, Byte> needed, byte[] body) {
        if (body == null || body.length == 0) {
            return;
        }
        HeartbeatData heartbeat;
        try {
            heartbeat = RemotingJson.decode(body, HeartbeatData.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable HEART_BEAT body: " + e.getMessage(), e);
        }
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            addGroup(needed, consumer.groupName());
            for (SubscriptionData subscription : consumer.subscriptionDataSet()) {
                addTopic(needed, subscription.topic(), Permission.SUB);
            }
        }
    }

    /** A {@code %RETRY%<group>} topic stands for its group, as in RocketMQ. */
    private static void addTopic(Map<Resource, Byte> needed, String topic, byte permission) {
        if (topic == null) {
            return;
        }
        if (topic.startsWith(TopicValidator.RETRY_GROUP_TOPIC_PREFIX)) {
            addGroup(needed, topic.substring(TopicValidator.RETRY_GROUP_TOPIC_PREFIX.length()));
        } else {
            needed.put(Resource.topic(topic), permission);
        }
    }

    private static void addGroup(Map<Resource, Byte> needed, String group) {
        if (group != null) {
            needed.put(Resource.group(group), Permission.SUB);
        }
    }
}
