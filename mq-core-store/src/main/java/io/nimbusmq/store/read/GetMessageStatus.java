package io.nimbusmq.store.read;

/** The outcome of reading a queue, with RocketMQ's names (the broker maps each to a pull response code). */
public enum GetMessageStatus {
    FOUND,
    /** Entries were scanned but none passed the filter. */
    NO_MATCHED_MESSAGE,
    /** The scanned entries point at commit log data already deleted by retention. */
    MESSAGE_WAS_REMOVING,
    /** An entry exists but its message could not be read. */
    OFFSET_FOUND_NULL,
    /** The offset is beyond the next offset to be written. */
    OFFSET_OVERFLOW_BADLY,
    /** The offset is exactly the next offset to be written: nothing new yet. */
    OFFSET_OVERFLOW_ONE,
    /** The offset is below the queue's minimum. */
    OFFSET_TOO_SMALL,
    /** The queue does not exist. */
    NO_MATCHED_LOGIC_QUEUE,
    /** The queue exists but holds nothing. */
    NO_MESSAGE_IN_QUEUE
}
