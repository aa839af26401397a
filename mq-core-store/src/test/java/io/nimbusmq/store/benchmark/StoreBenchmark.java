package io.nimbusmq.store.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.PutMessageResult;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.StoreStats;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.GetMessageStatus;
import io.nimbusmq.store.read.MessageFilter;
import org.slf4j.LoggerFactory;

/**
 * Throughput benchmark of the storage engine: appends (body size x flush mode x writer threads) and queue reads.
 *
 * <p>Every scenario gets a fresh store directory under {@code benchmark.dir} (default: the system temp directory)
 * with production-sized commit log segments, runs its load for a warm-up period and then for a measured period of
 * fixed length, and deletes the directory. Rates come from the store's own counters ({@link StoreStats}) taken at the
 * start and end of the measured period, so the warm-up never counts.
 *
 * <p>Run it with {@code mvn -B -pl mq-core-store -am -Pbenchmark verify -DskipTests} from the repository root (see
 * BENCHMARKS.md). It prints a table and PASS/MISS lines for the targets, and rewrites its own section of
 * BENCHMARKS.md. System properties (all optional):
 * <ul>
 * <li>{@code benchmark.warmupSeconds} (5) and {@code benchmark.measureSeconds} (10) per scenario, with
 * {@code benchmark.pauseSeconds} (2) between scenarios</li>
 * <li>{@code benchmark.dir}: parent of the per-scenario store directories</li>
 * <li>{@code benchmark.segmentMiB} (1024): commit log segment size</li>
 * <li>{@code benchmark.bodySizes} (128,1024,4096), {@code benchmark.writers} (1,16),
 * {@code benchmark.modes} (ASYNC_FLUSH,SYNC_FLUSH), {@code benchmark.read} (true): which scenarios run</li>
 * <li>{@code benchmark.queues} (8): queues of the benchmark topic; each writer round-robins over them</li>
 * <li>{@code benchmark.readBacklog} (500000) messages of {@code benchmark.readBodySize} (1024) bytes, read in pulls
 * of {@code benchmark.readBatch} (32) messages</li>
 * <li>{@code benchmark.report}: the markdown file to update, {@code benchmark.writeReport} (true)</li>
 * </ul>
 */
public final class StoreBenchmark {

    static final String SECTION_START = "<!-- store-benchmark:start -->";
    static final String SECTION_END = "<!-- store-benchmark:end -->";
    static final String DOCUMENTED_COMMAND = "mvn -B -pl mq-core-store -am -Pbenchmark verify -DskipTests";

    private static final String TOPIC = "BenchmarkTopic";
    private static final String TAG = "TagA";
    private static final int TARGET_ASYNC_BODY = 1024;
    private static final double TARGET_ASYNC_RATE = 300_000;
    private static final int TARGET_SYNC_BODY = 1024;
    private static final int TARGET_SYNC_WRITERS = 16;
    private static final double TARGET_SYNC_SPEEDUP = 8.0;
    /** USER_HZ: the unit of /proc/stat, 100 on every mainstream Linux build. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;
    private static final InetSocketAddress BORN_HOST = new InetSocketAddress("10.0.0.1", 52000);
    private static final InetSocketAddress STORE_HOST = new InetSocketAddress("10.0.0.2", 10911);

    /** Keeps the read loop's touches of the records observable. */
    static volatile long sink;

    private final Settings settings;
    private final List<Result> results = new ArrayList<>();

