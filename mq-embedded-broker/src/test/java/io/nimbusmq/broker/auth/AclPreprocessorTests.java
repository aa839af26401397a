package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
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

    private static final AccessCheck.Refusal FIRST = new AccessCheck.Refusal(ResponseCode.NO_PERMISSION,
            "check signature failed.");
    private static final AccessCheck.Refusal SECOND = new AccessCheck.Refusal(ResponseCode.SYSTEM_ERROR,
            "org.apache.rocketmq.acl.common.AclException: No acl config for producer-user");

    private final List<String> consulted = new ArrayList<>();
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
    void theFirstRefusalIsTheAnswerAndLaterChecksAreNotConsulted() {
        AclPreprocessor preprocessor = preprocessor(check("first", FIRST), check("second", SECOND));

        RemotingCommand response = preprocess(preprocessor, send("orders"));

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(response.remark()).isEqualTo("check signature failed.");
        assertThat(consulted).containsExactly("first");
    }

    @Test
    void aRequestMustPassEveryCheck() {
        AclPreprocessor preprocessor = preprocessor(check("first", null), check("second", SECOND));

        RemotingCommand response = preprocess(preprocessor, send("orders"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo(SECOND.remark());
        assertThat(preprocess(preprocessor(check("first", null), check("second", null)), send("orders"))).isNull();
    }

    @Test
    void refusalsAreLoggedOncePerUserAndPeerWithoutSecrets() {
        AclPreprocessor preprocessor = preprocessor(check("first", FIRST));
        for (int i = 0; i < 50; i++) {
            preprocess(preprocessor, send("orders"));
        }
        RemotingCommand other = RequestSignature.sign(RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                .putExtField("b", "orders"), new SessionCredentials("policy-user", "policy-secret"));
        preprocess(preprocessor, other);

        List<String> lines = appender.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("request code 310", "producer-user", "check signature failed")
                .doesNotContain("producer-secret");
        assertThat(lines.get(1)).contains("policy-user").doesNotContain("policy-secret");
    }

    private AccessCheck check(String name, AccessCheck.Refusal answer) {
        return (request, ip) -> {
            consulted.add(name);
            assertThat(ip).isNotBlank();
            return answer;
        };
    }

    private static AclPreprocessor preprocessor(AccessCheck... checks) {
        return new AclPreprocessor(List.of(checks), Clock.systemUTC());
    }

    private RemotingCommand preprocess(AclPreprocessor preprocessor, RemotingCommand request) {
        return preprocessor.preprocess(new RequestContext(channel, request));
    }

    private static RemotingCommand send(String topic) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2,
                new SendMessageRequestHeader("pg", topic, "TBW102", 4, 0, 0, 1L, 0, "", 0, false, null, false, null));
        return RequestSignature.sign(request, new SessionCredentials("producer-user", "producer-secret"));
    }
}
