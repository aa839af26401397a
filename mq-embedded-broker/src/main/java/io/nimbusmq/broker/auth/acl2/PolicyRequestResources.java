package io.nimbusmq.broker.auth.acl2;

import static io.nimbusmq.broker.auth.Action.CREATE;
import static io.nimbusmq.broker.auth.Action.DELETE;
import static io.nimbusmq.broker.auth.Action.GET;
import static io.nimbusmq.broker.auth.Action.PUB;
import static io.nimbusmq.broker.auth.Action.SUB;
import static io.nimbusmq.broker.auth.Action.UPDATE;
import static io.nimbusmq.broker.auth.Resource.Kind.GROUP;
import static io.nimbusmq.broker.auth.Resource.Kind.TOPIC;
import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.RequiredAccess;
import io.nimbusmq.broker.auth.Resource;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.LockBatchRequestBody;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;

/**
 * ACL 2.0: what a request needs, RocketMQ 5.3.1's mapping ({@code DefaultAuthorizationContextBuilder}: explicit cases
 * for the client's requests, then the {@code @RocketMQAction} / {@code @RocketMQResource} annotations of the request
 * headers). Each {@link RequiredAccess} is met by any one of its actions. A retry topic {@code %RETRY%g} stands for
 * the group {@code g}; a field that is absent is skipped (its processor refuses the request).
 *
 * <table>
 *   <caption>Client requests</caption>
 *   <tr><th>Code</th><th>Needs</th></tr>
 *   <tr><td>GET_ROUTEINFO_BY_TOPIC (105)</td><td>Pub, Sub or Get on the topic; for a retry topic Sub or Get on
 *       its group (as fixed in RocketMQ 5.3.2: 5.3.1 wants the retry topic itself, so consumers cannot find their
 *       retry messages)</td></tr>
 *   <tr><td>SEND_MESSAGE (10), SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320)</td><td>Pub on the topic; to a
 *       retry topic Sub on the producer group field ({@code a}), or the retry topic's group when absent</td></tr>
 *   <tr><td>END_TRANSACTION (37)</td><td>Pub on {@code topic} when present</td></tr>
 *   <tr><td>CONSUMER_SEND_MSG_BACK (36)</td><td>Sub on {@code group}</td></tr>
 *   <tr><td>PULL_MESSAGE (11), LITE_PULL_MESSAGE (361)</td><td>Sub on the topic (unless a retry topic) and on
 *       {@code consumerGroup}</td></tr>
 *   <tr><td>QUERY_MESSAGE (12)</td><td>Sub or Get on the topic</td></tr>
 *   <tr><td>HEART_BEAT (34)</td><td>Sub on every consumer group and subscribed topic of the body</td></tr>
 *   <tr><td>UNREGISTER_CLIENT (35)</td><td>Sub on {@code consumerGroup} when present</td></tr>
 *   <tr><td>GET_CONSUMER_LIST_BY_GROUP (38)</td><td>Sub or Get on the group</td></tr>
 *   <tr><td>QUERY_CONSUMER_OFFSET (14) / UPDATE_CONSUMER_OFFSET (15)</td><td>Sub or Get / Sub or Update on the
 *       topic (unless a retry topic) and the group</td></tr>
 *   <tr><td>LOCK_BATCH_MQ (41), UNLOCK_BATCH_MQ (42)</td><td>Sub on the body's group and topics</td></tr>
 * </table>
 * The other codes follow {@link #BY_HEADER}: offsets and message lookups need Get on the topic, topic creation
 * Create, deletion Delete, consumer and producer statistics Get, and the name server's registrations, KV writes and
 * the AUTH_* user and ACL requests Update (reads: Get) on {@code Cluster:<name>}. Codes in neither list need a valid
 * signature only (as in RocketMQ, e.g. GET_BROKER_CLUSTER_INFO, GET_BROKER_CONFIG, the reply sends).
 *
 * <p>Where this is stricter than RocketMQ 5.3.1: LITE_PULL_MESSAGE is checked like PULL_MESSAGE (RocketMQ looks up
 * its header by code and finds none); INVOKE_BROKER_TO_RESET_OFFSET needs Update on its topic and group (RocketMQ's
 * annotation swaps the two types); our dead-letter resend (32001) needs Update on the cluster.
 */
public final class PolicyRequestResources {

    /** A header field naming a resource. */
    private record Field(String name, Resource.Kind kind) {
    }

    /**
     * What an annotated header needs: any of {@code actions} on every resource its fields name; when none is named
     * and {@code clusterWide}, on the cluster.
     */
    private record Spec(Set<Action> actions, boolean clusterWide, List<Field> fields) {
    }

    private static final int PUT_KV_CONFIG = 100;
    private static final int DELETE_KV_CONFIG = 102;

