package io.nimbusmq.store.retention;

import static io.nimbusmq.store.StoreTestSupport.message;
import static io.nimbusmq.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.MutableClock;
import io.nimbusmq.store.PutMessageStatus;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.GetMessageStatus;
import io.nimbusmq.store.read.MessageFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionServiceTests {

    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private volatile double diskUsage = 0.1;
    private final MutableClock clock = new MutableClock(System.currentTimeMillis());

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    private void fill(int messages) throws Exception {
        store = new DefaultMessageStore(smallConfig(dir), clock, root -> diskUsage);
        store.start();
        for (int i = 0; i < messages; i++) {
            assertThat(store.putMessage(message("T", 0, "r".repeat(1000) + i)).get().isOk()).isTrue();
        }
        assertThat(store.awaitDispatched(5000)).isTrue();
    }

    private List<Path> commitLogSegments() throws Exception {
        try (Stream<Path> files = Files.list(StoreFileNames.commitLogDir(dir))) {
            return files.filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString())).sorted().toList();
        }
    }

    private void ageAllSegments(long hours) throws Exception {
        for (Path segment : commitLogSegments()) {
            Files.setLastModifiedTime(segment, FileTime.fromMillis(clock.millis() - hours * HOUR));
        }
    }

    @Test
    void expiredSegmentsAreDeletedButNeverTheActiveOne() throws Exception {
        fill(300);
        int before = commitLogSegments().size();
        assertThat(before).isGreaterThan(3);
        ageAllSegments(73);

        assertThat(store.runRetention()).isEqualTo(before - 1);
        assertThat(commitLogSegments()).hasSize(1);
        long min = store.minOffsetInQueue("T", 0);
        assertThat(min).isPositive();
        try (GetMessageResult r = store.getMessages("T", 0, 0, 1, 1 << 20, MessageFilter.ALL)) {
            assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
            assertThat(r.nextBeginOffset()).isEqualTo(min);
        }
        try (GetMessageResult r = store.getMessages("T", 0, min, 1, 1 << 20, MessageFilter.ALL)) {
            assertThat(r.status()).isEqualTo(GetMessageStatus.FOUND);
        }
    }

    @Test
    void youngSegmentsStayWhileTheDiskHasRoom() throws Exception {
        fill(300);
        int before = commitLogSegments().size();
        ageAllSegments(71);
        assertThat(store.runRetention()).isZero();
        assertThat(commitLogSegments()).hasSize(before);
    }

    @Test
    void aDiskAboveTheForceCleanRatioDeletesTheOldestSegmentWhateverItsAge() throws Exception {
        fill(300);
        int before = commitLogSegments().size();
        diskUsage = 0.80;
        assertThat(store.runRetention()).as("at 80 percent RocketMQ keeps segments younger than the reserved time")
                .isZero();
        diskUsage = 0.86;
        assertThat(store.runRetention()).isEqualTo(1);
        assertThat(commitLogSegments()).hasSize(before - 1);
        assertThat(store.isWritable()).isTrue();
    }

    @Test
    void aSegmentHeldByAReaderStaysReadableUntilReleased() throws Exception {
        fill(300);
        GetMessageResult held = store.getMessages("T", 0, 0, 1, 1 << 20, MessageFilter.ALL);
        MappedSlice slice = held.messages().get(0);
        Path first = commitLogSegments().get(0);
        ageAllSegments(100);
        store.runRetention();

        assertThat(first).exists();
        assertThat(slice.buffer().getInt(0)).isEqualTo(slice.sizeBytes());
        held.release();
        assertThat(first).doesNotExist();
    }

    @Test
    void aDiskAboveTheFullRatioStopsWritesUntilSpaceIsBack() throws Exception {
        fill(10);
        diskUsage = 0.99;
        store.runRetention();
        assertThat(store.isWritable()).isFalse();
        assertThat(store.notWritableReason()).contains("disk");
        assertThat(store.putMessage(message("T", 0, "no")).get().status())
                .isEqualTo(PutMessageStatus.SERVICE_NOT_AVAILABLE);
        try (GetMessageResult r = store.getMessages("T", 0, 0, 32, 1 << 20, MessageFilter.ALL)) {
            assertThat(r.messageCount()).isEqualTo(10);
        }
        diskUsage = 0.5;
        store.runRetention();
        assertThat(store.putMessage(message("T", 0, "yes")).get().isOk()).isTrue();
    }
}
