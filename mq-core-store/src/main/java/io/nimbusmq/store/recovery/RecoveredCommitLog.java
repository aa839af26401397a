package io.nimbusmq.store.recovery;

import java.util.List;

import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.store.commitlog.DamagedRanges;

/**
 * What recovery found in the commit log, handed to every {@link RecoveryParticipant}.
 *
 * @param end where valid data ends, after any torn tail was cut
 * @param dispatchSafeOffset the checkpoint's guarantee: every message before it was dispatched and forced
 *        ({@code <= end})
 * @param damaged ranges before {@code end} whose bytes are damaged; no valid record starts inside one
 * @param records reads the record that starts at an offset below {@code end}
 */
public record RecoveredCommitLog(long end, long dispatchSafeOffset, List<DamagedRanges.Range> damaged,
        RecordLookup records) {

    /** Reads a record of the recovered commit log. */
    @FunctionalInterface
    public interface RecordLookup {

        /** What the record that starts at {@code physicalOffset} holds, or null if no record starts there. */
        MessageMeta recordAt(long physicalOffset);
    }

    public RecoveredCommitLog {
        damaged = List.copyOf(damaged);
    }

    /** Whether {@code physicalOffset} lies in a damaged range. */
    public boolean isDamaged(long physicalOffset) {
        for (DamagedRanges.Range range : damaged) {
            if (range.contains(physicalOffset)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a damaged range starts before {@code offset}. */
    public boolean hasDamageBefore(long offset) {
        return damaged.stream().anyMatch(range -> range.startOffset() < offset);
    }
}
