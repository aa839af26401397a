package io.nimbusmq.store.recovery;

/**
 * A structure derived from the commit log (consume queues, the index) that {@link StoreRecovery} brings back in line
 * with it at start-up.
 */
public interface RecoveryParticipant {

    /**
     * Drops whatever this structure cannot trust, stops pointing into damaged ranges, and says from where it needs
     * the commit log dispatched again.
     *
     * @return the commit log offset from which this structure must be re-fed; at most
     *         {@link RecoveredCommitLog#dispatchSafeOffset()}
     */
    long recover(RecoveredCommitLog log);
}
