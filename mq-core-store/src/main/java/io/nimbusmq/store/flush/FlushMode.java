package io.nimbusmq.store.flush;

/** When a write is forced to disk. */
public enum FlushMode {
    /** A background thread forces written bytes periodically; a put completes once its bytes are in memory. */
    ASYNC_FLUSH,
    /** A put completes only after its bytes are forced; concurrent puts share one force (group commit). */
    SYNC_FLUSH
}
