package io.nimbusmq.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.nimbusmq.benchmark.broker.BrokerKind;
import io.nimbusmq.benchmark.load.Scenario;

/**
 * The comparison's settings, from {@code comparison.*} system properties (the pom passes them on; 0 or empty means
 * "the default", which depends on {@code comparison.quick}).
 *
 * <table>
 * <caption>Properties</caption>
 * <tr><th>property</th><th>full run</th><th>quick</th></tr>
 * <tr><td>comparison.warmupSeconds / measureSeconds</td><td>5 / 15</td><td>2 / 5</td></tr>
 * <tr><td>comparison.backlog (consume scenario)</td><td>1,000,000</td><td>100,000</td></tr>
 * <tr><td>comparison.startupLaunches (measured, after one unmeasured)</td><td>3</td><td>1 (no unmeasured one)</td></tr>
 * <tr><td>comparison.rounds (every broker run repeated, targets on the median)</td><td>3</td><td>1</td></tr>
 * <tr><td>comparison.writeReport (into BENCHMARKS.md)</td><td>true</td><td>false</td></tr>
 * </table>
 * Others: {@code scenarios} (produce-sync,produce-async,produce-oneway,round-trip,consume, or none: start-ups only;
 * the SYNC_FLUSH run happens when produce-sync is among them), {@code heap} (1g, both brokers), {@code collector}
 * (G1, both brokers: Serial, Parallel, G1 or Z), {@code brokers} (apache,nimbus), {@code drivers} (official,nimbus;
 * unavailable ones are skipped), {@code threads} (32), {@code bodySize} (1024), {@code queues} (8),
 * {@code roundTripRate} (2000), {@code jfr} (none|nimbus|apache|all: record the broker JVM with JFR),
 * {@code dir} (where stores and logs go), {@code report} (BENCHMARKS.md), and the paths the pom fills in.
 */
public record ComparisonSettings(boolean quick, List<Scenario> scenarios, String heap, String collector,
        List<BrokerKind> brokers,
        List<String> drivers,
        int threads, int bodySize, int queues, int warmupSeconds, int measureSeconds, long backlog,
        int roundTripRate, int asyncInFlight, int consumeBatch, int startupLaunches, boolean warmupLaunch, int rounds,
        String jfr, int apacheCommitLogMiB, Path dir, boolean writeReport, Path report, Path nimbusJar,
        Path classes, Path apacheClasspathFile, Path clientClasspathFile, String apacheVersion, String command) {

    static final String DOCUMENTED_COMMAND = "mvn -B -pl mq-benchmark -am -Pbroker-comparison verify -DskipTests";

    public static ComparisonSettings fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(prop("comparison.quick", "false"));
        String writeReport = prop("comparison.writeReport", "default");
        String scenarios = prop("comparison.scenarios", "produce-sync,produce-async,produce-oneway,round-trip,consume");
        return new ComparisonSettings(quick,
                scenarios.equals("none") ? List.of() : list(scenarios).stream().map(Scenario::byId).toList(),
                prop("comparison.heap", "1g"),
                prop("comparison.collector", "G1"),
                list(prop("comparison.brokers", "apache,nimbus")).stream().map(BrokerKind::byId).toList(),
                list(prop("comparison.drivers", "official,nimbus")),
                intProp("comparison.threads", 32),
                intProp("comparison.bodySize", 1024),
                intProp("comparison.queues", 8),
                intProp("comparison.warmupSeconds", quick ? 2 : 5),
                intProp("comparison.measureSeconds", quick ? 5 : 15),
                longProp("comparison.backlog", quick ? 100_000 : 1_000_000),
                intProp("comparison.roundTripRate", 2000),
                intProp("comparison.asyncInFlight", 1024),
                intProp("comparison.consumeBatch", 32),
                intProp("comparison.startupLaunches", quick ? 1 : 3),
                !quick,
                intProp("comparison.rounds", quick ? 1 : 3),
                prop("comparison.jfr", "none").toLowerCase(Locale.ROOT),
                intProp("comparison.apacheCommitLogMiB", 128),
                Path.of(prop("comparison.dir", System.getProperty("java.io.tmpdir"))),
                writeReport.equals("default") ? !quick : Boolean.parseBoolean(writeReport),
                Path.of(prop("comparison.report", "BENCHMARKS.md")),
                Path.of(required("comparison.nimbusJar")),
                Path.of(required("comparison.classes")),
                Path.of(required("comparison.apacheClasspathFile")),
                Path.of(required("comparison.clientClasspathFile")),
                prop("comparison.apacheVersion", "5.3.1"),
                commandLine());
    }

    /** True if {@code broker}'s JVM runs with a flight recording. */
    public boolean recordsJfr(BrokerKind broker) {
        return jfr.equals("all") || jfr.equals(broker.id());
    }

    /** The Maven command line as typed (the mvn script exports it), else the documented one. */
    private static String commandLine() {
        String mavenArgs = System.getenv("MAVEN_CMD_LINE_ARGS");
        return mavenArgs != null && !mavenArgs.isBlank() ? "mvn " + mavenArgs.trim() : DOCUMENTED_COMMAND;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A property's value; unset, blank or "0" mean the default. */
    private static String prop(String name, String def) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.trim().equals("0") ? def : value.trim();
    }

    private static int intProp(String name, int def) {
        return Integer.parseInt(prop(name, Integer.toString(def)));
    }

    private static long longProp(String name, long def) {
        return Long.parseLong(prop(name, Long.toString(def)));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required (the pom's "
                    + "broker-comparison execution sets it; run " + DOCUMENTED_COMMAND + ")");
        }
        return value;
    }
}
