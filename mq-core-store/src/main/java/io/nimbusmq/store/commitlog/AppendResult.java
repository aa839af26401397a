package io.nimbusmq.store.commitlog;

/**
 * Where an append landed.
 *
 * @param physicalOffset commit log offset of the first message
 * @param wroteBytes bytes written for all messages
 * @param queueOffset queue offset of the first message (0 for messages that are never dispatched)
 * @param storeTimestamp the store timestamp written into every message
 * @param physicalOffsets commit log offset of each message, in order
 */
public record AppendResult(long physicalOffset, int wroteBytes, long queueOffset, long storeTimestamp,
        long[] physicalOffsets) {

    public long endOffset() {
        return physicalOffset + wroteBytes;
    }

    public int messageCount() {
        return physicalOffsets.length;
    }
}
