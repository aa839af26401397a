package io.nimbusmq.broker.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;

/**
 * How fast an embedded broker starts and how little heap it needs: the first start in fresh JVMs (class loading
 * included; {@link FirstStart} on the module's runtime class path, median of {@code benchmark.freshJvms}, with the
 * JVM's logging set up before as in an application and, alternating, inside the start; the classes it loads,
 * {@link ClassLoadCounts}; then on the same classes as jars, without and with an AppCDS archive of a training start),
 * warm starts in this JVM, each on a new store directory, the heap in use after a GC while a broker runs, and the
 * standalone jar's launch to the first successful send without and with its class-data sharing archive
 * ({@link StandaloneLaunch}, alternating, {@code benchmark.launches} each). Run with {@code mvn -B -pl mq-embedded-broker -am -Pbenchmark verify
 * -DskipTests}; writes its section of BENCHMARKS.md.
 */
public final class BrokerStartupBenchmark {

    private static final String START = "<!-- broker-startup:start -->";
    private static final String END = "<!-- broker-startup:end -->";
    /** {@link FirstStart} sets logging up before it starts the clock, as an application has it before a broker. */
    private static final String LOGGING_FIRST = "-Dbenchmark.loggingFirst=true";

    private BrokerStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int freshJvms = Integer.getInteger("benchmark.freshJvms", 7);
        int launches = Integer.getInteger("benchmark.launches", 5);
        String loadBefore = loadAverage();
        String runtimeClasspath = System.getProperty("benchmark.runtimeClasspath");
        List<Long> first = new ArrayList<>();
        List<Long> logging = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> uptime = new ArrayList<>();
        List<Long> firstWithLogging = new ArrayList<>();
        for (int i = 0; i < freshJvms; i++) {
            Map<String, Long> figures = firstStartInFreshJvm(runtimeClasspath, LOGGING_FIRST);
            first.add(figures.get("first-start-ms"));
            logging.add(figures.get("logging-setup-ms"));
            cpu.add(figures.get("first-start-cpu-ms"));
            uptime.add(figures.get("jvm-uptime-ms"));
            firstWithLogging.add(firstStartInFreshJvm(runtimeClasspath).get("first-start-ms"));
        }
        Path work = Files.createTempDirectory("nimbus-startup-cds");
        ClassLoadCounts classes = classLoadCounts(runtimeClasspath, work.resolve("class-load.log"));
        String jarClasspath = JarClasspath.of(runtimeClasspath, work);
        Path embeddedArchive = work.resolve("embedded.jsa");
        firstStartInFreshJvm(jarClasspath, LOGGING_FIRST, "-XX:ArchiveClassesAtExit=" + embeddedArchive,
                "-Xlog:cds=error", "-Xlog:cds+dynamic=error"); // the training run of the embedded archive
        List<Long> firstDefaultCds = new ArrayList<>();
        List<Long> firstAppCds = new ArrayList<>();
        for (int i = 0; i < freshJvms; i++) {
            firstDefaultCds.add(firstStartInFreshJvm(jarClasspath, LOGGING_FIRST).get("first-start-ms"));
            firstAppCds.add(firstStartInFreshJvm(jarClasspath, LOGGING_FIRST, "-XX:SharedArchiveFile="
                    + embeddedArchive).get("first-start-ms"));
        }
        delete(work);
        List<Double> warm = new ArrayList<>();
        long heapUsed = warmStarts(Integer.getInteger("benchmark.warmStarts", 10), warm);
        Path jar = Path.of(System.getProperty("benchmark.standaloneJar"));
        Path archive = jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".jsa"));
        List<Long> plain = new ArrayList<>();
        List<Long> shared = new ArrayList<>();
        if (Files.exists(archive)) {
            StandaloneLaunch.launchToFirstSend(jar, null); // unmeasured: warms the page cache for the jar
            for (int i = 0; i < launches; i++) {
                plain.add(StandaloneLaunch.launchToFirstSend(jar, null));
                shared.add(StandaloneLaunch.launchToFirstSend(jar, archive));
            }
        }
        String table = table(new FirstStarts(first, cpu, logging, firstWithLogging, uptime, firstDefaultCds,
                firstAppCds, classes), warm, heapUsed, plain, shared, archive, loadBefore);
        System.out.println(table);
        String report = System.getProperty("benchmark.report");
        if (report != null) {
            writeSection(Path.of(report), table);
        }
    }

    /**
     * First starts in fresh JVMs: on the runtime class path with logging set up before (as in an application) and
     * inside the start; on the same classes in jars, without and with AppCDS; the classes one start loads.
     */
    private record FirstStarts(List<Long> millis, List<Long> cpuMillis, List<Long> loggingSetup,
            List<Long> withLoggingSetup, List<Long> uptime, List<Long> jarsDefaultCds, List<Long> jarsAppCds,
            ClassLoadCounts classes) {
    }

    private static String table(FirstStarts first, List<Double> warm, long heapUsed, List<Long> plain,
            List<Long> shared, Path archive, String loadBefore) throws IOException {
        StringBuilder rows = new StringBuilder(String.format("""
                | Figure | Value |
                |---|---|
                | first start in a fresh JVM (class loading included), logging set up before as in an application, median of %d JVMs (range) | %s |
                | CPU time of all the JVM's threads during that start, same JVMs, median (range) | %s |
                | that logging set-up (logback reading `logback-test.xml`), same JVMs, median (range) | %s |
                | first start in a fresh JVM with the logging set-up inside it (the broker's first logger starts logback), median of %d (range) | %s |
                | JVM launch to the broker started, logging first, median (range) | %s |
                | classes loaded by the first start, logging set up before (by origin) | %s |
                | classes loaded by the logging set-up (JVM start-up included) | %,d |
                | first start in a fresh JVM, class path as jars, JDK's default CDS only, logging first, median of %d (range) | %s |
                | first start in a fresh JVM, class path as jars, with an AppCDS archive of a training start, logging first, median of %d (range) | %s |
                | warm start, median of %d | %.1f ms |
                | heap in use after GC with a broker running | %.1f MiB |
                | heap limit of the warm starts (-Xmx) | %d MiB |
                """, first.millis().size(), stats(first.millis()), stats(first.cpuMillis()),
                stats(first.loggingSetup()),
                first.withLoggingSetup().size(), stats(first.withLoggingSetup()), stats(first.uptime()),
                first.classes().firstStartSummary(), first.classes().loggingSetup(),
                first.jarsDefaultCds().size(), stats(first.jarsDefaultCds()), first.jarsAppCds().size(),
                stats(first.jarsAppCds()), warm.size(), warm.get(warm.size() / 2), heapUsed / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576));
        if (!plain.isEmpty()) {
            rows.append(String.format("""
                    | standalone jar, launch to first successful send, JDK's default CDS only, median of %d (range) | %s |
                    | standalone jar, launch to first successful send, with its AppCDS archive, median of %d (range) | %s |
                    | AppCDS archive size (`%s`) | %.1f MiB |
                    """, plain.size(), stats(plain), shared.size(), stats(shared), archive.getFileName(),
                    Files.size(archive) / 1048576.0));
        }
        rows.append(String.format("| load average (1 min) before / after the run | %s / %s |%n", loadBefore,
                loadAverage()));
        return rows.toString();
    }

    /** One fresh JVM's first start under {@code -Xlog:class+load}, counted (the JVM is not timed). */
    private static ClassLoadCounts classLoadCounts(String classpath, Path log) throws IOException,
            InterruptedException {
        firstStartInFreshJvm(classpath, LOGGING_FIRST, "-Xlog:class+load=info:file=" + log);
        return ClassLoadCounts.read(log);
    }

    /** Runs {@link FirstStart} in a fresh JVM on {@code classpath} and returns what it printed. */
    private static Map<String, Long> firstStartInFreshJvm(String classpath, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classpath, FirstStart.class.getName()));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes());
        if (!jvm.waitFor(120, TimeUnit.SECONDS) || jvm.exitValue() != 0) {
            throw new IllegalStateException("first start failed:\n" + output);
        }
        Map<String, Long> figures = output.lines().filter(line -> line.matches("[a-z-]+=\\d+"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> Long.parseLong(line.substring(line.indexOf('=') + 1)), (a, b) -> b, TreeMap::new));
        if (!figures.containsKey("first-start-ms")) {
            throw new IllegalStateException("no figure from the fresh JVM:\n" + output);
        }
        return figures;
    }

    /** Starts and stops {@code count} brokers after one unmeasured start; returns the heap used with one running. */
    private static long warmStarts(int count, List<Double> millis) throws IOException {
        long heapUsed = 0;
        for (int i = 0; i <= count; i++) {
            Path dir = Files.createTempDirectory("nimbus-startup");
            long begin = System.nanoTime();
            EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir).build();
            broker.start();
            if (i > 0) {
                millis.add((System.nanoTime() - begin) / 1e6);
            }
            if (i == count) {
                System.gc();
                heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }
            broker.shutdown();
            delete(dir);
        }
        millis.sort(Comparator.naturalOrder());
        return heapUsed;
    }

    private static String stats(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return String.format("%d ms (%d-%d)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).split(" ")[0] : "n/a";
    }

    private static void writeSection(Path report, String table) throws IOException {
        String section = START + "\n## Embedded broker start-up (`mq-embedded-broker`)\n\n"
                + "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ". Command: `mvn -B -pl mq-embedded-broker -am -Pbenchmark "
                + "verify -DskipTests`. First and warm start: `EmbeddedBroker.builder().port(0).storeDir(dir).build()"
                + ".start()` until it returns (store recovered, port bound, name server serving, broker registered); "
                + "the first start in fresh JVMs on the module's runtime class path (as an application embeds it), "
                + "-Xmx64m, logback at WARN, set up before the clock starts as an application's logging is (and, "
                + "alternating, inside the start: the broker's first logger then reads `logback-test.xml`); the "
                + "classes from one more such JVM under `-Xlog:class+load`; then the same classes packed into jars "
                + "(class-data sharing archives only from jars), "
                + "alternating without and with a dynamic AppCDS archive of one training start "
                + "(`-XX:ArchiveClassesAtExit`, then `-XX:SharedArchiveFile`). Standalone jar: `java [-XX:SharedArchiveFile=...jsa] -jar "
                + "...-standalone.jar` on loopback with a fresh store, from the process start to the first successful "
                + "send of an official client prepared beforehand (polls every 10 ms, creates the topic, sends), "
                + "launches with and without the archive alternating, after one unmeasured launch; the archive is the "
                + "one the build writes next to the jar (docs/broker.md, \"Faster start-up\").\n\n" + table + END;
        String content = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
        int from = content.indexOf(START);
        int to = content.indexOf(END);
        content = from >= 0 && to > from
                ? content.substring(0, from) + section + content.substring(to + END.length())
                : content + "\n" + section + "\n";
        Files.writeString(report, content);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
