package io.nimbusmq.store;

import static io.nimbusmq.store.StoreTestSupport.message;
import static io.nimbusmq.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.retention.DiskUsageProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new store reserves its first commit log segment when it starts, so that no put has to. */
class FirstSegmentReservationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private DefaultMessageStore store;
    /** The commit log files the allocator reserved, in order (one call each: these segments are one chunk). */
    private final List<String> commitLogReservations = new CopyOnWriteArrayList<>();
    private final CountDownLatch allocatorGate = new CountDownLatch(1);

    @AfterEach
    void stop() {
        allocatorGate.countDown();
        if (store != null) {
            store.shutdown();
        }
    }

    private DefaultMessageStore start(SegmentAllocator allocator) throws Exception {
        store = new DefaultMessageStore(smallConfig(dir), Clock.systemUTC(), DiskUsageProbe.fileStore(), allocator);
        store.start();
        return store;
    }

    /** Zero-fills like production and records the commit log segments it reserves. */
    private SegmentAllocator recording(boolean gated) {
        Path commitLogDir = StoreFileNames.commitLogDir(dir);
        return (channel, path, from, to) -> {
            if (path.getParent().equals(commitLogDir)) {
                commitLogReservations.add(path.getFileName().toString());
                if (gated) {
                    awaitGate();
                }
            }
            SegmentAllocator.zeroFill().reserve(channel, path, from, to);
        };
    }

    private void awaitGate() throws IOException {
        try {
            allocatorGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("gate");
        }
    }

    @Test
    void newStoreReservesItsFirstSegmentWithoutAnyPut() throws Exception {
        start(recording(false));
        Path first = StoreFileNames.preallocatedFileFor(
                StoreFileNames.commitLogDir(dir).resolve(StoreFileNames.segmentName(0)));

        await().atMost(PATIENCE).until(() -> Files.exists(first)
                && Files.size(first) == store.config().commitLog().segmentSizeBytes());
        assertThat(commitLogReservations).containsExactly(first.getFileName().toString());
    }

    @Test
    void putRightAfterStartUsesTheSegmentReservedAhead() throws Exception {
        start(recording(false));

        assertThat(store.putMessage(message("TopicA", 0, "first")).get().status()).isEqualTo(PutMessageStatus.PUT_OK);

        assertThat(store.stats().inlineSegmentReservations()).isZero();
        assertThat(commitLogReservations).hasSize(1);
        assertThat(StoreFileNames.commitLogDir(dir).resolve(StoreFileNames.segmentName(0))).exists();
    }

    @Test
    void startDoesNotWaitForTheReservationAndAnEarlyPutWaitsInsteadOfReservingAgain() throws Exception {
        // start() returns while the reservation cannot finish (the gate opens only below, or after the test)
        CompletableFuture.runAsync(() -> {
            try {
                start(recording(true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        await().atMost(PATIENCE).until(() -> commitLogReservations.size() == 1);

        CompletableFuture<PutMessageResult> put = CompletableFuture.supplyAsync(
                () -> store.putMessage(message("TopicA", 0, "early")).join());
        allocatorGate.countDown();

        assertThat(put.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).status()).isEqualTo(PutMessageStatus.PUT_OK);
        assertThat(store.stats().inlineSegmentReservations()).isZero();
        assertThat(commitLogReservations).hasSize(1);
    }

    @Test
    void reopenedStoreWithSegmentsAnnouncesNothing() throws Exception {
        start(recording(false));
        store.putMessage(message("TopicA", 0, "m")).get();
        store.shutdown();
        commitLogReservations.clear();

        start(recording(false));
        assertThat(store.putMessage(message("TopicA", 0, "again")).get().status())
                .isEqualTo(PutMessageStatus.PUT_OK);

        assertThat(store.stats().inlineSegmentReservations()).isZero();
        assertThat(commitLogReservations).isEmpty();
    }
}
