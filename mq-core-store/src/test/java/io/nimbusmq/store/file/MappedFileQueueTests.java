package io.nimbusmq.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileQueueTests {

    @TempDir
    Path dir;

    private static void fill(MappedFile file, int bytes) throws IOException {
        file.append(ByteBuffer.allocate(bytes));
    }

    @Test
    void rollToAnAnnouncedPreallocationWaitsForItInsteadOfReservingInline() throws Exception {
        MappedFileQueue queue = new MappedFileQueue(dir, 4096);
        queue.announcePreallocation(0);
        AtomicReference<MappedFile> rolled = new AtomicReference<>();
        Thread roller = new Thread(() -> {
            try {
                rolled.set(queue.roll(0));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        roller.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> roller.getState() == Thread.State.WAITING);

        assertThat(queue.preallocate(0)).isTrue();
        roller.join(30_000);

        assertThat(rolled.get().fileFromOffset()).isZero();
        assertThat(queue.inlineReservations()).isZero();
        assertThat(dir.resolve(StoreFileNames.segmentName(0))).exists();
        queue.shutdown();
    }

    @Test
    void stoppedPreallocationGivesUpBetweenChunksAndLeavesNoFile() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Long> chunks = new CopyOnWriteArrayList<>();
        SegmentAllocator slow = (channel, path, from, to) -> {
            chunks.add(from);
            try {
                gate.await(); // writes nothing: the file stays sparse
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        MappedFileQueue queue = new MappedFileQueue(dir, 3 * SegmentReservation.CHUNK_BYTES, slow);
        CompletableFuture<Boolean> preallocation = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.preallocate(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> chunks.size() == 1);

        queue.stopPreallocating();
        gate.countDown();

        assertThat(preallocation.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(chunks).containsExactly(0L);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(queue.preallocate(0)).isFalse();
    }

    @Test
    void shutdownReleasesARollWaitingForAnAnnouncementThatNeverRan() throws Exception {
        MappedFileQueue queue = new MappedFileQueue(dir, 4096);
        queue.announcePreallocation(0);
        queue.shutdown();

        assertThat(queue.roll(0).fileFromOffset()).isZero();
        assertThat(queue.inlineReservations()).isEqualTo(1);
        queue.shutdown();
    }

    @Test
    void rollsContiguousSegmentsAndFindsThemByOffset() throws IOException {
        MappedFileQueue queue = new MappedFileQueue(dir, 4096);
        fill(queue.segmentForAppend(0), 4096);
        MappedFile second = queue.segmentForAppend(0);
        assertThat(second.fileFromOffset()).isEqualTo(4096);
        fill(second, 10);
        assertThat(queue.segmentFor(4100)).isSameAs(second);
        assertThat(queue.segmentFor(100).fileFromOffset()).isZero();
        assertThat(queue.segmentFor(9000)).isNull();
        assertThat(queue.maxOffset()).isEqualTo(4106);
        assertThat(queue.minOffset()).isZero();
        queue.shutdown();
    }

    @Test
    void loadMapsExistingSegmentsInOrder() throws IOException {
        MappedFileQueue queue = new MappedFileQueue(dir, 4096);
        fill(queue.segmentForAppend(0), 4096);
        fill(queue.segmentForAppend(0), 1);
        queue.shutdown();

        MappedFileQueue reloaded = new MappedFileQueue(dir, 4096);
        reloaded.load();
        assertThat(reloaded.segments()).hasSize(2);
        assertThat(reloaded.lastSegment().fileFromOffset()).isEqualTo(4096);
        reloaded.shutdown();
    }

    @Test
    void truncateDeletesLaterSegmentsAndCutsTheHoldingOne() throws IOException {
        MappedFileQueue queue = new MappedFileQueue(dir, 4096);
        for (int i = 0; i < 3; i++) {
            fill(queue.segmentForAppend(0), 4096);
        }
        queue.truncateTo(5000);
        assertThat(queue.segments()).hasSize(2);
        assertThat(queue.maxOffset()).isEqualTo(5000);
        assertThat(Files.exists(dir.resolve(StoreFileNames.segmentName(8192)))).isFalse();
        queue.shutdown();
    }

    @Test
    void deleteHeadNeverDeletesTheLastSegment() throws IOException {
        MappedFileQueue queue = new MappedFileQueue(dir, 4096);
        for (int i = 0; i < 3; i++) {
            fill(queue.segmentForAppend(0), 4096);
        }
        assertThat(queue.deleteHead(f -> true, 10)).isEqualTo(2);
        assertThat(queue.segments()).hasSize(1);
        assertThat(queue.minOffset()).isEqualTo(8192);
        assertThat(queue.segmentFor(100)).isNull();
        queue.shutdown();
    }
}
