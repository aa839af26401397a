package io.nimbusmq.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.remoting.protocol.body.TopicConfig;

/**
 * The test JVM's embedded brokers, started on first use and stopped by a shutdown hook: one on the system clock, and
 * one on a {@link ManualClock} for tests that advance time.
 */
public final class EmbeddedMqBrokers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqBrokers.class);

    private static EmbeddedBroker systemClockBroker;
    private static EmbeddedBroker manualClockBroker;
    private static ManualClock manualClock;

    private EmbeddedMqBrokers() {
    }

    /** The broker on the system clock. */
    public static synchronized EmbeddedBroker shared() {
        if (systemClockBroker == null) {
            systemClockBroker = start(null);
        }
        return systemClockBroker;
    }

    /** The broker on {@link #manualClock()}. */
    public static synchronized EmbeddedBroker sharedWithManualClock() {
        if (manualClockBroker == null) {
            manualClock = new ManualClock();
            manualClockBroker = start(manualClock);
        }
        return manualClockBroker;
    }

    /** The clock of {@link #sharedWithManualClock()}. */
    public static synchronized ManualClock manualClock() {
        sharedWithManualClock();
        return manualClock;
    }

    /** Creates {@code topic} on {@code broker} (4 queues) unless it exists. */
    public static void createTopic(EmbeddedBroker broker, String topic) {
        if (broker.runtime().topics().find(topic) == null) {
            broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, TopicConfig.DEFAULT_QUEUE_NUMS));
        }
    }

    private static EmbeddedBroker start(ManualClock clock) {
        Path storeDir = createStoreDir();
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder().port(0).storeDir(storeDir);
        if (clock != null) {
            builder.clock(clock);
        }
        EmbeddedBroker broker = builder.build();
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.shutdown();
            deleteRecursively(storeDir);
        }, "embedded-mq-shutdown"));
        log.info("Embedded test broker at {}{}", broker.address(), clock != null ? " (manual clock)" : "");
        return broker;
    }

    private static Path createStoreDir() {
        try {
            return Files.createTempDirectory("nimbus-mq-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
