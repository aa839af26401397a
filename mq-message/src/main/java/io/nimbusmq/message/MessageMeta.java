package io.nimbusmq.message;

/** The parts of a stored message that indexes and dispatchers need, read without copying the body. */
public record MessageMeta(
        int sizeBytes,
        int queueId,
        long queueOffset,
        long physicalOffset,
        int sysFlag,
        long storeTimestamp,
        String topic,
        String properties) {
}
