package io.nimbusmq.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.FakeMqClient.FakeConsumer;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.autoconfigure.MqAutoConfiguration;

/**
 * Interceptors, deferred acknowledgement, dead-letter-now, part-way batch failures and listener events, with the
 * client replaced by {@link FakeMqClient}.
 */
class ListenerHooksTests {

    static final List<String> TRACE = new CopyOnWriteArrayList<>();
    static final List<MqListenerEvent> EVENTS = new CopyOnWriteArrayList<>();
    static final CompletableFuture<Acknowledgement> PENDING = new CompletableFuture<>();
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=REFRESH")
            .withBean(FakeMqClient.class, FakeMqClient::new);

    @BeforeEach
    void clear() {
        TRACE.clear();
        EVENTS.clear();
    }

    static class Listeners {
        @MessageListener(topic = "t", consumerGroup = "plain")
        void plain(String body) {
            TRACE.add("listener " + body);
            if (body.equals("fail")) {
                throw new IllegalStateException("failing on purpose");
            }
        }

        @MessageListener(topic = "t", consumerGroup = "batch", batch = true, batchSize = "4")
        void batch(List<String> bodies) {
            TRACE.add("batch " + bodies);
            int bad = bodies.indexOf("bad");
            if (bad >= 0) {
                throw new BatchListenerFailedException("bad at " + bad, new IllegalStateException("bad"), bad);
            }
            if (bodies.contains("unreadable")) {
                throw new DeadLetterNowException("the whole batch");
            }
            int poison = bodies.indexOf("poison");
            if (poison >= 0) {
                throw new BatchListenerFailedException("poison", new DeadLetterNowException("never"), poison);
            }
        }

        @MessageListener(topic = "t", consumerGroup = "dlq-now")
        void deadLetterNow(String body) {
            throw new DeadLetterNowException("unknown customer in " + body);
        }

        @MessageListener(topic = "t", consumerGroup = "deferred", consumeTimeout = "300ms")
        void deferred(String body, Acknowledgement ack) {
            TRACE.add("deferred " + body);
            switch (body) {
                case "ack-later" -> CompletableFuture.runAsync(ack::acknowledge,
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
                case "nack" -> ack.nack();
                case "dead" -> ack.deadLetter();
                case "hold" -> PENDING.complete(ack);
                default -> {
                    // never acknowledged: retried after the consume timeout
                }
            }
        }

        @MessageListener(topic = "t", consumerGroup = "slow", consumeTimeout = "200ms", idleEventInterval = "300ms")
        void slow(String body) throws InterruptedException {
            RELEASE.await(1, TimeUnit.MINUTES);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Hooks {
        @Bean
        MqMessageInterceptor tracing() {
            return new MqMessageInterceptor() {
                @Override
                public boolean before(ReceivedMessage message, MessageListenerEndpoint listener) {
                    TRACE.add("before " + body(message));
                    return !body(message).equals("duplicate");
                }

                @Override
                public void success(ReceivedMessage message, MessageListenerEndpoint listener) {
                    TRACE.add("success " + body(message));
                }

                @Override
                public void failure(ReceivedMessage message, MessageListenerEndpoint listener, Throwable failure) {
                    TRACE.add("failure " + body(message) + " " + failure.getMessage());
                }

                @Override
                public void afterCompletion(ReceivedMessage message, MessageListenerEndpoint listener) {
                    TRACE.add("after " + body(message));
                }
            };
        }

        @Bean
        MqBatchInterceptor batchTracing() {
            return new MqBatchInterceptor() {
                @Override
                public boolean before(List<ReceivedMessage> messages, MessageListenerEndpoint listener) {
                    TRACE.add("before batch of " + messages.size());
                    return true;
                }
            };
        }

        @Bean
        ApplicationListener<MqListenerEvent> events() {
            return EVENTS::add;
        }
    }

    @Test
    void messageInterceptorsRunAroundTheListenerAndMaySkipAMessage() {
        runner.withUserConfiguration(Hooks.class).withBean(Listeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            FakeConsumer plain = client.consumers().get("plain");
            assertThat(plain.deliver(message(client, "ok"))).isEqualTo(ConsumeStatus.SUCCESS);
            assertThat(plain.deliver(message(client, "fail"))).isEqualTo(ConsumeStatus.RETRY);
            assertThat(plain.deliver(message(client, "duplicate"))).isEqualTo(ConsumeStatus.SUCCESS);
            assertThat(TRACE).containsExactly("before ok", "listener ok", "success ok", "after ok",
                    "before fail", "listener fail", "failure fail failing on purpose", "after fail",
                    "before duplicate", "after duplicate");
        });
    }

    @Test
    void aBatchListenerNamesTheFailedMessageAndTheOnesBeforeItAreAcknowledged() {
        runner.withUserConfiguration(Hooks.class).withBean(Listeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            FakeConsumer batch = client.consumers().get("batch");
            assertThat(batch.deliverBatch(message(client, "a"), message(client, "b"), message(client, "bad"),
                    message(client, "c"))).isEqualTo(new ConsumeResult(ConsumeStatus.RETRY, 2));
            assertThat(batch.deliverBatch(message(client, "a"), message(client, "poison"), message(client, "c")))
                    .isEqualTo(new ConsumeResult(ConsumeStatus.DEAD_LETTER, 1));
            assertThat(batch.deliverBatch(message(client, "a"))).isEqualTo(ConsumeResult.of(ConsumeStatus.SUCCESS));
            // without a named message the verdict is on the whole batch
            assertThat(batch.deliverBatch(message(client, "a"), message(client, "unreadable")))
                    .isEqualTo(ConsumeResult.of(ConsumeStatus.DEAD_LETTER));
            assertThat(TRACE).startsWith("before batch of 4", "batch [a, b, bad, c]");
        });
    }

