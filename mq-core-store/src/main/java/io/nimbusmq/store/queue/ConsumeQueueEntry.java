package io.nimbusmq.store.queue;

/**
 * One consume queue entry.
 *
 * @param queueOffset the entry number
 * @param physicalOffset where the message starts in the commit log; -1 for a hole
 * @param sizeBytes the message size
 * @param tagsCode the tag hash used for filtering
 */
public record ConsumeQueueEntry(long queueOffset, long physicalOffset, int sizeBytes, long tagsCode) {

    public boolean isHole() {
        return physicalOffset < 0;
    }
}
