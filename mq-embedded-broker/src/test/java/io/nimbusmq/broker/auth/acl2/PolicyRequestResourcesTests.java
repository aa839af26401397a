package io.nimbusmq.broker.auth.acl2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.RequiredAccess;
import io.nimbusmq.broker.auth.Resource;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.LockBatchRequestBody;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import org.junit.jupiter.api.Test;

/** RocketMQ 5.3.1's request-to-resource mapping of ACL 2.0, and where ours is deliberately stricter. */
class PolicyRequestResourcesTests {

    private static final String CLUSTER = "DefaultCluster";

    @Test
    void sendsNeedPubOnTheTopicAndRetrySendsSubOnTheGroup() {
        assertThat(of(request(RequestCode.SEND_MESSAGE_V2).putExtField("a", "pg").putExtField("b", "orders")))
                .containsExactly(RequiredAccess.of(Resource.topic("orders"), Action.PUB));
        assertThat(of(request(RequestCode.SEND_MESSAGE).putExtField("topic", "%RETRY%billing")))
                .containsExactly(RequiredAccess.of(Resource.group("billing"), Action.SUB));
        assertThat(of(request(RequestCode.SEND_MESSAGE_V2).putExtField("a", "CLIENT_INNER_PRODUCER")
                .putExtField("b", "%RETRY%billing")))
                .as("RocketMQ names the producer group field when it is set")
                .containsExactly(RequiredAccess.of(Resource.group("CLIENT_INNER_PRODUCER"), Action.SUB));
    }

    @Test
    void routeQueriesAndOffsetRequestsAcceptSeveralActions() {
        assertThat(of(request(RequestCode.GET_ROUTEINFO_BY_TOPIC).putExtField("topic", "orders"))).containsExactly(
                RequiredAccess.of(Resource.topic("orders"), Action.PUB, Action.SUB, Action.GET));
        assertThat(of(request(RequestCode.GET_ROUTEINFO_BY_TOPIC).putExtField("topic", "%RETRY%billing")))
                .as("RocketMQ 5.3.2's fix").containsExactly(
                        RequiredAccess.of(Resource.group("billing"), Action.SUB, Action.GET));
        assertThat(of(request(RequestCode.UPDATE_CONSUMER_OFFSET).putExtField("topic", "orders")
                .putExtField("consumerGroup", "billing"))).containsExactly(
                RequiredAccess.of(Resource.topic("orders"), Action.SUB, Action.UPDATE),
                RequiredAccess.of(Resource.group("billing"), Action.SUB, Action.UPDATE));
        assertThat(of(request(RequestCode.GET_MAX_OFFSET).putExtField("topic", "orders")))
                .containsExactly(RequiredAccess.of(Resource.topic("orders"), Action.GET));
    }

    @Test
    void bodiesNameTheGroupsAndTopicsOfHeartbeatsAndLocks() {
        RemotingCommand heartbeat = request(RequestCode.HEART_BEAT).setBody(RemotingJson.encode(new HeartbeatData(
                "client-1", Set.of(new ConsumerData("billing", ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                Set.of(SubscriptionData.ofTags("orders", "*", 1), SubscriptionData.ofTags("%RETRY%billing", "*", 1)),
                false)),
                Set.of(), 0, false)));
        assertThat(of(heartbeat)).containsExactly(RequiredAccess.of(Resource.group("billing"), Action.SUB),
                RequiredAccess.of(Resource.topic("orders"), Action.SUB));

        RemotingCommand lock = request(RequestCode.LOCK_BATCH_MQ).setBody(RemotingJson.encode(
                new LockBatchRequestBody("client-1", "billing", Set.of(new MessageQueue("orders", "b", 0)), false)));
        assertThat(of(lock)).containsExactly(RequiredAccess.of(Resource.group("billing"), Action.SUB),
                RequiredAccess.of(Resource.topic("orders"), Action.SUB));

        assertThatThrownBy(() -> of(request(RequestCode.HEART_BEAT).setBody("{".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminRequestsNeedTheirResourceOrTheCluster() {
        assertThat(of(request(RequestCode.UPDATE_AND_CREATE_TOPIC).putExtField("topic", "orders")))
                .containsExactly(RequiredAccess.of(Resource.topic("orders"), Action.CREATE));
        assertThat(of(request(RequestCode.DELETE_TOPIC_IN_BROKER).putExtField("topic", "orders")))
                .containsExactly(RequiredAccess.of(Resource.topic("orders"), Action.DELETE));
        assertThat(of(request(RequestCode.AUTH_CREATE_USER).putExtField("username", "bob")))
                .containsExactly(RequiredAccess.of(Resource.cluster(CLUSTER), Action.UPDATE));
        assertThat(of(request(RequestCode.AUTH_LIST_ACL)))
                .containsExactly(RequiredAccess.of(Resource.cluster(CLUSTER), Action.GET));
        assertThat(of(request(RequestCode.REGISTER_BROKER).putExtField("clusterName", "OtherCluster")))
                .as("registrations name their own cluster")
                .containsExactly(RequiredAccess.of(Resource.cluster("OtherCluster"), Action.UPDATE));
    }

    @Test
    void stricterThanRocketMqForLitePullsAndOffsetResets() {
        assertThat(of(request(RequestCode.LITE_PULL_MESSAGE).putExtField("topic", "orders")
                .putExtField("consumerGroup", "billing"))).containsExactly(
                RequiredAccess.of(Resource.topic("orders"), Action.SUB),
                RequiredAccess.of(Resource.group("billing"), Action.SUB));
        assertThat(of(request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET).putExtField("topic", "orders")
                .putExtField("group", "billing"))).containsExactly(
                RequiredAccess.of(Resource.topic("orders"), Action.UPDATE),
                RequiredAccess.of(Resource.group("billing"), Action.UPDATE));
    }

    @Test
    void requestsWithoutResourcesNeedNothing() {
        assertThat(of(request(RequestCode.GET_BROKER_CLUSTER_INFO))).isEmpty();
        assertThat(of(request(RequestCode.SEND_REPLY_MESSAGE_V2).putExtField("b", "c_REPLY_TOPIC"))).isEmpty();
        assertThat(of(request(RequestCode.PULL_MESSAGE))).as("absent fields are the processor's to refuse")
                .isEmpty();
    }

    private static java.util.List<RequiredAccess> of(RemotingCommand request) {
        return PolicyRequestResources.of(request, CLUSTER);
    }

    private static RemotingCommand request(int code) {
        return RemotingCommand.createRequest(code);
    }
}
