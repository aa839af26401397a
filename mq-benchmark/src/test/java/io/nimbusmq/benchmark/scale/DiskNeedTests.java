package io.nimbusmq.benchmark.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiskNeedTests {

    private static final long GB = 1_000_000_000L;

    @Test
    void perMessageMatchesTheRecordMeasuredForA128ByteBody() {
        // a record of the fill with key "k1" measured 396 bytes (scale_bench, 128-byte body)
        DiskNeed twoCharacterKeys = DiskNeed.estimate(9, 128, "scale_bench", 64);

        assertThat(twoCharacterKeys.bytesPerMessage()).isEqualTo(396 + DiskNeed.CONSUME_QUEUE_ENTRY
                + DiskNeed.INDEX_BYTES_PER_MESSAGE);
    }

    @Test
    void hundredMillionMessagesNeedAboutFiftyGigabytes() {
        DiskNeed need = DiskNeed.estimate(100_000_000L, 128, "scale_bench", 64);

        assertThat(need.totalBytes()).isBetween(48 * GB, 55 * GB);
    }

    @Test
    void refusesWhenTheFreeSpaceIsTooSmall() {
        DiskNeed need = DiskNeed.estimate(100_000_000L, 128, "scale_bench", 64);

        assertThat(need.refusal(40 * GB, 1000 * GB)).contains("only 40.0 GB are free");
    }

    @Test
    void refusesWhenTheRunWouldCrossTheForcedCleaningThreshold() {
        DiskNeed need = DiskNeed.estimate(100_000_000L, 128, "scale_bench", 64);

        // this machine: 270 GB volume, 79 GB free: the run fits but leaves the volume about 89 % used
        assertThat(need.refusal(79 * GB, 270 * GB)).contains("above 85 %").contains("free at least");
    }

    @Test
    void acceptsARunThatStaysBelowTheThreshold() {
        DiskNeed need = DiskNeed.estimate(100_000_000L, 128, "scale_bench", 64);

        assertThat(need.refusal(200 * GB, 400 * GB)).isNull();
        assertThat(DiskNeed.estimate(20_000, 128, "scale_bench", 64).refusal(79 * GB, 270 * GB)).isNull();
    }
}
