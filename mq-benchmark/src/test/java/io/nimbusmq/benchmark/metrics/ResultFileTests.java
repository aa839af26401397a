package io.nimbusmq.benchmark.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileTests {

    static ScenarioResult sample(String scenario, String note) {
        return new ScenarioResult(scenario, "official", 32, 1024, 15.002, 360_123,
                new LatencySummary(360_123, 1_234.5, 4_500, 9_871, 120_003), 11.25, 14.5, new MachineLoad(3.5, 1.25, 0.72),
                new DeliveryCounts(500_000, 499_990, 10, 499_995, 0, 2, 5, 0), note);
    }

    @Test
    void resultsSurviveTheRoundTripThroughAFile(@TempDir Path dir) throws Exception {
        List<ScenarioResult> results = List.of(sample("produce-sync", ""),
                sample("consume", "backlog of 1,000,000 written in 9.9 s; a=b: c\nnext line"));
        Path file = dir.resolve("results.properties");

        ResultFile.write(file, results);

        assertThat(ResultFile.read(file)).isEqualTo(results);
    }

    @Test
    void noResultsIsAValidFile() {
        assertThat(ResultFile.parse(ResultFile.format(List.of()))).isEmpty();
    }

    @Test
    void aMissingFieldIsAnError() {
        String text = ResultFile.format(List.of(sample("produce-sync", ""))).replaceAll("(?m)^0\\.messages=.*$", "");

        assertThatThrownBy(() -> ResultFile.parse(text)).hasMessageContaining("0.messages");
    }

    @Test
    void derivedFiguresComeFromTheMeasuredPeriod() {
        ScenarioResult r = new ScenarioResult("produce-sync", "official", 32, 1000, 10, 250_000,
                LatencySummary.NONE, 5, 0, MachineLoad.UNKNOWN, DeliveryCounts.NONE, "");

        assertThat(r.messagesPerSecond()).isEqualTo(25_000);
        assertThat(r.megabytesPerSecond()).isEqualTo(25.0);
        assertThat(r.brokerCpuMicrosPerMessage()).isEqualTo(20.0);
    }

    @Test
    void cpuPerMessageIsUndefinedWithoutMessages() {
        ScenarioResult r = new ScenarioResult("consume", "official", 1, 1024, 0, 0, LatencySummary.NONE, 0, 0,
                MachineLoad.UNKNOWN, DeliveryCounts.NONE, "failed");

        assertThat(r.brokerCpuMicrosPerMessage()).isNaN();
        assertThat(r.messagesPerSecond()).isZero();
    }
}