    private static final Map<Integer, Spec> BY_HEADER = Map.ofEntries(
            entry(RequestCode.UPDATE_AND_CREATE_TOPIC, fields(Set.of(CREATE), topic())),
            entry(RequestCode.DELETE_TOPIC_IN_BROKER, fields(Set.of(DELETE), topic())),
            entry(RequestCode.GET_TOPIC_CONFIG, fields(Set.of(GET), topic())),
            entry(RequestCode.GET_TOPIC_STATS_INFO, fields(Set.of(GET), topic())),
            entry(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, fields(Set.of(GET), topic())),
            entry(RequestCode.GET_MAX_OFFSET, fields(Set.of(GET), topic())),
            entry(RequestCode.GET_MIN_OFFSET, fields(Set.of(GET), topic())),
            entry(RequestCode.GET_EARLIEST_MSG_STORETIME, fields(Set.of(GET), topic())),
            entry(RequestCode.VIEW_MESSAGE_BY_ID, fields(Set.of(GET), topic())),
            entry(RequestCode.GET_CONSUME_STATS, fields(Set.of(GET), consumerGroup(), topic())),
            entry(RequestCode.GET_CONSUMER_CONNECTION_LIST, fields(Set.of(GET), consumerGroup())),
            entry(RequestCode.GET_CONSUMER_RUNNING_INFO, fields(Set.of(GET), consumerGroup())),
            entry(RequestCode.CONSUME_MESSAGE_DIRECTLY, fields(Set.of(SUB), consumerGroup(), topic())),
            entry(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, fields(Set.of(UPDATE), topic(),
                    new Field("group", GROUP))),
            entry(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, fields(Set.of(GET), topic(),
                    new Field("group", GROUP))),
            entry(RequestCode.GET_PRODUCER_CONNECTION_LIST, cluster(GET)),
            entry(RequestCode.RESEND_DEAD_LETTER, cluster(UPDATE)),
            entry(PUT_KV_CONFIG, cluster(UPDATE)),
            entry(RequestCode.GET_KV_CONFIG, cluster(GET)),
            entry(DELETE_KV_CONFIG, cluster(UPDATE)),
            entry(RequestCode.REGISTER_BROKER, clusterNamed(UPDATE)),
            entry(RequestCode.UNREGISTER_BROKER, clusterNamed(UPDATE)),
            entry(RequestCode.BROKER_HEARTBEAT, clusterNamed(UPDATE)),
            entry(RequestCode.DELETE_TOPIC_IN_NAMESRV, clusterNamed(UPDATE)),
            entry(RequestCode.QUERY_DATA_VERSION, clusterNamed(GET)),
            entry(RequestCode.AUTH_CREATE_USER, cluster(UPDATE)),
            entry(RequestCode.AUTH_UPDATE_USER, cluster(UPDATE)),
            entry(RequestCode.AUTH_DELETE_USER, cluster(UPDATE)),
            entry(RequestCode.AUTH_GET_USER, cluster(GET)),
            entry(RequestCode.AUTH_LIST_USER, cluster(GET)),
            entry(RequestCode.AUTH_CREATE_ACL, cluster(UPDATE)),
            entry(RequestCode.AUTH_UPDATE_ACL, cluster(UPDATE)),
            entry(RequestCode.AUTH_DELETE_ACL, cluster(UPDATE)),
            entry(RequestCode.AUTH_GET_ACL, cluster(GET)),
            entry(RequestCode.AUTH_LIST_ACL, cluster(GET)));

    private PolicyRequestResources() {
    }

    /**
     * What {@code request} needs, in the order found.
     *
     * @param clusterName the cluster resource of cluster-wide requests ({@code Cluster:<clusterName>})
     * @throws IllegalArgumentException when a body the mapping reads (HEART_BEAT, LOCK/UNLOCK_BATCH_MQ) is unreadable
     */
    public static List<RequiredAccess> of(RemotingCommand request, String clusterName) {
        List<RequiredAccess> needed = new ArrayList<>(4);
        switch (request.code()) {
            case RequestCode.GET_ROUTEINFO_BY_TOPIC -> addRouteQuery(needed, field(request, "topic"));
            case RequestCode.SEND_MESSAGE -> addSend(needed, field(request, "topic"), null);
            case RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE ->
                    addSend(needed, field(request, "b"), field(request, "a"));
            case RequestCode.END_TRANSACTION -> add(needed, TOPIC, field(request, "topic"), PUB);
            case RequestCode.CONSUMER_SEND_MSG_BACK -> add(needed, GROUP, field(request, "group"), SUB);
            case RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE -> {
                addUnlessRetry(needed, field(request, "topic"), SUB);
                add(needed, GROUP, field(request, "consumerGroup"), SUB);
            }
            case RequestCode.QUERY_MESSAGE -> add(needed, TOPIC, field(request, "topic"), SUB, GET);
            case RequestCode.HEART_BEAT -> addHeartbeat(needed, request.body());
            case RequestCode.UNREGISTER_CLIENT -> add(needed, GROUP, field(request, "consumerGroup"), SUB);
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> add(needed, GROUP, field(request, "consumerGroup"), SUB, GET);
            case RequestCode.QUERY_CONSUMER_OFFSET -> {
                addUnlessRetry(needed, field(request, "topic"), SUB, GET);
                add(needed, GROUP, field(request, "consumerGroup"), SUB, GET);
            }
            case RequestCode.UPDATE_CONSUMER_OFFSET -> {
                addUnlessRetry(needed, field(request, "topic"), SUB, UPDATE);
                add(needed, GROUP, field(request, "consumerGroup"), SUB, UPDATE);
            }
            case RequestCode.LOCK_BATCH_MQ, RequestCode.UNLOCK_BATCH_MQ -> addLockBatch(needed, request.body());
            default -> addByHeader(needed, request, clusterName);
        }
        return needed;
    }

