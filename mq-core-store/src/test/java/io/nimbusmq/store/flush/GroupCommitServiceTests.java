package io.nimbusmq.store.flush;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.store.file.MappedFileQueue;
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
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
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
        assertThat(future.get(5, TimeUnit.SECONDS)).isFalse();
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
}
