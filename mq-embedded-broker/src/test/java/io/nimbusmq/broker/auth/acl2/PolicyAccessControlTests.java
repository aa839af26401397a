package io.nimbusmq.broker.auth.acl2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.nimbusmq.broker.auth.AccessCheck;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyEntryInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyInfo;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.junit.jupiter.api.Test;

/**
 * ACL 2.0 authentication and authorization against requests signed by the official client's
 * {@link AclClientRPCHook} (5.3.1), put on the wire by its encoder and decoded by ours; refusals worded as RocketMQ
 * 5.3's broker words them.
 */
class PolicyAccessControlTests {

    private static final String LOCAL = "127.0.0.1";
    private static final String CLUSTER = "OrdersCluster";
    private static final AclRules USERS = new AclRules(List.of(), Map.of(
            "admin", new AclUser("admin", "admin-password", true, true, null, List.of()),
            "app", new AclUser("app", "app-password", false, true, null, AuthBodies.rules(acl(
                    entry("Topic:orders*", "Allow", null, "Pub", "Sub"),
                    entry("Topic:orders-secret", "Deny", null, "Pub"),
                    entry("Group:billing", "Allow", List.of("127.0.0.0/8"), "Sub")))),
            "off", new AclUser("off", "off-password", false, false, null, List.of())));

    private final PolicyAccessControl both = new PolicyAccessControl(AuthConfig.enabled(null), () -> USERS, CLUSTER);

    @Test
    void authenticationRefusesMissingUnknownDisabledAndWronglySignedRequests() {
        assertThat(remark(decoded(send("orders-1")), LOCAL)).isEqualTo("username cannot be null.");
        assertThat(remark(signed(send("orders-1"), "nobody", "whatever"), LOCAL)).isEqualTo(
                "User:nobody is not found.");
        assertThat(remark(signed(send("orders-1"), "off", "off-password"), LOCAL)).isEqualTo("User:off is disabled.");
        assertThat(remark(signed(send("orders-1"), "app", "not-the-password"), LOCAL)).isEqualTo(
                "check signature failed.");
    }

    @Test
    void refusalsAreNoPermissionWithTheReasonAsRemark() {
        assertThat(both.check(signed(send("orders-1"), "app", "not-the-password"), LOCAL))
                .isEqualTo(new AccessCheck.Refusal(ResponseCode.NO_PERMISSION, "check signature failed."));
    }

    @Test
    void policiesAllowPrefixedTopicsAndTheMostSpecificDenialWins() {
        assertThat(both.check(signed(send("orders-1"), "app", "app-password"), LOCAL)).isNull();
        assertThat(remark(signed(send("orders-secret"), "app", "app-password"), LOCAL)).isEqualTo(
                "User:app has no permission to access Topic:orders-secret from 127.0.0.1, the decision is deny.");
        assertThat(remark(signed(send("audit"), "app", "app-password"), LOCAL)).isEqualTo(
                "User:app has no permission to access Topic:audit from 127.0.0.1, no matched policies.");
    }

    @Test
    void aPullNeedsSubOnTopicAndGroupFromAnAllowedAddress() {
        assertThat(both.check(signed(pull("orders-1", "billing"), "app", "app-password"), LOCAL)).isNull();
        assertThat(remark(signed(pull("orders-1", "billing"), "app", "app-password"), "10.0.0.1")).isEqualTo(
                "User:app has no permission to access Group:billing from 10.0.0.1, no matched policies.");
        assertThat(both.check(signed(pull("%RETRY%billing", "billing"), "app", "app-password"), LOCAL))
                .as("a retry topic stands for its group").isNull();
    }

    @Test
    void adminRequestsNeedTheClusterAndSuperUsersMayDoEverything() {
        RemotingCommand createUser = signed(request(RequestCode.AUTH_CREATE_USER, Map.of("username", "bob")),
                "app", "app-password");

        assertThat(remark(createUser, LOCAL)).isEqualTo(
                "User:app has no permission to access Cluster:OrdersCluster from 127.0.0.1, no matched policies.");
        assertThat(both.check(signed(request(RequestCode.AUTH_CREATE_USER, Map.of("username", "bob")), "admin",
                "admin-password"), LOCAL)).isNull();
        assertThat(both.check(signed(send("anything"), "admin", "admin-password"), LOCAL)).isNull();
    }

    @Test
    void requestsWithoutResourcesNeedOnlyAValidSignature() {
        assertThat(both.check(signed(request(RequestCode.GET_BROKER_CLUSTER_INFO, Map.of()), "app", "app-password"),
                LOCAL)).isNull();
    }

    @Test
    void eachCheckCanBeOnAlone() {
        PolicyAccessControl authenticationOnly = new PolicyAccessControl(new AuthConfig(true, false, null),
                () -> USERS, CLUSTER);
        PolicyAccessControl authorizationOnly = new PolicyAccessControl(new AuthConfig(false, true, null),
                () -> USERS, CLUSTER);
        RemotingCommand unsignedAsApp = decoded(send("audit"));
        unsignedAsApp.putExtField("AccessKey", "app");

        assertThat(authenticationOnly.check(signed(send("audit"), "app", "app-password"), LOCAL)).isNull();
        assertThat(authorizationOnly.check(unsignedAsApp, LOCAL).remark()).isEqualTo(
                "User:app has no permission to access Topic:audit from 127.0.0.1, no matched policies.");
        assertThat(authorizationOnly.check(decoded(send("orders-1")), LOCAL).remark()).isEqualTo(
                "Authorization failed. Please verify your access rights and try again.");
    }

    private String remark(RemotingCommand request, String ip) {
        AccessCheck.Refusal refusal = both.check(request, ip);
        assertThat(refusal).as("refused").isNotNull();
        return refusal.remark();
    }

    private static AclInfo acl(PolicyEntryInfo... entries) {
        return new AclInfo("User:app", List.of(new PolicyInfo(null, List.of(entries))));
    }

    private static PolicyEntryInfo entry(String resource, String decision, List<String> sourceIps,
            String... actions) {
        return new PolicyEntryInfo(resource, List.of(actions), sourceIps, decision);
    }

    private static RemotingCommand signed(org.apache.rocketmq.remoting.protocol.RemotingCommand request,
            String accessKey, String secretKey) {
        new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)).doBeforeRequest("127.0.0.1:1", request);
        return decoded(request);
    }

    /** Through the official encoder and our decoder, as on the wire. */
    private static RemotingCommand decoded(org.apache.rocketmq.remoting.protocol.RemotingCommand request) {
        ByteBuffer frame = request.encode();
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return RemotingCommandCodec.decodeFrame(bytes);
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand send(String topic) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand request = request(RequestCode.SEND_MESSAGE_V2,
                Map.of("a", "pg", "b", topic, "c", "TBW102", "d", "4", "e", "0", "f", "0", "g", "1", "h", "0"));
        request.setBody("body".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand pull(String topic, String group) {
        return request(RequestCode.PULL_MESSAGE, Map.of("topic", topic, "consumerGroup", group, "queueId", "0"));
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand request(int code, Map<String, String> ext) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, null);
        ext.forEach(request::addExtField);
        return request;
    }
}
