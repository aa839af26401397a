package io.nimbusmq.client;

import static io.nimbusmq.client.NimbusBrokerExtension.PATIENCE;
import static io.nimbusmq.client.NimbusBrokerExtension.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.QueueLag;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * consumeTimeout as the official push consumer's {@code cleanExpireMsg}: a CONCURRENTLY message whose handler call
 * runs past the timeout is sent back for a retry (delay level 3, 1 s on the test broker) and stops holding back the
 * committed offset while the call still runs; an ORDERLY consumer's message is never expired.
 */
class ConsumeTimeoutIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheHandlers() {
        release.countDown();
    }

    private PushConsumer consumer(String topic, ConsumeMode mode, List<ReceivedMessage> calls) {
        PushConsumer consumer = broker.client().pushConsumer(ConsumerConfig.builder(uniqueName(mode.name()))
                .subscribe(Subscription.all(topic)).consumeMode(mode).consumeTimeout(Duration.ofSeconds(1))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build(), messages -> {
                    calls.addAll(messages);
                    if (messages.get(0).reconsumeTimes() == 0) {
                        try {
                            release.await(PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS); // stuck until the end
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return ConsumeStatus.SUCCESS;
                });
        consumer.start();
        return consumer;
    }

    @Test
    void aConcurrentMessageConsumedPastTheTimeoutIsRetriedAndNoLongerHoldsTheOffsetOrderlyOnesAreNot() {
        String topic = broker.createTopic("stuck", 1);
        List<ReceivedMessage> concurrentCalls = new CopyOnWriteArrayList<>();
        List<ReceivedMessage> orderlyCalls = new CopyOnWriteArrayList<>();
        PushConsumer concurrent = consumer(topic, ConsumeMode.CONCURRENTLY, concurrentCalls);
        PushConsumer orderly = consumer(topic, ConsumeMode.ORDERLY, orderlyCalls);
        Producer producer = broker.client().producer(ProducerConfig.builder(uniqueName("pg")).build());
        producer.start();

        SendResult sent = producer.send(new Message(topic, "slow".getBytes(StandardCharsets.UTF_8)));

        await().atMost(PATIENCE).until(() -> concurrentCalls.size() >= 2);
        assertThat(concurrentCalls).extracting(ReceivedMessage::msgId).containsOnly(sent.msgId());
        assertThat(concurrentCalls.get(1).reconsumeTimes()).as("sent back as a retry").isEqualTo(1);
        assertThat(release.getCount()).as("the first call still runs").isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(concurrent.lag()).isNotEmpty()
                .allSatisfy(lag -> assertThat(lag.consumerOffset()).isEqualTo(lag.brokerOffset())));
        assertThat(orderlyCalls).as("an orderly message is never expired").hasSize(1);
        assertThat(orderly.lag()).isNotEmpty().extracting(QueueLag::consumerOffset).allSatisfy(offset ->
                assertThat(offset).isLessThan(1));
    }
}
