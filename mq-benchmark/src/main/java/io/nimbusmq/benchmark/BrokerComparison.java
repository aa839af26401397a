package io.nimbusmq.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.nimbusmq.benchmark.broker.BrokerKind;
import io.nimbusmq.benchmark.broker.BrokerLaunch;
import io.nimbusmq.benchmark.broker.BrokerLaunches;
import io.nimbusmq.benchmark.broker.BrokerProcess;
import io.nimbusmq.benchmark.broker.ReadinessProbe;
import io.nimbusmq.benchmark.driver.ClientDrivers;
import io.nimbusmq.benchmark.load.LoadSettings;
import io.nimbusmq.benchmark.load.Scenario;
import io.nimbusmq.benchmark.metrics.ProcFs.ProcessMemory;
import io.nimbusmq.benchmark.metrics.ScenarioResult;
import io.nimbusmq.benchmark.report.ComparisonData;
import io.nimbusmq.benchmark.report.ComparisonReport;
import io.nimbusmq.benchmark.report.Machine;
import io.nimbusmq.benchmark.report.ReportHeader;
import io.nimbusmq.benchmark.report.StartupFigures;
import io.nimbusmq.benchmark.report.SuiteRun;
import io.nimbusmq.benchmark.report.Targets;
import io.nimbusmq.benchmark.report.Verdict;

/**
 * The coordinator of the side-by-side comparison: starts each broker in its own JVM (same heap, same flush mode),
 * measures its start-up, runs the same scenarios against it from a fresh load generator JVM, measures its memory,
 * stops it, and writes the comparison into BENCHMARKS.md.
 *
 * <p>Phases are interleaved, so that a change in the machine's background load hits both brokers alike: start-ups of
 * both, then rounds of: the ASYNC_FLUSH run of each, then the SYNC_FLUSH run (produce-sync only) of each. The targets
 * are judged on the median of the rounds' ratios (see {@link Targets}). Run it with
 * {@code mvn -B -pl mq-benchmark -am -Pbroker-comparison verify -DskipTests}; see {@link ComparisonSettings}.
 */
public final class BrokerComparison {

    /** Idle seconds between the end of the load and the "RSS after the run" reading (-Dcomparison.settleSeconds). */
    private static final long SETTLE_SECONDS = Long.getLong("comparison.settleSeconds", 20);


    static final String ASYNC_FLUSH = ComparisonData.ASYNC_FLUSH;
    static final String SYNC_FLUSH = ComparisonData.SYNC_FLUSH;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ComparisonSettings settings;
    private final BrokerLaunches launches;
    private final String clientClasspath;
    private final Path runDir;
    private final List<String> problems = new ArrayList<>();

    private BrokerComparison(ComparisonSettings settings) throws IOException {
        this.settings = settings;
        String apacheClasspath = settings.classes() + File.pathSeparator
                + Files.readString(settings.apacheClasspathFile()).trim();
        this.clientClasspath = settings.classes() + File.pathSeparator
                + Files.readString(settings.clientClasspathFile()).trim();
        this.launches = new BrokerLaunches(settings.heap(), settings.collector(), settings.nimbusJar(),
                apacheClasspath, settings.apacheCommitLogMiB());
        Files.createDirectories(settings.dir());
        this.runDir = Files.createTempDirectory(settings.dir(), "broker-comparison-");
    }

