package io.nimbusmq.benchmark.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.benchmark.load.MeasuredPeriod;
import io.nimbusmq.benchmark.metrics.MachineLoad;
import io.nimbusmq.benchmark.report.Machine;
import org.junit.jupiter.api.Test;

class ScaleReportTests {

    private static final long MIB = 1024 * 1024;

    @Test
    void showsEveryCheckpointWithRatiosToTheEmptyStoreAndTheTargets() {
        List<CheckpointResult> checkpoints = List.of(
                checkpoint(0, 20_000, 100_000, 40, 1000, 0),
                checkpoint(10_000_000, 19_000, 95_000, 50, 1100, 10_000_000),
                checkpoint(100_000_000, 17_000, 92_000, 60, 1200, 100_000_000));

        String md = ScaleReport.markdown(run(100_200_000, 100_200_000), checkpoints);

        assertThat(md).contains("| 10,000,000 | 19,000 msg/s | 0.95x PASS | 95,000 msg/s | 0.95x PASS |")
                .contains("| 100,000,000 | 17,000 msg/s | 0.85x MISS | 92,000 msg/s | 0.92x PASS |")
                .contains("**MISS** throughput within 10 %")
                .contains("**PASS** recovery does not grow with the store: it validated at most 64 MiB of commit "
                        + "log at any checkpoint (bound: one 1,024 MiB segment, the one holding the checkpoint); store "
                        + "recovery 60.0 ms at 100,000,000 stored against 40.0 ms empty")
                .contains("by key (`queryMessage`, QUERY_MESSAGE) median 2.00 ms, p99 9.00 ms over 1,000 keys")
                .contains("100,200,000 acknowledged, 0 failed sends, 100,200,000 in the topic at the end (after "
                        + "every kill -9): none lost; consume windows: 0 messages missing or read twice.")
                .doesNotContain("machine was busy");
    }

    @Test
    void recoveryThatValidatesMoreThanASegmentIsAMiss() {
        List<CheckpointResult> checkpoints = List.of(checkpoint(0, 20_000, 100_000, 40, 1000, 0),
                withScanned(checkpoint(100, 20_000, 100_000, 5_000, 1000, 100), 3L << 30));

        assertThat(ScaleReport.targets(checkpoints)).contains("**PASS** throughput")
                .contains("**MISS** recovery does not grow").contains("validated at most 3,072 MiB");
    }

    @Test
    void diskUseIsTheGrowthPerMessageAdded() {
        List<CheckpointResult> checkpoints = List.of(checkpoint(0, 1, 1, 1, 1000, 0),
                checkpoint(1_000_000, 1, 1, 1, 1000 + 440, 1_000_000));

        String table = ScaleReport.diskTable(checkpoints);

        // 440 MiB over 1,000,000 messages: commit log 400 MiB, queues 20 MiB, index 20 MiB (fixture's split)
        assertThat(table).contains("| 0 | - | 1,000 MiB | 1,000 MiB / 0 MiB / 0 MiB | (preallocated files) |")
                .contains("| 419 / 20 / 20 / 461 B | 419 B |");
    }

    @Test
    void aLossIsFlagged() {
        String md = ScaleReport.markdown(run(1000, 999), List.of(checkpoint(0, 1, 1, 1, 1, 0)));

        assertThat(md).contains("999 in the topic at the end (after every kill -9): **MISMATCH**");
    }

    /** A checkpoint whose store grew to {@code diskMib} (all of it commit log at 0, then 400/20/20 per 440). */
    private static CheckpointResult checkpoint(long stored, double produceRate, double tailRate, long recoveryMillis,
            long diskMib, long storedAfter) {
        long grown = diskMib - 1000;
        StoreFootprint footprint = new StoreFootprint((1000 + grown * 400 / 440) * MIB, grown * 20 / 440 * MIB,
                grown * 20 / 440 * MIB, diskMib * MIB);
        MeasuredPeriod.Measured tenSeconds = new MeasuredPeriod.Measured(10, 2, 3, new MachineLoad(5, 1, 0.5));
        ConsumeWindow.Result tail = new ConsumeWindow.Result((long) (tailRate * 10), tenSeconds, 0);
        ConsumeWindow.Result oldest = new ConsumeWindow.Result((long) (tailRate * 5), tenSeconds, 0);
        long commitLogEnd = footprint.commitLogBytes() - 1000 * MIB;
        return new CheckpointResult(stored, stored, Double.NaN, (long) (produceRate * 10), tenSeconds, tail, oldest,
                "0.50 / 0.40 / 0.30", footprint, storedAfter,
                new CheckpointResult.Restart(900, recoveryMillis, 64 * MIB, commitLogEnd, storedAfter));
    }

    private static CheckpointResult withScanned(CheckpointResult c, long scannedBytes) {
        CheckpointResult.Restart r = c.restart();
        return new CheckpointResult(c.checkpoint(), c.stored(), c.fillRate(), c.produceMessages(), c.produce(),
                c.tail(), c.oldest(), c.loadAverage(), c.footprint(), c.storedAfter(),
                new CheckpointResult.Restart(r.readyMillis(), r.recoveryMillis(), scannedBytes, r.commitLogEnd(),
                        r.storedAfter()));
    }

    private static ScaleReport.Run run(long acked, long storedAtEnd) {
        return new ScaleReport.Run("2026-12-07 22:00 UTC", "mvn -Pscale-benchmark", Machine.describe(Path.of(".")),
                "0.5 / 0.4 / 0.3", List.of("settings"), new Lookups.Result(1000, 2, 9, 0),
                new Lookups.Result(1000, 1, 3, 0), acked, 0, storedAtEnd, null);
    }
}
