package io.nimbusmq.client;

import static io.nimbusmq.client.NimbusBrokerExtension.PATIENCE;
import static io.nimbusmq.client.NimbusBrokerExtension.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link MessageHandler#consumeAsync}: a CONCURRENTLY consumer frees its consume thread while a verdict is pending,
 * keeps the offset behind the pending messages, and applies each verdict when it comes (a failed one is retried).
 */
class AsyncConsumeIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    record Pending(ReceivedMessage message, CompletableFuture<ConsumeResult> verdict) {
    }

    @Test
    void aPendingVerdictFreesTheOnlyConsumeThreadAndIsAppliedWhenItComes() {
        String topic = broker.createTopic("async", 1);
        List<Pending> pending = new CopyOnWriteArrayList<>();
        PushConsumer consumer = broker.client().pushConsumer(ConsumerConfig.builder(uniqueName("async"))
                .subscribe(Subscription.all(topic)).consumeThreads(1)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build(), new MessageHandler() {
                    @Override
                    public ConsumeStatus handle(List<ReceivedMessage> messages) {
                        throw new AssertionError("a CONCURRENTLY consumer calls consumeAsync");
                    }

                    @Override
                    public CompletionStage<ConsumeResult> consumeAsync(List<ReceivedMessage> messages) {
                        CompletableFuture<ConsumeResult> verdict = new CompletableFuture<>();
                        pending.add(new Pending(messages.get(0), verdict));
                        return verdict;
                    }
                });
        consumer.start();
        Producer producer = broker.client().producer(ProducerConfig.builder(uniqueName("pg")).build());
        producer.start();

        producer.send(new Message(topic, "a".getBytes(StandardCharsets.UTF_8)));
        producer.send(new Message(topic, "b".getBytes(StandardCharsets.UTF_8)));

        await().atMost(PATIENCE).until(() -> pending.size() >= 2);
        assertThat(consumer.lag()).as("nothing committed while verdicts are pending")
                .filteredOn(lag -> lag.queue().topic().equals(topic)).singleElement()
                .satisfies(lag -> assertThat(lag.consumerOffset()).isZero());
        pending.get(0).verdict().completeExceptionally(new IllegalStateException("failed later"));
        pending.get(1).verdict().complete(ConsumeResult.of(ConsumeStatus.SUCCESS));
        await().atMost(PATIENCE).until(() -> pending.size() >= 3);
        assertThat(pending.get(2).message().msgId()).isEqualTo(pending.get(0).message().msgId());
        assertThat(pending.get(2).message().reconsumeTimes()).as("retried").isEqualTo(1);
        pending.get(2).verdict().complete(ConsumeResult.of(ConsumeStatus.SUCCESS));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(consumer.lag()).isNotEmpty()
                .allSatisfy(lag -> assertThat(lag.consumerOffset()).isEqualTo(lag.brokerOffset())));
    }
}
