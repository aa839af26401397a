package io.nimbusmq.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;

/** {@code @EmbeddedMq} without Spring: topics created, the JVM's broker of those settings and its clock injected. */
@EmbeddedMq(topics = {"ext-plain", "ext-wide:2"}, manualClock = true, delayLevels = "1s 2s")
class EmbeddedMqExtensionIntegrationTests {

    @Test
    void injectsTheBrokerOfItsSettingsWithItsTopicsAndClock(EmbeddedBroker broker, ManualClock clock) {
        EmbeddedMqSettings settings = new EmbeddedMqSettings(true, "1s 2s", -1, -1, -1, "");
        assertThat(broker).isSameAs(EmbeddedMqBrokers.broker(settings))
                .isNotSameAs(EmbeddedMqBrokers.sharedWithManualClock());
        assertThat(clock).isSameAs(EmbeddedMqBrokers.manualClock(settings)).isNotSameAs(EmbeddedMqBrokers.manualClock());
        assertThat(broker.config().schedule().delayLevels()).isEqualTo("1s 2s");
        assertThat(broker.runtime().topics().find("ext-plain")).isNotNull();
        assertThat(broker.runtime().topics().find("ext-wide").readQueueNums()).isEqualTo(2);
        try (MqClient client = MqClient.create(ClientConfig.builder().nameServer(broker.address())
                .instanceName("ext-plain-test").requestTimeout(Duration.ofSeconds(10)).build())) {
            Producer producer = client.producer(ProducerConfig.builder("ext-plain-producer").build());
            producer.start();
            assertThat(producer.send(new Message("ext-plain", "hi".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(SendStatus.SEND_OK);
        }
    }
}
