package io.nimbusmq.store.read;

import java.util.List;

import io.nimbusmq.store.file.MappedSlice;

/**
 * Messages read from a queue, as slices of the mapped commit log (no copies). Release the result once the bytes are
 * sent; until then the segments stay mapped.
 *
 * @param nextBeginOffset the queue offset to read from next
 * @param minOffset the queue's minimum offset at the time of the read
 * @param maxOffset the queue's next offset to be written at the time of the read
 * @param messages the stored messages, each a complete record
 * @param queueOffsets the queue offset of each message
 */
public record GetMessageResult(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset,
        List<MappedSlice> messages, List<Long> queueOffsets) implements AutoCloseable {

    public static GetMessageResult empty(GetMessageStatus status, long nextBeginOffset, long minOffset,
            long maxOffset) {
        return new GetMessageResult(status, nextBeginOffset, minOffset, maxOffset, List.of(), List.of());
    }

    public int messageCount() {
        return messages.size();
    }

    public int totalBytes() {
        int total = 0;
        for (MappedSlice slice : messages) {
            total += slice.sizeBytes();
        }
        return total;
    }

    public void release() {
        messages.forEach(MappedSlice::release);
    }

    @Override
    public void close() {
        release();
    }
}