    @Test
    void aDeadLetterNowExceptionSkipsTheRetries() {
        runner.withBean(Listeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            assertThat(client.consumers().get("dlq-now").deliver(message(client, "x")))
                    .isEqualTo(ConsumeStatus.DEAD_LETTER);
        });
    }

    @Test
    void deferredCompletionWaitsForTheAcknowledgementUpToTheConsumeTimeout() {
        runner.withBean(Listeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            FakeConsumer deferred = client.consumers().get("deferred");
            assertThat(deferred.deliver(message(client, "ack-later"))).isEqualTo(ConsumeStatus.SUCCESS);
            assertThat(deferred.deliver(message(client, "nack"))).isEqualTo(ConsumeStatus.RETRY);
            assertThat(deferred.deliver(message(client, "dead"))).isEqualTo(ConsumeStatus.DEAD_LETTER);
            long started = System.nanoTime();
            assertThat(deferred.deliver(message(client, "forgotten"))).isEqualTo(ConsumeStatus.RETRY);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        });
    }

    @Test
    void deferredCompletionDoesNotHoldTheConsumeThreadWhileItWaits() {
        runner.withBean(Listeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            FakeConsumer deferred = client.consumers().get("deferred");

            CompletableFuture<ConsumeResult> verdict = deferred.deliverAsync(message(client, "hold"))
                    .toCompletableFuture();

            assertThat(TRACE).containsExactly("deferred hold");
            assertThat(verdict).as("returned before the acknowledgement").isNotDone();
            PENDING.get(10, TimeUnit.SECONDS).acknowledge();
            assertThat(verdict.get(10, TimeUnit.SECONDS)).isEqualTo(ConsumeResult.of(ConsumeStatus.SUCCESS));
            assertThat(deferred.deliverAsync(message(client, "forgotten")).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)).as("after the 300 ms consume timeout")
                    .isEqualTo(ConsumeResult.of(ConsumeStatus.RETRY));
        });
    }

    @Test
    void eventsTellWhenListenersStartStopIdleAndHang() {
        runner.withUserConfiguration(Hooks.class).withBean(Listeners.class).run(context -> {
            assertThat(EVENTS).filteredOn(ListenerStartedEvent.class::isInstance)
                    .extracting(MqListenerEvent::getListenerId).contains("listenerHooksTests.Listeners#slow", "listenerHooksTests.Listeners#plain");
            await().atMost(Duration.ofSeconds(30)).until(() -> EVENTS.stream().anyMatch(event ->
                    event instanceof ListenerIdleEvent idle && idle.getListenerId().equals("listenerHooksTests.Listeners#slow")
                            && idle.getIdleTime().compareTo(Duration.ofMillis(300)) >= 0));
            FakeMqClient client = context.getBean(FakeMqClient.class);
            CompletableFuture<ConsumeStatus> stuck = CompletableFuture.supplyAsync(() ->
                    client.consumers().get("slow").deliver(message(client, "x")));
            await().atMost(Duration.ofSeconds(30)).until(() -> EVENTS.stream().anyMatch(event ->
                    event instanceof ListenerNotResponsiveEvent hung
                            && hung.getCallDuration().compareTo(Duration.ofMillis(200)) > 0));
            RELEASE.countDown();
            assertThat(stuck.get(30, TimeUnit.SECONDS)).isEqualTo(ConsumeStatus.SUCCESS);
            assertThat(EVENTS).filteredOn(ListenerNotResponsiveEvent.class::isInstance).hasSize(1);
            context.close();
            assertThat(EVENTS).filteredOn(ListenerStoppedEvent.class::isInstance)
                    .extracting(MqListenerEvent::getListenerId).contains("listenerHooksTests.Listeners#slow", "listenerHooksTests.Listeners#plain");
        });
    }

    private static ReceivedMessage message(FakeMqClient client, String body) {
        return client.received("t", Map.of(), body.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String body(ReceivedMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }
}
