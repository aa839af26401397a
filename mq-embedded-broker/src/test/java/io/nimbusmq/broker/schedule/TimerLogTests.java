package io.nimbusmq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimerLogTests {

    private static final int SEGMENT = 4 * TimerLog.ENTRY_BYTES;

    @TempDir
    Path dir;

    @Test
    void entriesReadBackAsWrittenAcrossSegments() throws Exception {
        try (TimerLog log = new TimerLog(dir, SEGMENT)) {
            log.load(0);
            for (int i = 0; i < 10; i++) {
                assertThat(log.append(1_000L + i, 100L * i, 50 + i, i % 3 == 0, i - 1L))
                        .isEqualTo((long) i * TimerLog.ENTRY_BYTES);
            }

            assertThat(log.read(5 * TimerLog.ENTRY_BYTES))
                    .isEqualTo(new TimerRecord(1_005, 500, 55, false, 4));
            assertThat(log.read(6 * TimerLog.ENTRY_BYTES).roll()).isTrue();
            assertThat(log.read(10 * TimerLog.ENTRY_BYTES)).as("past the end").isNull();
            assertThat(segmentFiles()).hasSize(3);
        }
    }

    @Test
    void relinkRewritesOnlyThePreviousEntryLink() throws Exception {
        try (TimerLog log = new TimerLog(dir, SEGMENT)) {
            log.load(0);
            long position = log.append(7_000, 42, 10, true, -1);

            log.relink(position, 96);

            assertThat(log.read(position)).isEqualTo(new TimerRecord(7_000, 42, 10, true, 96));
        }
    }

    @Test
    void reloadEndsAtTheCheckpointedPositionAndOverwritesWhatFollows() throws Exception {
        try (TimerLog log = new TimerLog(dir, SEGMENT)) {
            log.load(0);
            for (int i = 0; i < 6; i++) {
                log.append(i, i, 1, false, -1);
            }
        }
        try (TimerLog log = new TimerLog(dir, SEGMENT)) {
            log.load(3 * TimerLog.ENTRY_BYTES);
            List<Long> targets = new ArrayList<>();
            log.forEach((position, record) -> targets.add(record.targetMillis()));
            assertThat(targets).containsExactly(0L, 1L, 2L);
            assertThat(log.append(99, 99, 1, false, -1)).isEqualTo(3L * TimerLog.ENTRY_BYTES);
            assertThat(segmentFiles()).as("the segment wholly past the end is gone").hasSize(1);
        }
    }

    @Test
    void segmentsWhollyBehindTheCursorAreDeletedButNeverTheOneBeingWritten() throws Exception {
        try (TimerLog log = new TimerLog(dir, SEGMENT)) {
            log.load(0);
            long[] targets = {10, 20, 30, 40, 50, 60, 500, 70, 80, 90};
            for (long target : targets) {
                log.append(target, target, 1, false, -1);
            }

            assertThat(log.deleteSegmentsBefore(75)).as("only the first: the second holds 500").isEqualTo(1);
            assertThat(log.startPosition()).isEqualTo(SEGMENT);
            assertThat(log.deleteSegmentsBefore(10_000)).as("the third is being written").isEqualTo(1);
            assertThat(log.read(8 * TimerLog.ENTRY_BYTES).targetMillis()).isEqualTo(80);
            assertThat(segmentFiles()).hasSize(1);
        }
    }

    private List<Path> segmentFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
