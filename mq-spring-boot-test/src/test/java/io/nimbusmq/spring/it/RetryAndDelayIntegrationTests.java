package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * Retries after a listener exception, dead letters, and delayed sends, on the broker with a manual clock: the test moves time
 * instead of waiting for the 10 s and 30 s retry back-offs or the delays.
 */
@SpringBootTest(classes = RetryAndDelayIntegrationTests.App.class,
        properties = {"mq.client.route-refresh-interval=1s", "mq.client.heartbeat-interval=2s"})
@EmbeddedMq(topics = {"it-retry", "it-dlq", "it-delay"}, manualClock = true)
class RetryAndDelayIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final List<Integer> ATTEMPTS = new CopyOnWriteArrayList<>();
    static final MessageCollector<String> SUCCEEDED = new MessageCollector<>();
    static final MessageCollector<String> DELAYED = new MessageCollector<>();
    static final List<Integer> POISON_ATTEMPTS = new CopyOnWriteArrayList<>();
    static final MessageCollector<String> DEAD_LETTERS = new MessageCollector<>();
    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    @Autowired
    MqTemplate template;

    @Autowired
    ManualClock clock;

    @Test
    void anExceptionRetriesTheMessageUntilTheListenerSucceeds() {
        template.syncSend("it-retry", "fails-twice");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(2));
            assertThat(SUCCEEDED.received()).contains("fails-twice");
        });
        assertThat(ATTEMPTS).containsExactly(0, 1, 2);
    }

    @Test
    void afterMaxReconsumeTimesTheMessageIsDeadLettered() {
        template.syncSend("it-dlq", "poison");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(2));
            assertThat(DEAD_LETTERS.received()).contains("poison");
        });
        assertThat(POISON_ATTEMPTS).containsExactly(0, 1);
    }

    @Test
    void delayedMessagesArriveWhenTheirTimeComes() {
        template.syncSendDelayed("it-delay", "after-10s", Duration.ofSeconds(10));
        template.syncSend("it-delay", "level-2-5s", SendOptions.delayLevel(2));
        template.asyncSend("it-delay", "at-plus-40s", SendOptions.deliverAt(clock.instant().plusSeconds(40))).join();
        template.syncSend("it-delay", "now");
        DELAYED.awaitMatch("now"::equals, PATIENCE);
        assertThat(DELAYED.received()).containsExactly("now");

        clock.advance(Duration.ofSeconds(11));
        DELAYED.awaitCount(3, PATIENCE);
        assertThat(DELAYED.received()).containsExactlyInAnyOrder("now", "level-2-5s", "after-10s");

        clock.advance(Duration.ofSeconds(30));
        assertThat(DELAYED.awaitCount(4, PATIENCE)).contains("at-plus-40s");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {
    }

    static class Listeners {
        @MessageListener(topic = "it-retry", consumerGroup = "it-retry")
        void retry(String body, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            ATTEMPTS.add(reconsumeTimes);
            if (FAILURES.computeIfAbsent(body, key -> new AtomicInteger()).incrementAndGet() <= 2) {
                throw new IllegalStateException("failing attempt " + reconsumeTimes + " on purpose");
            }
            SUCCEEDED.add(body);
        }

        @MessageListener(topic = "it-dlq", consumerGroup = "it-dlq", maxReconsumeTimes = "1")
        void poison(String body, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            POISON_ATTEMPTS.add(reconsumeTimes);
            throw new IllegalArgumentException("cannot process " + body);
        }

        @MessageListener(topic = "%DLQ%it-dlq", consumerGroup = "it-dlq-inspector")
        void deadLetter(String body) {
            DEAD_LETTERS.add(body);
        }

        @MessageListener(topic = "it-delay", consumerGroup = "it-delay")
        void delayed(String body) {
            DELAYED.add(body);
        }
    }
}
