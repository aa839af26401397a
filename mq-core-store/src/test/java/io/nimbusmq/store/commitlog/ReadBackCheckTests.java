package io.nimbusmq.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.store.StoreTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadBackCheckTests {

    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private CommitLog log;
    private ReadBackCheck check;
    private final List<AppendResult> appended = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        log = new CommitLog(dir, new CommitLogConfig(SEGMENT, 8192, 1024), new QueueOffsetTable(), Clock.systemUTC());
        // a buffer smaller than some records, so that records straddle reads and the buffer grows
        check = new ReadBackCheck(log.files(), log.damaged(), log.maxRecordBytes(), 1024);
        for (int i = 0; i < 250; i++) {
            appended.add(log.append(StoreTestSupport.message("T", i % 2, "b".repeat(100 + (i % 150) * 10))));
        }
    }

    @AfterEach
    void close() {
        log.shutdown();
    }

    @Test
    void intactRecordsAcrossSegmentsReadBackUpToTheEnd() {
        assertThat(log.files().segments()).hasSizeGreaterThan(2);
        assertThat(check.verifiedUpTo(0, log.maxOffset())).isEqualTo(log.maxOffset());
        assertThat(check.verifiedUpTo(appended.get(40).physicalOffset(), log.maxOffset())).isEqualTo(log.maxOffset());
        assertThat(log.damaged().all()).isEmpty();
    }

    @Test
    void aRecordTheFileDoesNotHoldFailsAndTheNextCheckPassesOverIt() throws IOException {
        AppendResult hit = appended.get(200);
        long segmentStart = hit.physicalOffset() - hit.physicalOffset() % SEGMENT;
        Path segment = dir.resolve(String.format("%020d", segmentStart));
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            // bytes that the mapped copy never got into the file: zeros in the middle of the record
            channel.write(ByteBuffer.allocate(16), hit.physicalOffset() - segmentStart + 40);
        }

        assertThat(check.verifiedUpTo(0, log.maxOffset())).isEqualTo(hit.physicalOffset());
        assertThat(log.damaged().all()).singleElement().satisfies(range -> {
            assertThat(range.startOffset()).isEqualTo(hit.physicalOffset());
            assertThat(range.endOffset()).as("up to the next intact record").isEqualTo(hit.endOffset());
        });
        assertThat(check.verifiedUpTo(hit.physicalOffset(), log.maxOffset())).isEqualTo(log.maxOffset());
    }

    @Test
    void aFileCutShortFailsAtTheFirstRecordPastItsEnd() throws IOException {
        AppendResult last = appended.get(appended.size() - 1);
        AppendResult cut = appended.get(appended.size() - 3);
        long segmentStart = last.physicalOffset() - last.physicalOffset() % SEGMENT;
        assertThat(cut.physicalOffset()).isGreaterThan(segmentStart);
        try (FileChannel channel = FileChannel.open(dir.resolve(String.format("%020d", segmentStart)),
                StandardOpenOption.WRITE)) {
            channel.truncate(cut.physicalOffset() - segmentStart + 10);
        }

        assertThat(check.verifiedUpTo(0, log.maxOffset())).isEqualTo(cut.physicalOffset());
        assertThat(log.damaged().rangeAt(last.physicalOffset())).as("everything past the end of the file").isNotNull();
    }
}
