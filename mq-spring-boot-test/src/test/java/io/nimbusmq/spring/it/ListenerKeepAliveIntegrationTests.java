package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;
import io.nimbusmq.spring.test.EmbeddedMqBrokers;

/**
 * An application without a web server stays up while its listeners run: a non-daemon thread lives from the start of
 * the listeners until the context closes (the client's own threads are all daemons).
 */
class ListenerKeepAliveIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static ConfigurableApplicationContext start(Class<?> app, String... properties) {
        EmbeddedMqBrokers.createTopic(EmbeddedMqBrokers.shared(), "it-keep-alive");
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
                .properties("mq.name-server=" + EmbeddedMqBrokers.shared().address())
                .properties(properties).run();
    }

    /** Live non-daemon keep-alive threads (other tests' cached contexts may have theirs). */
    private static Set<Thread> keepAliveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !thread.isDaemon() && thread.isAlive()
                        && thread.getName().startsWith("mq-listener-keep-alive-"))
                .collect(Collectors.toSet());
    }

    @Test
    void runningListenersKeepANonDaemonThreadAliveUntilTheContextCloses() throws InterruptedException {
        Set<Thread> before = keepAliveThreads();
        Set<Thread> added;
        try (ConfigurableApplicationContext context = start(ListenerApp.class)) {
            added = keepAliveThreads();
            added.removeAll(before);
            assertThat(added).as("non-daemon threads started with the listeners").hasSize(1);
        }
        for (Thread thread : added) {
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).as("%s after close", thread.getName()).isFalse();
        }
    }

    @Test
    void noThreadKeepsTheJvmUpBeforeListenersStartOrWithoutListeners() {
        Set<Thread> before = keepAliveThreads();
        try (ConfigurableApplicationContext manual = start(ListenerApp.class, "mq.listener.startup=MANUAL");
                ConfigurableApplicationContext none = start(NoListenerApp.class)) {
            Set<Thread> added = keepAliveThreads();
            added.removeAll(before);
            assertThat(added).isEmpty();

            manual.getBean(MessageListenerContainerRegistry.class).startContainers();
            await().atMost(PATIENCE).until(() -> keepAliveThreads().stream()
                    .anyMatch(thread -> !before.contains(thread)));
        }
    }

    /**
     * The real thing, in a JVM of its own: after {@code main} returns, the application is still there to receive a
     * message, and it exits (0) once that message closes its context.
     */
    @Test
    void aListenerOnlyApplicationRunsAfterMainReturnsAndExitsWhenItsContextCloses() throws Exception {
        EmbeddedMqBrokers.createTopic(EmbeddedMqBrokers.shared(), KeepAliveApplication.TOPIC);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), KeepAliveApplication.class.getName(),
                EmbeddedMqBrokers.shared().address()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(output::add), "keep-alive-app-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> output.contains("STARTED") || !process.isAlive());
            assertThat(output).as("output of the application").contains("STARTED");
            // main has returned; without a non-daemon thread the JVM would now shut down
            assertThat(process.waitFor(3, TimeUnit.SECONDS)).as("exited after main returned: %s", output).isFalse();

            try (MqClient client = MqClient.create(ClientConfig.builder()
                    .nameServer(EmbeddedMqBrokers.shared().address()).instanceName("keep-alive-test").build())) {
                Producer producer = client.producer(ProducerConfig.builder("keep-alive-test").build());
                producer.start();
                producer.send(new Message(KeepAliveApplication.TOPIC, "stop".getBytes(StandardCharsets.UTF_8)));
            }

            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("exited: %s", output).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(output).contains("RECEIVED stop");
        } finally {
            process.destroyForcibly();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ListenerApp {
        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NoListenerApp {
    }

    static class Listener {
        @MessageListener(topic = "it-keep-alive", consumerGroup = "it-keep-alive")
        void on(String body) {
        }
    }
}
