package io.nimbusmq.store.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.LogCapture;
import io.nimbusmq.store.StoreTestSupport;
import io.nimbusmq.store.commitlog.AppendResult;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.commitlog.QueueOffsetTable;
import io.nimbusmq.store.file.StoreFileNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReputServiceTests {

    @TempDir
    Path dir;

    private CommitLog log;
    private ReputService reput;
    private final List<DispatchRequest> seen = new ArrayList<>();

    @BeforeEach
    void open() {
        log = new CommitLog(dir, new CommitLogConfig(4096, 2048, 1024), new QueueOffsetTable(), Clock.systemUTC());
        reput = new ReputService(log.files(), log.damaged());
        reput.addDispatcher(seen::add);
    }

    @AfterEach
    void close() {
        log.shutdown();
    }

    @Test
    void dispatchesEveryMessageInOrderAcrossSegmentsWithTheirMeta() throws Exception {
        for (int i = 0; i < 10; i++) {
            log.append(StoreTestSupport.message("T", i % 3, "p".repeat(900), "Tag" + i, "key" + i));
        }
        reput.dispatchUntil(log.maxOffset());

        assertThat(seen).hasSize(10);
        assertThat(reput.dispatchedOffset()).isEqualTo(log.maxOffset());
        assertThat(log.files().segments().size()).isGreaterThan(1);
        for (int i = 0; i < 10; i++) {
            DispatchRequest r = seen.get(i);
            assertThat(r.queueId()).isEqualTo(i % 3);
            assertThat(r.queueOffset()).isEqualTo(i / 3);
            assertThat(r.tagsCode()).isEqualTo(MessageProperties.tagsCode("Tag" + i));
            assertThat(r.keys()).isEqualTo("key" + i);
        }
        for (int i = 1; i < 10; i++) {
            assertThat(seen.get(i).physicalOffset()).isGreaterThan(seen.get(i - 1).physicalOffset());
        }
    }

    @Test
    void resumesFromWhereItStopped() throws Exception {
        log.append(StoreTestSupport.message("T", 0, "a"));
        reput.dispatchUntil(log.maxOffset());
        log.append(StoreTestSupport.message("T", 0, "b"));
        reput.dispatchUntil(log.maxOffset());
        assertThat(seen).extracting(DispatchRequest::queueOffset).containsExactly(0L, 1L);
        assertThat(reput.behindBytes()).isZero();
    }

    @Test
    void aDamagedRecordBelowTheWritePositionIsPassedOverOnceAndEveryOtherRecordIsDispatched() throws Exception {
        List<AppendResult> appended = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            appended.add(log.append(StoreTestSupport.message(i % 2 == 0 ? "A" : "B", 0, "m" + i)));
        }
        AppendResult hole = appended.get(2);
        try (FileChannel channel = FileChannel.open(dir.resolve(StoreFileNames.segmentName(0)),
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(hole.wroteBytes()), hole.physicalOffset());
        }

        try (LogCapture logs = new LogCapture()) {
            for (int round = 0; round < 50; round++) {
                reput.dispatchUntil(log.maxOffset());
            }
            assertThat(logs.problems()).as("logged once, not once per round").hasSize(1);
            assertThat(logs.problems().get(0).getFormattedMessage()).contains("[" + hole.physicalOffset() + ", "
                    + hole.endOffset() + ")").contains("found by dispatch");
        }
        assertThat(seen).extracting(DispatchRequest::physicalOffset).containsExactly(
                appended.get(0).physicalOffset(), appended.get(1).physicalOffset(),
                appended.get(3).physicalOffset(), appended.get(4).physicalOffset(),
                appended.get(5).physicalOffset());
        assertThat(reput.dispatchedOffset()).isEqualTo(log.maxOffset());

        log.append(StoreTestSupport.message("B", 0, "after"));
        reput.dispatchUntil(log.maxOffset());
        assertThat(seen).hasSize(6);
    }
}
