package io.nimbusmq.store.flush;

import java.util.concurrent.CompletableFuture;

/**
 * Forces appended commit log bytes to disk. {@link AsyncFlushService} does it periodically; {@link GroupCommitService}
 * does it on demand for SYNC_FLUSH puts, sharing one force among all writers that wait at the same time.
 */
public interface CommitLogFlusher {

    /**
     * Completes with {@code true} once every byte before {@code endOffset} is on disk, or with {@code false} if that
     * does not happen within the configured timeout. In ASYNC_FLUSH mode it completes at once. Completes
     * exceptionally with a {@link FlushFailedException} if a force failed before those bytes were on disk: they are
     * never acknowledged afterwards, because a later force may succeed without them (the kernel may have dropped the
     * pages it could not write).
     */
    CompletableFuture<Boolean> awaitFlushed(long endOffset);

    /** Number of forces issued since start. */
    long forceCount();

    void start();

    /** Forces everything still unflushed and stops. */
    void shutdown();
}
