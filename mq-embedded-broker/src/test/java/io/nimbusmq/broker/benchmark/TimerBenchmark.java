package io.nimbusmq.broker.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.nimbusmq.broker.schedule.ScheduleConfig;
import io.nimbusmq.broker.schedule.ScheduleRewriter;
import io.nimbusmq.broker.schedule.TimerMessageService;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.PutMessageResult;
import io.nimbusmq.store.StoreConfig;

/**
 * Timer messages on the real clock, through the broker's scheduling path (the send-side rewrite, the store, the
 * timer service, the re-put to the real topic), without the network:
 *
 * <ol>
 * <li><b>Lateness:</b> {@code benchmark.timers} (20,000) timers due at random milliseconds spread over
 * {@code benchmark.spreadSeconds} (10 s); lateness = store time of the delivered copy − requested delivery time.</li>
 * <li><b>Pending cost:</b> {@code benchmark.pending} (1,000,000) timers due an hour ahead: heap in use after GC
 * before and after they are indexed, timer log and commit log bytes, and the start-up time of a service that
 * rebuilds its wheel from them.</li>
 * </ol>
 *
 * Run with {@code mvn -B -pl mq-embedded-broker -am -Pbenchmark verify -DskipTests}; writes its section of
 * BENCHMARKS.md.
 */
public final class TimerBenchmark {

    private static final String START = "<!-- timer-benchmark:start -->";
    private static final String END = "<!-- timer-benchmark:end -->";
    private static final String TOPIC = "BenchTopic";
    private static final String TARGET = "BENCH_TARGET";

