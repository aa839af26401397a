package io.nimbusmq.store;

import static io.nimbusmq.store.StoreTestSupport.message;
import static io.nimbusmq.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store unmaps idle commit log segments and reads, recovers and deletes them as before. */
class IdleUnmapStoreTests {

    private static final int MESSAGES = 300;
    private static final long IDLE = 1000;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(System.currentTimeMillis());
    private DefaultMessageStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.shutdown();
        }
    }

    private StoreConfig config() {
        StoreConfig small = smallConfig(dir);
        return small.withCommitLog(small.commitLog().withUnmapIdleMillis(IDLE));
    }

    private void open() throws Exception {
        store = new DefaultMessageStore(config(), clock, root -> 0.1);
        store.start();
    }

    private static String body(int i) {
        return "u".repeat(1000) + i;
    }

    private void fill() throws Exception {
        open();
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(store.putMessage(message("T", 0, body(i))).get().isOk()).isTrue();
        }
        assertThat(store.awaitDispatched(5000)).isTrue();
    }

    private int segmentCount() throws Exception {
        try (Stream<Path> files = Files.list(StoreFileNames.commitLogDir(dir))) {
            return (int) files.filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString())).count();
        }
    }

    /** Advances the store clock until only the active segment is still mapped. */
    private void awaitIdleSegmentsUnmapped() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
            clock.advance(IDLE / 2);
            return store.mappedCommitLogSegments() == 1;
        });
    }

    private void assertAllMessagesReadable(long from) {
        for (long offset = from; offset < MESSAGES; offset += 32) {
            try (GetMessageResult result = store.getMessages("T", 0, offset, 32, 1 << 20, MessageFilter.ALL)) {
                List<MappedSlice> slices = result.messages();
                assertThat(slices).isNotEmpty();
                for (int i = 0; i < slices.size(); i++) {
                    String body = new String(MessageCodec.decode(slices.get(i).buffer()).body(),
                            StandardCharsets.UTF_8);
                    assertThat(body).isEqualTo(body((int) (result.queueOffsets().get(i).longValue())));
                }
            }
        }
    }

    @Test
    void idleSegmentsAreUnmappedAndReadAgainAfterARestart() throws Exception {
        fill();
        int segments = segmentCount();
        assertThat(segments).isGreaterThan(3);
        assertThat(store.mappedCommitLogSegments()).isEqualTo(segments);

        awaitIdleSegmentsUnmapped();
        assertAllMessagesReadable(0);
        assertThat(store.mappedCommitLogSegments()).as("read segments are mapped again").isEqualTo(segments);

        awaitIdleSegmentsUnmapped();
        store.closeWithoutShutdown();
        open();
        assertThat(store.recoveryResult()).isNotNull();
        assertAllMessagesReadable(0);
        assertThat(store.putMessage(message("T", 0, "after")).get().isOk()).isTrue();
        assertThat(store.awaitDispatched(5000)).isTrue();
        assertThat(store.maxOffsetInQueue("T", 0)).isEqualTo(MESSAGES + 1);
    }

    @Test
    void retentionDeletesUnmappedSegments() throws Exception {
        fill();
        int segments = segmentCount();
        awaitIdleSegmentsUnmapped();
        try (Stream<Path> files = Files.list(StoreFileNames.commitLogDir(dir))) {
            for (Path segment : files.toList()) {
                Files.setLastModifiedTime(segment, FileTime.fromMillis(clock.millis() - 73L * 3_600_000));
            }
        }

        assertThat(store.runRetention()).isEqualTo(segments - 1);
        assertThat(segmentCount()).isEqualTo(1);
        long min = store.minOffsetInQueue("T", 0);
        assertThat(min).isPositive();
        assertAllMessagesReadable(min);
    }
}
