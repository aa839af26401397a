package io.nimbusmq.client;

import static io.nimbusmq.client.NimbusBrokerExtension.PATIENCE;
import static io.nimbusmq.client.NimbusBrokerExtension.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a consumer's config and handler control besides the basics: part-way batch failures, rate, virtual threads. */
class ConsumeControlIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    @TempDir
    Path offsetDir;

    /** Records each call's bodies and reconsume counts; the first call on a batch fails from index 2 on. */
    static final class FailsFromTheThird implements MessageHandler {
        final Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
        final List<List<String>> batches = new CopyOnWriteArrayList<>();

        @Override
        public ConsumeStatus handle(List<ReceivedMessage> messages) {
            throw new UnsupportedOperationException("consume(...) is the one called");
        }

        @Override
        public ConsumeResult consume(List<ReceivedMessage> messages) {
            messages.forEach(m -> attempts.computeIfAbsent(text(m), k -> new CopyOnWriteArrayList<>())
                    .add(m.reconsumeTimes()));
            batches.add(messages.stream().map(ConsumeControlIntegrationTests::text).toList());
            return batches.size() == 1 ? new ConsumeResult(ConsumeStatus.RETRY, 2) : ConsumeResult.of(
                    ConsumeStatus.SUCCESS);
        }
    }

    @Test
    void aBatchThatFailsPartWayCommitsTheMessagesBeforeTheFailedOneConcurrently() {
        FailsFromTheThird handler = consumeBatchOfFour(ConsumeMode.CONCURRENTLY);
        await().atMost(PATIENCE).until(() -> handler.attempts.containsKey("m3")
                && handler.attempts.get("m2").size() == 2 && handler.attempts.get("m3").size() == 2);
        assertThat(handler.batches.get(0)).containsExactly("m0", "m1", "m2", "m3");
        assertThat(handler.attempts).containsEntry("m0", List.of(0)).containsEntry("m1", List.of(0))
                .containsEntry("m2", List.of(0, 1)).containsEntry("m3", List.of(0, 1));
    }

    @Test
    void aBatchThatFailsPartWayCommitsTheMessagesBeforeTheFailedOneOrderly() {
        FailsFromTheThird handler = consumeBatchOfFour(ConsumeMode.ORDERLY);
        await().atMost(PATIENCE).until(() -> handler.attempts.containsKey("m3")
                && handler.attempts.get("m3").size() == 2);
        assertThat(handler.batches.get(1)).containsExactly("m2", "m3");
        // the failed one comes back counted, the one after it was never handled and keeps its count
        assertThat(handler.attempts).containsEntry("m0", List.of(0)).containsEntry("m1", List.of(0))
                .containsEntry("m2", List.of(0, 1)).containsEntry("m3", List.of(0, 0));
    }

    private FailsFromTheThird consumeBatchOfFour(ConsumeMode mode) {
        String topic = broker.createTopic("partial", 1);
        Producer producer = producer();
        IntStream.range(0, 4).forEach(i -> producer.send(new Message(topic, utf8("m" + i))));
        FailsFromTheThird handler = new FailsFromTheThird();
        broker.client().pushConsumer(config(uniqueName("partial"), topic).consumeMode(mode).consumeBatchSize(4)
                .suspendCurrentQueueTime(Duration.ofMillis(100)).build(), handler).start();
        return handler;
    }

    @Test
    void theRateLimitSpacesHandlerCalls() {
        String topic = broker.createTopic("rate", 2);
        Producer producer = producer();
        IntStream.range(0, 20).forEach(i -> producer.send(new Message(topic, utf8("r" + i))));
        List<Long> calls = new CopyOnWriteArrayList<>();
        broker.client().pushConsumer(config(uniqueName("rate"), topic).consumeRateLimit(10).build(), messages -> {
            calls.add(System.nanoTime());
            return ConsumeStatus.SUCCESS;
        }).start();
        await().atMost(PATIENCE).until(() -> calls.size() == 20);
        // 10 a second, no burst: the 20th call comes at least 1.9 s after the first, however fast the machine
        assertThat(Duration.ofNanos(calls.get(19) - calls.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1850));
    }

    @Test
    void virtualThreadsWhereTheJvmHasThemPlatformThreadsOtherwise() {
        String topic = broker.createTopic("virtual", 1);
        producer().send(new Message(topic, utf8("v")));
        List<Thread> threads = new CopyOnWriteArrayList<>();
        broker.client().pushConsumer(config(uniqueName("virtual"), topic).virtualThreads(true).consumeThreads(2)
                .build(), messages -> {
                    threads.add(Thread.currentThread());
                    return ConsumeStatus.SUCCESS;
                }).start();
        await().atMost(PATIENCE).until(() -> !threads.isEmpty());
        assertThat(isVirtual(threads.get(0))).isEqualTo(Runtime.version().feature() >= 21);
    }

    static boolean isVirtual(Thread thread) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Producer producer() {
        Producer producer = broker.client().producer(ProducerConfig.builder(uniqueName("pg"))
                .sendTimeout(Duration.ofSeconds(30)).build());
        producer.start();
        return producer;
    }

    private ConsumerConfig.Builder config(String group, String topic) {
        return ConsumerConfig.builder(group).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).offsetStoreDir(offsetDir);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(ReceivedMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }
}
