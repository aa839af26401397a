package io.nimbusmq.store.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nimbusmq.store.file.ForceableLog;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.internal.StoreHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitServiceTests {

    @TempDir
    Path dir;

    private MappedFileQueue files;

    @BeforeEach
    void open() {
        files = new MappedFileQueue(dir, 1 << 20);
    }

    @AfterEach
    void close() {
        files.shutdown();
    }

    private long write(int bytes) throws IOException {
        files.segmentForAppend(0).append(ByteBuffer.allocate(bytes));
        return files.maxOffset();
    }

    @Test
    void waitersQueuedTogetherShareOneForce() throws Exception {
        GroupCommitService service = new GroupCommitService(files, 5000);
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(service.awaitFlushed(write(100)));
        }
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        service.start();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(futures).allMatch(f -> f.join());
        assertThat(service.forceCount()).isEqualTo(1);
        assertThat(files.flushedOffset()).isEqualTo(5000);
        service.shutdown();
    }

    @Test
    void alreadyFlushedBytesCompleteAtOnce() throws Exception {
        GroupCommitService service = new GroupCommitService(files, 5000);
        long end = write(10);
        files.flush();
        assertThat(service.awaitFlushed(end)).isCompletedWithValue(true);
    }

    @Test
    void aRequestNotServedInTimeCompletesWithFalse() throws Exception {
        GroupCommitService service = new GroupCommitService(files, 50);
        CompletableFuture<Boolean> future = service.awaitFlushed(write(10));
        assertThat(future.get(30, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void shutdownForcesWhatIsPending() throws Exception {
        GroupCommitService service = new GroupCommitService(files, 5000);
        service.start();
        service.shutdown();
        long end = write(10);
        assertThat(files.flushedOffset()).isLessThan(end);
        AsyncFlushService async = new AsyncFlushService(files, 60_000);
        async.start();
        async.shutdown();
        assertThat(files.flushedOffset()).isEqualTo(end);
        assertThat(async.awaitFlushed(end)).isCompletedWithValue(true);
    }

    @Test
    void aFailedForceFailsItsWaitersAndNothingAfterItIsEverAcknowledged() throws Exception {
        long good = write(100);
        files.flush();
        long pendingEnd = write(100);
        FailingLog failing = new FailingLog(files);
        StoreHealth health = new StoreHealth();
        GroupCommitService service = new GroupCommitService(failing, 5000, health, (from, to) -> to);
        CompletableFuture<Boolean> waiter = service.awaitFlushed(pendingEnd);
        service.start();

        assertThatThrownBy(() -> waiter.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(FlushFailedException.class)
                .hasMessageContaining("force failed").hasMessageContaining("offset " + good);
        assertThat(health.isWritable()).isFalse();
        assertThat(health.faultFloor()).isEqualTo(good);

        failing.failing = false;
        long later = write(100);
        assertThatThrownBy(() -> service.awaitFlushed(later).get(30, TimeUnit.SECONDS))
                .as("a later force that succeeds does not vouch for bytes the failed one may have dropped")
                .hasCauseInstanceOf(FlushFailedException.class);
        assertThat(service.awaitFlushed(good)).isCompletedWithValue(true);
        service.shutdown();
    }

    @Test
    void requestsEndingAfterARecordThatDoesNotReadBackFailAndTheOthersAreAcknowledged() throws Exception {
        long first = write(100);
        long second = write(100);
        long third = write(100);
        StoreHealth health = new StoreHealth();
        GroupCommitService service = new GroupCommitService(files, 5000, health, (from, to) -> first);
        List<CompletableFuture<Boolean>> futures = List.of(service.awaitFlushed(first),
                service.awaitFlushed(second), service.awaitFlushed(third));
        service.start();

        assertThat(futures.get(0).get(30, TimeUnit.SECONDS)).isTrue();
        for (CompletableFuture<Boolean> failed : futures.subList(1, 3)) {
            assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(FlushFailedException.class).hasMessageContaining("did not read back intact");
        }
        assertThat(health.notWritableReason()).contains("offset " + first);
        service.shutdown();
    }

    @Test
    void concurrentWritersShareForcesAndEachPutIsForcedBeforeItCompletes() throws Exception {
        CountingLog counting = new CountingLog(files);
        GroupCommitService service = new GroupCommitService(counting, 60_000);
        service.start();
        int writers = 16;
        int perWriter = 200;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    long end;
                    synchronized (files) {
                        try {
                            end = write(64);
                        } catch (IOException e) {
                            problems.add(e);
                            return;
                        }
                    }
                    boolean flushed = service.awaitFlushed(end).join();
                    if (!flushed || counting.flushedOffset() < end) {
                        problems.add(new AssertionError("put ending at " + end + " completed with " + flushed
                                + " while the log was forced up to " + counting.flushedOffset()));
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(120));
        }
        service.shutdown();

        assertThat(problems).isEmpty();
        int puts = writers * perWriter;
        assertThat(files.flushedOffset()).isEqualTo(puts * 64L);
        assertThat(service.forceCount()).as("forces that wrote something").isEqualTo(counting.forcesThatWrote.get());
        assertThat(counting.forcesThatWrote.get()).as("forces for %d puts of %d concurrent writers", puts, writers)
                .isPositive().isLessThanOrEqualTo(puts / 2);
    }

    @Test
    void waitersTimeOutWhileTheForceHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HangingLog hanging = new HangingLog(files, release);
        GroupCommitService service = new GroupCommitService(hanging, 200);
        service.start();
        try {
            CompletableFuture<Boolean> first = service.awaitFlushed(write(10));
            hanging.entered.await(30, TimeUnit.SECONDS);
            CompletableFuture<Boolean> second = service.awaitFlushed(write(10));

            assertThat(first.get(30, TimeUnit.SECONDS)).as("timed out inside the force").isFalse();
            assertThat(second.get(30, TimeUnit.SECONDS)).as("timed out while the force hung").isFalse();
        } finally {
            release.countDown();
            service.shutdown();
        }
        assertThat(files.flushedOffset()).as("the bytes are still forced").isEqualTo(20);
    }

    /** The real log's offsets; subclasses decide how a force behaves. */
    private abstract static class TestLog implements ForceableLog {

        final MappedFileQueue files;

        TestLog(MappedFileQueue files) {
            this.files = files;
        }

        @Override
        public long flushedOffset() {
            return files.flushedOffset();
        }

        @Override
        public long maxOffset() {
            return files.maxOffset();
        }
    }

    /** Counts the forces of the real log that moved the flushed offset. */
    private static final class CountingLog extends TestLog {

        final AtomicInteger forcesThatWrote = new AtomicInteger();

        CountingLog(MappedFileQueue files) {
            super(files);
        }

        @Override
        public long flush() {
            long before = files.flushedOffset();
            long after = files.flush();
            if (after > before) {
                forcesThatWrote.incrementAndGet();
            }
            return after;
        }
    }

    /** A log whose first force hangs until released, as msync does on a stalled device. */
    private static final class HangingLog extends TestLog {

        private final CountDownLatch release;
        final CountDownLatch entered = new CountDownLatch(1);

        HangingLog(MappedFileQueue files, CountDownLatch release) {
            super(files);
            this.release = release;
        }

        @Override
        public long flush() {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return files.flush();
        }
    }

    /** Forces like the real log until {@link #failing} is set, then fails as msync does on an I/O error. */
    private static final class FailingLog extends TestLog {

        volatile boolean failing = true;

        FailingLog(MappedFileQueue files) {
            super(files);
        }

        @Override
        public long flush() {
            if (failing) {
                throw new UncheckedIOException(new IOException("msync: Input/output error"));
            }
            return files.flush();
        }
    }
}
