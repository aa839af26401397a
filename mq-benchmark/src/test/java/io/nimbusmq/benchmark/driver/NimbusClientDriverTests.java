package io.nimbusmq.benchmark.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;

class NimbusClientDriverTests {

    @Test
    void isPluggedInUnderItsNameAndRunsOnThisModulesClasspath() {
        assertThat(ClientDrivers.available(ClientDrivers.NIMBUS)).isTrue();
        ClientDriver driver = ClientDrivers.create(ClientDrivers.NIMBUS);

        assertThat(driver).isInstanceOf(NimbusClientDriver.class);
        assertThat(driver.name()).isEqualTo(ClientDrivers.NIMBUS);
        assertThat(driver.description()).contains("mq-spring-boot-starter");
        assertThat(ClientDrivers.runsOnOfficialClientClasspath(driver.name())).isFalse();
    }

    @Test
    void consumerReadsEveryMessageOfTheTopicFromTheFirstOffsetInClusteringMode() {
        ConsumerConfig config = NimbusClientDriver.consumerConfig("g", "t", ConsumerOptions.DEFAULTS);

        assertThat(config.group()).isEqualTo("g");
        assertThat(config.subscriptions()).containsExactly(new Subscription("t", SelectorType.TAG, Subscription.ALL));
        assertThat(config.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        assertThat(config.messageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(config.consumeBatchSize()).isEqualTo(1);
    }

    @Test
    void consumerTakesTheScenariosBatchSize() {
        assertThat(NimbusClientDriver.consumerConfig("g", "t", new ConsumerOptions(32)).consumeBatchSize())
                .isEqualTo(32);
    }
}
