package io.nimbusmq.broker.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a {@link FirstStart} JVM loaded, read from its {@code -Xlog:class+load} file: those of the logging
 * set-up (up to {@link FirstStart.LoggingReady}, the JVM's own start-up included) and those of the broker's first
 * start (between {@link FirstStart.BrokerStarting} and {@link FirstStart.BrokerStarted}), the latter by origin.
 * Counts, unlike timings, hold on a busy machine.
 *
 * @param loggingSetup classes loaded from the JVM's launch until logging was set up
 * @param firstStart classes loaded by the broker's first start
 * @param firstStartByOrigin the same by origin: {@code nimbus}, {@code netty}, {@code jackson}, {@code logging},
 *        {@code jdk}, {@code other}
 */
public record ClassLoadCounts(int loggingSetup, int firstStart, Map<String, Integer> firstStartByOrigin) {

    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*] (\\S+) source:");
    private static final List<String> ORIGINS = List.of("nimbus", "netty", "jackson", "logging", "jdk", "other");

    static ClassLoadCounts read(Path log) throws IOException {
        List<String> loaded = classNames(log);
        int loggingReady = loaded.indexOf(FirstStart.LoggingReady.class.getName());
        List<String> started = firstStart(loaded);
        Map<String, Integer> byOrigin = new LinkedHashMap<>();
        ORIGINS.forEach(origin -> byOrigin.put(origin, 0));
        started.forEach(name -> byOrigin.merge(origin(name), 1, Integer::sum));
        return new ClassLoadCounts(Math.max(loggingReady, 0), started.size(), byOrigin);
    }

    /** The names of the classes in an {@code -Xlog:class+load} file, in the order they were loaded. */
    public static List<String> classNames(Path log) throws IOException {
        return Files.readAllLines(log).stream().map(LOADED::matcher).filter(Matcher::find)
                .map(loaded -> loaded.group(1)).toList();
    }

    /** Those of {@code loaded} between {@link FirstStart.BrokerStarting} and {@link FirstStart.BrokerStarted}. */
    public static List<String> firstStart(List<String> loaded) {
        int from = loaded.indexOf(FirstStart.BrokerStarting.class.getName());
        int to = loaded.indexOf(FirstStart.BrokerStarted.class.getName());
        if (from < 0 || to < from) {
            throw new IllegalStateException("the class-load log has no first start between its markers");
        }
        return loaded.subList(from + 1, to);
    }

    private static String origin(String className) {
        if (className.startsWith("io.nimbusmq.")) {
            return "nimbus";
        }
        if (className.startsWith("io.netty.")) {
            return "netty";
        }
        if (className.startsWith("com.fasterxml.jackson.")) {
            return "jackson";
        }
        if (className.startsWith("ch.qos.logback.") || className.startsWith("org.slf4j.")) {
            return "logging";
        }
        if (className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.")) {
            return "jdk";
        }
        return "other";
    }

    /** {@code 1,234 (nimbus 500, netty 300, ...)}. */
    String firstStartSummary() {
        StringBuilder text = new StringBuilder(String.format("%,d (", firstStart));
        firstStartByOrigin.forEach((origin, count) -> text.append(String.format("%s %,d, ", origin, count)));
        return text.substring(0, text.length() - 2) + ")";
    }
}