    private static void addRouteQuery(List<RequiredAccess> needed, String topic) {
        if (isRetry(topic)) {
            add(needed, GROUP, topic, SUB, GET);
        } else {
            add(needed, TOPIC, topic, PUB, SUB, GET);
        }
    }

    private static void addSend(List<RequiredAccess> needed, String topic, String producerGroup) {
        if (isRetry(topic)) {
            add(needed, GROUP, producerGroup != null ? producerGroup : topic, SUB);
        } else {
            add(needed, TOPIC, topic, PUB);
        }
    }

    private static void addHeartbeat(List<RequiredAccess> needed, byte[] body) {
        if (body == null || body.length == 0) {
            return;
        }
        for (ConsumerData consumer : RemotingJson.decode(body, HeartbeatData.class).consumerDataSet()) {
            add(needed, GROUP, consumer.groupName(), SUB);
            for (SubscriptionData subscription : consumer.subscriptionDataSet()) {
                addUnlessRetry(needed, subscription.topic(), SUB);
            }
        }
    }

    private static void addLockBatch(List<RequiredAccess> needed, byte[] body) {
        if (body == null || body.length == 0) {
            return;
        }
        LockBatchRequestBody lock = RemotingJson.decode(body, LockBatchRequestBody.class);
        add(needed, GROUP, lock.consumerGroup(), SUB);
        for (MessageQueue queue : lock.mqSet()) {
            addUnlessRetry(needed, queue.topic(), SUB);
        }
    }

    private static void addByHeader(List<RequiredAccess> needed, RemotingCommand request, String clusterName) {
        Spec spec = BY_HEADER.get(request.code());
        if (spec == null) {
            return;
        }
        Action[] actions = spec.actions().toArray(Action[]::new);
        for (Field field : spec.fields()) {
            String value = field(request, field.name());
            if (field.kind() == TOPIC && isRetry(value)) {
                add(needed, GROUP, value, actions);
            } else {
                add(needed, field.kind(), value, actions);
            }
        }
        if (needed.isEmpty() && spec.clusterWide()) {
            needed.add(RequiredAccess.of(Resource.cluster(clusterName), actions));
        }
    }

    private static void addUnlessRetry(List<RequiredAccess> needed, String topic, Action... actions) {
        if (!isRetry(topic)) {
            add(needed, TOPIC, topic, actions);
        }
    }

    /** Adds the resource unless {@code name} is absent; a group name loses its retry or dead-letter prefix. */
    private static void add(List<RequiredAccess> needed, Resource.Kind kind, String name, Action... actions) {
        if (name == null) {
            return;
        }
        if (kind == GROUP) {
            name = withoutRetryOrDlqPrefix(name);
        }
        needed.add(RequiredAccess.of(new Resource(kind, name), actions));
    }

    private static String field(RemotingCommand request, String name) {
        String value = request.optionalString(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean isRetry(String topic) {
        return topic != null && topic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX);
    }

    private static String withoutRetryOrDlqPrefix(String name) {
        if (name.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)) {
            return name.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length());
        }
        if (name.startsWith(SystemTopics.DLQ_GROUP_TOPIC_PREFIX)) {
            return name.substring(SystemTopics.DLQ_GROUP_TOPIC_PREFIX.length());
        }
        return name;
    }

    private static Field topic() {
        return new Field("topic", TOPIC);
    }

    private static Field consumerGroup() {
        return new Field("consumerGroup", GROUP);
    }

    private static Spec fields(Set<Action> actions, Field... fields) {
        return new Spec(actions, false, List.of(fields));
    }

    private static Spec cluster(Action action) {
        return new Spec(Set.of(action), true, List.of());
    }

    /** Cluster-wide, on the cluster the request names in {@code clusterName} (registrations), else on ours. */
    private static Spec clusterNamed(Action action) {
        return new Spec(Set.of(action), true, List.of(new Field("clusterName", Resource.Kind.CLUSTER)));
    }
}
