package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AclPreprocessorTests {

    private final AclUser plainUser = new AclUser("producer-user", "producer-secret", false, null,
            List.of(new AccessRule(Resource.Kind.TOPIC, "orders", Permission.PUB, true, null, false)),
            AclUser.Source.PLAIN_ACL);
    private final AclUser aclTwoUser = new AclUser("policy-user", "policy-secret", false, null, List.of(),
            AclUser.Source.ACL_2);
    private final AclPreprocessor preprocessor = new AclPreprocessor(new AccessControl(() -> new AclRules(List.of(),
            AclRules.byAccessKey(List.of(plainUser, aclTwoUser), "test"))), Clock.systemUTC());
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AclPreprocessor.class);

    @BeforeEach
    void captureLog() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        channel.finishAndReleaseAll();
    }

    @Test
    void aPlainAclRefusalIsSystemErrorWithRocketMqsRemark() {
        RemotingCommand response = preprocess(send("orders", new SessionCredentials("producer-user", "wrong-secret")));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo(
                "org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey=producer-user");
    }

    @Test
    void anAclTwoRefusalIsNoPermission() {
        RemotingCommand response = preprocess(send("orders", new SessionCredentials("policy-user", "policy-secret")));

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(response.remark()).isEqualTo("No default permission for topic:orders");
    }

    @Test
    void anAllowedRequestPassesThrough() {
        assertThat(preprocess(send("orders", new SessionCredentials("producer-user", "producer-secret")))).isNull();
    }

    @Test
    void refusalsAreLoggedOncePerUserAndPeerWithoutSecrets() {
        for (int i = 0; i < 50; i++) {
            preprocess(send("orders", new SessionCredentials("producer-user", "wrong-secret")));
        }
        preprocess(send("orders", new SessionCredentials("policy-user", "policy-secret")));

        List<String> lines = appender.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("request code 310", "producer-user", "Check signature failed")
                .doesNotContain("wrong-secret").doesNotContain("producer-secret");
        assertThat(lines.get(1)).contains("policy-user", "No default permission for topic:orders");
    }

    private RemotingCommand preprocess(RemotingCommand request) {
        return preprocessor.preprocess(new RequestContext(channel, request));
    }

    private static RemotingCommand send(String topic, SessionCredentials credentials) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2,
                new SendMessageRequestHeader("pg", topic, "TBW102", 4, 0, 0, 1L, 0, "", 0, false, null, false, null));
        return RequestSignature.sign(request, credentials);
    }
}
