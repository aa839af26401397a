package io.nimbusmq.benchmark.load;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nimbusmq.benchmark.driver.ClientDriver;
import io.nimbusmq.benchmark.driver.ClientDrivers;
import io.nimbusmq.benchmark.metrics.DeliveryCounts;
import io.nimbusmq.benchmark.metrics.LatencySummary;
import io.nimbusmq.benchmark.metrics.MachineLoad;
import io.nimbusmq.benchmark.metrics.ResultFile;
import io.nimbusmq.benchmark.metrics.ScenarioResult;

/**
 * The load generator JVM: runs the scenarios of its {@link LoadSettings} in order against one broker through one
 * client driver, prints a line per scenario and writes the results for the coordinator. A scenario that fails is
 * reported with no messages and the error as its note; the others still run.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.parse(args);
        ClientDriver driver = ClientDrivers.create(settings.driver());
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : settings.scenarios()) {
            System.out.printf(Locale.ROOT, "[load %s] %s starts at %s%n", driver.name(), scenario.id(), Instant.now());
            ScenarioResult result = runOne(settings, driver, scenario);
            System.out.printf(Locale.ROOT, "[load %s] %s ends at %s: %,.0f msg/s, p50 %.0f us, p99 %.0f us, broker "
                            + "CPU %.1f us/msg, %s%s%n", driver.name(), scenario.id(), Instant.now(),
                    result.messagesPerSecond(),
                    result.latency().p50Micros(), result.latency().p99Micros(), result.brokerCpuMicrosPerMessage(),
                    result.delivery(), result.note().isEmpty() ? "" : " (" + result.note() + ")");
            results.add(result);
        }
        ResultFile.write(settings.resultFile(), results);
        // the official client leaves non-daemon threads behind after shutdown
        System.exit(0);
    }

    private static ScenarioResult runOne(LoadSettings settings, ClientDriver driver, Scenario scenario) {
        try {
            return switch (scenario) {
                case PRODUCE_SYNC, PRODUCE_ASYNC, PRODUCE_ONEWAY -> new ProduceScenario(settings, driver).run(scenario);
                case ROUND_TRIP -> new RoundTripScenario(settings, driver).run();
                case CONSUME -> new BacklogConsumeScenario(settings, driver).run();
            };
        } catch (Exception | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            System.out.println(trace);
            return new ScenarioResult(scenario.id(), driver.name(), settings.threads(), settings.bodySize(), 0, 0,
                    LatencySummary.NONE, 0, 0, MachineLoad.UNKNOWN, DeliveryCounts.NONE,
                    "failed: " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())
                            .replaceAll("\\s+", " "));
        }
    }
}
