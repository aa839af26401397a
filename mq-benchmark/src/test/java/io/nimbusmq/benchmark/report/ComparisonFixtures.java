package io.nimbusmq.benchmark.report;

import java.util.List;

import io.nimbusmq.benchmark.metrics.DeliveryCounts;
import io.nimbusmq.benchmark.metrics.LatencySummary;
import io.nimbusmq.benchmark.metrics.MachineLoad;
import io.nimbusmq.benchmark.metrics.ProcFs.ProcessMemory;
import io.nimbusmq.benchmark.metrics.ScenarioResult;

/** Made-up comparison data with round numbers, for the report and target tests. */
final class ComparisonFixtures {

    private ComparisonFixtures() {
    }

    static ScenarioResult result(String scenario, String driver, long messagesIn10s, double p99Micros,
            double brokerCpuSeconds, DeliveryCounts delivery) {
        return result(scenario, driver, messagesIn10s, p99Micros, brokerCpuSeconds, delivery, 1);
    }

    /** A result measured while processes outside the measurement used {@code foreignCpuPercent} of a core. */
    static ScenarioResult result(String scenario, String driver, long messagesIn10s, double p99Micros,
            double brokerCpuSeconds, DeliveryCounts delivery, double foreignCpuPercent) {
        return new ScenarioResult(scenario, driver, scenario.startsWith("produce") ? 32 : 1, 1024, 10, messagesIn10s,
                new LatencySummary(messagesIn10s, p99Micros / 3, p99Micros, p99Micros * 2, p99Micros * 4),
                brokerCpuSeconds, 5, new MachineLoad(foreignCpuPercent + 2, foreignCpuPercent, 0.5), delivery, "");
    }

    static DeliveryCounts clean(long n) {
        return new DeliveryCounts(n, n, 0, n, 0, 0, 0, 0);
    }

    static ProcessMemory memory(long mib) {
        return new ProcessMemory(mib << 20, (mib - 20) << 20, 20L << 20, 0);
    }

    /** Nimbus: 1.5x produce, 1.6x consume, less than half the p99, 30 % of the CPU, 0.2x start-up, 0.4x RSS. */
    static ComparisonData passing() {
        SuiteRun apacheAsync = new SuiteRun("apache", "ASYNC_FLUSH", 2100, memory(350), memory(800), 60L << 20,
                List.of(result("produce-sync", "official", 240_000, 9_000, 12, clean(300_000)),
                        result("consume", "official", 1_800_000, 0, 6, clean(1_000_000)),
                        result("round-trip", "official", 20_000, 4_500, 1, clean(30_000))));
        SuiteRun nimbusAsync = new SuiteRun("nimbus", "ASYNC_FLUSH", 400, memory(120), memory(320), 20L << 20,
                List.of(result("produce-sync", "official", 360_000, 6_000, 5.4, clean(450_000)),
                        result("consume", "official", 2_880_000, 0, 2.88, clean(1_000_000)),
                        result("round-trip", "official", 20_000, 2_000, 0.3, clean(30_000))));
        SuiteRun apacheSync = new SuiteRun("apache", "SYNC_FLUSH", 2200, memory(350), memory(500), 50L << 20,
                List.of(result("produce-sync", "official", 110_000, 30_000, 8, clean(150_000))));
        SuiteRun nimbusSync = new SuiteRun("nimbus", "SYNC_FLUSH", 420, memory(120), memory(200), 20L << 20,
                List.of(result("produce-sync", "official", 170_000, 20_000, 4, clean(220_000))));
        return new ComparisonData(
                List.of(new StartupFigures("apache", List.of(2100.0, 2000.0, 2300.0), List.of(350L << 20)),
                        new StartupFigures("nimbus", List.of(400.0, 420.0, 380.0), List.of(120L << 20))),
                List.of(apacheAsync, nimbusAsync, apacheSync, nimbusSync));
    }
}
