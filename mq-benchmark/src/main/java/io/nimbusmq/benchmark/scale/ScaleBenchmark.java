package io.nimbusmq.benchmark.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import io.nimbusmq.benchmark.broker.BrokerKind;
import io.nimbusmq.benchmark.broker.BrokerLaunch;
import io.nimbusmq.benchmark.broker.BrokerLaunches;
import io.nimbusmq.benchmark.broker.BrokerProcess;
import io.nimbusmq.benchmark.broker.ReadinessProbe;
import io.nimbusmq.benchmark.load.MeasuredPeriod;
import io.nimbusmq.benchmark.report.Machine;

/**
 * The scale benchmark: our standalone broker (its production settings: 1 GiB commit log segments, ASYNC_FLUSH) in a
 * JVM of its own, one topic of {@code queues} queues on a fresh store, filled to {@code total} messages. At every
 * checkpoint of the {@link CheckpointPlan} it measures the same windows (a produce window, a consume window over the
 * newest and one over the oldest messages), the store's disk use, then kills the broker with SIGKILL, restarts it on
 * the same store and measures the restart; at the last checkpoint it first measures lookups by key and by id. The
 * coordinator (this JVM) drives everything through the official client; see {@link ScaleSettings} for the
 * properties and {@link ScaleReport} for what the report shows.
 */
public final class ScaleBenchmark {

    static final String TOPIC = "scale_bench";
    private static final Pattern RECOVERY = Pattern.compile(
            "Store recovered: .*scannedFromOffset=(\\d+), commitLogEnd=(\\d+),.*durationMillis=(\\d+)");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration COUNT_TIMEOUT = Duration.ofMinutes(5);

    private final ScaleSettings settings;
    private final Path storeDir;
    private final BrokerLaunch launch;
    private int launches;
    private BrokerProcess broker;
    private DefaultMQAdminExt admin;
    private Lookups.Result byKey;
    private Lookups.Result byId;

    ScaleBenchmark(ScaleSettings settings) {
        this.settings = settings;
        this.storeDir = settings.storeDir().toAbsolutePath();
        this.launch = new BrokerLaunches(settings.heap(), settings.nimbusJar(), "", 0).prepare(BrokerKind.NIMBUS,
                "ASYNC_FLUSH", storeDir.resolve("store"), storeDir.resolve("home"), null);
    }

