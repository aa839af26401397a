package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.EmbeddedMqBrokers;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * BROADCASTING offsets are kept under a stable name: a restarted application resumes where it stopped (it gets what
 * was sent while it was down and nothing it had consumed), and two live applications of one JVM keep separate files.
 */
class BroadcastOffsetsIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String PROBE = "probe-";

    /**
     * Consumes from the first offset when it has none (so nothing sent right after start-up is missed), so losing
     * the file would deliver everything again.
     */
    private static ConfigurableApplicationContext start(String topic, Path offsets) {
        EmbeddedMqBrokers.createTopic(EmbeddedMqBrokers.shared(), topic);
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("mq.name-server=" + EmbeddedMqBrokers.shared().address(), "app.topic=" + topic,
                        "spring.application.name=broadcast-offsets", "mq.consumer.offset-store-dir=" + offsets,
                        "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET")
                .run();
    }

    private static List<String> bodies(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    /**
     * A consumer starting from the last offset only reads what is sent after its first rebalance: send probes until
     * every listener has received one, so that the messages the test sends next cannot fall before its start.
     */
    private static void awaitConsuming(ConfigurableApplicationContext sender, String topic, Listener... listeners) {
        AtomicInteger probes = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            sender.getBean(MqTemplate.class).syncSend(topic, PROBE + probes.incrementAndGet());
            return Arrays.stream(listeners).allMatch(listener -> listener.received.received().stream()
                    .anyMatch(body -> body.startsWith(PROBE)));
        });
    }

    private static List<String> withoutProbes(List<String> bodies) {
        return bodies.stream().filter(body -> !body.startsWith(PROBE)).toList();
    }

    @Test
    void aRestartedApplicationResumesWhereItStopped(@TempDir Path offsets) {
        String topic = "it-broadcast-restart";
        List<String> before = bodies("before-", 5);
        try (ConfigurableApplicationContext first = start(topic, offsets)) {
            awaitConsuming(first, topic, first.getBean(Listener.class));
            before.forEach(body -> first.getBean(MqTemplate.class).syncSend(topic, body));
            MessageCollector<String> received = first.getBean(Listener.class).received;
            await().atMost(PATIENCE).until(() -> received.received().containsAll(before));
            assertThat(withoutProbes(received.received())).containsExactlyInAnyOrderElementsOf(before);
        }
        assertThat(offsets.resolve(topic).resolve("default").resolve("offsets.json")).isRegularFile();

        List<String> whileDown = bodies("while-down-", 3);
        try (ConfigurableApplicationContext sender = new SpringApplicationBuilder(SenderApp.class)
                .web(WebApplicationType.NONE).properties("mq.name-server=" + EmbeddedMqBrokers.shared().address())
                .run()) {
            whileDown.forEach(body -> sender.getBean(MqTemplate.class).syncSend(topic, body));
        }

        try (ConfigurableApplicationContext restarted = start(topic, offsets)) {
            MessageCollector<String> received = restarted.getBean(Listener.class).received;
            assertThat(received.awaitCount(3, PATIENCE)).containsExactlyInAnyOrderElementsOf(whileDown);
            restarted.getBean(MqTemplate.class).syncSend(topic, "after-restart");
            received.awaitMatch("after-restart"::equals, PATIENCE);
            assertThat(withoutProbes(received.received())).doesNotContainAnyElementsOf(before).hasSize(4);
        }
    }

    @Test
    void twoLiveApplicationsOfOneJvmKeepSeparateFiles(@TempDir Path offsets) throws Exception {
        String topic = "it-broadcast-two";
        try (ConfigurableApplicationContext first = start(topic, offsets);
                ConfigurableApplicationContext second = start(topic, offsets)) {
            awaitConsuming(first, topic, first.getBean(Listener.class), second.getBean(Listener.class));
            first.getBean(MqTemplate.class).syncSend(topic, "to-both");
            first.getBean(Listener.class).received.awaitMatch("to-both"::equals, PATIENCE);
            second.getBean(Listener.class).received.awaitMatch("to-both"::equals, PATIENCE);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(offsets.resolve(topic).resolve("default").resolve("offsets.json")).isRegularFile();
            assertThat(offsets.resolve(topic).resolve("default-2").resolve("offsets.json")).isRegularFile();
        });
        try (var slots = Files.list(offsets.resolve(topic))) {
            assertThat(slots.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("default",
                    "default-2");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SenderApp {
    }

    static class Listener {
        final MessageCollector<String> received = new MessageCollector<>();

        @MessageListener(topic = "${app.topic}", consumerGroup = "${app.topic}",
                messageModel = MessageModel.BROADCASTING)
        void on(String body) {
            received.add(body);
        }
    }
}
