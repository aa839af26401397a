package io.nimbusmq.store;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

import io.nimbusmq.message.MessageInput;
import io.nimbusmq.store.commitlog.AppendResult;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.commitlog.StoreNotWritableException;
import io.nimbusmq.store.file.InsufficientDiskSpaceException;
import io.nimbusmq.store.flush.CommitLogFlusher;
import io.nimbusmq.store.flush.FlushFailedException;
import io.nimbusmq.store.internal.StoreHealth;

/**
 * The put path: validate, append, wait for the flush, and turn every outcome into a {@link PutMessageResult}.
 *
 * <p>What a put can answer besides PUT_OK:
 * <ul>
 * <li>MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED, TOPIC_ILLEGAL: refused before anything is written;</li>
 * <li>SERVICE_NOT_AVAILABLE: the store refuses writes (not running, disk full, an earlier fault: the remark says
 * which), a write into the segment failed (rolled back), or the force of a SYNC_FLUSH put failed (the message may
 * be in the log but is not acknowledged);</li>
 * <li>CREATE_MAPPED_FILE_FAILED: a new segment could not be reserved (disk full); nothing was written;</li>
 * <li>FLUSH_DISK_TIMEOUT: stored, but not forced within the SYNC_FLUSH timeout;</li>
 * <li>UNKNOWN_ERROR: anything else, which also puts the store in the write-fault state.</li>
 * </ul>
 */
final class MessageAppender {

    private final CommitLog commitLog;
    private final CommitLogFlusher flusher;
    private final StoreHealth health;
    private final MessageValidator validator;
    private final long syncFlushTimeoutMillis;
    private final LongAdder putMessages = new LongAdder();
    private final LongAdder putBytes = new LongAdder();

    MessageAppender(CommitLog commitLog, CommitLogFlusher flusher, StoreHealth health, long syncFlushTimeoutMillis) {
        this.commitLog = commitLog;
        this.flusher = flusher;
        this.health = health;
        this.validator = new MessageValidator(commitLog.config());
        this.syncFlushTimeoutMillis = syncFlushTimeoutMillis;
    }

    /** Appends and completes once the put is settled; the caller has checked that the store runs. */
    CompletableFuture<PutMessageResult> put(List<MessageInput> messages, Runnable afterAppend) {
        PutMessageResult rejected = validator.validate(messages);
        if (rejected != null) {
            return CompletableFuture.completedFuture(rejected);
        }
        if (!health.isWritable()) {
            return rejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, health.notWritableReason());
        }
        AppendResult append;
        try {
            append = commitLog.appendAll(messages);
        } catch (StoreNotWritableException e) {
            return rejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, e.getMessage());
        } catch (InsufficientDiskSpaceException e) {
            return rejected(PutMessageStatus.CREATE_MAPPED_FILE_FAILED, "disk full: " + e.getMessage());
        } catch (IOException e) {
            return rejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, e.getMessage());
        } catch (IllegalArgumentException e) {
            return rejected(PutMessageStatus.MESSAGE_ILLEGAL, e.getMessage());
        } catch (RuntimeException | InternalError e) {
            health.markWriteFault("commit log append failed: " + e, commitLog.maxOffset());
            return rejected(PutMessageStatus.UNKNOWN_ERROR, e.toString());
        }
        putMessages.add(append.messageCount());
        putBytes.add(append.wroteBytes());
        afterAppend.run();
        return flusher.awaitFlushed(append.endOffset()).handle((flushed, error) -> settle(append, flushed, error));
    }

    private PutMessageResult settle(AppendResult append, Boolean flushed, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            String remark = cause instanceof FlushFailedException ? cause.getMessage() : "flush failed: " + cause;
            return PutMessageResult.rejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, remark);
        }
        return flushed ? new PutMessageResult(PutMessageStatus.PUT_OK, append, null)
                : new PutMessageResult(PutMessageStatus.FLUSH_DISK_TIMEOUT, append,
                        "not flushed within " + syncFlushTimeoutMillis + " ms");
    }

    private static CompletableFuture<PutMessageResult> rejected(PutMessageStatus status, String remark) {
        return CompletableFuture.completedFuture(PutMessageResult.rejected(status, remark));
    }

    long putMessageCount() {
        return putMessages.sum();
    }

    long putBytes() {
        return putBytes.sum();
    }
}