    public static void main(String[] args) throws Exception {
        ScaleSettings settings = ScaleSettings.fromSystemProperties();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroyForcibly), "scale-stop-children"));
        String markdown = new ScaleBenchmark(settings).run();
        if (settings.writeReport()) {
            ScaleReport.SECTION.writeTo(settings.report(), markdown);
            System.out.println("Results written to " + settings.report().toAbsolutePath().normalize());
        } else {
            System.out.println(markdown);
        }
        System.exit(0);
    }

    /** Runs the whole benchmark and returns the report section's markdown. */
    String run() throws Exception {
        checkPreconditions();
        String startedAt = ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Files.createDirectories(storeDir.resolve("home"));
        Machine machine = Machine.describe(storeDir);
        CheckpointPlan plan = settings.plan();
        System.out.printf(Locale.ROOT, "Scale benchmark: %,d messages, checkpoints %s, store %s, load %s%n",
                plan.total(), plan.checkpoints(), storeDir, machine.loadAtStart());
        List<CheckpointResult> results = new ArrayList<>();
        broker = start().process;
        admin = admin();
        try (Producers producers = new Producers(settings, TOPIC, launch.namesrvAddr())) {
            warmUp(producers);
            for (int i = 0; i < plan.checkpoints().size(); i++) {
                long toFill = plan.fillBefore(i, producers.acked());
                double fillRate = toFill > 0 ? producers.fill(toFill) : Double.NaN;
                results.add(checkpoint(i, plan.checkpoints().get(i), fillRate, producers,
                        i == plan.checkpoints().size() - 1));
            }
            ScaleReport.Run run = new ScaleReport.Run(startedAt, settings.command(), machine, Machine.loadAverage(),
                    settingsLines(), byKey, byId, producers.acked(), producers.failed(), count(),
                    producers.firstError());
            return ScaleReport.markdown(run, results);
        } finally {
            admin.shutdown();
            broker.stop(Duration.ofSeconds(60));
            if (!settings.keepStore()) {
                delete(storeDir);
            }
        }
    }

    /** The windows, the disk use, the lookups if {@code last}, then kill -9 and restart. */
    private CheckpointResult checkpoint(int index, long checkpoint, double fillRate, Producers producers,
            boolean last) throws Exception {
        // the queues follow the commit log asynchronously: measure once every acknowledged message is in them
        long stored = awaitCount(producers.acked());
        System.out.printf(Locale.ROOT, "checkpoint %,d: %,d stored (fill %,.0f msg/s), load %s%n", checkpoint, stored,
                fillRate, Machine.loadAverage());
        LongAdder produced = new LongAdder();
        MeasuredPeriod.Measured produce = producers.produceWindow(broker.pid(), produced);
        awaitCount(producers.acked());
        ConsumeWindow.Result tail = consumeWindow("scale_tail_" + index, ConsumeWindow.Position.TAIL);
        ConsumeWindow.Result oldest = consumeWindow("scale_oldest_" + index, ConsumeWindow.Position.OLDEST);
        String load = Machine.loadAverage();
        StoreFootprint footprint = StoreFootprint.measure(storeDir.resolve("store"));
        long storedAfter = count();
        System.out.printf(Locale.ROOT, "  produce %,.0f msg/s, consume newest %,.0f msg/s, oldest %,.0f msg/s, store "
                        + "%,d MiB%n", produced.sum() / produce.seconds(), tail.rate(), oldest.rate(),
                footprint.totalBytes() >> 20);
        if (last) {
            byKey = Lookups.byKey(admin, TOPIC, storedAfter, settings.lookups());
            byId = Lookups.byId(admin, TOPIC, producers.sampledIds());
            System.out.printf(Locale.ROOT, "  lookups by key %s, by id %s%n", byKey, byId);
        }
        broker.kill();
        Started restarted = start();
        broker = restarted.process;
        CheckpointResult.Restart restart = recovery(broker.log(), restarted.readyMillis, awaitCount(storedAfter));
        System.out.printf(Locale.ROOT, "  kill -9 and restart: %s%n", restart);
        return new CheckpointResult(checkpoint, stored, fillRate, produced.sum(), produce, tail, oldest, load,
                footprint, storedAfter, restart);
    }

    /**
     * One produce window and one consume window, unmeasured, before the first checkpoint: later checkpoints meet a
     * broker warmed up by the fill, so without this the empty store's figures (the reference of every ratio) would be
     * those of a cold JVM. Its messages stay in the topic and count as stored.
     */
    private void warmUp(Producers producers) throws Exception {
        producers.produceWindow(broker.pid(), new LongAdder());
        awaitCount(producers.acked());
        consumeWindow("scale_warmup", ConsumeWindow.Position.TAIL);
        System.out.printf(Locale.ROOT, "warm-up done: %,d stored%n", count());
    }

    private ConsumeWindow.Result consumeWindow(String group, ConsumeWindow.Position position) throws Exception {
        long window = settings.consumeWindow();
        return ConsumeWindow.run(admin, launch.namesrvAddr(), launch.brokerAddr(), TOPIC, group, window, position,
                broker.pid(), Math.max(120_000, window / 2));
    }

    /** Refuses a store directory in use and a volume without the room the run needs. */
    void checkPreconditions() throws IOException {
        if (!Files.isRegularFile(settings.nimbusJar())) {
            throw new IllegalStateException("no standalone jar at " + settings.nimbusJar() + "; build with -am");
        }
        if (Files.exists(storeDir)) {
            try (Stream<Path> entries = Files.list(storeDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("scale.storeDir " + storeDir + " is not empty; give a new "
                            + "directory (the benchmark deletes it at the end)");
                }
            }
        }
        Path existing = storeDir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        FileStore volume = Files.getFileStore(existing);
        String refusal = diskNeed().refusal(volume.getUsableSpace(), volume.getTotalSpace());
        if (refusal != null) {
            throw new IllegalStateException("not starting: " + refusal + " (store directory " + storeDir + ")");
        }
    }

    /** The fill plus the produce windows, counted at up to 30,000 msg/s (1.5x the fastest produce-sync seen). */
    DiskNeed diskNeed() {
        long windows = (long) settings.plan().checkpoints().size()
                * (settings.produceSeconds() + settings.warmupSeconds()) * 30_000L;
        return DiskNeed.estimate(settings.total() + windows, settings.bodySize(), TOPIC, settings.queues());
    }

    private record Started(BrokerProcess process, double readyMillis) {
    }

    /** Launches the broker on the store and waits until a client can send (the probe creates the topic). */
    private Started start() throws Exception {
        ReadinessProbe probe = ReadinessProbe.prepare(launch, List.of(TOPIC), settings.queues());
        BrokerProcess process = BrokerProcess.start(launch, storeDir.resolve("broker-" + (launches++) + ".log"));
        try {
            ReadinessProbe.Readiness ready = probe.awaitReady(process, READY_TIMEOUT);
            probe.awaitRoutes(Duration.ofSeconds(120));
            return new Started(process, (ready.sentNanos() - process.launchedNanos()) / 1e6);
        } catch (Exception | Error e) {
            process.stop(Duration.ofSeconds(60));
            throw e;
        } finally {
            probe.close();
        }
    }

    private DefaultMQAdminExt admin() throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(30_000);
        admin.setNamesrvAddr(launch.namesrvAddr());
        admin.setInstanceName("scale-bench-admin-" + System.nanoTime());
        admin.setAdminExtGroup("scale_bench_admin");
        admin.start();
        return admin;
    }

    /** Messages in the fill topic: the sum over its queues of max - min offset; retried while the broker restarts. */
    private long count() throws InterruptedException {
        long deadline = System.nanoTime() + COUNT_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.examineTopicStats(TOPIC).getOffsetTable().values().stream()
                        .mapToLong(o -> o.getMaxOffset() - o.getMinOffset()).sum();
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the topic's offsets: " + e, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The count after a restart, once it reaches {@code expected} (queues refilled by recovery) or after a timeout. */
    private long awaitCount(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + COUNT_TIMEOUT.toNanos();
        long count = count();
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            count = count();
        }
        return count;
    }

    /** The restart's figures, with the store's own recovery line from the broker's log (-1s if it has none). */
    static CheckpointResult.Restart recovery(Path brokerLog, double readyMillis, long storedAfter) throws IOException {
        Matcher m = RECOVERY.matcher(Files.readString(brokerLog, StandardCharsets.UTF_8));
        long[] found = {-1, -1, -1};
        while (m.find()) {
            for (int g = 0; g < 3; g++) {
                found[g] = Long.parseLong(m.group(g + 1));
            }
        }
        long scanned = found[2] < 0 ? -1 : found[1] - found[0];
        return new CheckpointResult.Restart(readyMillis, found[2], scanned, found[1], storedAfter);
    }

    private List<String> settingsLines() {
        return List.of(
                "Broker: the standalone jar (`BrokerLauncher`), production store (1 GiB commit log segments, index "
                        + "on, retention defaults), ASYNC_FLUSH, `-Xmx" + settings.heap() + " -XX:+UseG1GC`, loopback; "
                        + "one topic `" + TOPIC + "` of " + settings.queues() + " queues on a fresh store.",
                String.format(Locale.ROOT, "Fill: the official client 5.3.1 in the coordinator JVM, %d threads "
                                + "sending batches of %d messages of %d bytes, each with a unique key `k<n>` (every "
                                + "%,d-th message sent alone, for the lookups by id).", settings.fillThreads(),
                        settings.fillBatch(), settings.bodySize(), Math.max(1, settings.total() / settings.lookups())),
                String.format(Locale.ROOT, "produce-sync: %d threads, one message at a time, %d s unmeasured then "
                                + "%d s measured, into the same topic (counted as stored). Before the first checkpoint "
                                + "one produce and one consume window warm the broker up, unmeasured (their messages "
                                + "are the first checkpoint's).", settings.produceThreads(),
                        settings.warmupSeconds(), settings.produceSeconds()),
                String.format(Locale.ROOT, "consume: a new group per window (lite pull consumer, assigned queues) "
                        + "reads %,d messages (or all if fewer are stored), the same share of every queue: the newest "
                        + "(page cache) and the oldest (cold once the store outgrows memory); from the assignment of "
                        + "the queues to the last message.", settings.consumeWindow()),
                "Broker CPU per message from /proc/<pid>/stat; other CPU = every other process during the produce "
                        + "window (100 % = one core); load average at the end of the checkpoint's windows.",
                "Restart: SIGKILL after each checkpoint's windows, then the same store: launch to the first successful "
                        + "send (port, name server registration, send); store recovery = the store's own log line "
                        + "(`Store recovered: ... durationMillis`), with the commit log bytes it scanned.",
                "Disk use: `du` of the store's directories (allocated blocks: the store allocates whole files, so the "
                        + "empty store already holds a 1 GiB commit log segment, a 420 MB index file and a consume "
                        + "queue file per queue); per message = growth since the previous checkpoint divided by the "
                        + "messages added; commit log record = the commit log's end (from recovery) divided by the "
                        + "messages in the store.");
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
