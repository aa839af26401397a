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
import io.nimbusmq.spring.admin.MqAdmin;
import io.nimbusmq.spring.admin.TopicDeclarationReport;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/** A team tests its production credentials and permissions on an embedded broker with their plain_acl.yml. */
@SpringBootTest(classes = EmbeddedMqAclIntegrationTests.App.class, properties = {
        "mq.access-key=orders-service", "mq.secret-key=orders-service-secret", "mq.topics.acl-declared.queues=4",
        "mq.topics.acl-orders.queues=4"})
@EmbeddedMq(aclFile = "classpath:acl/plain_acl.yml", topics = "acl-orders")
class EmbeddedMqAclIntegrationTests {

    static final MessageCollector<String> RECEIVED = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    MqAdmin admin;

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

    @Test
    void aDeclaredTopicTheKeyMayNotCreateIsReportedMissingAndAnExistingOneIsChecked() {
        TopicDeclarationReport report = admin.report();
        assertThat(report.with(TopicDeclarationReport.Outcome.MISSING)).singleElement().satisfies(outcome -> {
            assertThat(outcome.topic().name()).isEqualTo("acl-declared");
            assertThat(outcome.detail()).contains("refused by").contains("mqadmin updateTopic")
                    .contains("-t acl-declared");
        });
        assertThat(report.with(TopicDeclarationReport.Outcome.EXISTS)).extracting(o -> o.topic().name())
                .containsExactly("acl-orders");
        assertThat(broker.runtime().topics().find("acl-declared")).isNull();
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
