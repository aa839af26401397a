package io.nimbusmq.benchmark.report;

import static io.nimbusmq.benchmark.report.ComparisonFixtures.clean;
import static io.nimbusmq.benchmark.report.ComparisonFixtures.memory;
import static io.nimbusmq.benchmark.report.ComparisonFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.benchmark.metrics.DeliveryCounts;
import io.nimbusmq.benchmark.report.Verdict.Outcome;
import org.junit.jupiter.api.Test;

class TargetsTests {

    private static Verdict find(List<Verdict> verdicts, String prefix) {
        return verdicts.stream().filter(v -> v.target().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict " + prefix + " in " + verdicts));
    }

    @Test
    void ratiosAreNimbusOverApacheAgainstEachTarget() {
        List<Verdict> verdicts = Targets.evaluate(ComparisonFixtures.passing());

        assertThat(find(verdicts, "produce-sync, ASYNC_FLUSH")).isEqualTo(new Verdict(
                "produce-sync, ASYNC_FLUSH: msgs/s >= 1.25x", "24,000 msg/s", "36,000 msg/s", "1.50x", Outcome.PASS));
        assertThat(find(verdicts, "produce-sync, SYNC_FLUSH").ratio()).isEqualTo("1.55x");
        assertThat(find(verdicts, "consume").ratio()).isEqualTo("1.30x");
        assertThat(find(verdicts, "round-trip")).extracting(Verdict::apache, Verdict::nimbus, Verdict::ratio)
                .containsExactly("4.50 ms", "2.00 ms", "0.44x");
        assertThat(find(verdicts, "start-up").ratio()).isEqualTo("0.19x"); // 400 / 2100 medians
        assertThat(find(verdicts, "RSS").ratio()).isEqualTo("0.40x");
        assertThat(verdicts).filteredOn(v -> v.target().startsWith("broker CPU")).hasSize(4)
                .allMatch(v -> v.outcome() == Outcome.PASS);
        assertThat(find(verdicts, "broker CPU per message, produce-sync, ASYNC_FLUSH").apache()).isEqualTo("50.0 µs");
        assertThat(verdicts).filteredOn(v -> v.outcome() != Outcome.NA).allMatch(v -> v.outcome() == Outcome.PASS);
    }

    @Test
    void aRatioShortOfItsTargetIsAMiss() {
        ComparisonData data = ComparisonFixtures.passing();
        List<SuiteRun> runs = new ArrayList<>(data.runs());
        runs.set(1, new SuiteRun("nimbus", "ASYNC_FLUSH", 400, memory(120), memory(600), 20L << 20,
                List.of(result("produce-sync", "official", 290_000, 6_000, 9, clean(450_000)),
                        result("consume", "official", 1_900_000, 0, 3, clean(1_000_000)),
                        result("round-trip", "official", 20_000, 2_300, 0.6, clean(30_000)))));
        List<Verdict> verdicts = Targets.evaluate(new ComparisonData(data.startups(), runs));

        assertThat(find(verdicts, "produce-sync, ASYNC_FLUSH")).extracting(Verdict::ratio, Verdict::outcome)
                .containsExactly("1.21x", Outcome.MISS);
        assertThat(find(verdicts, "consume")).extracting(Verdict::ratio, Verdict::outcome)
                .containsExactly("1.06x", Outcome.MISS);
        assertThat(find(verdicts, "round-trip").outcome()).isEqualTo(Outcome.MISS); // 0.51x
        assertThat(find(verdicts, "RSS").outcome()).isEqualTo(Outcome.MISS); // 0.75x
        assertThat(find(verdicts, "broker CPU per message, round-trip").outcome()).isEqualTo(Outcome.MISS); // 0.6x
    }

    @Test
    void aLossOrDuplicateAtOurBrokerIsAMiss() {
        ComparisonData data = ComparisonFixtures.passing();
        List<SuiteRun> runs = new ArrayList<>(data.runs());
        runs.set(3, new SuiteRun("nimbus", "SYNC_FLUSH", 420, memory(120), memory(200), 20L << 20,
                List.of(result("produce-sync", "official", 170_000, 20_000, 4,
                        new DeliveryCounts(220_000, 220_000, 0, 219_999, 1, 3, 0, 0)))));

        Verdict clean = find(Targets.evaluate(new ComparisonData(data.startups(), runs)), "every run");

        assertThat(clean).extracting(Verdict::apache, Verdict::nimbus, Verdict::outcome)
                .containsExactly("0 lost, 0 duplicated", "1 lost, 3 duplicated", Outcome.MISS);
    }

    @Test
    void missingFiguresAreNotApplicable() {
        ComparisonData onlyNimbus = new ComparisonData(List.of(), List.of(ComparisonFixtures.passing().runs().get(1)));

        List<Verdict> verdicts = Targets.evaluate(onlyNimbus);

        assertThat(find(verdicts, "produce-sync, ASYNC_FLUSH")).extracting(Verdict::apache, Verdict::outcome)
                .containsExactly("-", Outcome.NA);
        assertThat(find(verdicts, "start-up").outcome()).isEqualTo(Outcome.NA);
        assertThat(find(verdicts, "every run").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void ourClientIsNotApplicableUntilItsDriverRan() {
        Verdict ours = find(Targets.evaluate(ComparisonFixtures.passing()), "our client");

        assertThat(ours.outcome()).isEqualTo(Outcome.NA);
    }

    @Test
    void ourClientIsComparedWithTheOfficialOneAgainstOurBroker() {
        ComparisonData data = ComparisonFixtures.passing();
        List<SuiteRun> runs = new ArrayList<>(data.runs());
        SuiteRun nimbus = runs.get(1);
        List<io.nimbusmq.benchmark.metrics.ScenarioResult> results = new ArrayList<>(nimbus.results());
        results.add(result("produce-sync", "nimbus", 400_000, 5_000, 7, clean(500_000)));
        results.add(result("round-trip", "nimbus", 20_000, 2_500, 0.4, clean(30_000)));
        runs.set(1, new SuiteRun("nimbus", "ASYNC_FLUSH", 400, nimbus.memoryAtReady(), nimbus.memoryAfterRun(),
                nimbus.heapUsedAfterGcBytes(), results));

        List<Verdict> verdicts = Targets.evaluate(new ComparisonData(data.startups(), runs));

        assertThat(find(verdicts, "our client vs official client, Nimbus MQ, produce-sync"))
                .extracting(Verdict::apache, Verdict::nimbus, Verdict::ratio, Verdict::outcome)
                .containsExactly("36,000 msg/s", "40,000 msg/s", "1.11x", Outcome.PASS);
        assertThat(find(verdicts, "our client vs official client, Nimbus MQ, round-trip"))
                .extracting(Verdict::ratio, Verdict::outcome).containsExactly("1.25x", Outcome.MISS);
        // the broker comparison itself still uses the official client only
        assertThat(find(verdicts, "produce-sync, ASYNC_FLUSH").nimbus()).isEqualTo("36,000 msg/s");
    }
}
