package io.nimbusmq.store.recovery;

import java.util.List;

import io.nimbusmq.store.commitlog.DamagedRanges;

/**
 * What recovery found and did.
 *
 * @param cleanShutdown whether the previous run stopped cleanly
 * @param scannedFromOffset where validation of the commit log started
 * @param commitLogEnd where valid data ends; new messages go here
 * @param truncatedBytes bytes of torn or corrupt data cut from the tail (before the end of the last segment)
 * @param stopReason why validation stopped: the reason of a corrupt record, or {@code "end of data"}
 * @param damaged the damaged ranges found before the end: skipped, with every valid record after them kept
 * @param redispatchedFromOffset where re-feeding consume queues and the index started
 * @param durationMillis how long recovery took
 */
public record RecoveryResult(boolean cleanShutdown, long scannedFromOffset, long commitLogEnd, long truncatedBytes,
        String stopReason, List<DamagedRanges.Range> damaged, long redispatchedFromOffset, long durationMillis) {

    public RecoveryResult {
        damaged = List.copyOf(damaged);
    }

    /** Records lost in the damaged ranges (see {@link DamagedRanges.Range#lostRecords()}). */
    public long lostRecords() {
        return damaged.stream().mapToLong(DamagedRanges.Range::lostRecords).sum();
    }
}
