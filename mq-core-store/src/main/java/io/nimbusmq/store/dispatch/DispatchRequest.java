package io.nimbusmq.store.dispatch;

/**
 * One stored message, as seen by the structures derived from the commit log. Built by the dispatch thread from the
 * record's bytes, without its property string.
 *
 * @param tagsCode the value the consume queue stores for filtering: the hash of the TAGS property, 0 without tags
 * @param keys the KEYS property (space-separated), or null
 * @param uniqKey the UNIQ_KEY property, or null
 */
public record DispatchRequest(
        String topic,
        int queueId,
        long queueOffset,
        long physicalOffset,
        int sizeBytes,
        long tagsCode,
        long storeTimestamp,
        int sysFlag,
        String keys,
        String uniqKey) {

    public long endOffset() {
        return physicalOffset + sizeBytes;
    }
}
