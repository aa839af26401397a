package io.nimbusmq.spring.compat;

import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.nimbusmq.client.SendStatus;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.MessageCollector;
import io.nimbusmq.testkit.ApacheRocketMq;

/**
 * The starter against Apache RocketMQ 5.3.1 with ACL 1.0 on ({@code aclEnable}) over TLS (Apache's permissive mode,
 * self-signed certificate): {@code mq.access-key} signs the template's sends, a listener signs with the access key
 * of {@code mq.listeners.<group>.access-key}, and {@code mq.tls.*} puts every connection on TLS.
 */
@Tag("compat")
class StarterOnApacheAclCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq().withPlainAcl("""
            accounts:
              - accessKey: orders-writer
                secretKey: writer-secret
                defaultTopicPerm: PUB
                defaultGroupPerm: DENY
              - accessKey: orders-reader
                secretKey: reader-secret
                defaultTopicPerm: SUB
                defaultGroupPerm: SUB
            """);

    static final MessageCollector<String> RECEIVED = new MessageCollector<>();
    private static ConfigurableApplicationContext context;
    private static String topic;

    @BeforeAll
    static void startTheApplication() {
        topic = rocketmq.createTopic("acl-orders", 2);
        String group = ApacheRocketMq.uniqueName("acl-readers");
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "spring.application.name=starter-on-apache-acl",
                "mq.name-server=" + rocketmq.nameServerAddress(),
                "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET",
                "mq.access-key=orders-writer", "mq.secret-key=writer-secret",
                "mq.listeners." + group + ".access-key=orders-reader",
                "mq.listeners." + group + ".secret-key=reader-secret",
                "mq.tls.enabled=true", "mq.tls.verify-server=false",
                "app.topic=" + topic, "app.group=" + group).run();
    }

    @AfterAll
    static void closeTheApplication() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theTemplateAndAListenerSignWithTheirOwnKeysOverTls() {
        MqTemplate template = context.getBean(MqTemplate.class);

        assertThat(template.syncSend(topic, "order-1").status()).isEqualTo(SendStatus.SEND_OK);

        assertThat(RECEIVED.awaitCount(1, PATIENCE)).containsExactly("order-1");
    }

    @Test
    void theWritersKeyCannotReadAndApacheSaysWhy() {
        MqTemplate template = context.getBean(MqTemplate.class);

        assertThatThrownBy(() -> template.syncSend("%RETRY%someone-elses-group", "x"))
                .hasStackTraceContaining("No default permission for group:someone-elses-group");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class App {
    }

    static class Listener {
        @MessageListener(topic = "${app.topic}", consumerGroup = "${app.group}")
        void on(String body) {
            RECEIVED.add(body);
        }
    }
}
