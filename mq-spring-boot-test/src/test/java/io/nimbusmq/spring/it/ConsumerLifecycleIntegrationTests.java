package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.EmbeddedMqBrokers;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * Several applications on one broker: broadcasting and clustering groups, and a graceful shutdown that hands the
 * rest of a topic to the next member without losing a message.
 */
class ConsumerLifecycleIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    private static ConfigurableApplicationContext start(Class<?> app, Path offsets, String... properties) {
        String address = EmbeddedMqBrokers.shared().address();
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
                .properties("mq.name-server=" + address, "mq.consumer.offset-store-dir=" + offsets,
                        "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET")
                .properties(properties).run();
    }

    @Test
    void broadcastingGivesEveryApplicationEveryMessageAndClusteringSharesThem(@TempDir Path offsets) {
        EmbeddedMqBrokers.createTopic(EmbeddedMqBrokers.shared(), "it-model");
        try (ConfigurableApplicationContext first = start(ModelApp.class, offsets.resolve("a"));
                ConfigurableApplicationContext second = start(ModelApp.class, offsets.resolve("b"))) {
            MqTemplate template = first.getBean(MqTemplate.class);
            List<String> sent = IntStream.range(0, 20).mapToObj(i -> "m" + i).toList();
            sent.forEach(body -> template.syncSend("it-model", body));

            assertThat(first.getBean(ModelListeners.class).broadcast.awaitCount(20, PATIENCE))
                    .containsAll(sent);
            assertThat(second.getBean(ModelListeners.class).broadcast.awaitCount(20, PATIENCE))
                    .containsAll(sent);
            MessageCollector<String> clusterA = first.getBean(ModelListeners.class).clustering;
            MessageCollector<String> clusterB = second.getBean(ModelListeners.class).clustering;
            org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> union(clusterA, clusterB).containsAll(sent));
        }
    }

    @Test
    void shutdownDrainsInFlightMessagesCommitsOffsetsAndTheNextMemberGetsTheRest(@TempDir Path offsets) {
        EmbeddedMqBrokers.createTopic(EmbeddedMqBrokers.shared(), "it-drain");
        List<String> before = IntStream.range(0, 20).mapToObj(i -> "before-" + i).toList();
        List<String> after = IntStream.range(0, 20).mapToObj(i -> "after-" + i).toList();
        SlowListener firstListener;
        try (ConfigurableApplicationContext first = start(DrainApp.class, offsets, "mq.consumer.shutdown-timeout=30s")) {
            MqTemplate template = first.getBean(MqTemplate.class);
            before.forEach(body -> template.syncSend("it-drain", body));
            firstListener = first.getBean(SlowListener.class);
            firstListener.finished.awaitCount(3, PATIENCE);
        } // closing while the listener is busy: it stops pulling and drains
        List<String> firstFinished = firstListener.finished.received();
        assertThat(firstFinished).containsExactlyInAnyOrderElementsOf(firstListener.started);

        try (ConfigurableApplicationContext second = start(DrainApp.class, offsets)) {
            MqTemplate template = second.getBean(MqTemplate.class);
            after.forEach(body -> template.syncSend("it-drain", body));
            SlowListener secondListener = second.getBean(SlowListener.class);
            // what the first member had not pulled when it closed (how much it pulled depends on the machine's
            // speed) comes to the second one; together they see every message once
            List<String> rest = new java.util.ArrayList<>(before);
            rest.removeAll(firstFinished);
            rest.addAll(after);
            assertThat(secondListener.finished.awaitCount(rest.size(), PATIENCE))
                    .containsExactlyInAnyOrderElementsOf(rest);
            // the first member's offsets were committed at shutdown: nothing it finished comes again
            assertThat(secondListener.finished.received()).doesNotContainAnyElementsOf(firstFinished);
        }
    }

    @Test
    void shutdownGivesUpAfterItsTimeoutAndWhatDidNotFinishIsRedelivered(@TempDir Path offsets) {
        EmbeddedMqBrokers.createTopic(EmbeddedMqBrokers.shared(), "it-stuck");
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "s" + i).toList();
        StuckListener stuck;
        try (ConfigurableApplicationContext first = start(StuckApp.class, offsets, "mq.consumer.shutdown-timeout=2s",
                "app.stuck=true")) {
            sent.forEach(body -> first.getBean(MqTemplate.class).syncSend("it-stuck", body));
            stuck = first.getBean(StuckListener.class);
            org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> !stuck.started.isEmpty());
        } // the listener never finishes: the shutdown waits 2 s, then leaves without committing those offsets
        try (ConfigurableApplicationContext second = start(StuckApp.class, offsets, "app.stuck=false")) {
            assertThat(second.getBean(StuckListener.class).finished.awaitCount(10, PATIENCE))
                    .containsExactlyInAnyOrderElementsOf(sent);
        } finally {
            stuck.release.countDown();
        }
    }

    private static Set<String> union(MessageCollector<String> a, MessageCollector<String> b) {
        Set<String> all = new HashSet<>(a.received());
        all.addAll(b.received());
        return all;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ModelListeners.class)
    static class ModelApp {
    }

    static class ModelListeners {
        final MessageCollector<String> broadcast = new MessageCollector<>();
        final MessageCollector<String> clustering = new MessageCollector<>();

        @MessageListener(topic = "it-model", consumerGroup = "it-model-broadcast",
                messageModel = MessageModel.BROADCASTING)
        void broadcast(String body) {
            broadcast.add(body);
        }

        @MessageListener(topic = "it-model", consumerGroup = "it-model-clustering")
        void clustering(String body) {
            clustering.add(body);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class DrainApp {
        @Bean
        SlowListener slowListener() {
            return new SlowListener();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class StuckApp {
        @Bean
        StuckListener stuckListener(org.springframework.core.env.Environment environment) {
            return new StuckListener(environment.getProperty("app.stuck", Boolean.class, false));
        }
    }

    static class StuckListener {
        final Set<String> started = ConcurrentHashMap.newKeySet();
        final MessageCollector<String> finished = new MessageCollector<>();
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final boolean stuck;

        StuckListener(boolean stuck) {
            this.stuck = stuck;
        }

        @MessageListener(topic = "it-stuck", consumerGroup = "it-stuck", consumeThreads = "2")
        void on(String body) throws InterruptedException {
            started.add(body);
            if (stuck) {
                release.await(); // busy far longer than the shutdown timeout
                return;
            }
            finished.add(body);
        }
    }

    static class SlowListener {
        final Set<String> started = ConcurrentHashMap.newKeySet();
        final MessageCollector<String> finished = new MessageCollector<>();

        @MessageListener(topic = "it-drain", consumerGroup = "it-drain", consumeThreads = "4")
        void on(String body) throws InterruptedException {
            started.add(body);
            Thread.sleep(300); // a listener busy with real work when shutdown begins
            finished.add(body);
        }
    }
}
