package io.nimbusmq.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.store.StoreTestSupport;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogTests {

    @TempDir
    Path dir;

    private final QueueOffsetTable offsets = new QueueOffsetTable();
    private CommitLog log;

    @BeforeEach
    void open() {
        log = new CommitLog(dir, new CommitLogConfig(4096, 2048, 1024), offsets, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        log.shutdown();
    }

    @Test
    void appendsAssignPhysicalAndPerQueueOffsets() throws IOException {
        AppendResult a = log.append(StoreTestSupport.message("T", 0, "a"));
        AppendResult b = log.append(StoreTestSupport.message("T", 1, "b"));
        AppendResult c = log.append(StoreTestSupport.message("T", 0, "c"));
        assertThat(a.physicalOffset()).isZero();
        assertThat(b.physicalOffset()).isEqualTo(a.endOffset());
        assertThat(c.physicalOffset()).isEqualTo(b.endOffset());
        assertThat(List.of(a.queueOffset(), b.queueOffset(), c.queueOffset())).containsExactly(0L, 0L, 1L);
        assertThat(offsets.next("T", 0)).isEqualTo(2);
        assertThat(log.maxOffset()).isEqualTo(c.endOffset());
    }

    @Test
    void theWriterAsksForTheNextSegmentOncePerSegmentWhenItPassesHalfOfIt() throws IOException {
        assertThat(log.reserveNextAt()).isEqualTo(2048);
        List<Long> askedAt = new ArrayList<>();
        log.onReserveNext(() -> askedAt.add(log.files().lastSegment().fileFromOffset()
                + log.files().lastSegment().writePosition()));
        String body = "z".repeat(400);
        while (log.maxOffset() < 3 * 4096) {
            log.append(StoreTestSupport.message("T", 0, body));
        }
        assertThat(askedAt).hasSize(3);
        for (int segment = 0; segment < 3; segment++) {
            assertThat(askedAt.get(segment) - segment * 4096L).isBetween(2048L, 2048L + 1024);
        }
    }

    @Test
    void aRecordThatDoesNotFitClosesTheSegmentWithABlankRecord() throws IOException {
        String body = "z".repeat(1500);
        long end = 0;
        for (int i = 0; i < 3; i++) {
            end = log.append(StoreTestSupport.message("T", 0, body)).endOffset();
        }
        assertThat(end).isGreaterThan(4096);
        MappedFile first = log.files().firstSegment();
        assertThat(first.isFull()).isTrue();
        ByteBuffer view = first.wholeFileView();
        int position = 0;
        RecordCheck check;
        while ((check = MessageCodec.check(view, position, 4096, position)).kind() == RecordCheck.Kind.MESSAGE) {
            position += check.sizeBytes();
        }
        assertThat(check.kind()).isEqualTo(RecordCheck.Kind.BLANK);
        assertThat(log.files().segments()).hasSize(2);
        assertThat(log.files().lastSegment().fileFromOffset()).isEqualTo(4096);
    }

    @Test
    void aBatchIsOneContiguousRunWithConsecutiveQueueOffsets() throws IOException {
        log.append(StoreTestSupport.message("T", 0, "x"));
        AppendResult batch = log.appendAll(List.of(StoreTestSupport.message("T", 0, "1"),
                StoreTestSupport.message("T", 0, "2")));
        assertThat(batch.queueOffset()).isEqualTo(1);
        assertThat(batch.messageCount()).isEqualTo(2);
        try (MappedSlice second = log.sliceRecord(batch.physicalOffsets()[1])) {
            assertThat(MessageCodec.decode(second.buffer()).queueOffset()).isEqualTo(2);
        }
        assertThat(offsets.next("T", 0)).isEqualTo(3);
    }

    @Test
    void preparedTransactionMessagesTakeNoQueueOffset() throws IOException {
        MessageInput half = MessageInput.builder("T", 0, new byte[] {1})
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE).build();
        assertThat(log.append(half).queueOffset()).isZero();
        assertThat(offsets.next("T", 0)).isZero();
    }

    @Test
    void aRecordLargerThanASegmentIsRefusedAndNothingIsWritten() {
        MessageInput huge = MessageInput.builder("T", 0, new byte[5000]).build();
        assertThatThrownBy(() -> log.append(huge)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.maxOffset()).isZero();
        assertThat(offsets.next("T", 0)).isZero();
    }

    @Test
    void sliceRecordReturnsNullWhereNoRecordStarts() throws IOException {
        AppendResult a = log.append(StoreTestSupport.message("T", 0, "a"));
        try (MappedSlice slice = log.sliceRecord(0)) {
            assertThat(slice.sizeBytes()).isEqualTo(a.wroteBytes());
        }
        assertThat(log.sliceRecord(3)).isNull();
        assertThat(log.sliceRecord(a.endOffset())).isNull();
    }
}
