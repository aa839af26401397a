package io.nimbusmq.broker.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.nimbusmq.broker.EmbeddedBroker;
import org.slf4j.LoggerFactory;

/**
 * One first start of an embedded broker, run by {@link BrokerStartupBenchmark} in a fresh JVM: prints
 * {@code first-start-ms=...} (from {@code EmbeddedBroker.builder()} until {@code start()} returns, class loading
 * included), {@code first-start-cpu-ms=...} (the CPU time all the JVM's threads spent meanwhile, a steadier figure
 * than the wall time on a busy machine) and {@code jvm-uptime-ms=...} (from the JVM's launch to the same moment), then
 * stops the broker.
 *
 * <p>With {@code -Dbenchmark.loggingFirst=true} the JVM's logging is set up before the clock starts, as in an
 * application that embeds the broker (its logging is up before it builds a broker), and {@code logging-setup-ms=...}
 * tells how long that took (logback reading the test class path's {@code logback-test.xml}); without it the broker's
 * first logger sets logging up inside the measured start.
 *
 * <p>The classes {@link LoggingReady}, {@link BrokerStarting} and {@link BrokerStarted} are loaded at those moments
 * and nowhere else: under {@code -Xlog:class+load} they mark where each phase's classes begin and end.
 */
public final class FirstStart {

    private FirstStart() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nimbus-first-start");
        if (Boolean.getBoolean("benchmark.loggingFirst")) {
            long loggingBegin = System.nanoTime();
            LoggerFactory.getILoggerFactory();
            System.out.println("logging-setup-ms=" + (System.nanoTime() - loggingBegin) / 1_000_000);
            Class.forName(LoggingReady.class.getName());
        }
        long cpuBegin = processCpuMillis();
        Class.forName(BrokerStarting.class.getName());
        long begin = System.nanoTime();
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir).build();
        broker.start();
        long millis = (System.nanoTime() - begin) / 1_000_000;
        long cpuMillis = processCpuMillis() - cpuBegin;
        Class.forName(BrokerStarted.class.getName());
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("first-start-ms=" + millis);
        System.out.println("first-start-cpu-ms=" + cpuMillis);
        System.out.println("jvm-uptime-ms=" + uptime);
        broker.shutdown();
        BrokerStartupBenchmark.delete(dir);
    }

    /** CPU time of the whole JVM so far (every thread: the start's, the store's, JIT compilers, GC). */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** Loaded once logging is set up. */
    public static final class LoggingReady {
    }

    /** Loaded just before the measured start. */
    public static final class BrokerStarting {
    }

    /** Loaded just after the measured start. */
    public static final class BrokerStarted {
    }
}
