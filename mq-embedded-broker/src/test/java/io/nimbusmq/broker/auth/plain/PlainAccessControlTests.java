package io.nimbusmq.broker.auth.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.nimbusmq.broker.auth.AccessCheck;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.junit.jupiter.api.Test;

/**
 * The access control against requests signed by the official client's {@link AclClientRPCHook} (5.3.1) and put on
 * the wire by its encoder, then decoded by ours: the signature check agrees with RocketMQ's signer.
 */
class PlainAccessControlTests {

    private static final String LOCAL = "127.0.0.1";
    private static final AclRules RULES = PlainAclFile.parse(new org.yaml.snakeyaml.Yaml().load("""
            globalWhiteRemoteAddresses: [10.9.9.*]
            accounts:
              - accessKey: admin-user
                secretKey: admin-secret
                admin: true
              - accessKey: producer-user
                secretKey: producer-secret
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms: [orders=PUB, audit=PUB|SUB, secrets=DENY]
              - accessKey: consumer-user
                secretKey: consumer-secret
                defaultTopicPerm: SUB
                defaultGroupPerm: DENY
                topicPerms: [orders=SUB, secrets=DENY]
                groupPerms: [billing=SUB]
              - accessKey: trusted-user
                secretKey: trusted-secret
                whiteRemoteAddress: 192.168.7.*
            """));

    private final PlainAccessControl accessControl = new PlainAccessControl(() -> RULES);

    @Test
    void aSignedSendWithPermissionIsAllowed() {
        assertThat(check(send("orders", "body"), "producer-user", "producer-secret")).isNull();
        assertThat(check(send("audit", "body"), "producer-user", "producer-secret")).isNull();
    }

    @Test
    void missingUnknownAndWronglySignedRequestsAreRefused() {
        assertThat(message(decoded(send("orders", "body")), LOCAL)).isEqualTo("No accessKey is configured");
        assertThat(refusal(send("orders", "body"), "nobody-user", "nobody-secret"))
                .isEqualTo("No acl config for nobody-user");
        assertThat(refusal(send("orders", "body"), "producer-user", "not-the-secret"))
                .isEqualTo("Check signature failed for accessKey=producer-user");
    }

    @Test
    void refusalsAreSystemErrorWithRocketMqsAclExceptionRemark() {
        RemotingCommand wronglySigned = decoded(signed(send("orders", "body"), "producer-user", "not-the-secret"));

        assertThat(accessControl.check(wronglySigned, LOCAL)).isEqualTo(new AccessCheck.Refusal(
                ResponseCode.SYSTEM_ERROR,
                "org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey=producer-user"));
    }

    @Test
    void aSignatureForAnotherBodyIsRefused() {
        RemotingCommand signed = decoded(signed(send("orders", "the body that was signed"), "producer-user",
                "producer-secret"));
        signed.setBody("another body".getBytes(StandardCharsets.UTF_8));

        assertThat(accessControl.refusalReason(signed, LOCAL))
                .isEqualTo("Check signature failed for accessKey=producer-user");
    }

    @Test
    void permissionsPerTopicAndGroupDecide() {
        assertThat(refusal(send("audit-2", "x"), "producer-user", "producer-secret"))
                .as("default DENY").isEqualTo("No default permission for topic:audit-2");
        assertThat(refusal(send("secrets", "x"), "producer-user", "producer-secret"))
                .isEqualTo("No permission for topic:secrets");
        assertThat(refusal(send("orders", "x"), "consumer-user", "consumer-secret"))
                .as("SUB only").isEqualTo("No permission for topic:orders");
        assertThat(check(pull("orders", "billing"), "consumer-user", "consumer-secret")).isNull();
        assertThat(refusal(pull("orders", "shipping"), "consumer-user", "consumer-secret"))
                .isEqualTo("No default permission for group:shipping");
        assertThat(refusal(pull("secrets", "billing"), "consumer-user", "consumer-secret"))
                .isEqualTo("No permission for topic:secrets");
    }

    @Test
    void aSendToARetryTopicNeedsSubOnTheGroup() {
        assertThat(check(send("%RETRY%billing", "x"), "consumer-user", "consumer-secret")).isNull();
        assertThat(refusal(send("%RETRY%shipping", "x"), "consumer-user", "consumer-secret"))
                .isEqualTo("No default permission for group:shipping");
    }

