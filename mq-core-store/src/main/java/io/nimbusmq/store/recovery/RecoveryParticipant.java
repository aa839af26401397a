package io.nimbusmq.store.recovery;

/**
 * A structure derived from the commit log (consume queues, the index) that {@link StoreRecovery} brings back in line
 * with it at start-up.
 */
public interface RecoveryParticipant {

    /**
     * Drops whatever this structure cannot trust and says from where it needs the commit log dispatched again.
     *
     * @param commitLogEnd where valid commit log data ends after recovery truncated any torn tail
     * @param dispatchSafeOffset the checkpoint's guarantee: every message before it was dispatched and forced
     *        ({@code <= commitLogEnd})
     * @return the commit log offset from which this structure must be re-fed; at most {@code dispatchSafeOffset}
     */
    long recover(long commitLogEnd, long dispatchSafeOffset);
}
