package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.annotation.TopicSubscription;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.listener.BatchListenerFailedException;
import io.nimbusmq.spring.listener.DeadLetterNowException;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * Retry control from the listener on the embedded broker with a manual clock: a retry schedule of its own, straight to
 * the dead-letter topic, a batch that names its failed message; and one listener on two topics with two selectors.
 */
@SpringBootTest(classes = RetryControlIntegrationTests.App.class,
        properties = {"mq.client.route-refresh-interval=1s", "mq.client.heartbeat-interval=2s"})
@EmbeddedMq(topics = {"it-rc-schedule", "it-rc-now", "it-rc-batch:1", "it-rc-orders", "it-rc-refunds"},
        manualClock = true)
class RetryControlIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final List<Integer> SCHEDULED_ATTEMPTS = new CopyOnWriteArrayList<>();
    static final List<Integer> NOW_ATTEMPTS = new CopyOnWriteArrayList<>();
    static final MessageCollector<String> DEAD_LETTERS = new MessageCollector<>();
    static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> BATCH_DELIVERIES = new ConcurrentHashMap<>();
    static final MessageCollector<String> AUDITED = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Autowired
    ManualClock clock;

    @Autowired
    MessageListenerContainerRegistry registry;

    @Test
    void aListenersRetryScheduleReplacesTheBrokersBackOff() {
        template.syncSend("it-rc-schedule", "fails-once");
        await().atMost(PATIENCE).until(() -> SCHEDULED_ATTEMPTS.size() == 1);
        // level 1 (1 s) instead of the broker's level 3 (10 s): due within 9 s of manual time, however late the
        // send-back was stored during these steps
        for (int step = 0; step < 3 && SCHEDULED_ATTEMPTS.size() < 2; step++) {
            clock.advance(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> SCHEDULED_ATTEMPTS.size() == 2);
        }
        assertThat(SCHEDULED_ATTEMPTS).containsExactly(0, 1);
    }

    @Test
    void aDeadLetterNowExceptionSendsTheMessageToTheDeadLetterTopicWithoutRetries() {
        template.syncSend("it-rc-now", "unknown-customer");
        DEAD_LETTERS.awaitMatch("unknown-customer"::equals, PATIENCE);
        assertThat(NOW_ATTEMPTS).containsExactly(0);
    }

    @Test
    void aBatchListenerThatNamesTheFailedMessageGetsOnlyItAndTheOnesAfterItAgain() {
        for (String body : List.of("a", "b", "bad", "c")) {
            template.syncSend("it-rc-batch", body);
        }
        registry.startContainer("batch");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(2));
            assertThat(deliveries("bad")).isEqualTo(2);
            assertThat(deliveries("c")).isEqualTo(2);
        });
        assertThat(BATCHES.get(0)).containsExactly("a", "b", "bad", "c");
        assertThat(BATCHES.subList(1, BATCHES.size())).allSatisfy(batch ->
                assertThat(batch).doesNotContain("a", "b"));
        assertThat(deliveries("a")).isEqualTo(1);
        assertThat(deliveries("b")).isEqualTo(1);
    }

    @Test
    void oneListenerConsumesTwoTopicsEachWithItsOwnSelector() {
        template.syncSend("it-rc-orders:created", "order-created");
        template.syncSend("it-rc-orders:shipped", "order-shipped");
        template.syncSend("it-rc-refunds", "refund-small", SendOptions.none().header("amount", 5));
        template.syncSend("it-rc-refunds", "refund-large", SendOptions.none().header("amount", 500));
        AUDITED.awaitCount(2, PATIENCE);
        template.syncSend("it-rc-orders:paid", "order-paid");
        assertThat(AUDITED.awaitCount(3, PATIENCE)).containsExactlyInAnyOrder("it-rc-orders:order-created",
                "it-rc-refunds:refund-large", "it-rc-orders:order-paid");
    }

    private static int deliveries(String body) {
        AtomicInteger count = BATCH_DELIVERIES.get(body);
        return count == null ? 0 : count.get();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {
    }

    static class Listeners {
        @MessageListener(topic = "it-rc-schedule", consumerGroup = "it-rc-schedule", retryDelays = "1s")
        void scheduled(String body, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            SCHEDULED_ATTEMPTS.add(reconsumeTimes);
            if (reconsumeTimes == 0) {
                throw new IllegalStateException("failing the first attempt on purpose");
            }
        }

        @MessageListener(topic = "it-rc-now", consumerGroup = "it-rc-now")
        void deadLetterNow(String body, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            NOW_ATTEMPTS.add(reconsumeTimes);
            throw new DeadLetterNowException("no customer for " + body);
        }

        @MessageListener(topic = "%DLQ%it-rc-now", consumerGroup = "it-rc-now-inspector")
        void inspect(String body) {
            DEAD_LETTERS.add(body);
        }

        @MessageListener(id = "batch", topic = "it-rc-batch", consumerGroup = "it-rc-batch", batch = true,
                batchSize = "4", retryDelays = "1", autoStartup = "false")
        void batch(List<ReceivedMessage> messages) {
            List<String> bodies = messages.stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
            BATCHES.add(bodies);
            bodies.forEach(body -> BATCH_DELIVERIES.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet());
            int bad = bodies.indexOf("bad");
            if (bad >= 0 && messages.get(bad).reconsumeTimes() == 0) {
                throw new BatchListenerFailedException("bad message", new IllegalStateException("bad"),
                        messages.get(bad));
            }
        }

        @MessageListener(consumerGroup = "it-rc-audit", subscriptions = {
                @TopicSubscription(topic = "it-rc-orders", selectorExpression = "created || paid"),
                @TopicSubscription(topic = "it-rc-refunds", selectorType = SelectorType.SQL92,
                        selectorExpression = "amount > 100")})
        void audit(String body, @Header(MqHeaders.TOPIC) String topic) {
            AUDITED.add(topic + ":" + body);
        }
    }
}
