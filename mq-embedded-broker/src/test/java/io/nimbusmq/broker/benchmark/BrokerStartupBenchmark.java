package io.nimbusmq.broker.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;

/**
 * How fast an embedded broker starts and how little heap it needs: the first start in a fresh JVM (class loading
 * included), then warm starts, each on a new store directory, and the heap in use after a GC while a broker runs.
 * Run with {@code mvn -B -pl mq-embedded-broker -am -Pbenchmark verify -DskipTests}; writes its section of
 * BENCHMARKS.md.
 */
public final class BrokerStartupBenchmark {

    private static final String START = "<!-- broker-startup:start -->";
    private static final String END = "<!-- broker-startup:end -->";

    private BrokerStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmStarts = Integer.getInteger("benchmark.warmStarts", 10);
        List<Double> startMillis = new ArrayList<>();
        long heapUsed = 0;
        for (int i = 0; i <= warmStarts; i++) {
            Path dir = Files.createTempDirectory("nimbus-startup");
            long begin = System.nanoTime();
            EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir).build();
            broker.start();
            startMillis.add((System.nanoTime() - begin) / 1e6);
            if (i == warmStarts) {
                System.gc();
                heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }
            broker.shutdown();
            delete(dir);
        }
        double first = startMillis.get(0);
        List<Double> warm = startMillis.subList(1, startMillis.size()).stream().sorted().toList();
        double median = warm.get(warm.size() / 2);
        long maxHeap = Runtime.getRuntime().maxMemory();
        String table = String.format("""
                | Figure | Value |
                |---|---|
                | first start in a fresh JVM (class loading included) | %.0f ms |
                | warm start, median of %d | %.1f ms |
                | heap in use after GC with a broker running | %.1f MiB |
                | heap limit of the run (-Xmx) | %d MiB |
                """, first, warm.size(), median, heapUsed / 1048576.0, maxHeap / 1048576);
        System.out.println(table);
        String report = System.getProperty("benchmark.report");
        if (report != null) {
            writeSection(Path.of(report), table);
        }
    }

    private static void writeSection(Path report, String table) throws IOException {
        String section = START + "\n## Embedded broker start-up (`mq-embedded-broker`)\n\n"
                + "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ". Command: `mvn -B -pl mq-embedded-broker -am -Pbenchmark "
                + "verify -DskipTests`. `EmbeddedBroker.builder().port(0).storeDir(dir).build().start()` until it "
                + "returns (store recovered, port bound, name server serving, broker registered).\n\n" + table + END;
        String content = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
        int from = content.indexOf(START);
        int to = content.indexOf(END);
        content = from >= 0 && to > from
                ? content.substring(0, from) + section + content.substring(to + END.length())
                : content + "\n" + section + "\n";
        Files.writeString(report, content);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
