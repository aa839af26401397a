package io.nimbusmq.store;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.dispatch.CommitLogDispatcher;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.BoundaryType;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import io.nimbusmq.store.read.QueryMessageResult;
import io.nimbusmq.store.recovery.RecoveryResult;

/**
 * A message store: append messages, read them back by queue, by offset or by key.
 *
 * <p>Writes return futures so that callers on network threads never wait for the disk: with SYNC_FLUSH the future
 * completes once the bytes are forced. Reads return slices of mapped files that must be released.
 */
public interface MessageStore {

    /** Opens the directory, recovers and starts the background services. */
    void start() throws IOException;

    /** Stops accepting writes, flushes everything, writes a clean checkpoint and closes the files. */
    void shutdown();

    CompletableFuture<PutMessageResult> putMessage(MessageInput message);

    /** Stores messages of one topic and queue as one contiguous run with consecutive queue offsets. */
    CompletableFuture<PutMessageResult> putMessages(List<MessageInput> messages);

    /**
     * Reads up to {@code maxMessages} messages, or {@code maxBytes} (always at least one message), from a queue,
     * starting at {@code queueOffset}.
     */
    GetMessageResult getMessages(String topic, int queueId, long queueOffset, int maxMessages, int maxBytes,
            MessageFilter filter);

    long minOffsetInQueue(String topic, int queueId);

    /** The next queue offset to be written (0 for an unknown queue). */
    long maxOffsetInQueue(String topic, int queueId);

    long offsetForTimestamp(String topic, int queueId, long timestampMillis, BoundaryType boundary);

    /** Store time of the oldest message in the queue, or -1. */
    long earliestMessageTime(String topic, int queueId);

    /** The raw record at a commit log offset, or null; release it when done. */
    MappedSlice readMessage(long physicalOffset);

    /** The record at a commit log offset, decoded and integrity-checked, or null. */
    StoredMessage lookMessage(long physicalOffset);

    QueryMessageResult queryByKey(String topic, String key, int maxResults, long beginMillis, long endMillis);

    QueryMessageResult queryByUniqueKey(String topic, String uniqKey, int maxResults, long beginMillis,
            long endMillis);

    /** Deletes a topic's consume queues; its messages leave the commit log with retention. */
    void deleteTopic(String topic);

    List<String> topics();

    long commitLogMinOffset();

    long commitLogMaxOffset();

    /** Registers a listener for every dispatched message (long polling, schedulers). */
    void addDispatcher(CommitLogDispatcher dispatcher);

    boolean isWritable();

    /** Why writes are refused, or null. */
    String notWritableReason();

    /** What recovery did at the last start. */
    RecoveryResult recoveryResult();

    StoreStats stats();
}
