package io.nimbusmq.spring.compat;

import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
 * The starter against Apache RocketMQ 5.3.1 with ACL 2.0 on ({@code authenticationEnabled},
 * {@code authorizationEnabled}): {@code mq.access-key} / {@code mq.secret-key} are a user's name and password; the
 * template signs as a user allowed to publish, a listener as a user allowed to subscribe
 * ({@code mq.listeners.<group>.access-key}), and what a policy does not allow is refused by Apache.
 */
@Tag("compat")
class StarterOnApacheAuthCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq().withAuth("interop-admin", "interop-admin-password");

    static final MessageCollector<String> RECEIVED = new MessageCollector<>();
    private static ConfigurableApplicationContext context;
    private static String topic;

    @BeforeAll
    static void startTheApplication() {
        topic = rocketmq.createTopic("auth-orders", 2);
        String group = ApacheRocketMq.uniqueName("auth-readers");
        rocketmq.createUser("orders-writer", "writer-password");
        rocketmq.allow("orders-writer", List.of("Topic:" + topic), List.of("Pub"));
        rocketmq.createUser("orders-reader", "reader-password");
        rocketmq.allow("orders-reader", List.of("Topic:" + topic, "Group:" + group), List.of("Sub"));
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "spring.application.name=starter-on-apache-auth",
                "mq.name-server=" + rocketmq.nameServerAddress(),
                "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET",
                "mq.access-key=orders-writer", "mq.secret-key=writer-password",
                "mq.listeners." + group + ".access-key=orders-reader",
                "mq.listeners." + group + ".secret-key=reader-password",
                "app.topic=" + topic, "app.group=" + group).run();
    }

    @AfterAll
    static void closeTheApplication() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theTemplateAndAListenerSignAsTheirUsers() {
        MqTemplate template = context.getBean(MqTemplate.class);

        assertThat(template.syncSend(topic, "order-1").status()).isEqualTo(SendStatus.SEND_OK);

        assertThat(RECEIVED.awaitCount(1, PATIENCE)).containsExactly("order-1");
    }

    @Test
    void whatThePoliciesDoNotAllowIsRefusedByApache() {
        String other = rocketmq.createTopic("auth-other", 1);
        MqTemplate template = context.getBean(MqTemplate.class);

        assertThatThrownBy(() -> template.syncSend(other, "x")).hasStackTraceContaining(
                "User:orders-writer has no permission to access Topic:" + other);
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