    private TimerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int timers = Integer.getInteger("benchmark.timers", 20_000);
        int spreadSeconds = Integer.getInteger("benchmark.spreadSeconds", 10);
        int pending = Integer.getInteger("benchmark.pending", 1_000_000);
        String lateness = lateness(timers, spreadSeconds);
        String pendingCost = pendingCost(pending);
        String table = "| Figure | Value |\n|---|---|\n" + lateness + pendingCost;
        System.out.println(table);
        String report = System.getProperty("benchmark.report");
        if (report != null) {
            writeSection(Path.of(report), table, timers, spreadSeconds, pending);
        }
    }

    private static String lateness(int timers, int spreadSeconds) throws Exception {
        Path dir = Files.createTempDirectory("nimbus-timer-bench");
        DefaultMessageStore store = new DefaultMessageStore(StoreConfig.embedded(dir.resolve("store")));
        store.start();
        long[] lateMillis = new long[timers];
        AtomicInteger delivered = new AtomicInteger();
        store.addDispatcher(request -> {
            if (request.topic().equals(TOPIC)) {
                // dispatch requests carry no property string: read the message itself
                String properties = store.lookMessage(request.physicalOffset()).properties();
                long target = Long.parseLong(MessageProperties.get(properties, TARGET));
                int i = delivered.getAndIncrement();
                if (i < lateMillis.length) {
                    lateMillis[i] = request.storeTimestamp() - target;
                }
            }
        });
        TimerMessageService service = new TimerMessageService(store, ScheduleConfig.defaults(), Clock.systemUTC(),
                dir.resolve("timer"));
        store.addDispatcher(service.dispatcher());
        service.start();
        ScheduleRewriter rewriter = new ScheduleRewriter(ScheduleConfig.defaults(), Clock.systemUTC());
        long base = System.currentTimeMillis() + 2_000;
        List<CompletableFuture<PutMessageResult>> puts = new ArrayList<>();
        for (int i = 0; i < timers; i++) {
            long target = base + ThreadLocalRandom.current().nextLong(spreadSeconds * 1_000L);
            puts.add(store.putMessage(rewriter.rewrite(timer(target)).message()));
        }
        puts.forEach(CompletableFuture::join);
        long sendMillis = System.currentTimeMillis() - (base - 2_000);
        long deadline = System.currentTimeMillis() + spreadSeconds * 1_000L + 60_000;
        while (delivered.get() < timers && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        service.shutdown();
        store.shutdown();
        delete(dir);
        if (delivered.get() < timers) {
            throw new IllegalStateException("only " + delivered.get() + " of " + timers + " timers delivered");
        }
        Arrays.sort(lateMillis);
        return String.format("""
                | timers scheduled (all sent within %d ms, due over %d s) | %,d |
                | delivery lateness p50 | %d ms |
                | delivery lateness p99 | %d ms |
                | delivery lateness max | %d ms |
                | delivered early | %d |
                """, sendMillis, spreadSeconds, timers, lateMillis[timers / 2],
                lateMillis[(int) (timers * 0.99)], lateMillis[timers - 1],
                Arrays.stream(lateMillis).filter(l -> l < 0).count());
    }

    private static String pendingCost(int pending) throws Exception {
        Path dir = Files.createTempDirectory("nimbus-timer-pending");
        DefaultMessageStore store = new DefaultMessageStore(StoreConfig.embedded(dir.resolve("store")));
        store.start();
        TimerMessageService service = new TimerMessageService(store, ScheduleConfig.defaults(), Clock.systemUTC(),
                dir.resolve("timer"));
        store.addDispatcher(service.dispatcher());
        service.start();
        long heapBefore = heapAfterGc();
        ScheduleRewriter rewriter = new ScheduleRewriter(ScheduleConfig.defaults(), Clock.systemUTC());
        long base = System.currentTimeMillis() + 3_600_000;
        long began = System.nanoTime();
        CompletableFuture<PutMessageResult> last = null;
        for (int i = 0; i < pending; i++) {
            last = store.putMessage(rewriter.rewrite(timer(base + (i * 3_600_000L / pending))).message());
        }
        last.join();
        while (service.indexedCount() < pending) {
            Thread.sleep(20);
        }
        double indexSeconds = (System.nanoTime() - began) / 1e9;
        long heapAfter = heapAfterGc();
        long timerLogBytes = service.timerLogSizeBytes();
        long commitLogBytes = store.commitLogMaxOffset() - store.commitLogMinOffset();
        service.shutdown();
        TimerMessageService restarted = new TimerMessageService(store, ScheduleConfig.defaults(),
                Clock.systemUTC(), dir.resolve("timer"));
        long restartBegan = System.nanoTime();
        restarted.start();
        double restartMillis = (System.nanoTime() - restartBegan) / 1e6;
        restarted.shutdown();
        store.shutdown();
        delete(dir);
        return String.format("""
                | pending timers (due in 1 h) | %,d |
                | stored and indexed in | %.1f s |
                | heap in use after GC, before / with them pending | %.1f / %.1f MiB |
                | timer log on disk (32-byte entries, 4 MiB segments) | %.1f MiB |
                | commit log, waiting copies (%d-byte bodies) | %.1f MiB |
                | timer service restart (wheel rebuilt from the timer log) | %.0f ms |
                | heap limit of the run (-Xmx) | %d MiB |
                """, pending, indexSeconds, heapBefore / 1048576.0, heapAfter / 1048576.0,
                timerLogBytes / 1048576.0, 16, commitLogBytes / 1048576.0, restartMillis,
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    private static MessageInput timer(long target) {
        return MessageInput.builder(TOPIC, 0, "0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                .properties(MessageProperties.encode(Map.of("TIMER_DELIVER_MS", Long.toString(target),
                        TARGET, Long.toString(target))))
                .build();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void writeSection(Path report, String table, int timers, int spreadSeconds, int pending)
            throws IOException {
        String section = START + "\n## Delayed and timer messages (`mq-embedded-broker`)\n\n"
                + "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", by `io.nimbusmq.broker.benchmark.TimerBenchmark`. Command: "
                + "`mvn -B -pl mq-embedded-broker -am -Pbenchmark verify -DskipTests`. The broker's scheduling "
                + "path without the network: `ScheduleRewriter` turns each message into its waiting copy, the store "
                + "appends it, `TimerMessageService` indexes it and stores it again in its real topic when due. "
                + "Lateness is the store time of the delivered copy minus the requested time (" + timers
                + " timers spread over " + spreadSeconds + " s, real clock, ASYNC_FLUSH); pending cost is for "
                + String.format("%,d", pending) + " timers due an hour ahead.\n\n" + table + END;
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
