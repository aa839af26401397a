package io.nimbusmq.client;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link EmbeddedBroker} per test class (port 0, temporary store), unique names, and our clients closed after each
 * test whatever its outcome.
 */
public final class NimbusBrokerExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Short delay levels (level 1 keeps its real 1 s) so that retries (level 3 and up) come back within seconds. */
    public static final String DELAY_LEVELS = "1s 2s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";
    private static final String RUN_ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Deque<AutoCloseable> closeAfterTest = new ArrayDeque<>();
    private Path storeDir;
    private EmbeddedBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        storeDir = Files.createTempDirectory("nimbus-client-");
        broker = EmbeddedBroker.builder().port(0).storeDir(storeDir).delayLevels(DELAY_LEVELS).build();
        broker.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        synchronized (closeAfterTest) {
            while (!closeAfterTest.isEmpty()) {
                try {
                    closeAfterTest.pop().close();
                } catch (RuntimeException e) {
                    // a failed close must not hide the test's own outcome
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.close();
        }
        deleteRecursively(storeDir);
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public String address() {
        return broker.address();
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + RUN_ID;
    }

    /**
     * A new client instance (its own client id), closed after the test. Its request timeout is generous, so that a
     * route lookup on a machine busy with other builds is not what a test measures.
     */
    public MqClient client() {
        MqClient client = MqClient.create(ClientConfig.builder().nameServer(address())
                .instanceName(uniqueName("client")).requestTimeout(Duration.ofSeconds(10)).build());
        closeAfterTest(client);
        return client;
    }

    public <T extends AutoCloseable> T closeAfterTest(T closeable) {
        synchronized (closeAfterTest) {
            closeAfterTest.push(closeable);
        }
        return closeable;
    }

    /** A read-write topic with {@code queues} queues, routed by the name server. */
    public String createTopic(String prefix, int queues) {
        String topic = uniqueName(prefix);
        broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, queues));
        await().atMost(PATIENCE).until(() -> broker.runtime().topics().find(topic) != null);
        return topic;
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
