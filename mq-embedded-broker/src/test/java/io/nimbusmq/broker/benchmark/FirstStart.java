package io.nimbusmq.broker.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nimbusmq.broker.EmbeddedBroker;

/**
 * One first start of an embedded broker, run by {@link BrokerStartupBenchmark} in a fresh JVM: prints
 * {@code first-start-ms=...} (from {@code EmbeddedBroker.builder()} until {@code start()} returns, class loading
 * included) and {@code jvm-uptime-ms=...} (from the JVM's launch to the same moment), then stops the broker.
 */
public final class FirstStart {

    private FirstStart() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("nimbus-first-start");
        long begin = System.nanoTime();
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir).build();
        broker.start();
        long millis = (System.nanoTime() - begin) / 1_000_000;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("first-start-ms=" + millis);
        System.out.println("jvm-uptime-ms=" + uptime);
        broker.shutdown();
        BrokerStartupBenchmark.delete(dir);
    }
}
