package io.nimbusmq.store;

/** The outcome of a put. Only {@link #PUT_OK} and {@link #FLUSH_DISK_TIMEOUT} mean the message was stored. */
public enum PutMessageStatus {
    PUT_OK,
    /** Stored, but not forced to disk within the SYNC_FLUSH timeout. */
    FLUSH_DISK_TIMEOUT,
    /** The store refuses writes: shutting down, disk full or an earlier I/O failure (see the remark). */
    SERVICE_NOT_AVAILABLE,
    /** A new segment could not be created. */
    CREATE_MAPPED_FILE_FAILED,
    /** The body is empty or larger than the maximum, or the batch is malformed. */
    MESSAGE_ILLEGAL,
    /** The property string is larger than the maximum. */
    PROPERTIES_SIZE_EXCEEDED,
    /** The topic name breaks RocketMQ's rules: {@code [%|a-zA-Z0-9_-]}, 1 to 127 characters. */
    TOPIC_ILLEGAL,
    UNKNOWN_ERROR;

    public boolean isStored() {
        return this == PUT_OK || this == FLUSH_DISK_TIMEOUT;
    }
}
