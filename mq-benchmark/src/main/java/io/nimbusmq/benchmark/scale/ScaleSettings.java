package io.nimbusmq.benchmark.scale;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The scale benchmark's settings, from {@code scale.*} system properties (the pom's {@code scale-benchmark} profile
 * passes them on; unset or blank means the default).
 *
 * <table>
 * <caption>Properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>scale.total</td><td>100000000</td><td>messages in the fill topic at the end</td></tr>
 * <tr><td>scale.checkpoints</td><td>0,10000000,50000000,100000000</td><td>stored counts at which to measure
 * (the total is added if missing)</td></tr>
 * <tr><td>scale.bodySize</td><td>128</td><td>body bytes of every message</td></tr>
 * <tr><td>scale.queues</td><td>64</td><td>queues of the fill topic</td></tr>
 * <tr><td>scale.storeDir</td><td>java.io.tmpdir/nimbus-scale-&lt;time&gt;</td><td>the broker's store (must not
 * exist yet or be empty)</td></tr>
 * <tr><td>scale.keepStore</td><td>false</td><td>keep the store directory at the end</td></tr>
 * <tr><td>scale.fillThreads / fillBatch</td><td>4 / 64</td><td>threads and messages per batch of the fill</td></tr>
 * <tr><td>scale.produceThreads / warmupSeconds / produceSeconds</td><td>32 / 10 / 10</td><td>the produce window:
 * threads, unmeasured then measured seconds</td></tr>
 * <tr><td>scale.consumeWindow</td><td>1000000</td><td>messages read by each measured consume window</td></tr>
 * <tr><td>scale.lookups</td><td>1000</td><td>lookups by key and by id at the end</td></tr>
 * <tr><td>scale.heap</td><td>1g</td><td>the broker's -Xmx</td></tr>
 * <tr><td>scale.writeReport / scale.report</td><td>true / BENCHMARKS.md</td><td>rewrite the report section</td></tr>
 * </table>
 */
public record ScaleSettings(long total, List<Long> checkpoints, int bodySize, int queues, Path storeDir,
        boolean keepStore, int fillThreads, int fillBatch, int produceThreads, int warmupSeconds, int produceSeconds,
        long consumeWindow,
        int lookups, String heap, boolean writeReport, Path report, Path nimbusJar, String command) {

    static final String DOCUMENTED_COMMAND = "mvn -B -pl mq-benchmark -am -Pscale-benchmark verify -DskipTests";

    public ScaleSettings {
        checkpoints = List.copyOf(checkpoints);
        if (total < 1 || queues < 1 || fillThreads < 1 || fillBatch < 1 || produceThreads < 1 || produceSeconds < 1
                || warmupSeconds < 0 || consumeWindow < 1 || lookups < 1) {
            throw new IllegalArgumentException("scale settings must be positive: " + this);
        }
        if (bodySize < 16) {
            throw new IllegalArgumentException("scale.bodySize must be at least 16 bytes (id and time): " + bodySize);
        }
    }

    public static ScaleSettings fromSystemProperties() {
        return new ScaleSettings(
                longProp("scale.total", 100_000_000L),
                Arrays.stream(prop("scale.checkpoints", "0,10000000,50000000,100000000").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong).toList(),
                (int) longProp("scale.bodySize", 128),
                (int) longProp("scale.queues", 64),
                Path.of(prop("scale.storeDir", Path.of(System.getProperty("java.io.tmpdir"),
                        "nimbus-scale-" + System.currentTimeMillis()).toString())),
                Boolean.parseBoolean(prop("scale.keepStore", "false")),
                (int) longProp("scale.fillThreads", 4),
                (int) longProp("scale.fillBatch", 64),
                (int) longProp("scale.produceThreads", 32),
                (int) longProp("scale.warmupSeconds", 10),
                (int) longProp("scale.produceSeconds", 10),
                longProp("scale.consumeWindow", 1_000_000L),
                (int) longProp("scale.lookups", 1000),
                prop("scale.heap", "1g"),
                Boolean.parseBoolean(prop("scale.writeReport", "true")),
                Path.of(prop("scale.report", "BENCHMARKS.md")),
                Path.of(required("scale.nimbusJar")),
                commandLine());
    }

    public CheckpointPlan plan() {
        return CheckpointPlan.of(total, checkpoints);
    }

    private static String commandLine() {
        String mavenArgs = System.getenv("MAVEN_CMD_LINE_ARGS");
        return mavenArgs != null && !mavenArgs.isBlank() ? "mvn " + mavenArgs.trim() : DOCUMENTED_COMMAND;
    }

    private static String prop(String name, String def) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? def : value.trim();
    }

    private static long longProp(String name, long def) {
        String value = prop(name, Long.toString(def)).replace("_", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required (the pom's scale-benchmark "
                    + "profile sets it; run " + DOCUMENTED_COMMAND + ")");
        }
        return value;
    }
}
