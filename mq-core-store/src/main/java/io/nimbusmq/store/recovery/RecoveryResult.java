package io.nimbusmq.store.recovery;

/**
 * What recovery found and did.
 *
 * @param cleanShutdown whether the previous run stopped cleanly
 * @param scannedFromOffset where validation of the commit log started
 * @param commitLogEnd where valid data ends; new messages go here
 * @param truncatedBytes bytes of torn or corrupt data cut from the tail (before the end of the last segment)
 * @param stopReason why validation stopped: the reason of a corrupt record, or {@code "end of data"}
 * @param redispatchedFromOffset where re-feeding consume queues and the index started
 * @param durationMillis how long recovery took
 */
public record RecoveryResult(boolean cleanShutdown, long scannedFromOffset, long commitLogEnd, long truncatedBytes,
        String stopReason, long redispatchedFromOffset, long durationMillis) {
}
