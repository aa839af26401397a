package io.nimbusmq.broker.console.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.BoundaryType;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;

/**
 * Reads stored messages for the console: a range of one queue, the newest messages of a topic, a topic's messages
 * between two times; and turns them into {@link MessageViews.Summary}s. Reads copy what they keep and release the
 * store's slices before returning.
 */
final class MessageReader {

    private static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;
    private static final Comparator<StoredMessage> NEWEST_FIRST = Comparator
            .comparingLong(StoredMessage::storeTimestamp).reversed()
            .thenComparing(Comparator.comparingLong(StoredMessage::physicalOffset).reversed());

    private final MessageStore store;
    private final TopicConfigTable topics;

    MessageReader(MessageStore store, TopicConfigTable topics) {
        this.store = store;
        this.topics = topics;
    }

    /** Up to {@code max} messages of one queue from {@code fromOffset} (at most to {@code toOffset}, exclusive). */
    List<StoredMessage> read(String topic, int queueId, long fromOffset, long toOffset, int max) {
        List<StoredMessage> messages = new ArrayList<>();
        long next = Math.max(fromOffset, store.minOffsetInQueue(topic, queueId));
        while (next < toOffset && messages.size() < max) {
            int batch = (int) Math.min(max - messages.size(), Math.min(toOffset - next, 256));
            try (GetMessageResult result = store.getMessages(topic, queueId, next, batch, MAX_BATCH_BYTES,
                    MessageFilter.ALL)) {
                for (int i = 0; i < result.messageCount() && result.queueOffsets().get(i) < toOffset; i++) {
                    MappedSlice slice = result.messages().get(i);
                    messages.add(MessageCodec.decode(slice.buffer().duplicate().position(0)));
                }
                if (result.nextBeginOffset() <= next) {
                    break;
                }
                next = result.nextBeginOffset();
            }
        }
        return messages;
    }

    /** The queue count to read a topic by: every queue a message may be in. */
    int queueCount(String topic) {
        TopicConfig config = topics.find(topic);
        if (config == null) {
            throw new java.util.NoSuchElementException("There is no topic " + topic + " on this broker.");
        }
        return Math.max(config.readQueueNums(), config.writeQueueNums());
    }

    /** The newest {@code limit} messages of a topic over all its queues, newest first. */
    MessageViews.SearchResult newest(String topic, int limit) {
        List<StoredMessage> found = new ArrayList<>();
        boolean truncated = false;
        for (int queueId = 0; queueId < queueCount(topic); queueId++) {
            long max = store.maxOffsetInQueue(topic, queueId);
            long from = Math.max(store.minOffsetInQueue(topic, queueId), max - limit);
            truncated |= from > store.minOffsetInQueue(topic, queueId);
            found.addAll(read(topic, queueId, from, max, limit));
        }
        return newestFirst(found, limit, truncated);
    }

    /** Messages of a topic stored in {@code [beginMillis, endMillis]}, newest first. */
    MessageViews.SearchResult between(String topic, long beginMillis, long endMillis, int limit) {
        List<StoredMessage> found = new ArrayList<>();
        boolean truncated = false;
        for (int queueId = 0; queueId < queueCount(topic); queueId++) {
            long from = store.offsetForTimestamp(topic, queueId, beginMillis, BoundaryType.LOWER);
            long to = endMillis == Long.MAX_VALUE ? store.maxOffsetInQueue(topic, queueId)
                    : store.offsetForTimestamp(topic, queueId, endMillis + 1, BoundaryType.LOWER);
            long start = Math.max(from, to - limit);
            truncated |= start > from;
            for (StoredMessage message : read(topic, queueId, start, to, limit)) {
                if (message.storeTimestamp() >= beginMillis && message.storeTimestamp() <= endMillis) {
                    found.add(message);
                }
            }
        }
        return newestFirst(found, limit, truncated);
    }

    MessageViews.SearchResult newestFirst(List<StoredMessage> found, int limit, boolean truncated) {
        List<StoredMessage> sorted = new ArrayList<>(found);
        sorted.sort(NEWEST_FIRST);
        boolean cut = sorted.size() > limit;
        return new MessageViews.SearchResult(sorted.stream().limit(limit).map(MessageReader::summary).toList(),
                truncated || cut);
    }

    static MessageViews.Summary summary(StoredMessage m) {
        return new MessageViews.Summary(m.property(MessageConst.UNIQ_KEY), offsetMsgId(m), m.topic(), m.queueId(),
                m.queueOffset(), m.property(MessageConst.TAGS), m.property(MessageConst.KEYS), m.storeTimestamp(),
                m.bornTimestamp(), m.body().length, m.reconsumeTimes());
    }

    static String offsetMsgId(StoredMessage m) {
        return MessageIds.offsetMessageId(m.storeHost(), m.physicalOffset());
    }
}
