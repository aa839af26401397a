package io.nimbusmq.benchmark.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;

/** Every produce mode of {@link NimbusClientDriver} against an embedded broker, checked by its own push consumer. */
class NimbusClientDriverIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Path storeDir;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        storeDir = Files.createTempDirectory("nimbus-driver-");
        broker = EmbeddedBroker.builder().port(0).storeDir(storeDir).build();
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws IOException {
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> paths = Files.walk(storeDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void everyProduceModeIsConsumedExactlyOnce() throws Exception {
        String topic = "driver-" + System.nanoTime();
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, 4));
        await().atMost(PATIENCE).until(() -> broker.runtime().topics().find(topic) != null);
        NimbusClientDriver driver = new NimbusClientDriver();
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();

        try (DriverProducer producer = driver.startProducer(broker.address(), "driver-pg");
                DriverConsumer consumer = driver.startPushConsumer(broker.address(), "driver-cg", topic,
                        new ConsumerOptions(8), body -> {
                            received.add(new String(body, StandardCharsets.UTF_8));
                            deliveries.incrementAndGet();
                        })) {
            for (int i = 0; i < 10; i++) {
                assertThat(producer.sendSync(topic, utf8("sync-" + i))).isTrue();
            }
            CountDownLatch asyncDone = new CountDownLatch(10);
            AtomicInteger asyncStored = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                producer.sendAsync(topic, utf8("async-" + i), (stored, error) -> {
                    if (stored && error == null) {
                        asyncStored.incrementAndGet();
                    }
                    asyncDone.countDown();
                });
            }
            assertThat(asyncDone.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(asyncStored).hasValue(10);
            for (int i = 0; i < 10; i++) {
                producer.sendOneway(topic, utf8("oneway-" + i));
            }
            assertThat(producer.sendBatch(topic, List.of(utf8("batch-0"), utf8("batch-1"), utf8("batch-2"))))
                    .isTrue();

            await().atMost(PATIENCE).until(() -> received.size() == 33);
            assertThat(received).contains("sync-0", "sync-9", "async-0", "async-9", "oneway-0", "oneway-9",
                    "batch-0", "batch-2");
            assertThat(deliveries).hasValue(33);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
