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

/** {@code @EmbeddedMq} without Spring: topics created, the JVM's broker and clock injected. */
@EmbeddedMq(topics = "ext-plain", manualClock = true)
class EmbeddedMqExtensionIntegrationTests {

    @Test
    void injectsTheSharedBrokerWithItsTopicsAndClock(EmbeddedBroker broker, ManualClock clock) {
        assertThat(broker).isSameAs(EmbeddedMqBrokers.sharedWithManualClock());
        assertThat(clock).isSameAs(EmbeddedMqBrokers.manualClock());
        assertThat(broker.runtime().topics().find("ext-plain")).isNotNull();
        try (MqClient client = MqClient.create(ClientConfig.builder().nameServer(broker.address())
                .instanceName("ext-plain-test").requestTimeout(Duration.ofSeconds(10)).build())) {
            Producer producer = client.producer(ProducerConfig.builder("ext-plain-producer").build());
            producer.start();
            assertThat(producer.send(new Message("ext-plain", "hi".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(SendStatus.SEND_OK);
        }
    }
}