    @Test
    void heartbeatsAreCheckedForEveryGroupAndSubscribedTopic() {
        HeartbeatData heartbeat = new HeartbeatData("client-1", java.util.Set.of(new ConsumerData("billing",
                ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                java.util.Set.of(SubscriptionData.ofTags("secrets", "*", 1)), false)), java.util.Set.of(), 0, false);
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        request.setBody(RemotingJson.encode(heartbeat));

        assertThat(refusal(request, "consumer-user", "consumer-secret")).isEqualTo("No permission for topic:secrets");
        request.setBody("{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(request, "consumer-user", "consumer-secret")).startsWith("unreadable HEART_BEAT body");
    }

    @Test
    void adminCodesNeedAnAdminUser() {
        org.apache.rocketmq.remoting.protocol.RemotingCommand create = request(RequestCode.UPDATE_AND_CREATE_TOPIC,
                Map.of("topic", "new-topic"));

        assertThat(refusal(create, "producer-user", "producer-secret")).isEqualTo(
                "Need admin permission for request code=17, but accessKey=producer-user is not");
        assertThat(check(request(RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", "new-topic")), "admin-user",
                "admin-secret")).isNull();
        assertThat(check(send("secrets", "x"), "admin-user", "admin-secret")).as("admins may do anything").isNull();
    }

    @Test
    void whiteListsFollowRocketMq() {
        RemotingCommand unsigned = decoded(send("secrets", "x"));
        assertThat(accessControl.refusalReason(unsigned, "10.9.9.4")).as("global white list: no checks").isNull();
        assertThat(accessControl.refusalReason(unsigned, "10.9.8.4")).isNotNull();

        RemotingCommand named = decoded(send("secrets", "x"));
        named.putExtField("AccessKey", "trusted-user");
        assertThat(accessControl.refusalReason(named, "192.168.7.20")).as("the user's white address: no signature").isNull();
        assertThat(accessControl.refusalReason(named, "192.168.8.20"))
                .isEqualTo("Check signature failed for accessKey=trusted-user");
    }

    @Test
    void traceMessagesNeedOnlyASignature() {
        assertThat(check(send(PlainAccessControl.TRACE_TOPIC, "trace"), "consumer-user", "consumer-secret")).isNull();
    }

    private String check(org.apache.rocketmq.remoting.protocol.RemotingCommand request,
            String accessKey, String secretKey) {
        return accessControl.refusalReason(decoded(signed(request, accessKey, secretKey)), LOCAL);
    }

    private String refusal(org.apache.rocketmq.remoting.protocol.RemotingCommand request, String accessKey,
            String secretKey) {
        String refusal = check(request, accessKey, secretKey);
        assertThat(refusal).as("refused").isNotNull();
        return refusal;
    }

    private String message(RemotingCommand request, String ip) {
        return accessControl.refusalReason(request, ip);
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand signed(
            org.apache.rocketmq.remoting.protocol.RemotingCommand request, String accessKey, String secretKey) {
        new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)).doBeforeRequest("127.0.0.1:1", request);
        return request;
    }

    /** Through the official encoder and our decoder, as on the wire. */
    private static RemotingCommand decoded(org.apache.rocketmq.remoting.protocol.RemotingCommand request) {
        ByteBuffer frame = request.encode();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return RemotingCommandCodec.decodeFrame(bytes);
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand send(String topic, String body) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand request = request(RequestCode.SEND_MESSAGE_V2,
                Map.of("a", "pg", "b", topic, "c", "TBW102", "d", "4", "e", "0", "f", "0", "g", "1", "h", "0"));
        request.setBody(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand pull(String topic, String group) {
        return request(RequestCode.PULL_MESSAGE, Map.of("topic", topic, "consumerGroup", group, "queueId", "0",
                "queueOffset", "0", "maxMsgNums", "32", "sysFlag", "2", "commitOffset", "0",
                "suspendTimeoutMillis", "15000", "subVersion", "0"));
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand request(int code, Map<String, String> ext) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, null);
        ext.forEach(request::addExtField);
        return request;
    }
}
