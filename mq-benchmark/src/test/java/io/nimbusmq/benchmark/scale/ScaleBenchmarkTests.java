package io.nimbusmq.benchmark.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces of the benchmark with logic: the broker log's recovery line, du's output, percentiles. */
class ScaleBenchmarkTests {

    @Test
    void readsTheLastRecoveryOfTheBrokerLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("broker.log");
        Files.writeString(log, "12:00 INFO StoreRecovery - Store recovered: RecoveryResult[cleanShutdown=true, "
                + "scannedFromOffset=0, commitLogEnd=0, truncatedBytes=0, stopReason=end of data, damaged=[], "
                + "redispatchedFromOffset=0, durationMillis=11]\n"
                + "12:01 INFO StoreRecovery - Store recovered: RecoveryResult[cleanShutdown=false, "
                + "scannedFromOffset=1073741824, commitLogEnd=1200000000, truncatedBytes=0, stopReason=end of data, "
                + "damaged=[], redispatchedFromOffset=1199000000, durationMillis=767]\n");

        CheckpointResult.Restart restart = ScaleBenchmark.recovery(log, 900.5, 42);

        assertThat(restart).isEqualTo(new CheckpointResult.Restart(900.5, 767, 1_200_000_000L - 1_073_741_824L,
                1_200_000_000L, 42));
    }

    @Test
    void aLogWithoutRecoveryLineGivesUnknowns(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("broker.log"), "nothing here\n");

        assertThat(ScaleBenchmark.recovery(log, 1, 2)).isEqualTo(new CheckpointResult.Restart(1, -1, -1, -1, 2));
    }

    @Test
    void parsesDuAndMeasuresARealDirectory(@TempDir Path dir) throws Exception {
        assertThat(StoreFootprint.parseDu("1073750016\t/tmp/store/commitlog\n")).isEqualTo(1_073_750_016L);
        Path commitLog = Files.createDirectories(dir.resolve("store").resolve("commitlog"));
        Files.write(commitLog.resolve("00000000000000000000"), new byte[64 * 1024]);

        StoreFootprint footprint = StoreFootprint.measure(dir);

        assertThat(footprint.commitLogBytes()).isGreaterThanOrEqualTo(64 * 1024);
        assertThat(footprint.consumeQueueBytes()).isZero();
        assertThat(footprint.totalBytes()).isGreaterThanOrEqualTo(footprint.commitLogBytes());
    }

    @Test
    void lookupPercentilesAreNearestRank() {
        double[] millis = new double[100];
        for (int i = 0; i < 100; i++) {
            millis[i] = 100 - i;
        }

        Lookups.Result result = Lookups.summarize(millis, 3);

        assertThat(result.medianMillis()).isEqualTo(50);
        assertThat(result.p99Millis()).isEqualTo(99);
        assertThat(result.lookups()).isEqualTo(100);
        assertThat(result.notFound()).isEqualTo(3);
    }
}
