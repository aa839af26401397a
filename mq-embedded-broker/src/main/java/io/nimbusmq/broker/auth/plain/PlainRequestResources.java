package io.nimbusmq.broker.auth.plain;

import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.RequiredAccess;
import io.nimbusmq.broker.auth.Resource;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.HeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;
import io.nimbusmq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.nimbusmq.remoting.protocol.header.PullMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.QueryMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.UnregisterClientRequestHeader;
import io.nimbusmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;

/**
 * ACL 1.0: which topics and groups a request touches, and the permission each needs: RocketMQ's mapping
 * (apache/rocketmq {@code PlainAccessResource.parse}, 5.3.1). The only place where access control reads request
 * fields for ACL 1.0, through the header types of {@code io.nimbusmq.remoting.protocol.header} (ACL 2.0 has its own
 * mapping, {@code acl2.PolicyRequestResources}):
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
 * A request whose header lacks a required field needs nothing here: the processor refuses it for that field.
 */
public final class PlainRequestResources {

    private PlainRequestResources() {
    }

    /**
     * The resources {@code request} touches and the permission (PUB or SUB) each needs, in the order found.
     *
     * @throws IllegalArgumentException when a HEART_BEAT body cannot be read
     */
    public static List<RequiredAccess> of(RemotingCommand request) {
        List<RequiredAccess> needed = new ArrayList<>(4);
        try {
            addResources(needed, request);
        } catch (HeaderFieldException e) {
            // a required field is missing or malformed: the processor refuses the request for it
        }
        return needed;
    }

    private static void addResources(List<RequiredAccess> needed, RemotingCommand request) {
        switch (request.code()) {
            case RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE ->
                    addSendTarget(needed, SendMessageRequestHeader.readFrom(request).topic());
            case RequestCode.CONSUMER_SEND_MSG_BACK ->
                    addGroup(needed, ConsumerSendMsgBackRequestHeader.readFrom(request).group());
            case RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE -> {
                PullMessageRequestHeader pull = PullMessageRequestHeader.readFrom(request);
                addTopic(needed, pull.topic(), Action.SUB);
                addGroup(needed, pull.consumerGroup());
            }
            case RequestCode.UPDATE_CONSUMER_OFFSET -> {
                UpdateConsumerOffsetRequestHeader update = UpdateConsumerOffsetRequestHeader.readFrom(request);
                addTopic(needed, update.topic(), Action.SUB);
                addGroup(needed, update.consumerGroup());
            }
            case RequestCode.QUERY_MESSAGE ->
                    addTopic(needed, QueryMessageRequestHeader.readFrom(request).topic(), Action.SUB);
            case RequestCode.HEART_BEAT -> addHeartbeat(needed, request.body());
            case RequestCode.UNREGISTER_CLIENT ->
                    addGroup(needed, UnregisterClientRequestHeader.readFrom(request).consumerGroup());
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP ->
                    addGroup(needed, ConsumerGroupRequestHeader.readFrom(request).consumerGroup());
            default -> {
                // signature (and for admin codes the admin flag) only
            }
        }
    }

    private static void addSendTarget(List<RequiredAccess> needed, String topic) {
        if (topic != null && topic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)) {
            addGroup(needed, topic.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length()));
        } else {
            addTopic(needed, topic, Action.PUB);
        }
    }

    private static void addHeartbeat(List<RequiredAccess> needed, byte[] body) {
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
                addTopic(needed, subscription.topic(), Action.SUB);
            }
        }
    }

    /** A {@code %RETRY%<group>} topic stands for its group, as in RocketMQ. */
    private static void addTopic(List<RequiredAccess> needed, String topic, Action action) {
        if (topic == null) {
            return;
        }
        if (topic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)) {
            addGroup(needed, topic.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length()));
        } else {
            needed.add(RequiredAccess.of(Resource.topic(topic), action));
        }
    }

    private static void addGroup(List<RequiredAccess> needed, String group) {
        if (group != null) {
            needed.add(RequiredAccess.of(Resource.group(group), Action.SUB));
        }
    }
}
