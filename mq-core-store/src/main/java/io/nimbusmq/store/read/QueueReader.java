package io.nimbusmq.store.read;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.queue.ConsumeQueue;
import io.nimbusmq.store.queue.ConsumeQueueEntry;
import io.nimbusmq.store.queue.ConsumeQueueTable;

/**
 * Reads a queue: consume queue entries locate messages, the filter selects them by tag hash and then exactly, and the
 * matching messages come back as slices of the commit log. Also answers offset and time questions about a queue.
 *
 * <p>Records older than what this start's recovery validated are checked before they are handed out
 * ({@link CommitLog#keepIfValid}: magic, size, its own offset, body CRC, record CRC), so bytes damaged at rest are
 * never delivered: the entry is passed over like a hole, the damage logged once, and the consumer moves on.
 */
public final class QueueReader {

    /** How many entries one read scans at most, so that a very selective filter cannot make a read unbounded. */
    static final int MAX_SCANNED_ENTRIES = 16_000;
    private static final int ENTRIES_PER_SLICE = 1024;
    /** Enough leading bytes of a record to hold its store timestamp, whatever the host address families. */
    private static final int HEADER_BYTES_FOR_STORE_TIME = MessageCodec.BORN_HOST_POSITION + 20 + 8;

    private final ConsumeQueueTable consumeQueues;
    private final CommitLog commitLog;

    public QueueReader(ConsumeQueueTable consumeQueues, CommitLog commitLog) {
        this.consumeQueues = consumeQueues;
        this.commitLog = commitLog;
    }

    public GetMessageResult read(String topic, int queueId, long queueOffset, int maxMessages, int maxBytes,
            MessageFilter filter) {
        ConsumeQueue queue = consumeQueues.find(topic, queueId);
        if (queue == null) {
            return GetMessageResult.empty(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (max == 0) {
            return GetMessageResult.empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        }
        if (queueOffset < min) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (queueOffset == max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_ONE, queueOffset, min, max);
        }
        if (queueOffset > max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        return scan(queue, queueOffset, Math.max(1, maxMessages), maxBytes, filter, min, max);
    }

    private GetMessageResult scan(ConsumeQueue queue, long from, int maxMessages, int maxBytes, MessageFilter filter,
            long min, long max) {
        List<MappedSlice> found = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        ScanState state = new ScanState(from);
        long commitLogMin = commitLog.minOffset();
        while (state.next < max && state.scanned < MAX_SCANNED_ENTRIES && !state.full) {
            MappedSlice entries = queue.entries(state.next, ENTRIES_PER_SLICE);
            if (entries == null) {
                break;
            }
            try {
                scanEntries(entries.buffer(), state, found, offsets, maxMessages, maxBytes, filter, commitLogMin);
            } finally {
                entries.release();
            }
        }
        GetMessageStatus status = !found.isEmpty() ? GetMessageStatus.FOUND : state.emptyStatus();
        return new GetMessageResult(status, state.next, min, max, List.copyOf(found), List.copyOf(offsets));
    }

    private void scanEntries(ByteBuffer buf, ScanState state, List<MappedSlice> found, List<Long> offsets,
            int maxMessages, int maxBytes, MessageFilter filter, long commitLogMin) {
        for (int p = 0; p + ConsumeQueue.ENTRY_SIZE <= buf.limit(); p += ConsumeQueue.ENTRY_SIZE) {
            long physicalOffset = buf.getLong(p);
            int size = buf.getInt(p + 8);
            long tagsCode = buf.getLong(p + 12);
            if (found.size() >= maxMessages || (!found.isEmpty() && state.bytes + size > maxBytes)) {
                state.full = true;
                return;
            }
            state.scanned++;
            long queueOffset = state.next++;
            if (physicalOffset < 0) {
                continue;
            }
            if (physicalOffset < commitLogMin) {
                state.removing = true;
                continue;
            }
            if (!filter.matchesTagsCode(tagsCode)) {
                continue;
            }
            MappedSlice message = commitLog.slice(physicalOffset, size);
            if (message == null) {
                state.missing = true;
                continue;
            }
            if (!commitLog.keepIfValid(message)) {
                continue;
            }
            if (!filter.matchesMessage(message.buffer())) {
                message.release();
                continue;
            }
            found.add(message);
            offsets.add(queueOffset);
            state.bytes += size;
        }
    }

    private static final class ScanState {
        long next;
        int scanned;
        long bytes;
        boolean full;
        boolean removing;
        boolean missing;

        ScanState(long next) {
            this.next = next;
        }

        GetMessageStatus emptyStatus() {
            if (missing) {
                return GetMessageStatus.OFFSET_FOUND_NULL;
            }
            return removing ? GetMessageStatus.MESSAGE_WAS_REMOVING : GetMessageStatus.NO_MATCHED_MESSAGE;
        }
    }

    public long minOffset(String topic, int queueId) {
        ConsumeQueue queue = consumeQueues.find(topic, queueId);
        return queue == null ? 0 : queue.minOffset();
    }

    public long maxOffset(String topic, int queueId) {
        ConsumeQueue queue = consumeQueues.find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    /** Store time of the oldest message still in the queue, or -1 if there is none. */
    public long earliestStoreTime(String topic, int queueId) {
        ConsumeQueue queue = consumeQueues.find(topic, queueId);
        if (queue == null || queue.maxOffset() <= queue.minOffset()) {
            return -1;
        }
        return storeTimestamp(queue, queue.minOffset());
    }

    /**
     * The queue offset for a time: with LOWER the first entry stored at or after it, with UPPER the last entry stored
     * at or before it; clamped to [min, max].
     */
    public long offsetForTimestamp(String topic, int queueId, long timestampMillis, BoundaryType boundary) {
        ConsumeQueue queue = consumeQueues.find(topic, queueId);
        if (queue == null) {
            return 0;
        }
        long low = queue.minOffset();
        long high = queue.maxOffset() - 1;
        if (high < low) {
            return queue.maxOffset();
        }
        if (boundary == BoundaryType.LOWER) {
            long result = queue.maxOffset();
            while (low <= high) {
                long mid = (low + high) >>> 1;
                if (storeTimestamp(queue, mid) >= timestampMillis) {
                    result = mid;
                    high = mid - 1;
                } else {
                    low = mid + 1;
                }
            }
            return result;
        }
        long result = queue.minOffset();
        while (low <= high) {
            long mid = (low + high) >>> 1;
            if (storeTimestamp(queue, mid) <= timestampMillis) {
                result = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return result;
    }

    /** Store time of the entry's message; holes and deleted messages count as the oldest possible time. */
    private long storeTimestamp(ConsumeQueue queue, long queueOffset) {
        ConsumeQueueEntry entry = queue.entry(queueOffset);
        if (entry == null || entry.isHole()) {
            return Long.MIN_VALUE;
        }
        MappedSlice header = commitLog.slice(entry.physicalOffset(), HEADER_BYTES_FOR_STORE_TIME);
        if (header == null) {
            return Long.MIN_VALUE;
        }
        try {
            ByteBuffer buf = header.buffer();
            int sysFlag = buf.getInt(MessageCodec.SYS_FLAG_POSITION);
            return buf.getLong(MessageCodec.storeTimestampPosition(sysFlag));
        } finally {
            header.release();
        }
    }
}
