package io.nimbusmq.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ComparisonReportTests {

    private static ReportHeader header(boolean quick, List<String> problems) {
        Machine machine = new Machine("AMD EPYC", 2, "23.5 GiB", "Linux 6.1 amd64", "OpenJDK 17", "ext4 (/dev/vda) at /tmp",
                "0.50 / 0.40 / 0.30");
        return new ReportHeader("2026-11-21 15:00 UTC", quick, "mvn -B -pl mq-benchmark -am -Pbroker-comparison verify",
                "commit `abc`", machine, "1.00 / 0.80 / 0.60", List.of("setting one", "setting two"), problems);
    }

    @Test
    void showsMachineTargetsEveryScenarioAndMemory() {
        ComparisonData data = ComparisonFixtures.passing();

        String md = ComparisonReport.markdown(header(false, List.of()), data, Targets.evaluate(data));

        assertThat(md).startsWith("## Nimbus MQ vs Apache RocketMQ")
                .contains("| CPU | AMD EPYC, 2 cores |")
                .contains("| Load average (1/5/15 min) | 0.50 / 0.40 / 0.30 at start, 1.00 / 0.80 / 0.60 at end |")
                .contains("- setting one\n- setting two\n")
                .contains("| produce-sync, ASYNC_FLUSH: msgs/s >= 1.5x | 24,000 msg/s | 36,000 msg/s | 1.50x | PASS |")
                .contains("| produce-sync (32 threads) | ASYNC_FLUSH | Apache RocketMQ | 24,000 | 24.6 |")
                .contains("| produce-sync (32 threads) | SYNC_FLUSH | Nimbus MQ | 17,000 |")
                .contains("| consume | ASYNC_FLUSH | Nimbus MQ | 288,000 |")
                .contains("| 50 | 3 | 1 | 0.50 | 300,000 |") // client, other, foreign CPU %, load, then the counts
                .contains("| start-up, launch to first successful send, median of 3 launches | 2,100 ms | 400 ms | 0.19x |")
                .contains("| start-up, every launch | 2,100 ms / 2,000 ms / 2,300 ms | 400 ms / 420 ms / 380 ms | |")
                .contains("| RSS after the ASYNC_FLUSH run | 800 MiB | 320 MiB | 0.40x |")
                .contains("| of which anonymous (heap, metaspace, stacks, direct buffers) | 780 MiB | 300 MiB | 0.38x |")
                .contains("| of which file-backed (mapped store files and jars) | 20 MiB | 20 MiB | 1.00x |")
                .contains("Not run: the driver for our own client")
                .contains(ComparisonReport.REFERENCE)
                .doesNotContain("quick mode").doesNotContain("Problems").doesNotContain("round 1")
                .doesNotContain("| Range |");
    }

    @Test
    void severalRoundsShowMediansRangesAndEveryRoundsRows() {
        ComparisonData data = TargetsTests.threeRounds();

        String md = ComparisonReport.markdown(header(false, List.of()), data, Targets.evaluate(data));

        assertThat(md).contains("| Target | Apache RocketMQ | Nimbus MQ | Ratio | Range | Rounds | |")
                .contains("| produce-sync, ASYNC_FLUSH: msgs/s >= 1.5x | 24,000 msg/s | 36,000 msg/s | 1.50x | "
                        + "1.40x - 1.60x | 3 of 3 | PASS |")
                .contains("| produce-sync (32 threads), round 1 | ASYNC_FLUSH | Apache RocketMQ |")
                .contains("| produce-sync (32 threads), round 3 | ASYNC_FLUSH | Nimbus MQ | 38,400 |")
                .contains("A round's ratio is refused");
    }

    @Test
    void saysWhenARunIsQuickOrHadProblems() {
        ComparisonData data = ComparisonFixtures.passing();

        String md = ComparisonReport.markdown(header(true, List.of("apache SYNC_FLUSH run: broker died")), data,
                Targets.evaluate(data));

        assertThat(md).contains("**quick mode**").contains("**Problems in this run**")
                .contains("- apache SYNC_FLUSH run: broker died");
    }

    @Test
    void scenarioRowsOrderedByFlushThenScenarioThenBroker() {
        ComparisonData data = ComparisonFixtures.passing();

        String md = ComparisonReport.markdown(header(false, List.of()), data, Targets.evaluate(data));

        int apacheSync = md.indexOf("| produce-sync (32 threads) | ASYNC_FLUSH | Apache RocketMQ");
        int nimbusSync = md.indexOf("| produce-sync (32 threads) | ASYNC_FLUSH | Nimbus MQ");
        int consume = md.indexOf("| consume | ASYNC_FLUSH | Apache RocketMQ");
        int syncFlush = md.indexOf("| produce-sync (32 threads) | SYNC_FLUSH | Apache RocketMQ");
        assertThat(apacheSync).isPositive().isLessThan(nimbusSync);
        assertThat(nimbusSync).isLessThan(consume);
        assertThat(consume).isLessThan(syncFlush);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(StartupFigures.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(StartupFigures.median(new double[] {})).isNaN();
    }
}