    public static void main(String[] args) throws Exception {
        ComparisonSettings settings = ComparisonSettings.fromSystemProperties();
        if (!Files.isRegularFile(settings.nimbusJar())) {
            throw new IllegalStateException("no standalone jar at " + settings.nimbusJar() + "; build with -am");
        }
        // Ctrl-C or a failure: no broker or load generator JVM outlives the coordinator
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroyForcibly), "bench-stop-children"));
        new BrokerComparison(settings).run();
        System.exit(0);
    }

    private void run() throws Exception {
        String startedAt = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Machine machine = Machine.describe(settings.dir());
        System.out.printf(Locale.ROOT, "Broker comparison%s: %s; %d cores, load %s; logs in %s%n",
                settings.quick() ? " (quick)" : "", settings.brokers(), machine.cores(), machine.loadAtStart(), runDir);
        List<StartupFigures> startups = new ArrayList<>();
        for (BrokerKind kind : settings.brokers()) {
            startups.add(startup(kind));
        }
        List<SuiteRun> runs = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (String flush : List.of(ASYNC_FLUSH, SYNC_FLUSH)) {
                List<Scenario> scenarios = flush.equals(ASYNC_FLUSH) ? settings.scenarios()
                        : settings.scenarios().stream().filter(s -> s == Scenario.PRODUCE_SYNC).toList();
                if (scenarios.isEmpty()) {
                    continue;
                }
                for (BrokerKind kind : settings.brokers()) {
                    runs.add(suite(kind, flush, scenarios, round));
                }
            }
        }
        ComparisonData data = new ComparisonData(startups, runs);
        List<Verdict> verdicts = Targets.evaluate(data);
        ReportHeader header = new ReportHeader(startedAt, settings.quick(), settings.command(),
                codeRevision(settings.report().toAbsolutePath().getParent()), machine, Machine.loadAverage(),
                settingsLines(), problems);
        String markdown = ComparisonReport.markdown(header, data, verdicts);
        Path copy = runDir.resolve("broker-comparison.md");
        Files.writeString(copy, markdown, StandardCharsets.UTF_8);
        System.out.println();
        verdicts.forEach(v -> System.out.printf(Locale.ROOT, "%-4s %s: Apache %s, Nimbus %s, ratio %s%n",
                v.outcome() == Verdict.Outcome.NA ? "N/A" : v.outcome(), v.target(), v.apache(), v.nimbus(), v.ratio()));
        problems.forEach(p -> System.out.println("PROBLEM " + p));
        if (settings.writeReport()) {
            ComparisonReport.SECTION.writeTo(settings.report(), markdown);
            System.out.println("Results written to " + settings.report().toAbsolutePath().normalize());
        }
        System.out.println("Report copy and logs in " + runDir);
    }

    // ------------------------------------------------------------------------------------------------ start-up

    private StartupFigures startup(BrokerKind kind) throws Exception {
        List<Double> ready = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        int launchesTotal = settings.startupLaunches() + (settings.warmupLaunch() ? 1 : 0);
        for (int i = 0; i < launchesTotal; i++) {
            boolean measured = !settings.warmupLaunch() || i > 0;
            Path dir = runDir.resolve(kind.id() + "-startup-" + i);
            try (Started started = launchReady(kind, ASYNC_FLUSH, dir, List.of(), null)) {
                System.out.printf(Locale.ROOT, "%s start-up %d%s: %.0f ms, RSS %,d MiB%n", kind.id(), i,
                        measured ? "" : " (warm-up, not counted)", started.readyMillis,
                        started.memoryAtReady.rssBytes() >> 20);
                if (measured) {
                    ready.add(started.readyMillis);
                    rss.add(started.memoryAtReady.rssBytes());
                }
            } catch (IllegalStateException e) {
                problems.add(kind.id() + " start-up " + i + ": " + e.getMessage());
            }
            deleteStore(dir);
        }
        return new StartupFigures(kind.id(), ready, rss);
    }

    // ------------------------------------------------------------------------------------------------ a broker run

    private SuiteRun suite(BrokerKind kind, String flush, List<Scenario> scenarios, int round) throws Exception {
        List<String> drivers = drivers(kind, flush);
        List<String> topics = new ArrayList<>();
        for (String driver : drivers) {
            scenarios.forEach(s -> topics.add(s.topic(driver)));
        }
        Path dir = runDir.resolve(kind.id() + "-" + flush.toLowerCase(Locale.ROOT) + "-" + round);
        Path jfr = settings.recordsJfr(kind) ? runDir.resolve(kind.id() + "-" + flush + "-" + round + ".jfr") : null;
        System.out.printf(Locale.ROOT, "%s %s run, round %d of %d: %s with %s%n", kind.id(), flush, round,
                settings.rounds(), scenarios.stream().map(Scenario::id).toList(), drivers);
        List<ScenarioResult> results = new ArrayList<>();
        ProcessMemory after = ProcessMemory.UNKNOWN;
        long heap = -1;
        double readyMillis = Double.NaN;
        ProcessMemory atReady = ProcessMemory.UNKNOWN;
        try (Started started = launchReady(kind, flush, dir, topics, jfr)) {
            readyMillis = started.readyMillis;
            atReady = started.memoryAtReady;
            started.probe.awaitRoutes(Duration.ofSeconds(60));
            for (String driver : drivers) {
                LoadSettings load = new LoadSettings(started.process.launch().namesrvAddr(), started.process.pid(),
                        driver, scenarios, settings.threads(), settings.bodySize(), settings.warmupSeconds(),
                        settings.measureSeconds(), settings.backlog(), settings.roundTripRate(),
                        settings.asyncInFlight(), settings.consumeBatch(),
                        dir.resolve("results-" + driver + ".properties"));
                String classpath = ClientDrivers.runsOnOfficialClientClasspath(driver) ? clientClasspath
                        : System.getProperty("java.class.path");
                try {
                    results.addAll(LoadGeneratorJvm.run(classpath, load, dir.resolve("home-loadgen"),
                            dir.resolve("loadgen-" + driver + ".log"), started.process));
                } catch (IllegalStateException e) {
                    problems.add(kind.id() + " " + flush + " with the " + driver + " client: " + e.getMessage());
                }
                if (driver.equals(ClientDrivers.OFFICIAL) && round == 1) {
                    // memory as the official client's run left it (our client's run, if any, comes after), read
                    // after the same idle period for both brokers: what a broker keeps resident once the load stops;
                    // once, in the first round
                    Thread.sleep(SETTLE_SECONDS * 1000L);
                    after = started.process.memory();
                    heap = started.process.heapUsedAfterGc();
                }
            }
            System.out.printf(Locale.ROOT, "%s %s run done: RSS %,d MiB (anon %,d, file %,d), heap after GC %,d MiB%n",
                    kind.id(), flush, after.rssBytes() >> 20, after.anonBytes() >> 20, after.fileBytes() >> 20,
                    heap >> 20);
        } catch (IllegalStateException e) {
            problems.add(kind.id() + " " + flush + " run: " + e.getMessage());
        }
        deleteStore(dir);
        return new SuiteRun(kind.id(), flush, readyMillis, atReady, after, heap, results, round);
    }

    private List<String> drivers(BrokerKind kind, String flush) {
        List<String> drivers = new ArrayList<>();
        drivers.add(ClientDrivers.OFFICIAL);
        // our own client runs against our broker only, in the ASYNC_FLUSH run, after the official one
        if (kind == BrokerKind.NIMBUS && flush.equals(ASYNC_FLUSH) && settings.drivers().contains(ClientDrivers.NIMBUS)
                && ClientDrivers.available(ClientDrivers.NIMBUS)) {
            drivers.add(ClientDrivers.NIMBUS);
        }
        return drivers;
    }

    /** Launches a broker and waits until a client can send; the returned handle stops it. */
    private Started launchReady(BrokerKind kind, String flush, Path dir, List<String> topics, Path jfr)
            throws Exception {
        Files.createDirectories(dir);
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        BrokerLaunch launch = launches.prepare(kind, flush, dir.resolve("store"), home, jfr);
        ReadinessProbe probe = ReadinessProbe.prepare(launch, topics, settings.queues());
        BrokerProcess process = null;
        try {
            process = BrokerProcess.start(launch, dir.resolve("broker.log"));
            ReadinessProbe.Readiness readiness = probe.awaitReady(process, READY_TIMEOUT);
            double readyMillis = (readiness.sentNanos() - process.launchedNanos()) / 1e6;
            long launched = process.launchedNanos();
            System.out.printf(Locale.ROOT, "  %s up: ports open after %.0f ms, registered after %.0f ms, topics "
                            + "created after %.0f ms, first send after %.0f ms%n", kind.id(),
                    (readiness.portsOpenNanos() - launched) / 1e6, (readiness.registeredNanos() - launched) / 1e6,
                    (readiness.topicsCreatedNanos() - launched) / 1e6, readyMillis);
            return new Started(process, probe, readyMillis, process.memory());
        } catch (Exception | Error e) {
            probe.close();
            if (process != null) {
                process.stop(STOP_TIMEOUT);
            }
            throw e;
        }
    }

    /** A broker that is up; closing it stops the broker (SIGTERM) and the probe's clients. */
    private record Started(BrokerProcess process, ReadinessProbe probe, double readyMillis,
            ProcessMemory memoryAtReady) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            probe.close();
            process.stop(STOP_TIMEOUT);
        }
    }

    private static void deleteStore(Path dir) throws IOException {
        Path store = dir.resolve("store");
        if (!Files.exists(store)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(store)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private List<String> settingsLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Apache RocketMQ: broker " + settings.apacheVersion() + ", name server and broker in one JVM "
                + "(`io.nimbusmq.benchmark.apache.ApacheRocketMqMain`) on Apache's own dependency versions "
                + "(`mq-benchmark/classpaths/apache-rocketmq/pom.xml`: Netty 4.1), commit log segments "
                + settings.apacheCommitLogMiB() + " MiB, otherwise the defaults of its shipped broker.conf "
                + "(ASYNC_MASTER, index on), no topic auto-creation.");
        lines.add("Nimbus MQ: the standalone jar (`io.nimbusmq.broker.standalone.BrokerLauncher`, embedded name "
                + "server on the same port), production store (1 GiB commit log segments; the launcher has no "
                + "option for the size), no topic auto-creation.");
        lines.add("Both broker JVMs: `" + String.join(" ", launches.jvmOptions()) + "` and nothing else, loopback "
                + "only, a fresh store directory each, stopped with SIGTERM after the run"
                + (settings.jfr().equals("none") ? "" : "; flight recording (JFR) on for: " + settings.jfr()) + ".");
        lines.add("Load generator: a fresh JVM (`-Xmx1g`) per broker run, driving both brokers through the official "
                + "client org.apache.rocketmq:rocketmq-client " + settings.apacheVersion().split(" ")[0]
                + " with default settings, on its own dependency versions "
                + "(`mq-benchmark/classpaths/official-client/pom.xml`: Netty 4.1).");
        if (settings.drivers().contains(ClientDrivers.NIMBUS) && ClientDrivers.available(ClientDrivers.NIMBUS)) {
            lines.add("Our client (`io.nimbusmq.client`, `NimbusClientDriver`): only against Nimbus MQ in the "
                    + "ASYNC_FLUSH run, in its own fresh load generator JVM after the official client's on the same "
                    + "broker, default settings, one client instance per producer and consumer, on mq-benchmark's "
                    + "own runtime classpath (the reactor's dependency versions: Netty 4.2).");
        }
        lines.add(String.format(Locale.ROOT, "Topics: one per scenario, %d queues, created through the admin API "
                + "before the load (part of the start-up time of the run's own launch).", settings.queues()));
        lines.add(String.format(Locale.ROOT, "Produce scenarios: %d threads, %d-byte bodies, %d s warm-up then %d s "
                        + "measured; produce-async keeps at most %d sends in flight.", settings.threads(),
                settings.bodySize(), settings.warmupSeconds(), settings.measureSeconds(), settings.asyncInFlight()));
        lines.add(String.format(Locale.ROOT, "round-trip: one thread sends asynchronously at %,d msg/s on a fixed "
                        + "schedule while a push consumer (default settings) receives; %d s warm-up after the first "
                        + "receipt, then %d s measured.", settings.roundTripRate(), settings.warmupSeconds(),
                settings.measureSeconds()));
        lines.add(String.format(Locale.ROOT, "consume: a backlog of %,d messages written in batches of 32 by 4 "
                + "threads, then a push consumer in a new group (%d messages per listener call, otherwise defaults) "
                + "drains it; measured from the consumer's start to the last receipt.", settings.backlog(),
                settings.consumeBatch()));
        lines.add("Start-up: launch of the JVM to the first successful send of a client started beforehand (which "
                + "waits for the ports, then for the name server to list the broker, creates the topics, sends), median "
                + "of " + settings.startupLaunches() + " launch(es) on a fresh store"
                + (settings.warmupLaunch() ? ", after one unmeasured launch (warms the page cache for the jars)" : "")
                + "; RSS = VmRSS of /proc/<pid>/status, heap = `jcmd <pid> GC.run` then `GC.heap_info`; the "
                + "memory after a run is read " + SETTLE_SECONDS + " s after the official client's load ends "
                + "(same idle period for both brokers).");
        lines.add("Order: start-ups of both brokers, then " + (settings.rounds() > 1 ? settings.rounds()
                + " rounds of: " : "") + "the ASYNC_FLUSH run of each (all scenarios), then the SYNC_FLUSH run of each "
                + "(produce-sync only), each on a freshly started broker" + (settings.rounds() > 1 ? "; the memory "
                + "after a run is read in the first round only" : "") + ".");
        return lines;
    }

    /** The git commit the code was built from, and whether the sources had uncommitted changes. */
    private static String codeRevision(Path repoDir) {
        String head = git(repoDir, "rev-parse", "--short=12", "HEAD");
        if (head == null || head.isBlank()) {
            return "git revision unknown";
        }
        String dirty = git(repoDir, "status", "--porcelain", "--", ".", ":(exclude)BENCHMARKS.md");
        return "commit `" + head.trim() + "`" + (dirty == null ? ""
                : dirty.isBlank() ? " (no uncommitted changes)" : " plus uncommitted changes");
    }

    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