    private StoreBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        quietStoreLogs();
        Settings settings = Settings.fromSystemProperties();
        StoreBenchmark benchmark = new StoreBenchmark(settings);
        benchmark.run();
    }

    private static void quietStoreLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(settings.baseDir);
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
        Machine machine = Machine.describe(settings.baseDir);
        System.out.println("Store benchmark: warm-up " + settings.warmupSeconds + " s, measure "
                + settings.measureSeconds + " s per scenario, " + settings.segmentMiB + " MiB segments, store dirs under "
                + settings.baseDir);
        System.out.println(machine.oneLine());
        // SYNC_FLUSH first: it writes little, so it measures fsync latency on a settled disk, before the ASYNC_FLUSH
        // scenarios leave gigabytes of writes for the device to absorb
        List<FlushMode> runOrder = settings.modes.stream()
                .sorted(Comparator.comparing(mode -> mode == FlushMode.SYNC_FLUSH ? 0 : 1)).toList();
        boolean first = true;
        for (FlushMode mode : runOrder) {
            for (int bodySize : settings.bodySizes) {
                for (int writers : settings.writers) {
                    first = pauseUnlessFirst(first);
                    Result result = runAppend(bodySize, mode, writers);
                    results.add(result);
                    System.out.println(result.consoleLine());
                }
            }
        }
        results.sort(Comparator.comparingInt(Result::bodySize).thenComparing(Result::mode)
                .thenComparingInt(Result::writers));
        if (settings.read) {
            pauseUnlessFirst(first);
            Result result = runRead();
            results.add(result);
            System.out.println(result.consoleLine());
        }
        List<String> verdicts = verdicts();
        String table = markdownTable();
        System.out.println();
        System.out.println(table);
        verdicts.forEach(System.out::println);
        if (settings.writeReport) {
            String section = section(startedAt, machine, table, verdicts);
            writeSection(settings.report, section);
            System.out.println("Results written to " + settings.report.toAbsolutePath().normalize());
        }
    }

    /** Lets the previous scenario's deleted files and write-back settle before the next one; returns false. */
    private boolean pauseUnlessFirst(boolean first) throws InterruptedException {
        if (!first) {
            Thread.sleep(settings.pauseSeconds * 1000L);
        }
        return false;
    }

    // ---------------------------------------------------------------- appends

    private Result runAppend(int bodySize, FlushMode mode, int writerCount) throws Exception {
        String name = "append";
        Path dir = Files.createTempDirectory(settings.baseDir, "store-bench-");
        DefaultMessageStore store = new DefaultMessageStore(storeConfig(dir, mode));
        LongAdder errors = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Phase phase = new Phase();
        List<Thread> threads = new ArrayList<>();
        try {
            store.start();
            for (int w = 0; w < writerCount; w++) {
                MessageInput[] inputs = inputs(bodySize, w);
                Thread t = new Thread(() -> writeLoop(store, inputs, phase, errors, failure),
                        "bench-writer-" + w);
                t.setDaemon(true);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            Measurement m = measure(phase, () -> counters(store));
            phase.stop = true;
            joinAll(threads);
            rethrow(failure);
            return new Result(name, bodySize, mode, writerCount, m.seconds(), m.messages(),
                    m.messages() * bodySize, m.logBytes(), m.forces(), errors.sum(), m.cpuPercent(), m.otherCpuPercent());
        } finally {
            phase.stop = true;
            joinAll(threads);
            store.shutdown();
            deleteRecursively(dir);
        }
    }

    private static void writeLoop(DefaultMessageStore store, MessageInput[] inputs, Phase phase, LongAdder errors,
            AtomicReference<Throwable> failure) {
        try {
            int i = 0;
            while (!phase.stop) {
                // SYNC_FLUSH: join waits for the force (group commit); ASYNC_FLUSH: the future is already complete
                PutMessageResult result = store.putMessage(inputs[i]).join();
                if (!result.isOk()) {
                    errors.increment();
                }
                if (++i == inputs.length) {
                    i = 0;
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            phase.stop = true;
        }
    }

    /** One prepared message per queue: same body, a TAGS property, like a producer's round-robin sends. */
    private MessageInput[] inputs(int bodySize, int writerIndex) {
        byte[] body = new byte[bodySize];
        new Random(31L * bodySize + writerIndex).nextBytes(body);
        String properties = MessageProperties.encode(Map.of(MessageConst.TAGS, TAG));
        MessageInput[] inputs = new MessageInput[settings.queues];
        for (int q = 0; q < inputs.length; q++) {
            int queueId = (writerIndex + q) % settings.queues;
            inputs[q] = MessageInput.builder(TOPIC, queueId, body)
                    .properties(properties)
                    .bornHost(BORN_HOST)
                    .storeHost(STORE_HOST)
                    .build();
        }
        return inputs;
    }

    // ---------------------------------------------------------------- reads

    private Result runRead() throws Exception {
        int bodySize = settings.readBodySize;
        Path dir = Files.createTempDirectory(settings.baseDir, "store-bench-");
        DefaultMessageStore store = new DefaultMessageStore(storeConfig(dir, FlushMode.ASYNC_FLUSH));
        Phase phase = new Phase();
        LongAdder readMessages = new LongAdder();
        LongAdder readBytes = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = null;
        try {
            store.start();
            MessageInput[] inputs = inputs(bodySize, 0);
            System.out.printf(Locale.ROOT, "  read: writing a backlog of %,d messages of %d B...%n",
                    settings.readBacklog, bodySize);
            for (long n = 0; n < settings.readBacklog; n++) {
                if (!store.putMessage(inputs[(int) (n % inputs.length)]).join().isOk()) {
                    throw new IllegalStateException("backlog put failed");
                }
            }
            if (!store.awaitDispatched(120_000)) {
                throw new IllegalStateException("backlog not dispatched within 120 s");
            }
            reader = new Thread(() -> readLoop(store, phase, readMessages, readBytes, errors, failure),
                    "bench-reader");
            reader.setDaemon(true);
            reader.start();
            Measurement m = measure(phase, () -> new long[] {readMessages.sum(), readBytes.sum(), 0});
            phase.stop = true;
            reader.join();
            rethrow(failure);
            return new Result("read", bodySize, null, 1, m.seconds(), m.messages(), m.messages() * bodySize,
                    m.logBytes(), 0, errors.sum(), m.cpuPercent(), m.otherCpuPercent());
        } finally {
            phase.stop = true;
            if (reader != null) {
                reader.join();
            }
            store.shutdown();
            deleteRecursively(dir);
        }
    }

    /** Pulls batches queue after queue, like a consumer catching up, wrapping around at the end of the backlog. */
    private void readLoop(DefaultMessageStore store, Phase phase, LongAdder readMessages, LongAdder readBytes,
            LongAdder errors, AtomicReference<Throwable> failure) {
        try {
            int queues = settings.queues;
            long[] next = new long[queues];
            long checksum = 0;
            int q = 0;
            while (!phase.stop) {
                GetMessageResult result = store.getMessages(TOPIC, q, next[q], settings.readBatch,
                        settings.readBatch * (settings.readBodySize + 256), MessageFilter.ALL);
                try {
                    if (result.status() == GetMessageStatus.FOUND) {
                        int bytes = 0;
                        for (MappedSlice slice : result.messages()) {
                            // touch the record like a sender would: its size and body CRC fields
                            checksum += slice.buffer().getInt(0) ^ slice.buffer().getInt(8);
                            bytes += slice.sizeBytes();
                        }
                        readMessages.add(result.messageCount());
                        readBytes.add(bytes);
                        next[q] = result.nextBeginOffset();
                    } else if (result.status() == GetMessageStatus.OFFSET_OVERFLOW_ONE) {
                        next[q] = store.minOffsetInQueue(TOPIC, q);
                    } else {
                        errors.increment();
                        next[q] = result.nextBeginOffset();
                    }
                } finally {
                    result.release();
                }
                q = (q + 1) % queues;
            }
            sink = checksum;
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            phase.stop = true;
        }
    }

    // ---------------------------------------------------------------- measuring

    private StoreConfig storeConfig(Path dir, FlushMode mode) {
        StoreConfig base = StoreConfig.production(dir).withFlushMode(mode);
        CommitLogConfig commitLog = base.commitLog().withSegmentSizeBytes(settings.segmentBytes());
        return base.withCommitLog(commitLog);
    }

    /** {messages, record bytes, forces} stored so far. */
    private static long[] counters(DefaultMessageStore store) {
        StoreStats stats = store.stats();
        return new long[] {stats.putMessageCount(), stats.putBytes(), stats.forceCount()};
    }

    /** Waits out the warm-up, then measures counters {messages, bytes, forces} over the measured period. */
    private Measurement measure(Phase phase, Supplier<long[]> counters)
            throws InterruptedException {
        sleepUnlessStopped(phase, settings.warmupSeconds * 1000L);
        long[] before = counters.get();
        long cpuBefore = processCpuNanos();
        long machineBefore = machineBusyTicks();
        long startNanos = System.nanoTime();
        sleepUnlessStopped(phase, settings.measureSeconds * 1000L);
        long[] after = counters.get();
        long cpuAfter = processCpuNanos();
        long machineAfter = machineBusyTicks();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuPercent = cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / 1e9 / seconds * 100;
        double otherCpuPercent = cpuPercent < 0 || machineBefore < 0 || machineAfter < 0 ? -1
                : Math.max(0, (machineAfter - machineBefore) / (double) CLOCK_TICKS_PER_SECOND / seconds * 100
                        - cpuPercent);
        return new Measurement(seconds, after[0] - before[0], after[1] - before[1], after[2] - before[2],
                cpuPercent, otherCpuPercent);
    }

    /** CPU time used by this JVM (all threads), or -1 if the platform does not tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Busy CPU time of the whole machine (user, nice, system, irq, softirq of all cores) in clock ticks from
     * /proc/stat, or -1 where there is no /proc.
     */
    private static long machineBusyTicks() {
        try (Stream<String> lines = Files.lines(Paths.get("/proc/stat"))) {
            String cpu = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElse(null);
            if (cpu == null) {
                return -1;
            }
            String[] f = cpu.trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void sleepUnlessStopped(Phase phase, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!phase.stop) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
        }
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void rethrow(AtomicReference<Throwable> failure) {
        Throwable e = failure.get();
        if (e != null) {
            throw new IllegalStateException("benchmark thread failed", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---------------------------------------------------------------- reporting

    private Result find(int bodySize, FlushMode mode, int writers) {
        return results.stream()
                .filter(r -> r.mode == mode && r.bodySize == bodySize && r.writers == writers)
                .findFirst().orElse(null);
    }

    private List<String> verdicts() {
        List<String> lines = new ArrayList<>();
        Result async = find(TARGET_ASYNC_BODY, FlushMode.ASYNC_FLUSH, 1);
        String asyncTarget = String.format(Locale.ROOT, "ASYNC_FLUSH, %d B bodies, 1 writer >= %,d msgs/s",
                TARGET_ASYNC_BODY, (long) TARGET_ASYNC_RATE);
        if (async == null) {
            lines.add("N/A  " + asyncTarget + ": scenario not run");
        } else {
            lines.add(String.format(Locale.ROOT, "%s %s: %,.0f msgs/s", verdict(async.rate() >= TARGET_ASYNC_RATE),
                    asyncTarget, async.rate()));
        }
        String syncTarget = String.format(Locale.ROOT,
                "SYNC_FLUSH, %d B bodies, %d writers >= %.0fx the 1-writer rate", TARGET_SYNC_BODY,
                TARGET_SYNC_WRITERS, TARGET_SYNC_SPEEDUP);
        Result one = find(TARGET_SYNC_BODY, FlushMode.SYNC_FLUSH, 1);
        Result many = find(TARGET_SYNC_BODY, FlushMode.SYNC_FLUSH, TARGET_SYNC_WRITERS);
        if (one == null || many == null) {
            lines.add("N/A  " + syncTarget + ": scenarios not run");
        } else {
            double speedup = many.rate() / one.rate();
            lines.add(String.format(Locale.ROOT, "%s %s: %.1fx (%,.0f vs %,.0f msgs/s)",
                    verdict(speedup >= TARGET_SYNC_SPEEDUP), syncTarget, speedup, many.rate(), one.rate()));
        }
        for (int bodySize : settings.bodySizes) {
            if (bodySize == TARGET_SYNC_BODY) {
                continue;
            }
            Result o = find(bodySize, FlushMode.SYNC_FLUSH, 1);
            Result m = find(bodySize, FlushMode.SYNC_FLUSH, TARGET_SYNC_WRITERS);
            if (o != null && m != null) {
                lines.add(String.format(Locale.ROOT, "info SYNC_FLUSH, %d B bodies: %d writers reach %.1fx the "
                        + "1-writer rate", bodySize, TARGET_SYNC_WRITERS, m.rate() / o.rate()));
            }
        }
        return lines;
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    private String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Scenario | Body | Flush | Threads | msgs/s | body MB/s | log MB/s | fsyncs/s | msgs/fsync "
                + "| CPU % | other CPU % | errors |\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            boolean sync = r.mode == FlushMode.SYNC_FLUSH;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %,.0f | %.1f | %.1f | %s | %s | %s | %s | %d |%n",
                    r.scenario, bodyLabel(r.bodySize), r.mode == null ? "-" : r.mode.name(), r.writers, r.rate(),
                    r.bodyBytes / r.seconds / 1e6, r.logBytes / r.seconds / 1e6,
                    sync ? String.format(Locale.ROOT, "%,.0f", r.forces / r.seconds) : "-",
                    sync && r.forces > 0 ? String.format(Locale.ROOT, "%.1f", (double) r.messages / r.forces) : "-",
                    r.cpuPercent < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.cpuPercent),
                    r.otherCpuPercent < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.otherCpuPercent),
                    r.errors));
        }
        return sb.toString();
    }

    private static String bodyLabel(int bytes) {
        return bytes % 1024 == 0 ? (bytes / 1024) + " KiB" : bytes + " B";
    }

    private String section(ZonedDateTime startedAt, Machine machine, String table, List<String> verdicts) {
        StringBuilder sb = new StringBuilder();
        sb.append(SECTION_START).append('\n');
        sb.append("## Store benchmark (`mq-core-store`)\n\n");
        sb.append("Generated by `io.nimbusmq.store.benchmark.StoreBenchmark` on ")
                .append(startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append(".\n\n");
        sb.append("Command, from the repository root:\n\n```\n").append(settings.command).append("\n```\n\n");
        sb.append("Code: ").append(codeRevision(settings.report.toAbsolutePath().getParent())).append(".\n\n");
        sb.append("Machine:\n\n");
        machine.markdown(sb);
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Settings: %d s warm-up then %d s measured per scenario, %d s pause "
                + "between scenarios, SYNC_FLUSH scenarios run first (they write little, so they see a settled disk); "
                + "a fresh store directory per scenario (deleted afterwards) with %d MiB commit log segments and "
                + "otherwise "
                + "`StoreConfig.production` defaults (index and consume queues are fed as in production); "
                + "one topic of %d queues, each writer sends round-robin over them; every message carries a TAGS "
                + "property. Append writers put one message at a time and wait for its future: with SYNC_FLUSH "
                + "that is the force (group commit), with ASYNC_FLUSH it is already complete. The read scenario "
                + "first writes a backlog of %,d messages of %s, then one thread pulls batches of %d from queue after "
                + "queue, wrapping around, and releases every result (the page cache is warm).%n%n",
                settings.warmupSeconds, settings.measureSeconds, settings.pauseSeconds, settings.segmentMiB,
                settings.queues,
                settings.readBacklog, bodyLabel(settings.readBodySize), settings.readBatch));
        sb.append("Columns: msgs/s and log MB/s from the store's own counters over the measured period; body MB/s "
                + "= msgs/s x body size; log MB/s counts whole stored records (headers, topic, properties); "
                + "fsyncs/s = commit log forces (`stats().forceCount()`) per second; CPU % = CPU time of the "
                + "benchmark JVM (all threads) over the measured period, 100 = one core; other CPU % = CPU time used by "
                + "every other process in the same period (from /proc/stat; well above 0 means the numbers were taken "
                + "on a shared, busy machine); MB = 10^6 bytes.\n\n");
        sb.append(table).append('\n');
        sb.append("Targets (2-core machine):\n\n");
        for (String v : verdicts) {
            sb.append("- ").append(v).append('\n');
        }
        sb.append(SECTION_END).append('\n');
        return sb.toString();
    }

    /** The git commit the store was built from, and whether its sources had uncommitted changes. */
    private static String codeRevision(Path repoDir) {
        String head = git(repoDir, "rev-parse", "--short=12", "HEAD");
        if (head == null || head.isBlank()) {
            return "git revision unknown";
        }
        String dirty = git(repoDir, "status", "--porcelain", "--", "mq-core-store/src/main", "mq-core-store/pom.xml");
        return "commit `" + head.trim() + "`" + (dirty == null ? ""
                : dirty.isBlank() ? " (store sources unmodified)" : " plus uncommitted changes to the store sources");
    }

    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void writeSection(Path file, String section) throws IOException {
        String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nEach section below is written by the benchmark it names; rerun the command in "
                        + "a section to refresh it. Numbers depend on the machine: compare runs on the same one.\n";
        int start = content.indexOf(SECTION_START);
        int end = content.indexOf(SECTION_END);
        String updated;
        if (start >= 0 && end > start) {
            int afterEnd = end + SECTION_END.length();
            if (afterEnd < content.length() && content.charAt(afterEnd) == '\n') {
                afterEnd++;
            }
            updated = content.substring(0, start) + section + content.substring(afterEnd);
        } else {
            updated = content + (content.endsWith("\n\n") ? "" : content.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- small types

    private static final class Phase {
        volatile boolean stop;
    }

    private record Measurement(double seconds, long messages, long logBytes, long forces, double cpuPercent,
            double otherCpuPercent) {
    }

    private record Result(String scenario, int bodySize, FlushMode mode, int writers, double seconds, long messages,
            long bodyBytes, long logBytes, long forces, long errors, double cpuPercent, double otherCpuPercent) {

        double rate() {
            return messages / seconds;
        }

        String consoleLine() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-6s %-5s %-11s %2d thread(s): %,12.0f "
                    + "msgs/s %8.1f MB/s (body)", scenario, bodyLabel(bodySize), mode == null ? "-" : mode.name(),
                    writers, rate(), bodyBytes / seconds / 1e6));
            if (mode == FlushMode.SYNC_FLUSH) {
                sb.append(String.format(Locale.ROOT, " %,10.0f fsyncs/s", forces / seconds));
            }
            if (cpuPercent >= 0) {
                sb.append(String.format(Locale.ROOT, "  CPU %.0f%%", cpuPercent));
            }
            if (otherCpuPercent >= 0) {
                sb.append(String.format(Locale.ROOT, " (other processes %.0f%%)", otherCpuPercent));
            }
            if (errors > 0) {
                sb.append(" errors=").append(errors);
            }
            return sb.toString();
        }
    }

    private record Settings(int warmupSeconds, int measureSeconds, int pauseSeconds, Path baseDir, int segmentMiB, int[] bodySizes,
            int[] writers, List<FlushMode> modes, boolean read, int queues, long readBacklog, int readBodySize,
            int readBatch, Path report, boolean writeReport, String command) {

        int segmentBytes() {
            long bytes = segmentMiB * 1024L * 1024L;
            return (int) Math.min(bytes, 1024L * 1024 * 1024);
        }

        static Settings fromSystemProperties() {
            return new Settings(
                    intProp("benchmark.warmupSeconds", 5),
                    intProp("benchmark.measureSeconds", 10),
                    intProp("benchmark.pauseSeconds", 2),
                    Paths.get(prop("benchmark.dir", System.getProperty("java.io.tmpdir"))),
                    intProp("benchmark.segmentMiB", 1024),
                    intsProp("benchmark.bodySizes", "128,1024,4096"),
                    intsProp("benchmark.writers", "1,16"),
                    Arrays.stream(prop("benchmark.modes", "ASYNC_FLUSH,SYNC_FLUSH").split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).map(FlushMode::valueOf).toList(),
                    Boolean.parseBoolean(prop("benchmark.read", "true")),
                    intProp("benchmark.queues", 8),
                    Long.parseLong(prop("benchmark.readBacklog", "500000")),
                    intProp("benchmark.readBodySize", 1024),
                    intProp("benchmark.readBatch", 32),
                    Paths.get(prop("benchmark.report", defaultReport().toString())),
                    Boolean.parseBoolean(prop("benchmark.writeReport", "true")),
                    commandLine());
        }

        /** The Maven command line as typed (the mvn script exports it), else the documented one. */
        private static String commandLine() {
            String explicit = System.getProperty("benchmark.command");
            if (explicit != null && !explicit.isBlank()) {
                return explicit;
            }
            String mavenArgs = System.getenv("MAVEN_CMD_LINE_ARGS");
            if (mavenArgs != null && !mavenArgs.isBlank()) {
                return "mvn " + mavenArgs.trim();
            }
            return DOCUMENTED_COMMAND;
        }

        /** BENCHMARKS.md in the nearest directory upwards that holds the root pom (the one listing mq-core-store). */
        private static Path defaultReport() {
            Path dir = Paths.get("").toAbsolutePath();
            for (Path d = dir; d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("mq-core-store")) && Files.exists(d.resolve("pom.xml"))) {
                    return d.resolve("BENCHMARKS.md");
                }
            }
            return dir.resolve("BENCHMARKS.md");
        }

        private static String prop(String name, String def) {
            String v = System.getProperty(name);
            return v == null || v.isBlank() ? def : v.trim();
        }

        private static int intProp(String name, int def) {
            return Integer.parseInt(prop(name, Integer.toString(def)));
        }

        private static int[] intsProp(String name, String def) {
            return Arrays.stream(prop(name, def).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
        }
    }

    /** What the numbers were measured on. */
    private record Machine(int cores, long maxHeapBytes, String os, String java, String jvmArgs, String cpuModel,
            String totalMemory, String fileSystem, String loadAtStart) {

        static Machine describe(Path dir) {
            Runtime rt = Runtime.getRuntime();
            String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
            String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + " (" + System.getProperty("java.vendor") + ")";
            String jvmArgs = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
            return new Machine(rt.availableProcessors(), rt.maxMemory(), os, java, jvmArgs, readCpuModel(),
                    readTotalMemory(), fileSystem(dir), loadAverage());
        }

        private static String readCpuModel() {
            try (Stream<String> lines = Files.lines(Paths.get("/proc/cpuinfo"))) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown");
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        private static String readTotalMemory() {
            try (Stream<String> lines = Files.lines(Paths.get("/proc/meminfo"))) {
                return lines.filter(l -> l.startsWith("MemTotal:")).findFirst().map(l -> {
                    long kib = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }).orElse("unknown");
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        /** The 1, 5 and 15 minute load averages, or "unknown". */
        static String loadAverage() {
            try {
                String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
                return f[0] + " / " + f[1] + " / " + f[2];
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        private static String fileSystem(Path dir) {
            try {
                FileStore store = Files.getFileStore(dir);
                return store.type() + " (" + store.name() + ") at " + dir.toAbsolutePath();
            } catch (IOException e) {
                return "unknown at " + dir.toAbsolutePath();
            }
        }

        String oneLine() {
            return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM, max heap %d MiB, %s, %s, store on %s",
                    cores, cpuModel, totalMemory, maxHeapBytes / (1024 * 1024), os, java, fileSystem);
        }

        void markdown(StringBuilder sb) {
            sb.append("| | |\n|---|---|\n");
            sb.append("| CPU | ").append(cpuModel).append(", ").append(cores).append(" cores available to the JVM |\n");
            sb.append("| Memory | ").append(totalMemory).append(" total; max heap ")
                    .append(maxHeapBytes / (1024 * 1024)).append(" MiB |\n");
            sb.append("| OS | ").append(os).append(" |\n");
            sb.append("| Java | ").append(java).append(" |\n");
            sb.append("| JVM options | `").append(jvmArgs.isBlank() ? "(none)" : jvmArgs).append("` |\n");
            sb.append("| Store directory | ").append(fileSystem).append(" |\n");
            sb.append("| Load average (1/5/15 min) | ").append(loadAtStart).append(" at start, ").append(loadAverage())
                    .append(" at end |\n");
        }
    }
}
