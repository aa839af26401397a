package io.nimbusmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.admin.MissingTopicsException;
import io.nimbusmq.spring.admin.MqAdmin;
import io.nimbusmq.spring.admin.MqTopic;
import io.nimbusmq.spring.admin.TopicDeclarationReport.Outcome;

/** Declared topics from beans and properties; their routes looked up ahead; a missing one fails a fail-fast start. */
class DeclaredTopicsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=MANUAL")
            .withBean(FakeMqClient.class, FakeMqClient::new);

    @Test
    void beansAndPropertiesAreDeclaredAndTheirRoutesLookedUpAhead() {
        runner.withPropertyValues("mq.topics.orders.queues=8", "mq.topics.ledger.message-type=FIFO")
                .withBean(MqTopic.class, () -> MqTopic.named("audit")).run(context -> {
                    assertThat(context.getBean(MqAdmin.class).report().with(Outcome.CREATED))
                            .extracting(outcome -> outcome.topic().name())
                            .containsExactly("orders", "ledger", "audit");
                    FakeMqClient client = context.getBean(FakeMqClient.class);
                    assertThat(client.topics().get("orders").brokers().get(0).writeQueues()).isEqualTo(8);
                    assertThat(client.topics().get("ledger").brokers().get(0).attributes())
                            .containsEntry("message.type", "FIFO");
                    assertThat(client.routesLookedUp()).containsExactly("orders", "ledger", "audit");
                });
    }

    @Test
    void aMissingTopicFailsAFailFastStart() {
        runner.withPropertyValues("mq.topics.orders.queues=8", "mq.admin.create-topics=false",
                "mq.admin.fail-fast=true").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).isInstanceOf(MissingTopicsException.class)
                            .hasMessageContaining("orders (mq.admin.create-topics=false; create it with mqadmin "
                                    + "updateTopic -n <name server> -c <cluster> -t orders -r 8 -w 8");
                });
    }
}
