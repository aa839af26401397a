package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyEntryInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyInfo;
import io.nimbusmq.remoting.protocol.body.auth.UserInfo;
import io.nimbusmq.remoting.protocol.header.AclRequestHeader;
import io.nimbusmq.remoting.protocol.header.UserRequestHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACL 1.0 and ACL 2.0 on together, as RocketMQ 5.3 allows: a request must pass both; when both refuse, the ACL 2.0
 * answer is sent. The ACL 2.0 users and policies outlive a restart of the broker.
 */
class BothAclModelsIntegrationTests {

    private static final SessionCredentials ADMIN = new SessionCredentials("admin-user", "admin-password");
    private static final SessionCredentials APP = new SessionCredentials("app-user", "app-password");
    private static final SessionCredentials ACL_TWO_ONLY = new SessionCredentials("acl2-only", "acl2-only-password");

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static NettyRemotingClient client;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("plain_acl.yml"), """
                accounts:
                  - accessKey: admin-user
                    secretKey: admin-password
                    admin: true
                  - accessKey: app-user
                    secretKey: app-password
                    defaultTopicPerm: PUB
                  - accessKey: plain-only
                    secretKey: plain-only-password
                    defaultTopicPerm: PUB
                """);
        client = new NettyRemotingClient(RemotingClientConfig.defaults());
        broker = startBroker();
        for (SessionCredentials user : List.of(APP, ACL_TWO_ONLY)) {
            assertThat(invoke(RemotingCommand.createRequest(RequestCode.AUTH_CREATE_USER, new UserRequestHeader(
                    user.accessKey())).setBody(RemotingJson.encode(new UserInfo(null, user.secretKey(), null,
                    null))), ADMIN).code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(invoke(RemotingCommand.createRequest(RequestCode.AUTH_CREATE_ACL, new AclRequestHeader(
                    "User:" + user.accessKey())).setBody(RemotingJson.encode(new AclInfo(null, List.of(
                    new PolicyInfo(null, List.of(new PolicyEntryInfo("Topic:orders", List.of("Pub"), null,
                    "Allow"))))))), ADMIN).code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        broker.close();
    }

    @Test
    void aRequestMustPassBothAndTheAclTwoRefusalWins() throws Exception {
        RemotingCommand allowed = invoke(send("orders"), APP);
        RemotingCommand notInAclTwo = invoke(send("orders"), new SessionCredentials("plain-only",
                "plain-only-password"));
        RemotingCommand onlyAclOneAllows = invoke(send("audit"), APP);
        RemotingCommand onlyAclTwoAllows = invoke(send("orders"), ACL_TWO_ONLY);

        assertThat(allowed.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(notInAclTwo.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(notInAclTwo.remark()).isEqualTo("User:plain-only is not found.");
        assertThat(onlyAclOneAllows.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(onlyAclOneAllows.remark()).endsWith("no matched policies.");
        assertThat(onlyAclTwoAllows.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(onlyAclTwoAllows.remark()).isEqualTo(
                "org.apache.rocketmq.acl.common.AclException: No acl config for acl2-only");
    }

    @Test
    void theAclTwoStoreOutlivesARestart() throws Exception {
        broker.close();
        broker = startBroker();

        assertThat(invoke(send("orders"), APP).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    private static EmbeddedBroker startBroker() {
        EmbeddedBroker started = EmbeddedBroker.builder().port(0).storeDir(dir.resolve("store"))
                .acl(AclConfig.plainAcl(dir.resolve("plain_acl.yml"))).auth(AuthConfig.enabled(ADMIN)).build();
        started.start();
        return started;
    }

    private static RemotingCommand send(String topic) {
        return RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2).putExtField("a", "pg")
                .putExtField("b", topic).putExtField("c", "TBW102").putExtField("d", 4).putExtField("e", 0)
                .putExtField("f", 0).putExtField("g", System.currentTimeMillis()).putExtField("h", 0)
                .setBody(new byte[] {1});
    }

    private static RemotingCommand invoke(RemotingCommand request, SessionCredentials signer) throws Exception {
        return client.invokeSync(broker.address(), RequestSignature.sign(request, signer), 10_000).get();
    }
}
