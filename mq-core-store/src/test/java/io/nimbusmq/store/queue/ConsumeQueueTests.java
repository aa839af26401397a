package io.nimbusmq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.store.commitlog.DamagedRanges;
import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.recovery.RecoveredCommitLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTests {

    @TempDir
    Path dir;

    private final ConsumeQueueConfig config = new ConsumeQueueConfig(16);
    private ConsumeQueue queue;

    @BeforeEach
    void open() {
        queue = new ConsumeQueue("T", 0, dir, config, SegmentAllocator.zeroFill());
    }

    @AfterEach
    void close() {
        queue.shutdown();
    }

    private void putSequential(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            queue.putEntry(i, i * 100L, 100, i);
        }
    }

    @Test
    void entriesAreTwentyBytesAcrossSegments() throws IOException {
        putSequential(40);
        assertThat(queue.maxOffset()).isEqualTo(40);
        assertThat(queue.entry(33)).isEqualTo(new ConsumeQueueEntry(33, 3300, 100, 33));
        assertThat(queue.entry(40)).isNull();
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("00000000000000000000", "00000000000000000320",
                "00000000000000000640");
    }

    @Test
    void rewritingAnExistingEntryIsIgnored() throws IOException {
        putSequential(3);
        queue.putEntry(1, 999_999, 1, 1);
        assertThat(queue.entry(1).physicalOffset()).isEqualTo(100);
        assertThat(queue.maxOffset()).isEqualTo(3);
    }

    @Test
    void aGapIsFilledWithHoles() throws IOException {
        putSequential(2);
        queue.putEntry(5, 500, 100, 0);
        assertThat(queue.maxOffset()).isEqualTo(6);
        assertThat(queue.entry(3).isHole()).isTrue();
        assertThat(queue.entry(5).physicalOffset()).isEqualTo(500);
    }

    @Test
    void anEmptyQueueStartsAtTheFirstOffsetItIsGiven() throws IOException {
        queue.putEntry(21, 2100, 100, 0);
        assertThat(queue.minOffset()).isEqualTo(21);
        assertThat(queue.maxOffset()).isEqualTo(22);
        assertThat(queue.entries(20, 1)).isNull();
    }

    @Test
    void recoverEndFindsTheLastWrittenEntryAfterReload() throws IOException {
        putSequential(20);
        queue.shutdown();
        queue = new ConsumeQueue("T", 0, dir, config, SegmentAllocator.zeroFill());
        queue.load();
        queue.recoverEnd();
        assertThat(queue.maxOffset()).isEqualTo(20);
        assertThat(queue.minOffset()).isZero();
        queue.putEntry(20, 2000, 100, 0);
        assertThat(queue.entry(20).physicalOffset()).isEqualTo(2000);
    }

    @Test
    void recoverEndOnAQueueWhoseLastSegmentIsEmpty() throws IOException {
        putSequential(16);
        queue.putEntry(16, 1600, 100, 0);
        queue.recover(commitLog(5000, 1600, List.of()));
        assertThat(queue.maxOffset()).as("the entry not backed by its record is cut").isEqualTo(16);
        queue.shutdown();
        queue = new ConsumeQueue("T", 0, dir, config, SegmentAllocator.zeroFill());
        queue.load();
        queue.recoverEnd();
        assertThat(queue.maxOffset()).isEqualTo(16);
    }

    @Test
    void recoverCutsEntriesThatTheCommitLogDoesNotBack() throws IOException {
        putSequential(30);
        ConsumeQueue.Recovered recovered = queue.recover(commitLog(5000, 1250, List.of()));
        assertThat(queue.maxOffset()).isEqualTo(12);
        assertThat(queue.entry(11).physicalOffset()).isEqualTo(1100);
        assertThat(recovered.entriesCut()).isEqualTo(18);
    }

    @Test
    void entriesOfMessagesLostWithATornTailBecomeHolesSoTheirOffsetsAreNotHandedOutAgain() throws IOException {
        putSequential(30);
        ConsumeQueue.Recovered recovered = queue.recover(new RecoveredCommitLog(2450, 1000, List.of(),
                offset -> new MessageMeta(100, 0, offset / 100, offset, 0, 0, "T", "")));
        assertThat(queue.maxOffset()).isEqualTo(30);
        assertThat(recovered.holesPunched()).isEqualTo(6);
        assertThat(queue.entry(23).isHole()).isFalse();
        assertThat(queue.entry(24).isHole()).as("ends at 2500, past the end").isTrue();
    }

    @Test
    void recoverKeepsEntriesPastTheCheckpointOnlyWhileTheirRecordIsTheirs() throws IOException {
        putSequential(30);
        // records back entries up to 24; the record at 2500 belongs to another queue
        RecoveredCommitLog log = new RecoveredCommitLog(3000, 1000, List.of(), offset -> offset < 2500
                ? new MessageMeta(100, 0, offset / 100, offset, 0, 0, "T", "")
                : new MessageMeta(100, 1, offset / 100, offset, 0, 0, "T", ""));
        queue.recover(log);
        assertThat(queue.maxOffset()).isEqualTo(25);
    }

    @Test
    void recoverTurnsEntriesOfDamagedRecordsIntoHolesThatKeepTheQueueOffsets() throws IOException {
        putSequential(30);
        List<DamagedRanges.Range> damaged = List.of(new DamagedRanges.Range(500, 600, 1, "bit rot"),
                new DamagedRanges.Range(2900, 3000, 1, "torn"));
        RecoveredCommitLog log = new RecoveredCommitLog(3000, 2000, damaged,
                offset -> new MessageMeta(100, 0, offset / 100, offset, 0, 0, "T", ""));
        ConsumeQueue.Recovered recovered = queue.recover(log);

        assertThat(recovered.holesPunched()).isEqualTo(2);
        assertThat(queue.maxOffset()).as("the last message's offset is not handed out again").isEqualTo(30);
        assertThat(queue.entry(5).isHole()).isTrue();
        assertThat(queue.entry(29).isHole()).isTrue();
        assertThat(queue.entry(6).physicalOffset()).isEqualTo(600);

        queue.shutdown();
        queue = new ConsumeQueue("T", 0, dir, config, SegmentAllocator.zeroFill());
        queue.load();
        queue.recoverEnd();
        queue.recover(new RecoveredCommitLog(3000, 3000, List.of(), offset -> null));
        assertThat(queue.maxOffset()).as("holes of damaged records survive the next recovery").isEqualTo(30);
    }

    private static RecoveredCommitLog commitLog(long end, long dispatchSafe, List<DamagedRanges.Range> damaged) {
        return new RecoveredCommitLog(end, dispatchSafe, damaged, offset -> null);
    }

    @Test
    void correctMinOffsetSkipsDeletedMessagesAndDeletesWholeSegments() throws IOException {
        putSequential(40);
        queue.correctMinOffset(2000);
        assertThat(queue.minOffset()).isEqualTo(20);
        assertThat(queue.entries(19, 1)).isNull();
        assertThat(dir.toFile().list()).doesNotContain("00000000000000000000");
        assertThat(queue.entry(20).physicalOffset()).isEqualTo(2000);
    }
}
