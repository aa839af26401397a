package io.nimbusmq.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.remoting.protocol.body.TopicConfig;

/**
 * The test JVM's embedded brokers, one per distinct {@link EmbeddedMqSettings}, started on first use and stopped by
 * a shutdown hook. A broker with {@link EmbeddedMqSettings#manualClock()} runs on a {@link ManualClock} of its own.
 */
public final class EmbeddedMqBrokers {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqBrokers.class);
    private static final Map<EmbeddedMqSettings, Running> BROKERS = new HashMap<>();

    private record Running(EmbeddedBroker broker, ManualClock clock) {
    }

    private EmbeddedMqBrokers() {
    }

    /** The broker of {@code settings}, started now if it is the first use. */
    public static synchronized EmbeddedBroker broker(EmbeddedMqSettings settings) {
        return BROKERS.computeIfAbsent(settings, EmbeddedMqBrokers::start).broker();
    }

    /** The clock of the broker of {@code settings}, which must ask for a manual clock. */
    public static synchronized ManualClock manualClock(EmbeddedMqSettings settings) {
        if (!settings.manualClock()) {
            throw new IllegalArgumentException("the broker of " + settings + " runs on the system clock");
        }
        return BROKERS.computeIfAbsent(settings, EmbeddedMqBrokers::start).clock();
    }

    /** The broker on the system clock with default settings. */
    public static EmbeddedBroker shared() {
        return broker(EmbeddedMqSettings.DEFAULTS);
    }

    /** The broker on {@link #manualClock()} with default settings. */
    public static EmbeddedBroker sharedWithManualClock() {
        return broker(EmbeddedMqSettings.DEFAULTS.withManualClock(true));
    }

    /** The clock of {@link #sharedWithManualClock()}. */
    public static ManualClock manualClock() {
        return manualClock(EmbeddedMqSettings.DEFAULTS.withManualClock(true));
    }

    /** Creates {@code topic} on {@code broker} (4 queues) unless it exists. */
    public static void createTopic(EmbeddedBroker broker, String topic) {
        if (broker.runtime().topics().find(topic) == null) {
            broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, TopicConfig.DEFAULT_QUEUE_NUMS));
        }
    }

    /** Creates {@code topic} with {@code queues} read and write queues, or changes it to that many. */
    public static void createTopic(EmbeddedBroker broker, String topic, int queues) {
        TopicConfig existing = broker.runtime().topics().find(topic);
        if (existing == null || existing.readQueueNums() != queues || existing.writeQueueNums() != queues) {
            broker.runtime().topics().createOrUpdate(TopicConfig.of(topic, queues));
        }
    }

    /**
     * Creates the topics of {@link EmbeddedMq#topics()}: {@code "name"} (4 queues unless it exists) or
     * {@code "name:queues"}, each resolved by {@code placeholders} first.
     */
    public static void createTopics(EmbeddedBroker broker, String[] specs, UnaryOperator<String> placeholders) {
        for (String spec : specs) {
            String resolved = placeholders.apply(spec).trim();
            int colon = resolved.lastIndexOf(':');
            if (colon < 0) {
                createTopic(broker, resolved);
                continue;
            }
            String topic = resolved.substring(0, colon).trim();
            int queues;
            try {
                queues = Integer.parseInt(resolved.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("@EmbeddedMq topic '" + spec + "' is not 'name' or 'name:queues'");
            }
            if (topic.isEmpty() || queues < 1) {
                throw new IllegalArgumentException("@EmbeddedMq topic '" + spec + "' is not 'name' or 'name:queues'");
            }
            createTopic(broker, topic, queues);
        }
    }

    private static Running start(EmbeddedMqSettings settings) {
        Path storeDir = createStoreDir();
        ManualClock clock = settings.manualClock() ? new ManualClock() : null;
        EmbeddedBroker.Builder builder = settings.applyTo(EmbeddedBroker.builder().port(0).storeDir(storeDir), storeDir);
        if (clock != null) {
            builder.clock(clock);
        }
        EmbeddedBroker broker = builder.build();
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.shutdown();
            deleteRecursively(storeDir);
        }, "embedded-mq-shutdown"));
        log.info("Embedded test broker at {} ({})", broker.address(), settings);
        return new Running(broker, clock);
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
