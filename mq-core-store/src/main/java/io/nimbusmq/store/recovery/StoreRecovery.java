package io.nimbusmq.store.recovery;

import java.util.List;
import java.util.function.LongConsumer;

import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store back to a consistent state at start-up. One {@link #load()} call, one result.
 *
 * <ol>
 * <li><b>Commit log.</b> After a clean stop, validation starts at the checkpoint's flushed offset (where the last
 * run ended). After an unclean stop it starts at the beginning of the segment that holds the checkpoint (or the
 * oldest segment without a checkpoint), so the whole tail is re-validated. Every record is checked for magic, size,
 * physical offset, body CRC and record CRC; the log is cut before the first record that fails, and stale bytes after
 * the cut are zeroed. Nothing before the damage is lost and nothing damaged is ever served.</li>
 * <li><b>Derived structures.</b> Each {@link RecoveryParticipant} drops what the checkpoint does not vouch for (and
 * anything past the valid end) and names the offset it must be re-fed from.</li>
 * <li><b>Re-dispatch.</b> The commit log from the smallest of those offsets up to the valid end is dispatched again
 * through the regular dispatchers, which are idempotent.</li>
 * </ol>
 */
public final class StoreRecovery {

    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

    private final MappedFileQueue commitLog;
    private final StoreCheckpoint checkpoint;
    private final boolean cleanShutdown;
    private final List<RecoveryParticipant> participants;
    private final LongConsumer redispatch;

    /**
     * @param checkpoint the last checkpoint, or null if there is none
     * @param redispatch dispatches the commit log from the given offset up to its current end
     */
    public StoreRecovery(MappedFileQueue commitLog, StoreCheckpoint checkpoint, boolean cleanShutdown,
            List<RecoveryParticipant> participants, LongConsumer redispatch) {
        this.commitLog = commitLog;
        this.checkpoint = checkpoint;
        this.cleanShutdown = cleanShutdown;
        this.participants = List.copyOf(participants);
        this.redispatch = redispatch;
    }

    public RecoveryResult load() {
        long started = System.nanoTime();
        long minOffset = commitLog.minOffset();
        List<MappedFile> segments = commitLog.segments();
        long scanFrom = scanStart(segments, minOffset);
        CommitLogScanner.ScanResult scan = CommitLogScanner.scan(segments, scanFrom);
        long validEnd = scan.validEnd();
        long staleEnd = CommitLogScanner.staleDataEnd(segments, validEnd);
        commitLog.truncateTo(validEnd);
        long truncated = Math.max(0, staleEnd - validEnd);
        if (truncated > 0) {
            log.warn("Commit log cut at {}: {} ({} bytes dropped)", validEnd, scan.stopReason(), truncated);
        }

        long dispatchSafe = checkpoint == null ? minOffset
                : Math.max(minOffset, Math.min(checkpoint.dispatchSafeOffset(), validEnd));
        long redispatchFrom = dispatchSafe;
        for (RecoveryParticipant participant : participants) {
            redispatchFrom = Math.min(redispatchFrom, participant.recover(validEnd, dispatchSafe));
        }
        redispatchFrom = Math.max(redispatchFrom, minOffset);
        redispatch.accept(redispatchFrom);
        long millis = (System.nanoTime() - started) / 1_000_000;
        RecoveryResult result = new RecoveryResult(cleanShutdown, scanFrom, validEnd, truncated, scan.stopReason(),
                redispatchFrom, millis);
        log.info("Store recovered: {}", result);
        return result;
    }

    private long scanStart(List<MappedFile> segments, long minOffset) {
        if (segments.isEmpty()) {
            return minOffset;
        }
        if (checkpoint == null) {
            return minOffset;
        }
        long checkpointOffset = Math.min(checkpoint.commitLogFlushedOffset(), checkpoint.dispatchSafeOffset());
        if (checkpointOffset < minOffset) {
            return minOffset;
        }
        if (cleanShutdown) {
            return checkpoint.commitLogFlushedOffset() >= minOffset ? checkpoint.commitLogFlushedOffset() : minOffset;
        }
        for (MappedFile segment : segments) {
            if (checkpointOffset < segment.fileFromOffset() + segment.fileSize()) {
                return segment.fileFromOffset();
            }
        }
        return segments.get(segments.size() - 1).fileFromOffset();
    }
}
