package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/** A team tests its production credentials and permissions on an embedded broker with their plain_acl.yml. */
@SpringBootTest(classes = EmbeddedMqAclIntegrationTests.App.class, properties = {
        "mq.access-key=orders-service", "mq.secret-key=orders-service-secret"})
@EmbeddedMq(aclFile = "classpath:acl/plain_acl.yml", topics = "acl-orders")
class EmbeddedMqAclIntegrationTests {

    static final MessageCollector<String> RECEIVED = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Autowired
    EmbeddedBroker broker;

    @Test
    void theApplicationsCredentialsSendAndReceive() {
        template.syncSend("acl-orders", "order-1");

        assertThat(RECEIVED.awaitCount(1, Duration.ofSeconds(60))).containsExactly("order-1");
    }

    @Test
    void whatTheFileDoesNotAllowIsRefused() {
        assertThatThrownBy(() -> template.syncSend("acl-payments", "x"))
                .hasStackTraceContaining("No default permission for topic:acl-payments");
        try (MqClient unsigned = MqClient.create(ClientConfig.builder().nameServer(broker.address())
                .instanceName("unsigned-acl-test").build())) {
            Producer producer = unsigned.producer(ProducerConfig.builder("unsigned-pg").build());
            producer.start();
            assertThatThrownBy(() -> producer.send(new Message("acl-orders", new byte[] {1})))
                    .hasStackTraceContaining("No accessKey is configured");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class App {
    }

    static class Listener {
        @MessageListener(topic = "acl-orders", consumerGroup = "acl-orders-readers")
        void on(String body) {
            RECEIVED.add(body);
        }
    }
}
