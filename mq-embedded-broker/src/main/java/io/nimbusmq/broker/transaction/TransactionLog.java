package io.nimbusmq.broker.transaction;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.PutMessageResult;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction state as it lives in the commit log: the half queue ({@value HalfMessages#HALF_TOPIC} queue 0),
 * the op queue ({@value HalfMessages#OP_TOPIC} queue 0) and the messages derived from them. No state of its own:
 * after a restart the store's recovery has rebuilt both queues, and this reads them again.
 */
public final class TransactionLog {

    private static final Logger log = LoggerFactory.getLogger(TransactionLog.class);
    private static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    private final MessageStore store;
    private final Supplier<InetSocketAddress> storeHost;
    private final Clock clock;
    private final TopicConfigTable topics;

    /**
     * @param storeHost the broker's advertised address, for the op messages it writes
     * @param topics where {@value HalfMessages#CHECK_MAX_TIME_TOPIC} is created on its first discarded message
     */
    public TransactionLog(MessageStore store, Supplier<InetSocketAddress> storeHost, Clock clock,
            TopicConfigTable topics) {
        this.store = store;
        this.storeHost = storeHost;
        this.clock = clock;
        this.topics = topics;
    }

    /** A message read from a queue, with its queue offset. */
    record Entry(long queueOffset, StoredMessage message) {
    }

    /**
     * Messages read from a queue.
     *
     * @param nextQueueOffset where the next read starts; past entries whose messages are gone (retention)
     */
    record Batch(List<Entry> entries, long nextQueueOffset) {
    }

    /** The message at a commit log offset, or null when no intact message starts there. */
    StoredMessage look(long physicalOffset) {
        return physicalOffset < 0 ? null : store.lookMessage(physicalOffset);
    }

    /** Up to {@code maxMessages} messages of queue 0 of {@code topic} from {@code queueOffset}. */
    Batch read(String topic, long queueOffset, int maxMessages) {
        try (GetMessageResult result = store.getMessages(topic, HalfMessages.HALF_QUEUE_ID, queueOffset,
                maxMessages, MAX_BATCH_BYTES, MessageFilter.ALL)) {
            List<Entry> entries = new ArrayList<>(result.messageCount());
            for (int i = 0; i < result.messageCount(); i++) {
                MappedSlice slice = result.messages().get(i);
                entries.add(new Entry(result.queueOffsets().get(i), MessageCodec.decode(slice.buffer())));
            }
            return new Batch(entries, Math.max(queueOffset, result.nextBeginOffset()));
        }
    }

    long minOffset(String topic) {
        return store.minOffsetInQueue(topic, HalfMessages.HALF_QUEUE_ID);
    }

    /** The next queue offset to be written, as far as the consume queue is dispatched. */
    long maxOffset(String topic) {
        return store.maxOffsetInQueue(topic, HalfMessages.HALF_QUEUE_ID);
    }

    CompletableFuture<PutMessageResult> put(MessageInput message) {
        return store.putMessage(message);
    }

    /** Appends a message and reads it back as stored, or returns null (logged) if it could not be stored. */
    StoredMessage putAndLook(MessageInput message) {
        PutMessageResult result = store.putMessage(message).join();
        if (!result.status().isStored()) {
            log.error("Could not append to {}: {} {}", message.topic(), result.status(), result.remark());
            return null;
        }
        return store.lookMessage(result.append().physicalOffset());
    }

    /** Records that the half message at {@code halfQueueOffset} is resolved; completes with whether it was stored. */
    CompletableFuture<Boolean> writeOp(long halfQueueOffset) {
        return store.putMessage(OpMessages.forHalf(halfQueueOffset, storeHost.get(), clock.millis()))
                .handle((result, error) -> {
                    boolean stored = error == null && result.status().isStored();
                    if (!stored) {
                        log.error("Could not record the resolution of half message {}: {}", halfQueueOffset,
                                error != null ? error : result.status() + " " + result.remark());
                    }
                    return stored;
                });
    }

    /** Moves a half message that was checked too often to {@value HalfMessages#CHECK_MAX_TIME_TOPIC}. */
    boolean discard(StoredMessage half) {
        topics.createSingleQueueTopicIfAbsent(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC);
        return putAndLook(HalfMessages.discarded(half)) != null;
    }
}
