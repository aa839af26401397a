package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.spring.admin.MqAdmin;
import io.nimbusmq.spring.admin.MqTopic;
import io.nimbusmq.spring.admin.TopicDeclarationReport;
import io.nimbusmq.spring.admin.TopicDeclarationReport.Outcome;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.EmbeddedMq;

/**
 * Topics declared in the application (beans and {@code mq.topics.*}) are created at start-up with their queue counts
 * and message type; an existing topic that differs is reported, not changed.
 */
@SpringBootTest(classes = DeclaredTopicsIntegrationTests.App.class, properties = {
        "mq.topics.it-decl-orders.queues=8", "mq.topics.it-decl-ledger.message-type=FIFO"})
@EmbeddedMq(topics = "it-decl-existing")
class DeclaredTopicsIntegrationTests {

    @Autowired
    MqAdmin admin;

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    MqTemplate template;

    @Test
    void declaredTopicsAreCreatedWithTheirQueuesAndType() {
        TopicDeclarationReport report = admin.report();
        assertThat(report.with(Outcome.CREATED)).extracting(outcome -> outcome.topic().name())
                .containsExactly("it-decl-orders", "it-decl-ledger");
        TopicConfig orders = broker.runtime().topics().find("it-decl-orders");
        assertThat(orders.readQueueNums()).isEqualTo(8);
        assertThat(orders.writeQueueNums()).isEqualTo(8);
        assertThat(broker.runtime().topics().find("it-decl-ledger").attributes())
                .containsEntry(MqTopic.MESSAGE_TYPE_ATTRIBUTE, "FIFO");
        assertThat(template.syncSend("it-decl-orders", "first").status()).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void anExistingTopicThatDiffersIsReportedAndLeftAlone() {
        assertThat(admin.report().with(Outcome.DIFFERS)).singleElement().satisfies(outcome -> {
            assertThat(outcome.topic().name()).isEqualTo("it-decl-existing");
            assertThat(outcome.detail()).contains("has 4 read / 4 write queues, declared 16");
        });
        assertThat(broker.runtime().topics().find("it-decl-existing").readQueueNums()).isEqualTo(4);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        MqTopic existing() {
            return MqTopic.named("it-decl-existing").queues(16);
        }
    }
}
